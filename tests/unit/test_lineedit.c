/* Unit tests for src/tui/lineedit.h: a one-line UTF-8 editor. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/text.h"
#include "../../src/tui/lineedit.h"

#define CP_JOU 0x60C5u   /* 情: 3 bytes, 2 cells */
#define CP_HOU 0x5831u   /* 報 */
#define CP_SMILE 0x1F600u /* 4 bytes */

static int setup_locale(void **state)
{
	(void)state;
	if (!test_utf8_locale()) {
		fprintf(stderr, "test_lineedit: no UTF-8 LC_CTYPE could be set "
			"(test_utf8_locale() returned false)\n");
		return -1;
	}
	return 0;
}

/* The invariants the header promises after every operation. */
static void check(const struct lineedit *e)
{
	size_t bad = 0;

	assert_true(e->len < LINEEDIT_MAX);
	assert_int_equal(strlen(e->buf), e->len);
	assert_true(e->cursor <= e->len);
	if (!utf8_valid(e->buf, e->len, &bad))
		fail_msg("buffer is not valid UTF-8 at byte %zu", bad);
	/* The cursor is on a character boundary. */
	if (e->cursor < e->len)
		assert_int_not_equal((unsigned char)e->buf[e->cursor] & 0xC0, 0x80);
}

static void insert_str(struct lineedit *e, const char *s)
{
	size_t len = strlen(s), pos = 0;

	while (pos < len) {
		uint32_t cp;

		pos += utf8_decode(s + pos, len - pos, &cp);
		assert_true(lineedit_insert(e, cp));
		check(e);
	}
}

static void test_clear(void **state)
{
	struct lineedit e;

	(void)state;
	memset(&e, 'x', sizeof(e));
	lineedit_clear(&e);
	assert_string_equal(e.buf, "");
	assert_int_equal(e.len, 0);
	assert_int_equal(e.cursor, 0);
}

static void test_insert_japanese(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_clear(&e);
	assert_true(lineedit_insert(&e, CP_JOU));
	check(&e);
	assert_string_equal(e.buf, "情");
	assert_int_equal(e.len, 3);
	assert_int_equal(e.cursor, 3);
	assert_true(lineedit_insert(&e, CP_HOU));
	assert_string_equal(e.buf, "情報");
	assert_int_equal(e.cursor, 6);
	assert_true(lineedit_insert(&e, 'a'));
	assert_true(lineedit_insert(&e, 0xE9));
	assert_true(lineedit_insert(&e, CP_SMILE));
	check(&e);
	assert_string_equal(e.buf, "情報a\xC3\xA9\xF0\x9F\x98\x80");
	assert_int_equal(e.len, 6 + 1 + 2 + 4);
	assert_int_equal(e.cursor, e.len);
}

static void test_insert_in_middle(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_clear(&e);
	insert_str(&e, "情報");
	lineedit_left(&e);
	assert_int_equal(e.cursor, 3);
	assert_true(lineedit_insert(&e, 0x30FB));  /* ・ */
	check(&e);
	assert_string_equal(e.buf, "情・報");
	assert_int_equal(e.cursor, 6);
	lineedit_home(&e);
	assert_true(lineedit_insert(&e, 'x'));
	assert_string_equal(e.buf, "x情・報");
	assert_int_equal(e.cursor, 1);
}

static void test_set(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "管理策");
	check(&e);
	assert_string_equal(e.buf, "管理策");
	assert_int_equal(e.len, 9);
	assert_int_equal(e.cursor, 9);
	lineedit_set(&e, "");
	check(&e);
	assert_int_equal(e.len, 0);
}

static void test_set_too_long_cuts_on_boundary(void **state)
{
	static char big[LINEEDIT_MAX * 2];
	struct lineedit e;
	size_t n = 0;

	(void)state;
	/* 3-byte characters: the limit (1023 bytes) falls on a boundary at
	 * 341 characters; shift by one ASCII byte so it does not. */
	big[n++] = 'a';
	while (n + 3 < sizeof(big)) {
		memcpy(big + n, "情", 3);
		n += 3;
	}
	big[n] = '\0';
	lineedit_set(&e, big);
	check(&e);
	assert_true(e.len <= LINEEDIT_MAX - 1);
	assert_int_equal((e.len - 1) % 3, 0);
	assert_int_equal(e.len, 1 + 340 * 3);
	assert_memory_equal(e.buf, big, e.len);
}

static void test_cursor_moves_by_characters(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "a情\xF0\x9F\x98\x80" "b");
	assert_int_equal(e.cursor, 9);
	lineedit_left(&e);
	assert_int_equal(e.cursor, 8);
	lineedit_left(&e);
	assert_int_equal(e.cursor, 4);
	lineedit_left(&e);
	assert_int_equal(e.cursor, 1);
	lineedit_left(&e);
	assert_int_equal(e.cursor, 0);
	lineedit_left(&e);  /* stays */
	assert_int_equal(e.cursor, 0);
	lineedit_right(&e);
	assert_int_equal(e.cursor, 1);
	lineedit_right(&e);
	assert_int_equal(e.cursor, 4);
	lineedit_right(&e);
	assert_int_equal(e.cursor, 8);
	lineedit_right(&e);
	assert_int_equal(e.cursor, 9);
	lineedit_right(&e);  /* stays */
	assert_int_equal(e.cursor, 9);
	check(&e);
}

static void test_home_end(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "情報セキュリティ");
	lineedit_home(&e);
	assert_int_equal(e.cursor, 0);
	lineedit_end(&e);
	assert_int_equal(e.cursor, e.len);
	assert_int_equal(e.len, 24);
	lineedit_clear(&e);
	lineedit_home(&e);
	lineedit_end(&e);
	assert_int_equal(e.cursor, 0);
}

static void test_backspace_wide_character(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "a情報");
	assert_true(lineedit_backspace(&e));
	check(&e);
	assert_string_equal(e.buf, "a情");
	assert_int_equal(e.len, 4);
	assert_int_equal(e.cursor, 4);
	assert_true(lineedit_backspace(&e));
	check(&e);
	assert_string_equal(e.buf, "a");
	assert_int_equal(e.cursor, 1);
	assert_true(lineedit_backspace(&e));
	assert_string_equal(e.buf, "");
	assert_int_equal(e.cursor, 0);
	assert_false(lineedit_backspace(&e));
	check(&e);
}

static void test_backspace_in_middle(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "情報資産");
	lineedit_left(&e);
	lineedit_left(&e);            /* 情報|資産 */
	assert_true(lineedit_backspace(&e));
	check(&e);
	assert_string_equal(e.buf, "情資産");
	assert_int_equal(e.cursor, 3);
	lineedit_set(&e, "x\xF0\x9F\x98\x80y");
	lineedit_left(&e);
	assert_true(lineedit_backspace(&e));
	check(&e);
	assert_string_equal(e.buf, "xy");
	assert_int_equal(e.cursor, 1);
	lineedit_home(&e);
	assert_false(lineedit_backspace(&e));
	assert_string_equal(e.buf, "xy");
}

static void test_delete(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "情報a");
	lineedit_home(&e);
	assert_true(lineedit_delete(&e));
	check(&e);
	assert_string_equal(e.buf, "報a");
	assert_int_equal(e.cursor, 0);
	lineedit_right(&e);
	assert_true(lineedit_delete(&e));
	check(&e);
	assert_string_equal(e.buf, "報");
	assert_int_equal(e.cursor, 3);
	assert_false(lineedit_delete(&e));  /* at the end */
	assert_string_equal(e.buf, "報");
	lineedit_home(&e);
	assert_true(lineedit_delete(&e));
	assert_string_equal(e.buf, "");
	assert_false(lineedit_delete(&e));
	check(&e);
}

static void test_kill_to_start(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "情報 資産");
	lineedit_left(&e);
	lineedit_left(&e);            /* 情報 |資産 */
	lineedit_kill_to_start(&e);
	check(&e);
	assert_string_equal(e.buf, "資産");
	assert_int_equal(e.cursor, 0);
	lineedit_kill_to_start(&e);   /* nothing before */
	assert_string_equal(e.buf, "資産");
	lineedit_end(&e);
	lineedit_kill_to_start(&e);
	assert_string_equal(e.buf, "");
	check(&e);
}

static void test_kill_to_end(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "情報 資産");
	lineedit_home(&e);
	lineedit_right(&e);           /* 情|報 資産 */
	lineedit_kill_to_end(&e);
	check(&e);
	assert_string_equal(e.buf, "情");
	assert_int_equal(e.len, 3);
	assert_int_equal(e.cursor, 3);
	lineedit_kill_to_end(&e);     /* nothing after */
	assert_string_equal(e.buf, "情");
	lineedit_home(&e);
	lineedit_kill_to_end(&e);
	assert_string_equal(e.buf, "");
	check(&e);
}

static void test_delete_word(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "foo bar baz");
	lineedit_delete_word(&e);
	check(&e);
	assert_string_equal(e.buf, "foo bar ");
	assert_int_equal(e.cursor, 8);
	/* Spaces before the cursor go with the word before them. */
	lineedit_delete_word(&e);
	check(&e);
	assert_string_equal(e.buf, "foo ");
	lineedit_delete_word(&e);
	assert_string_equal(e.buf, "");
	assert_int_equal(e.cursor, 0);
	lineedit_delete_word(&e);     /* nothing left */
	assert_string_equal(e.buf, "");
	check(&e);
}

static void test_delete_word_japanese_middle(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "管理 情報資産 方針");
	/* Put the cursor after 情報資産. */
	lineedit_left(&e);
	lineedit_left(&e);
	lineedit_left(&e);            /* 管理 情報資産| 方針 */
	lineedit_delete_word(&e);
	check(&e);
	assert_string_equal(e.buf, "管理  方針");
	assert_int_equal(e.cursor, strlen("管理 "));
	/* Text after the cursor is kept, the cursor is on a boundary. */
	lineedit_right(&e);
	assert_int_equal(e.cursor, strlen("管理  "));
}

static void test_refuses_controls(void **state)
{
	static const uint32_t refused[] = {
		0x00, 0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F,
		0x80, 0x85, 0x9B, 0x9F,
		0xD800, 0xDFFF, 0x110000, 0xFFFFFFFFu,
	};
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "ok");
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		if (lineedit_insert(&e, refused[i]))
			fail_msg("U+%04X was accepted", (unsigned)refused[i]);
		assert_string_equal(e.buf, "ok");
		assert_int_equal(e.len, 2);
		assert_int_equal(e.cursor, 2);
	}
	/* The first printable characters around them are accepted. */
	assert_true(lineedit_insert(&e, ' '));
	assert_true(lineedit_insert(&e, '~'));
	assert_true(lineedit_insert(&e, 0xA0));
	check(&e);
}

static void test_refuses_when_full(void **state)
{
	struct lineedit e;
	size_t count = 0;

	(void)state;
	lineedit_clear(&e);
	/* 340 three-byte characters: 1020 bytes. */
	while (count < 340) {
		assert_true(lineedit_insert(&e, CP_JOU));
		count++;
	}
	assert_int_equal(e.len, 1020);
	assert_true(lineedit_insert(&e, 'a'));
	assert_true(lineedit_insert(&e, 'b'));  /* 1022 */
	/* A three-byte character would not fit with the NUL. */
	assert_false(lineedit_insert(&e, CP_HOU));
	check(&e);
	assert_int_equal(e.len, 1022);
	assert_false(lineedit_insert(&e, CP_SMILE));
	assert_false(lineedit_insert(&e, 0xE9));   /* 2 bytes: 1024 */
	check(&e);
	assert_true(lineedit_insert(&e, 'c'));     /* 1023: the last byte */
	assert_int_equal(e.len, LINEEDIT_MAX - 1);
	assert_false(lineedit_insert(&e, 'd'));
	assert_false(lineedit_insert(&e, CP_HOU));
	check(&e);
	assert_int_equal(e.len, LINEEDIT_MAX - 1);
	assert_int_equal(e.cursor, LINEEDIT_MAX - 1);
	assert_memory_equal(e.buf + 1017, "情ab", 5);
	assert_string_equal(e.buf + 1020, "abc");

	/* Full, with the cursor in the middle: still refused, still intact. */
	lineedit_home(&e);
	lineedit_right(&e);
	assert_false(lineedit_insert(&e, CP_HOU));
	assert_false(lineedit_insert(&e, 'z'));
	check(&e);
	assert_int_equal(e.cursor, 3);
	assert_string_equal(e.buf + 1020, "abc");
	/* After removing a character there is room again. */
	assert_true(lineedit_backspace(&e));
	assert_true(lineedit_insert(&e, CP_HOU));
	check(&e);
	assert_memory_equal(e.buf, "報情", 6);
	assert_int_equal(e.len, LINEEDIT_MAX - 1);
}

static void expect_view_ok(const struct lineedit *e, int width)
{
	size_t start = 12345;
	int col = -1;

	lineedit_view(e, width, &start, &col);
	assert_true(start <= e->cursor);
	/* start is a character boundary. */
	if (start < e->len)
		assert_int_not_equal((unsigned char)e->buf[start] & 0xC0, 0x80);
	if (col < 0 || col >= width)
		fail_msg("cursor column %d outside a view of %d cells (cursor %zu)",
			 col, width, e->cursor);
	assert_int_equal(col, text_width_n(e->buf + start, e->cursor - start));
}

static void test_view_short_text(void **state)
{
	struct lineedit e;
	size_t start = 99;
	int col = -1;

	(void)state;
	lineedit_set(&e, "情報");
	lineedit_view(&e, 20, &start, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 4);
	lineedit_home(&e);
	lineedit_view(&e, 20, &start, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 0);
	lineedit_clear(&e);
	lineedit_view(&e, 20, &start, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 0);
}

static void test_view_scrolls_long_japanese(void **state)
{
	struct lineedit e;
	size_t start = 0;
	int col = 0;

	(void)state;
	lineedit_clear(&e);
	for (int k = 0; k < 100; k++) {
		assert_true(lineedit_insert(&e, k % 2 ? CP_HOU : CP_JOU));
		/* While typing, the cursor stays in view. */
		expect_view_ok(&e, 10);
		expect_view_ok(&e, 9);
		expect_view_ok(&e, 31);
	}
	/* At the end of 200 cells in a view of 10, the view moved. */
	lineedit_view(&e, 10, &start, &col);
	assert_true(start > 0);
	assert_int_equal(start % 3, 0);
	assert_true(col >= 6);  /* no more scrolling than needed */
	/* Walking back to the start, the cursor stays in view. */
	for (int k = 0; k < 100; k++) {
		lineedit_left(&e);
		expect_view_ok(&e, 10);
		expect_view_ok(&e, 7);
	}
	lineedit_view(&e, 10, &start, &col);
	assert_int_equal(start, 0);
	assert_int_equal(col, 0);
	lineedit_end(&e);
	expect_view_ok(&e, 10);
	expect_view_ok(&e, 2);
}

static void test_view_mixed_width(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_set(&e, "abc情報def資産ghi管理策jkl情報セキュリティ管理基準");
	for (size_t k = 0; k < 60; k++) {
		for (int w = 2; w <= 12; w++)
			expect_view_ok(&e, w);
		lineedit_left(&e);
	}
}

/* lineedit_key: what each key does, and what it tells the caller. */
static void test_key_results(void **state)
{
	struct lineedit e;

	(void)state;
	lineedit_clear(&e);
	/* Backspace on nothing says so (a search closes on it). */
	assert_int_equal(lineedit_key(&e, LINEKEY_BACKSPACE, 0), LINEEDIT_ERASE_EMPTY);
	assert_int_equal(lineedit_key(&e, LINEKEY_CHAR, CP_JOU), LINEEDIT_CHANGED);
	assert_int_equal(lineedit_key(&e, LINEKEY_CHAR, 'b'), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "情b");
	/* A control character is not typed: nothing happens. */
	assert_int_equal(lineedit_key(&e, LINEKEY_CHAR, 0x07), LINEEDIT_IGNORED);
	assert_int_equal(lineedit_key(&e, LINEKEY_HOME, 0), LINEEDIT_MOVED);
	assert_int_equal(e.cursor, 0);
	assert_int_equal(lineedit_key(&e, LINEKEY_HOME, 0), LINEEDIT_IGNORED);
	assert_int_equal(lineedit_key(&e, LINEKEY_RIGHT, 0), LINEEDIT_MOVED);
	assert_int_equal(e.cursor, 3);
	/* Ctrl-D, Delete: the character under the cursor, in prompts and
	 * the search alike. */
	assert_int_equal(lineedit_key(&e, LINEKEY_DELETE, 0), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "情");
	assert_int_equal(lineedit_key(&e, LINEKEY_DELETE, 0), LINEEDIT_IGNORED);
	/* Backspace at the start of a text that is not empty does nothing. */
	assert_int_equal(lineedit_key(&e, LINEKEY_LEFT, 0), LINEEDIT_MOVED);
	assert_int_equal(lineedit_key(&e, LINEKEY_BACKSPACE, 0), LINEEDIT_IGNORED);
	assert_int_equal(lineedit_key(&e, LINEKEY_END, 0), LINEEDIT_MOVED);
	assert_int_equal(lineedit_key(&e, LINEKEY_BACKSPACE, 0), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "");
	check(&e);
	insert_str(&e, "ab cd");
	assert_int_equal(lineedit_key(&e, LINEKEY_DELETE_WORD, 0), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "ab ");
	lineedit_home(&e);
	lineedit_right(&e);
	assert_int_equal(lineedit_key(&e, LINEKEY_KILL_END, 0), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "a");
	assert_int_equal(lineedit_key(&e, LINEKEY_KILL_START, 0), LINEEDIT_CHANGED);
	assert_string_equal(e.buf, "");
	assert_int_equal(lineedit_key(&e, LINEKEY_SUBMIT, 0), LINEEDIT_SUBMIT);
	assert_int_equal(lineedit_key(&e, LINEKEY_CANCEL, 0), LINEEDIT_CANCEL);
	assert_int_equal(lineedit_key(&e, LINEKEY_NONE, 0), LINEEDIT_IGNORED);
	check(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_insert_japanese),
		cmocka_unit_test(test_insert_in_middle),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_set_too_long_cuts_on_boundary),
		cmocka_unit_test(test_cursor_moves_by_characters),
		cmocka_unit_test(test_home_end),
		cmocka_unit_test(test_backspace_wide_character),
		cmocka_unit_test(test_backspace_in_middle),
		cmocka_unit_test(test_delete),
		cmocka_unit_test(test_kill_to_start),
		cmocka_unit_test(test_kill_to_end),
		cmocka_unit_test(test_delete_word),
		cmocka_unit_test(test_delete_word_japanese_middle),
		cmocka_unit_test(test_refuses_controls),
		cmocka_unit_test(test_refuses_when_full),
		cmocka_unit_test(test_view_short_text),
		cmocka_unit_test(test_view_scrolls_long_japanese),
		cmocka_unit_test(test_view_mixed_width),
		cmocka_unit_test(test_key_results),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
