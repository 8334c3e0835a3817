/* Unit tests for src/tui/textedit.h: the built-in editor's text. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/text.h"
#include "../../src/tui/textedit.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!test_utf8_locale()) {
		fprintf(stderr, "test_textedit: no UTF-8 LC_CTYPE could be set\n");
		return -1;
	}
	return 0;
}

static void check(const struct textedit *e)
{
	size_t bad = 0;

	assert_int_equal(strlen(e->buf), e->len);
	assert_true(e->cursor <= e->len);
	if (!utf8_valid(e->buf, e->len, &bad))
		fail_msg("buffer is not valid UTF-8 at byte %zu", bad);
	if (e->cursor < e->len)
		assert_int_not_equal((unsigned char)e->buf[e->cursor] & 0xC0, 0x80);
}

static void type(struct textedit *e, const char *s)
{
	size_t p = 0, len = strlen(s);

	while (p < len) {
		uint32_t cp;

		p += utf8_decode(s + p, len - p, &cp);
		assert_true(textedit_insert(e, cp));
		check(e);
	}
}

static void test_init_and_type(void **state)
{
	struct textedit e;

	(void)state;
	assert_true(textedit_init(&e, "ab\xff"));
	check(&e);
	assert_string_equal(e.buf, "ab\xef\xbf\xbd");  /* invalid byte: U+FFFD */
	assert_int_equal(e.cursor, 0);
	assert_false(e.modified);
	type(&e, "情報\n");
	assert_string_equal(e.buf, "情報\nab\xef\xbf\xbd");
	assert_true(e.modified);
	/* Controls other than the line break are refused. */
	assert_false(textedit_insert(&e, '\t'));
	assert_false(textedit_insert(&e, 0x1B));
	assert_false(textedit_insert(&e, 0x202E));
	assert_string_equal(e.buf, "情報\nab\xef\xbf\xbd");
	textedit_free(&e);
}

static void test_backspace_delete_whole_characters(void **state)
{
	struct textedit e;

	(void)state;
	assert_true(textedit_init(&e, NULL));
	type(&e, "管理\n策");
	assert_true(textedit_backspace(&e));   /* 策: three bytes at once */
	check(&e);
	assert_string_equal(e.buf, "管理\n");
	assert_true(textedit_backspace(&e));   /* the line break: lines join */
	assert_string_equal(e.buf, "管理");
	textedit_left(&e);
	check(&e);
	assert_int_equal(e.cursor, 3);
	assert_true(textedit_delete(&e));
	assert_string_equal(e.buf, "管");
	assert_false(textedit_delete(&e));
	textedit_home(&e);
	assert_false(textedit_backspace(&e));
	textedit_free(&e);
}

static void test_home_end_are_the_line(void **state)
{
	struct textedit e;

	(void)state;
	assert_true(textedit_init(&e, "first\nsecond line\nthird"));
	textedit_right(&e);
	for (int k = 0; k < 6; k++)
		textedit_right(&e);
	assert_int_equal(e.cursor, 7);        /* "s|econd" */
	textedit_end(&e);
	assert_int_equal(e.cursor, 17);       /* before the second \n */
	textedit_home(&e);
	assert_int_equal(e.cursor, 6);
	textedit_free(&e);
}

/* Japanese wraps in cells: ten characters at width 8 are rows of four
 * (8 cells), never a character cut in half at an odd width. */
static void test_rows_wrap_in_cells(void **state)
{
	struct textedit e;
	size_t end, next, row;
	int col;

	(void)state;
	assert_true(textedit_init(&e, "情報セキュリティ管理"));
	assert_int_equal(textedit_row_count(&e, 8), 3);
	next = textedit_row(&e, 0, 8, &end);
	assert_int_equal(end, 12);
	assert_int_equal(next, 12);
	/* Width 7: three characters (6 cells) a row; the 7th cell is empty. */
	assert_int_equal(textedit_row(&e, 0, 7, &end), 9);
	assert_int_equal(textedit_row_count(&e, 7), 4);
	/* The cursor at the end of a full last row goes to a new row. */
	textedit_free(&e);
	assert_true(textedit_init(&e, "abcd"));
	textedit_end(&e);
	textedit_cursor_at(&e, 4, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	textedit_cursor_at(&e, 5, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 4);
	textedit_free(&e);
}

static void test_cursor_column_is_cells(void **state)
{
	struct textedit e;
	size_t row;
	int col;

	(void)state;
	assert_true(textedit_init(&e, "a\n情報x"));
	textedit_end(&e);
	textedit_right(&e);
	textedit_right(&e);
	textedit_right(&e);
	textedit_cursor_at(&e, 80, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);
	textedit_free(&e);
}

/* Up and Down move by rows, keep the column, and land on a character's
 * start even when the column falls in a wide character. */
static void test_up_down(void **state)
{
	struct textedit e;
	size_t row;
	int col;

	(void)state;
	assert_true(textedit_init(&e, "abcde\n情報セキュリティ\nxy"));
	for (int k = 0; k < 3; k++)
		textedit_right(&e);
	assert_false(textedit_up(&e, 80));
	assert_true(textedit_down(&e, 80));
	check(&e);
	textedit_cursor_at(&e, 80, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 2);     /* column 3 is inside 報: before it */
	assert_true(textedit_down(&e, 80));
	textedit_cursor_at(&e, 80, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 2);     /* "xy" is shorter: its end */
	assert_false(textedit_down(&e, 80));
	/* Back up: the column remembered is still 3. */
	assert_true(textedit_up(&e, 80));
	assert_true(textedit_up(&e, 80));
	assert_int_equal(e.cursor, 3);
	/* Down through a wrapped row at width 6: 情報セ | キュリ | ティ. */
	textedit_free(&e);
	assert_true(textedit_init(&e, "情報セキュリティ"));
	textedit_end(&e);
	textedit_cursor_at(&e, 6, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 4);
	assert_true(textedit_up(&e, 6));
	check(&e);
	textedit_cursor_at(&e, 6, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);
	assert_true(textedit_up(&e, 6));
	textedit_cursor_at(&e, 6, &row, &col);
	assert_int_equal(row, 0);
	assert_int_equal(col, 4);
	textedit_free(&e);
}

/* Every row of a long text of mixed widths fits its width, and the rows
 * cover the text with nothing lost. */
static void test_rows_cover_the_text(void **state)
{
	struct textedit e;

	(void)state;
	assert_true(textedit_init(&e, "a情b報\n\nセキュリティabc\n"));
	for (int width = 1; width <= 20; width++) {
		size_t start = 0, end, next, covered = 0;

		for (;;) {
			next = textedit_row(&e, start, width, &end);
			assert_true(end >= start);
			assert_true(text_width_n(e.buf + start, end - start) <= (width < 2 ? 2 : width));
			covered += end - start;
			if (next == TEXTEDIT_LAST)
				break;
			assert_true(next > start);  /* the rows move on */
			if (next > end)
				covered += next - end;
			start = next;
		}
		assert_int_equal(covered, e.len);
	}
	textedit_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_type),
		cmocka_unit_test(test_backspace_delete_whole_characters),
		cmocka_unit_test(test_home_end_are_the_line),
		cmocka_unit_test(test_rows_wrap_in_cells),
		cmocka_unit_test(test_cursor_column_is_cells),
		cmocka_unit_test(test_up_down),
		cmocka_unit_test(test_rows_cover_the_text),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
