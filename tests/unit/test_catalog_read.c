/* The catalog loader: a good file loads, and every kind of bad input is
 * reported at its line and column without crashing or leaking. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/i18n.h"

static const char good[] =
	"format: kijun-catalog/1\n"
	"id: sample\n"
	"title: 見本\n"
	"edition: '1'\n"
	"attribute_types:\n"
	"- id: control_type\n"
	"  label: 管理策タイプ\n"
	"  values:\n"
	"  - id: Preventive\n"
	"    label: 予防\n"
	"  - id: Detective\n"
	"    label: 検知\n"
	"items:\n"
	"- id: V\n"
	"  kind: part\n"
	"  title: 管理策基準\n"
	"  items:\n"
	"  - id: 5a-5.1\n"
	"    kind: control\n"
	"    title: 方針\n"
	"    text: 方針を定める。\n"
	"    references: [27002-5.1]\n"
	"    attributes:\n"
	"      control_type: [Preventive, Detective]\n"
	"    items:\n"
	"    - id: 5a-5.1.1\n"
	"      kind: detail\n"
	"      text: 次の事項を考慮する。\n"
	"      items:\n"
	"      - id: 5a-5.1.1/a\n"
	"        kind: entry\n"
	"        label: a)\n"
	"        text: 一つ目\n";

struct loaded {
	struct catalog c;
	struct diag_list d;
	bool ok;
};

static void load(struct loaded *l, const char *text)
{
	diag_list_init(&l->d);
	l->ok = catalog_read(&l->c, "t.yaml", text, strlen(text), &l->d);
}

static void unload(struct loaded *l)
{
	if (l->ok)
		catalog_free(&l->c);
	diag_list_free(&l->d);
}

/* Asserts that loading fails with a problem at line:column whose message
 * contains `needle`. */
static void expect_problem(const char *text, unsigned line, unsigned column,
			   const char *needle)
{
	struct loaded l;
	bool found = false;

	load(&l, text);
	assert_false(l.ok);
	assert_true(diag_any(&l.d));
	for (size_t i = 0; i < l.d.count; i++) {
		const struct diag *d = &l.d.items[i];

		assert_string_equal(d->file, "t.yaml");
		if (d->line == line && d->column == column && strstr(d->message, needle))
			found = true;
	}
	if (!found) {
		for (size_t i = 0; i < l.d.count; i++)
			fprintf(stderr, "  got %u:%u: %s\n", l.d.items[i].line,
				l.d.items[i].column, l.d.items[i].message);
		fail_msg("no problem at %u:%u containing \"%s\"", line, column, needle);
	}
	unload(&l);
}

/* The same file with one line replaced (1-based). */
static char *with_line(unsigned n, const char *replacement)
{
	return test_with_line(good, n, replacement);
}

static void test_good_file_loads(void **state)
{
	struct loaded l;
	uint32_t i, d, e;
	const struct item *it;

	(void)state;
	load(&l, good);
	assert_true(l.ok);
	assert_int_equal(l.d.count, 0);
	assert_string_equal(l.c.id, "sample");
	assert_string_equal(l.c.title, "見本");
	assert_string_equal(l.c.edition, "1");
	assert_int_equal(catalog_size(&l.c), 4);
	assert_int_equal(l.c.type_count, 1);
	assert_int_equal(l.c.types[0].value_count, 2);

	i = catalog_find(&l.c, "5a-5.1");
	assert_int_not_equal(i, ITEM_NONE);
	it = catalog_item(&l.c, i);
	assert_int_equal(it->kind, ITEM_CONTROL);
	assert_string_equal(it->title, "方針");
	assert_int_equal(it->ref_count, 1);
	assert_string_equal(it->refs[0], "27002-5.1");
	assert_int_equal(it->attr_count, 2);
	assert_int_equal(it->attrs[0].value, 0);
	assert_int_equal(it->attrs[1].value, 1);
	assert_int_equal(it->line, 18);
	assert_int_equal(catalog_item(&l.c, it->parent)->kind, ITEM_PART);

	d = catalog_find(&l.c, "5a-5.1.1");
	e = catalog_find(&l.c, "5a-5.1.1/a");
	assert_int_equal(catalog_item(&l.c, e)->parent, d);
	assert_string_equal(catalog_item(&l.c, e)->label, "a)");
	assert_int_equal(catalog_item(&l.c, e)->depth, 4);
	/* Document order. */
	assert_int_equal(catalog_next(&l.c, i), d);
	assert_int_equal(catalog_next(&l.c, d), e);
	assert_int_equal(catalog_next(&l.c, e), ITEM_NONE);
	assert_int_equal(catalog_prev(&l.c, e), d);
	assert_int_equal(catalog_last(&l.c), e);
	unload(&l);
}

static void test_malformed_yaml(void **state)
{
	char *t = with_line(16, "  title: [管理策基準\n");

	(void)state;
	expect_problem(t, 17, 8, "YAML syntax error: did not find expected ',' or ']'");
	free(t);
}

static void test_duplicate_id(void **state)
{
	char *t = with_line(26, "    - id: 5a-5.1\n");

	(void)state;
	expect_problem(t, 26, 11, "\"5a-5.1\" is used twice; first at line 18");
	free(t);
}

static void test_unknown_key_suggests(void **state)
{
	char *t = with_line(20, "    titel: 方針\n");

	(void)state;
	expect_problem(t, 20, 5, "unknown key \"titel\" in item; did you mean \"title\"?");
	free(t);
}

static void test_unknown_key_lists_known(void **state)
{
	char *t = with_line(21, "    colour: 方針を定める。\n");

	(void)state;
	expect_problem(t, 21, 5, "known keys: id, kind, label, title");
	free(t);
}

static void test_repeated_key(void **state)
{
	char *t = with_line(21, "    title: もう一つ\n");

	(void)state;
	expect_problem(t, 21, 5, "key \"title\" appears twice in item");
	free(t);
}

static void test_wrong_types(void **state)
{
	char *t1 = with_line(20, "    title: [a, b]\n");
	char *t2 = with_line(22, "    references: 27002-5.1\n");
	char *t3 = with_line(17, "  items: {a: b}\n");

	(void)state;
	expect_problem(t1, 20, 12, "title must be a single value, but is a list");
	expect_problem(t2, 22, 17, "references must be a list");
	expect_problem(t3, 17, 10, "items must be a list");
	free(t1);
	free(t2);
	free(t3);
}

static void test_missing_fields(void **state)
{
	char *t1 = with_line(19, "    label: x\n");  /* no kind, and a label */
	char *t2 = with_line(2, "\n");               /* no catalog id */
	char *t3 = with_line(20, "    title_en: x\n"); /* a control keeps a title */

	(void)state;
	expect_problem(t1, 18, 5, "item has no \"kind\"");
	expect_problem(t2, 1, 1, "the catalog has no \"id\"");
	/* A key with nothing after it is not there: read as present it was
	 * written without it, and the written file did not read back. */
	{
		char *e1 = with_line(4, "edition:\n");
		char *e2 = with_line(4, "edition: &a\n");
		char *e3 = with_line(3, "title: ~\n");
		char *e4 = with_line(10, "    label:\n");

		expect_problem(e1, 1, 1, "the catalog has no \"edition\"");
		expect_problem(e2, 1, 1, "the catalog has no \"edition\"");
		expect_problem(e3, 1, 1, "the catalog has no \"title\"");
		expect_problem(e4, 9, 5, "attribute value has no \"label\"");
		free(e1);
		free(e2);
		free(e3);
		free(e4);
	}
	/* title_en alone is enough for a control: t3 loads. */
	{
		struct loaded l;

		load(&l, t3);
		assert_true(l.ok);
		unload(&l);
	}
	free(t1);
	free(t2);
	free(t3);
}

static void test_missing_title_and_text(void **state)
{
	char *t1 = with_line(20, "\n");
	char *t2 = with_line(33, "\n");

	(void)state;
	expect_problem(t1, 18, 5, "control \"5a-5.1\" needs a title");
	expect_problem(t2, 30, 9, "list entry \"5a-5.1.1/a\" needs a text");
	free(t1);
	free(t2);
}

static void test_unknown_attribute_value(void **state)
{
	char *t1 = with_line(24, "      control_type: [Preventive, Corrective]\n");
	char *t2 = with_line(24, "      colour: [Preventive]\n");
	char *t3 = with_line(24, "      control_type: [Preventive, Preventive]\n");

	(void)state;
	expect_problem(t1, 24, 34, "\"Corrective\" is not a value of attribute type \"control_type\"; allowed: Preventive, Detective");
	expect_problem(t2, 24, 7, "unknown attribute type \"colour\"");
	expect_problem(t3, 24, 34, "\"Preventive\" is listed twice");
	free(t1);
	free(t2);
	free(t3);
}

static void test_unknown_kind_and_nesting(void **state)
{
	char *t1 = with_line(27, "      kind: detial\n");
	char *t2 = with_line(27, "      kind: part\n");

	(void)state;
	expect_problem(t1, 27, 13, "unknown kind \"detial\"");
	expect_problem(t2, 27, 13, "a part cannot be placed inside a control");
	free(t1);
	free(t2);
}

static void test_bad_format_and_ids(void **state)
{
	char *t1 = with_line(1, "format: kijun-catalog/9\n");
	char *t2 = with_line(18, "  - id: \"5a 5.1\\t\"\n");
	char *t3 = with_line(18, "  - id: ''\n");

	(void)state;
	expect_problem(t1, 1, 9, "format \"kijun-catalog/9\" is not one this kijun reads");
	expect_problem(t2, 18, 9, "must be one line without tabs");
	expect_problem(t3, 18, 9, "id is empty");
	free(t1);
	free(t2);
	free(t3);
}

static void test_invalid_utf8(void **state)
{
	char *t = with_line(20, "    title: 方\xe9\x87 針\n");

	(void)state;
	/* Reported at the character, counted in characters. */
	expect_problem(t, 20, 13, "invalid UTF-8 (byte 0xE9)");
	free(t);
}

static void test_control_character(void **state)
{
	char *t = with_line(20, "    title: a\x01\n");

	(void)state;
	expect_problem(t, 20, 13, "control characters are not allowed");
	free(t);
}

static void test_empty_and_two_documents(void **state)
{
	char two[sizeof(good) + 16];

	(void)state;
	expect_problem("", 0, 0, "the file is empty");
	expect_problem("# only a comment\n", 0, 0, "the file is empty");
	snprintf(two, sizeof(two), "%s---\nx: 1\n", good);
	expect_problem(two, 34, 1, "only one YAML document");
}

static void test_not_a_mapping(void **state)
{
	(void)state;
	expect_problem("- a\n- b\n", 1, 1, "a catalog must be a mapping");
	expect_problem("just text\n", 1, 1, "a catalog must be a mapping");
}

static void test_depth_is_bounded(void **state)
{
	size_t n = 200;
	char *t = malloc(n * 2 + 64), *p;

	(void)state;
	assert_non_null(t);
	p = t + sprintf(t, "items: ");
	for (size_t i = 0; i < n; i++)
		*p++ = '[';
	for (size_t i = 0; i < n; i++)
		*p++ = ']';
	strcpy(p, "\n");
	expect_problem(t, 1, 8 + CATALOG_MAX_DEPTH - 1, "nesting deeper than 64 levels");
	free(t);
}

static void test_alias_bomb_is_refused(void **state)
{
	/* The classic "billion laughs": nested aliases of lists.  Only plain
	 * values may be aliased, so nothing is ever expanded. */
	static const char bomb[] =
		"format: kijun-catalog/1\n"
		"id: x\n"
		"title: t\n"
		"edition: e\n"
		"notice: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
		"publisher: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"attribute_types: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"items: *c\n";

	(void)state;
	expect_problem(bomb, 8, 8, "alias *c stands for a mapping or a list");
}

static void test_alias_budget(void **state)
{
	/* A scalar alias is allowed, but not a million copies of a large one. */
	size_t big = 300 * 1024, copies = 40;
	char *t = malloc(big + copies * 64 + 256), *p;
	struct loaded l;

	(void)state;
	assert_non_null(t);
	p = t + sprintf(t, "format: kijun-catalog/1\nid: x\ntitle: t\nedition: e\nnotice: &n ");
	memset(p, 'a', big);
	p += big;
	p += sprintf(p, "\nitems:\n");
	for (size_t i = 0; i < copies; i++)
		p += sprintf(p, "- id: i%zu\n  kind: part\n  title: *n\n", i);
	load(&l, t);
	assert_false(l.ok);
	assert_non_null(strstr(l.d.items[l.d.count - 1].message, "aliases expand to more than"));
	unload(&l);
	free(t);
}

static void test_scalar_alias_allowed(void **state)
{
	static const char text[] =
		"format: kijun-catalog/1\n"
		"id: &x sample\n"
		"title: *x\n"
		"edition: '1'\n"
		"items: []\n";
	struct loaded l;

	(void)state;
	load(&l, text);
	assert_true(l.ok);
	assert_string_equal(l.c.title, "sample");
	unload(&l);
}


/* Thousands of anchors and hundreds of thousands of aliases: each alias
 * once searched every anchor (6 s for such a file); they are now found by
 * hash.  No timing here: the aliases must still resolve, to the latest
 * anchor of a name. */
static void test_many_anchors_resolve(void **state)
{
	enum { ANCHORS = 10000, ALIASES = 250000 };
	size_t cap = 512 + ANCHORS * 32 + ALIASES * 16;
	char *t = malloc(cap), *p;
	struct loaded l;
	const struct item *a, *b;

	(void)state;
	assert_non_null(t);
	p = t + sprintf(t, "format: kijun-catalog/1\nid: x\ntitle: t\nedition: e\n"
			"items:\n- id: P\n  kind: part\n  title: p\n  items:\n"
			"  - id: A\n    kind: section\n    title: a\n    references:\n");
	for (int i = 0; i < ANCHORS - 1; i++)
		p += sprintf(p, "    - &a%d r%d\n", i, i);
	/* The same name again: later anchors replace earlier ones. */
	p += sprintf(p, "    - &a7 again\n");
	p += sprintf(p, "  - id: B\n    kind: section\n    title: b\n    references:\n");
	for (int i = 0; i < ALIASES; i++)
		p += sprintf(p, "    - *a%d\n", (i * 7919) % (ANCHORS - 1));
	assert_true((size_t)(p - t) < cap);
	load(&l, t);
	if (!l.ok)
		fail_msg("%s", l.d.count ? l.d.items[0].message : "?");
	a = catalog_item(&l.c, catalog_find(&l.c, "A"));
	b = catalog_item(&l.c, catalog_find(&l.c, "B"));
	assert_int_equal(a->ref_count, ANCHORS);
	assert_string_equal(a->refs[7], "r7");
	assert_string_equal(a->refs[ANCHORS - 1], "again");
	assert_int_equal(b->ref_count, ALIASES);
	for (int i = 0; i < ALIASES; i++) {
		int k = (i * 7919) % (ANCHORS - 1);
		char want[16];

		snprintf(want, sizeof(want), "r%d", k);
		assert_string_equal(b->refs[i], k == 7 ? "again" : want);
	}
	unload(&l);
	free(t);
}

/* "\0" in a double-quoted value once cut the text there without a word;
 * it is an error at the escape, in whichever form it is written. */
static void test_nul_in_value(void **state)
{
	static const char head[] = "format: kijun-catalog/1\nid: x\ntitle: t\nedition: e\nitems:\n"
				   "- id: P\n  kind: part\n";
	char t[256];

	(void)state;
	snprintf(t, sizeof(t), "%s  title: \"ab\\0cd\"\n", head);
	expect_problem(t, 8, 13, "NUL character");
	snprintf(t, sizeof(t), "%s  title: \"情報 \\\" \\x00\"\n", head);
	expect_problem(t, 8, 17, "NUL character");
	snprintf(t, sizeof(t), "%s  title: \"a\\\\0 \\u0000\"\n", head);
	expect_problem(t, 8, 16, "NUL character");
	snprintf(t, sizeof(t), "%s  title: \"\\U00000000\"\n", head);
	expect_problem(t, 8, 11, "NUL character");
	/* In a key, and through an alias (reported where the alias is). */
	snprintf(t, sizeof(t), "%s  \"ti\\0tle\": x\n", head);
	expect_problem(t, 8, 6, "NUL character");
	snprintf(t, sizeof(t), "format: kijun-catalog/1\nid: x\nnotice: &n \"a\\0\"\n"
		 "title: *n\nedition: e\nitems: []\n");
	expect_problem(t, 3, 14, "NUL character");
	expect_problem(t, 4, 8, "NUL character");
	/* "\\0" is a backslash and a zero: fine. */
	snprintf(t, sizeof(t), "%s  title: \"a\\\\0\"\n", head);
	{
		struct loaded l;

		load(&l, t);
		assert_true(l.ok);
		assert_string_equal(catalog_item(&l.c, catalog_find(&l.c, "P"))->title, "a\\0");
		unload(&l);
	}
}

static void test_size_is_bounded(void **state)
{
	struct catalog c;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	/* The length alone is checked before anything is read. */
	assert_false(catalog_read(&c, "big.yaml", good, FILE_MAX_BYTES + 1, &d));
	assert_int_equal(d.count, 1);
	assert_non_null(strstr(d.items[0].message, "larger than 128 MiB"));
	diag_list_free(&d);
}

static void test_every_problem_reported_in_order(void **state)
{
	char *t1 = with_line(20, "    titel: 方針\n"), *t2;
	struct loaded l;

	(void)state;
	t2 = malloc(strlen(t1) + 64);
	assert_non_null(t2);
	strcpy(t2, t1);
	/* Also a bad value much further down. */
	{
		char *pos = strstr(t2, "        kind: entry\n");

		assert_non_null(pos);
		memcpy(pos, "        kind: entre\n", 20);
	}
	load(&l, t2);
	assert_false(l.ok);
	assert_true(l.d.count >= 2);
	for (size_t i = 1; i < l.d.count; i++)
		assert_true(l.d.items[i - 1].line <= l.d.items[i].line);
	unload(&l);
	free(t1);
	free(t2);
}

static bool any_message_has(const struct diag_list *d, const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if (strstr(d->items[i].message, needle))
			return true;
	return false;
}

static void test_messages_in_japanese(void **state)
{
	char *t = with_line(20, "    titel: 方針\n");
	struct loaded l;

	(void)state;
	i18n_set_language(LANGUAGE_JA);
	load(&l, t);
	i18n_set_language(LANGUAGE_EN);
	assert_false(l.ok);
	assert_true(any_message_has(&l.d, "キー「titel」は項目では使えません。「title」の誤りではありませんか"));
	assert_true(any_message_has(&l.d, "管理策「5a-5.1」には title が必要です"));
	unload(&l);
	free(t);
}

static void test_diag_format(void **state)
{
	struct diag_list d;
	char buf[128];

	(void)state;
	diag_list_init(&d);
	diag_add(&d, "f.yaml", 3, 7, "bad %s", "thing");
	diag_add(&d, "f.yaml", 0, 0, "whole file");
	diag_format(&d.items[0], buf, sizeof(buf));
	assert_string_equal(buf, "f.yaml:3:7: bad thing");
	diag_format(&d.items[1], buf, sizeof(buf));
	assert_string_equal(buf, "f.yaml: whole file");
	diag_list_free(&d);
}

static int setup(void **state)
{
	(void)state;
	i18n_set_language(LANGUAGE_EN);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_file_loads),
		cmocka_unit_test(test_malformed_yaml),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_unknown_key_suggests),
		cmocka_unit_test(test_unknown_key_lists_known),
		cmocka_unit_test(test_repeated_key),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_missing_fields),
		cmocka_unit_test(test_missing_title_and_text),
		cmocka_unit_test(test_unknown_attribute_value),
		cmocka_unit_test(test_unknown_kind_and_nesting),
		cmocka_unit_test(test_bad_format_and_ids),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_control_character),
		cmocka_unit_test(test_empty_and_two_documents),
		cmocka_unit_test(test_not_a_mapping),
		cmocka_unit_test(test_depth_is_bounded),
		cmocka_unit_test(test_alias_bomb_is_refused),
		cmocka_unit_test(test_alias_budget),
		cmocka_unit_test(test_scalar_alias_allowed),
		cmocka_unit_test(test_many_anchors_resolve),
		cmocka_unit_test(test_nul_in_value),
		cmocka_unit_test(test_size_is_bounded),
		cmocka_unit_test(test_every_problem_reported_in_order),
		cmocka_unit_test(test_messages_in_japanese),
		cmocka_unit_test(test_diag_format),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
