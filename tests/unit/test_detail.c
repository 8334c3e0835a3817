/* Unit tests for src/tui/detail.h: the detail pane's layout. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "../../src/tui/detail.h"

#define CONTROL_TEXT \
	"組織は、文書化した情報を管理するために、作成、更新、保管、廃棄の各段階で" \
	"必要な管理策を定め、実施し、その有効性を定期的に確認しなければならない。"
#define DETAIL_TEXT \
	"文書化した情報の版を管理し、変更の履歴を記録し、承認された版だけが利用" \
	"されるようにする。"
#define ENTRY_A_TEXT \
	"文書化した情報の作成者、承認者及び承認日を識別できるようにし、" \
	"利用者が最新の版を確認できる手段を用意する。"
#define ENTRY_B_TEXT "保管期間を定める。"
#define ENGLISH_TEXT \
	"Top management shall ensure that documented information is controlled " \
	"and reviewed at planned intervals by the people responsible for it."

static struct catalog cat;
static uint32_t part_i, control_i, detail_i, entry_a_i, entry_b_i, english_i;

static const char *sdup(const char *s)
{
	const char *p = arena_strdup(&cat.arena, s);

	assert_non_null(p);
	return p;
}

static uint32_t add(uint32_t parent, enum item_kind kind, const char *id)
{
	uint32_t i = catalog_append(&cat, parent, kind);
	bool oom = true;

	assert_int_not_equal(i, ITEM_NONE);
	catalog_item(&cat, i)->id = sdup(id);
	assert_int_equal(catalog_index_id(&cat, i, &oom), ITEM_NONE);
	assert_false(oom);
	return i;
}

static int setup(void **state)
{
	struct attr_type *t;
	struct attr_value *v;
	struct item *it;

	(void)state;
	if (!test_utf8_locale()) {
		fprintf(stderr, "test_detail: no UTF-8 LC_CTYPE could be set\n");
		return -1;
	}
	i18n_set_language(LANGUAGE_JA);
	if (!catalog_init(&cat))
		return -1;

	t = arena_alloc(&cat.arena, 2 * sizeof(*t));
	v = arena_alloc(&cat.arena, 3 * sizeof(*v));
	assert_non_null(t);
	assert_non_null(v);
	v[0] = (struct attr_value){ "Preventive", "予防", "Preventive" };
	v[1] = (struct attr_value){ "Detective", "検知", "Detective" };
	v[2] = (struct attr_value){ "Confidentiality", "機密性", "Confidentiality" };
	t[0] = (struct attr_type){ "control_type", "管理策タイプ", "Control type", v, 2 };
	t[1] = (struct attr_type){ "property", "情報セキュリティ特性",
				   "Information security property", v + 2, 1 };
	cat.types = t;
	cat.type_count = 2;

	part_i = add(ITEM_ROOT_INDEX, ITEM_PART, "4");
	it = catalog_item(&cat, part_i);
	it->title = sdup("マネジメント基準");
	it->title_en = sdup("Management");

	control_i = add(part_i, ITEM_CONTROL, "4.4.8");
	it = catalog_item(&cat, control_i);
	it->title = sdup("文書化した情報の管理");
	it->title_en = sdup("Control of documented information");
	it->text = sdup(CONTROL_TEXT);
	it->refs = arena_alloc(&cat.arena, 2 * sizeof(*it->refs));
	assert_non_null(it->refs);
	it->refs[0] = sdup("27001-7.5.3");
	it->refs[1] = sdup("27002-5.33");
	it->ref_count = 2;
	it->attrs = arena_alloc(&cat.arena, 3 * sizeof(*it->attrs));
	assert_non_null(it->attrs);
	it->attrs[0] = (struct attr_ref){ 0, 0 };
	it->attrs[1] = (struct attr_ref){ 0, 1 };
	it->attrs[2] = (struct attr_ref){ 1, 0 };
	it->attr_count = 3;

	detail_i = add(control_i, ITEM_DETAIL, "4.4.8.1");
	catalog_item(&cat, detail_i)->text = sdup(DETAIL_TEXT);
	entry_a_i = add(detail_i, ITEM_ENTRY, "4.4.8.1/a");
	catalog_item(&cat, entry_a_i)->label = sdup("a)");
	catalog_item(&cat, entry_a_i)->text = sdup(ENTRY_A_TEXT);
	entry_b_i = add(detail_i, ITEM_ENTRY, "4.4.8.1/b");
	catalog_item(&cat, entry_b_i)->label = sdup("b)");
	catalog_item(&cat, entry_b_i)->text = sdup(ENTRY_B_TEXT);

	english_i = add(part_i, ITEM_CONTROL, "4.4.9");
	it = catalog_item(&cat, english_i);
	it->title_en = sdup("English only");
	it->text = sdup(ENGLISH_TEXT);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

/* Each test lays out into this pane; teardown frees it even when an
 * assertion fails half-way. */
static struct detail pane;

static int pane_setup(void **state)
{
	(void)state;
	detail_init(&pane);
	return 0;
}

static int pane_teardown(void **state)
{
	(void)state;
	detail_free(&pane);
	i18n_set_language(LANGUAGE_JA);
	return 0;
}

/* ---- helpers ----------------------------------------------------------- */

static bool line_is(const struct detail_line *l, const char *s)
{
	return l->len == strlen(s) && memcmp(l->text, s, l->len) == 0;
}

/* The first line equal to s at or after `from`, or -1. */
static long find_line(const struct detail *d, const char *s, size_t from)
{
	for (size_t k = from; k < d->count; k++)
		if (line_is(&d->lines[k], s))
			return (long)k;
	return -1;
}

static long expect_line(const struct detail *d, const char *s, int style)
{
	long k = find_line(d, s, 0);

	if (k < 0)
		fail_msg("no line \"%s\"", s);
	assert_int_equal(d->lines[k].style, style);
	return k;
}

static bool starts_with(const struct detail_line *l, const char *prefix)
{
	size_t n = strlen(prefix);

	return l->len >= n && memcmp(l->text, prefix, n) == 0;
}

static bool points_into(const struct detail_line *l, const char *s)
{
	return l->text >= s && l->text + l->len <= s + strlen(s);
}

static void expect_within_width(const struct detail *d, int width)
{
	for (size_t k = 0; k < d->count; k++) {
		const struct detail_line *l = &d->lines[k];
		int cells = l->indent + text_width_n(l->text, l->len);

		if (cells > width)
			fail_msg("width %d: line %zu \"%.*s\" (indent %u) takes %d cells",
				 width, k, (int)l->len, l->text, l->indent, cells);
	}
}

static void dump(const struct detail *d)
{
	for (size_t k = 0; k < d->count; k++)
		fprintf(stderr, "  %2zu s%u i%-2u |%.*s|\n", k, d->lines[k].style,
			d->lines[k].indent, (int)d->lines[k].len, d->lines[k].text);
}

/* Joins the lines [from, to) that point into s, dropping nothing but the
 * spaces and newlines between them; checks they are s in order. */
static void expect_covers(const struct detail *d, size_t from, size_t to, const char *s)
{
	size_t pos = 0, len = strlen(s);

	for (size_t k = from; k < to; k++) {
		const struct detail_line *l = &d->lines[k];
		size_t at;

		if (!points_into(l, s))
			fail_msg("line %zu \"%.*s\" is not part of the text", k,
				 (int)l->len, l->text);
		at = (size_t)(l->text - s);
		while (pos < at && (s[pos] == ' ' || s[pos] == '\n'))
			pos++;
		if (at != pos) {
			dump(d);
			fail_msg("line %zu starts at byte %zu of the text, want %zu",
				 k, at, pos);
		}
		pos += l->len;
	}
	while (pos < len && (s[pos] == ' ' || s[pos] == '\n'))
		pos++;
	assert_int_equal(pos, len);
}

/* ---- tests ------------------------------------------------------------- */

static void test_init_free(void **state)
{

	(void)state;
	detail_init(&pane);
	assert_int_equal(pane.count, 0);
	assert_int_equal(pane.item, ITEM_NONE);
	assert_int_equal(pane.scroll, 0);
	detail_free(&pane);
	detail_build(&pane, &cat, ITEM_NONE, 40, NULL);
	assert_int_equal(pane.count, 0);
	assert_int_equal(pane.item, ITEM_NONE);
	detail_free(&pane);
}

static void test_control_lines(void **state)
{
	long id, title, other, refs, attrs;

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, control_i, 60, NULL);
	assert_int_equal(pane.item, control_i);
	assert_int_equal(pane.width, 60);
	id = expect_line(&pane, "4.4.8", DETAIL_ID);
	assert_int_equal(id, 0);
	expect_line(&pane, "管理策", DETAIL_MUTED);
	title = expect_line(&pane, "文書化した情報の管理", DETAIL_TITLE);
	other = expect_line(&pane, "Control of documented information", DETAIL_MUTED);
	assert_true(id < title && title < other);

	/* References under their heading. */
	refs = expect_line(&pane, "参照", DETAIL_HEADING);
	assert_true(refs > other);
	assert_true(line_is(&pane.lines[refs + 1], "27001-7.5.3"));
	assert_true(line_is(&pane.lines[refs + 2], "27002-5.33"));
	assert_true(pane.lines[refs + 1].indent > 0);
	assert_true(pane.lines[refs + 2].indent > 0);

	/* Attributes: the type label, then its values, per type. */
	attrs = expect_line(&pane, "属性", DETAIL_HEADING);
	assert_true(attrs > refs + 2);
	assert_true(line_is(&pane.lines[attrs + 1], "管理策タイプ"));
	assert_int_equal(pane.lines[attrs + 1].style, DETAIL_MUTED);
	assert_true(line_is(&pane.lines[attrs + 2], "#予防 #検知"));
	assert_int_equal(pane.lines[attrs + 2].style, DETAIL_VALUE);
	assert_true(pane.lines[attrs + 2].indent > pane.lines[attrs + 1].indent);
	assert_true(line_is(&pane.lines[attrs + 3], "情報セキュリティ特性"));
	assert_true(line_is(&pane.lines[attrs + 4], "#機密性"));
	assert_int_equal(pane.lines[attrs + 4].style, DETAIL_VALUE);

	/* The count of items below it. */
	assert_true(find_line(&pane, "下位の項目: 1", 0) > attrs);
	expect_within_width(&pane, 60);
	detail_free(&pane);
}

static void test_control_text_wrapped(void **state)
{
	const char *text = catalog_item(&cat, control_i)->text;

	(void)state;
	for (int width = 8; width <= 80; width += 3) {
		size_t first = 0, last;

		detail_init(&pane);
		detail_build(&pane, &cat, control_i, width, NULL);
		while (first < pane.count && !points_into(&pane.lines[first], text))
			first++;
		assert_true(first < pane.count);
		last = first;
		while (last < pane.count && pane.lines[last].len &&
		       points_into(&pane.lines[last], text))
			last++;
		/* Wrapped: several lines at a narrow width, all of the text. */
		if (text_width(text) > width)
			assert_true(last - first >= 2);
		expect_covers(&pane, first, last, text);
		for (size_t k = first; k < last; k++) {
			assert_int_equal(pane.lines[k].style, DETAIL_BODY);
			assert_true(text_width_n(pane.lines[k].text, pane.lines[k].len) <= width);
		}
		detail_free(&pane);
	}
}

static void test_english_text_wrapped_at_spaces(void **state)
{
	const char *text = catalog_item(&cat, english_i)->text;
	size_t first = 0, last;

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, english_i, 30, NULL);
	while (first < pane.count && !points_into(&pane.lines[first], text))
		first++;
	last = first;
	while (last < pane.count && pane.lines[last].len && points_into(&pane.lines[last], text))
		last++;
	assert_true(last - first >= 4);
	expect_covers(&pane, first, last, text);
	for (size_t k = first; k < last; k++) {
		const struct detail_line *l = &pane.lines[k];
		size_t end = (size_t)(l->text - text) + l->len;

		/* Words are whole: each line ends at a space or the end. */
		assert_true(text[end] == ' ' || text[end] == '\0');
		assert_int_not_equal(l->text[0], ' ');
	}
	/* Its only title is English: shown as the title. */
	expect_line(&pane, "English only", DETAIL_TITLE);
	expect_within_width(&pane, 30);
	detail_free(&pane);
}

static void test_detail_with_entries(void **state)
{
	const char *a_text = catalog_item(&cat, entry_a_i)->text;
	long a, b;
	int width = 24;
	size_t k;

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, detail_i, width, NULL);
	expect_line(&pane, "4.4.8.1", DETAIL_ID);
	expect_line(&pane, "詳細管理策", DETAIL_MUTED);
	/* No count of children for a detailed control: its entries are here. */
	for (k = 0; k < pane.count; k++)
		assert_false(starts_with(&pane.lines[k], "下位の項目"));

	a = -1;
	b = -1;
	for (k = 0; k < pane.count; k++) {
		if (a < 0 && starts_with(&pane.lines[k], "a) "))
			a = (long)k;
		if (b < 0 && starts_with(&pane.lines[k], "b) "))
			b = (long)k;
	}
	if (a < 0 || b < 0) {
		dump(&pane);
		fail_msg("entries not shown as \"a) ...\" and \"b) ...\"");
	}
	assert_true(a < b);
	assert_true(line_is(&pane.lines[b], "b) " ENTRY_B_TEXT));
	assert_int_equal(pane.lines[a].indent, pane.lines[b].indent);
	/* Entry a is long: continuation lines hang past "a) ". */
	assert_true(b - a >= 2);
	for (k = (size_t)a + 1; k < (size_t)b; k++)
		assert_int_equal(pane.lines[k].indent,
				 pane.lines[a].indent + text_width("a) "));
	/* The first line's text and the continuations are the whole entry,
	 * in order, nothing lost or repeated at the breaks. */
	{
		size_t off = pane.lines[a].len - 3;

		assert_memory_equal(pane.lines[a].text + 3, a_text, off);
		for (k = (size_t)a + 1; k < (size_t)b; k++) {
			assert_memory_equal(pane.lines[k].text, a_text + off, pane.lines[k].len);
			off += pane.lines[k].len;
		}
		assert_int_equal(off, strlen(a_text));
	}
	expect_within_width(&pane, width);
	detail_free(&pane);
}

static void test_entry_item_itself(void **state)
{
	long a = -1;

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, entry_a_i, 20, NULL);
	expect_line(&pane, "4.4.8.1/a", DETAIL_ID);
	expect_line(&pane, "列挙項目", DETAIL_MUTED);
	for (size_t k = 0; k < pane.count; k++)
		if (a < 0 && starts_with(&pane.lines[k], "a) "))
			a = (long)k;
	assert_true(a >= 0);
	assert_true((size_t)a + 1 < pane.count);
	assert_int_equal(pane.lines[a + 1].indent, pane.lines[a].indent + 3);
	expect_within_width(&pane, 20);
	detail_free(&pane);
}

static void test_no_line_wider_than_width(void **state)
{
	(void)state;
	for (int width = 10; width <= 60; width++) {

		detail_init(&pane);
		detail_build(&pane, &cat, detail_i, width, NULL);
		expect_within_width(&pane, width);
		detail_build(&pane, &cat, entry_a_i, width, NULL);
		expect_within_width(&pane, width);
		detail_build(&pane, &cat, english_i, width, NULL);
		expect_within_width(&pane, width);
		detail_free(&pane);
	}
}

static void test_narrow_control_fits(void **state)
{

	(void)state;
	/* A narrow pane: every line, the count of items below included,
	 * fits (otherwise the count's number is cut off when drawn). */
	detail_init(&pane);
	for (int width = 10; width <= 16; width++) {
		detail_build(&pane, &cat, control_i, width, NULL);
		expect_within_width(&pane, width);
		detail_build(&pane, &cat, part_i, width, NULL);
		expect_within_width(&pane, width);
	}
	detail_free(&pane);
}

static void test_english_labels(void **state)
{
	long attrs;

	(void)state;
	i18n_set_language(LANGUAGE_EN);
	detail_init(&pane);
	detail_build(&pane, &cat, control_i, 60, NULL);
	expect_line(&pane, "control", DETAIL_MUTED);
	expect_line(&pane, "Control of documented information", DETAIL_TITLE);
	expect_line(&pane, "文書化した情報の管理", DETAIL_MUTED);
	expect_line(&pane, "References", DETAIL_HEADING);
	attrs = expect_line(&pane, "Attributes", DETAIL_HEADING);
	assert_true(line_is(&pane.lines[attrs + 1], "Control type"));
	assert_true(line_is(&pane.lines[attrs + 2], "#Preventive #Detective"));
	assert_int_equal(pane.lang, LANGUAGE_EN);
	detail_free(&pane);
}

static void test_scroll_kept_on_resize(void **state)
{

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, control_i, 40, NULL);
	assert_int_equal(pane.scroll, 0);
	assert_true(pane.count > 8);
	detail_scroll(&pane, 3, 4);
	assert_int_equal(pane.scroll, 3);
	/* Same item, new width: the position stays. */
	detail_build(&pane, &cat, control_i, 30, NULL);
	assert_int_equal(pane.width, 30);
	assert_int_equal(pane.scroll, 3);
	detail_build(&pane, &cat, control_i, 50, NULL);
	assert_int_equal(pane.scroll, 3);
	/* Another item: back to the top. */
	detail_build(&pane, &cat, detail_i, 50, NULL);
	assert_int_equal(pane.scroll, 0);
	detail_scroll(&pane, 2, 3);
	assert_int_equal(pane.scroll, 2);
	detail_build(&pane, &cat, control_i, 50, NULL);
	assert_int_equal(pane.scroll, 0);
	detail_build(&pane, &cat, ITEM_NONE, 50, NULL);
	assert_int_equal(pane.scroll, 0);
	assert_int_equal(pane.count, 0);
	detail_free(&pane);
}

static void test_scroll_clamped(void **state)
{

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, control_i, 40, NULL);
	detail_scroll(&pane, 1000, 5);
	assert_int_equal(pane.scroll, pane.count - 5);
	detail_scroll(&pane, -1000, 5);
	assert_int_equal(pane.scroll, 0);
	detail_scroll(&pane, 3, pane.count + 10);   /* everything fits */
	assert_int_equal(pane.scroll, 0);
	detail_free(&pane);
}

/* Every line is shown at some scroll position, and the notices count
 * exactly the lines that are not on screen. */
static void test_window_says_what_is_hidden(void **state)
{
	struct detail_window w;
	size_t h = 6, max;

	(void)state;
	detail_init(&pane);
	detail_build(&pane, &cat, control_i, 40, NULL);
	assert_true(pane.count > h + 2);
	max = pane.count - h;

	/* At the top: nothing above, the last row tells what is below. */
	detail_window(&pane, h, &w);
	assert_int_equal(w.top, 0);
	assert_int_equal(w.above, 0);
	assert_int_equal(w.first, 0);
	assert_int_equal(w.rows, h - 1);
	assert_int_equal(w.below, pane.count - (h - 1));

	/* In the middle: both notices. */
	detail_scroll(&pane, 2, h);
	detail_window(&pane, h, &w);
	assert_int_equal(w.top, 1);
	assert_int_equal(w.above, 3);
	assert_int_equal(w.first, 3);
	assert_int_equal(w.rows, h - 2);
	assert_int_equal(w.above + w.rows + w.below, pane.count);

	/* At the bottom: the last line is on screen, nothing below. */
	detail_scroll(&pane, 1000, h);
	detail_window(&pane, h, &w);
	assert_int_equal(w.below, 0);
	assert_int_equal(w.first + w.rows, pane.count);
	assert_int_equal(w.above + w.rows, pane.count);

	/* Every line is shown somewhere between the top and the bottom. */
	for (size_t line = 0; line < pane.count; line++) {
		bool seen = false;

		for (size_t s = 0; s <= max && !seen; s++) {
			pane.scroll = s;
			detail_window(&pane, h, &w);
			seen = line >= w.first && line < w.first + w.rows;
		}
		assert_true(seen);
	}

	/* All of it fits: no notices.  A pane of 2 rows has no room for them. */
	pane.scroll = 0;
	detail_window(&pane, pane.count, &w);
	assert_int_equal(w.above + w.below, 0);
	assert_int_equal(w.rows, pane.count);
	pane.scroll = 1;
	detail_window(&pane, 2, &w);
	assert_int_equal(w.above + w.below + w.top, 0);
	assert_int_equal(w.first, 1);
	assert_int_equal(w.rows, 2);
	detail_free(&pane);
}

#define T(name) cmocka_unit_test_setup_teardown(name, pane_setup, pane_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init_free),
		T(test_window_says_what_is_hidden),
		T(test_control_lines),
		T(test_control_text_wrapped),
		T(test_english_text_wrapped_at_spaces),
		T(test_detail_with_entries),
		T(test_entry_item_itself),
		T(test_no_line_wider_than_width),
		T(test_narrow_control_fits),
		T(test_english_labels),
		T(test_scroll_kept_on_resize),
		T(test_scroll_clamped),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
