/* Unit tests for include/kijun/query.h, the session's query filter and
 * include/kijun/crosstab.h, on the built-in catalog; the cross-tab of
 * concepts by operational capabilities is checked against the shared
 * ISO/IEC 27002:2022 table cell by cell. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/catalog_io.h"
#include "kijun/crosstab.h"
#include "kijun/i18n.h"
#include "kijun/query.h"
#include "kijun/session.h"
#include "kijun/session_io.h"
#include "../../src/tui/query_words.h"

static struct catalog cat;

static int setup(void **state)
{
	struct diag_list d;
	bool ok;

	(void)state;
	diag_list_init(&d);
	ok = catalog_load_builtin(&cat, &d);
	diag_list_free(&d);
	i18n_set_language(LANGUAGE_JA);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

/* The ids a query matches, comma-separated, in catalog order. */
static char *matches(const char *text)
{
	struct query_error e;
	struct query *q = query_compile(text, &cat, &e);
	static char out[8192];
	size_t n = 0;

	if (!q)
		fail_msg("%s: code %d at column %u", text, e.code, e.column);
	assert_int_equal(e.code, QUERY_OK);
	out[0] = '\0';
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
		if (!query_match(q, &cat, i, NULL))
			continue;
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n ? "," : "",
				      catalog_item(&cat, i)->id);
		assert_true(n < sizeof(out));
	}
	query_free(q);
	return out;
}

/* Two queries match the same items (and at least one). */
static void same(const char *a, const char *b)
{
	char *first = strdup(matches(a));

	assert_non_null(first);
	assert_true(first[0] != '\0');
	assert_string_equal(first, matches(b));
	free(first);
}

static unsigned count(const char *text)
{
	struct query_error e;
	struct query *q = query_compile(text, &cat, &e);
	unsigned n = 0;

	if (!q)
		fail_msg("%s: code %d at column %u", text, e.code, e.column);
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i))
		n += query_match(q, &cat, i, NULL);
	query_free(q);
	return n;
}

/* A bad query: its code and column. */
static void bad(const char *text, enum query_code code, unsigned column, const char *word)
{
	struct query_error e;
	struct query *q = query_compile(text, &cat, &e);

	if (q)
		fail_msg("%s: compiled", text);
	if (e.code != code || e.column != column)
		fail_msg("%s: code %d column %u, want %d column %u", text, e.code, e.column,
			 code, column);
	if (word)
		assert_string_equal(e.word, word);
}

static void test_attributes_japanese_and_english(void **state)
{
	(void)state;
	/* 表2's first cell: 識別 × ガバナンス. */
	assert_string_equal(matches("概念:識別 運用機能:ガバナンス"),
			    "5a-5.1,5a-5.2,5a-5.4,5a-5.5,5a-5.8");
	assert_string_equal(matches("concepts:Identify and capabilities:Governance"),
			    "5a-5.1,5a-5.2,5a-5.4,5a-5.5,5a-5.8");
	assert_string_equal(matches("サイバーセキュリティ概念:#識別 運用機能:ガバナンス"),
			    "5a-5.1,5a-5.2,5a-5.4,5a-5.5,5a-5.8");
	/* English labels and ids, with spaces written as underscores. */
	same("capabilities:Asset_management", "運用機能:資産管理");
	same("capabilities:Asset_management", "\"Operational capabilities\":\"Asset management\"");
	assert_int_equal(count("Cybersecurity_concepts:Detect"), count("概念:検知"));
	/* Full-width colon, as a Japanese input method types it. */
	assert_int_equal(count("概念：識別"), count("概念:識別"));
	assert_true(count("#識別") > 0);
	assert_int_equal(count("#識別"), count("concepts:Identify"));
}

static void test_ambiguous_label_matches_either(void **state)
{
	unsigned detective = count("管理策タイプ:検知"), detect = count("概念:検知");
	unsigned either = count("#検知");

	(void)state;
	assert_true(detective > 0 && detect > 0);
	/* Either type: at least each alone, at most both. */
	assert_true(either >= detective && either >= detect);
	assert_int_equal(either, count("管理策タイプ:検知 or 概念:検知"));
	assert_true(either < detective + detect + 1);
	assert_int_equal(count("#防御"), count("概念:防御 or ドメイン:防御"));
	/* The qualified label as lists show it picks one, quoted for its space. */
	assert_int_equal(count("#\"検知 (Detective)\""), detective);
	assert_int_equal(count("#\"検知 (Detect)\""), count("#Detect"));
	/* A whole quoted term is free text, never a value. */
	assert_int_equal(count("\"#検知 (Detect)\""), 0);
	assert_int_equal(count("#\"検知(Detect)\""), detect);
	/* English values are not shared: #Detect is the concept only. */
	assert_int_equal(count("#Detect"), detect);
	assert_int_equal(count("#Detective"), detective);
}

static void test_qualifier_display(void **state)
{
	char buf[64];
	int ct = catalog_type_find(&cat, "control_type"), co = catalog_type_find(&cat, "concepts");
	int dom = catalog_type_find(&cat, "domains");

	(void)state;
	assert_true(ct >= 0 && co >= 0 && dom >= 0);
	assert_string_equal(attr_value_display(&cat, (uint32_t)ct, 1, buf, sizeof(buf)),
			    "検知 (Detective)");
	assert_string_equal(attr_value_display(&cat, (uint32_t)co, 2, buf, sizeof(buf)),
			    "検知 (Detect)");
	assert_string_equal(attr_value_display(&cat, (uint32_t)co, 1, buf, sizeof(buf)),
			    "防御 (Protect)");
	assert_string_equal(attr_value_display(&cat, (uint32_t)dom, 2, buf, sizeof(buf)),
			    "防御 (Defence)");
	/* Not shared: the label alone. */
	assert_string_equal(attr_value_display(&cat, (uint32_t)ct, 0, buf, sizeof(buf)), "予防");
	assert_false(attr_value_ambiguous(&cat, (uint32_t)co, 0));
	/* In English nothing collides. */
	i18n_set_language(LANGUAGE_EN);
	assert_string_equal(attr_value_display(&cat, (uint32_t)ct, 1, buf, sizeof(buf)),
			    "Detective");
	i18n_set_language(LANGUAGE_JA);
}

static void test_ids_kinds_text(void **state)
{
	(void)state;
	assert_string_equal(matches("id:5a-5.4"), "5a-5.4");
	/* Part V's number alone, as the guideline writes it. */
	assert_string_equal(matches("id:5.4"), "5a-5.4");
	assert_int_equal(count("id:5a-*"), count("id:5a-* kind:control") + count("id:5a-* not kind:control"));
	assert_true(count("id:5a-*") >= 37);
	same("id:4.4.8*", "id:4.4.8 or id:4.4.8.*");
	assert_false(strcmp(matches("id:4.4.8*"), "4.4.8") == 0);
	assert_int_equal(count("kind:control id:5a-*"), count("kind:管理策 番号:5a-*"));
	/* Free text as / searches it, and quoted phrases. */
	assert_true(count("バックアップ") > 0);
	assert_int_equal(count("\"バックアップ\""), count("バックアップ"));
	assert_int_equal(count("text:バックアップ"), count("バックアップ"));
	assert_int_equal(count("not バックアップ") + count("バックアップ"), catalog_size(&cat));
	/* Keywords in any case, parentheses, precedence: and before or. */
	assert_string_equal(matches("id:5.1 OR id:5.2 AND id:5.3"), "5a-5.1");
	assert_string_equal(matches("(id:5.1 or id:5.2) and not id:5.2"), "5a-5.1");
	assert_string_equal(matches("（id:5.1 or id:5.2） 概念:識別"), "5a-5.1,5a-5.2");
	/* A catalog has no changes: everything is kept, nothing technical. */
	assert_int_equal(count("status:kept"), catalog_size(&cat));
	assert_int_equal(count("状態:維持"), catalog_size(&cat));
	assert_int_equal(count("status:reworded"), 0);
	assert_int_equal(count("technical:no"), catalog_size(&cat));
	assert_int_equal(count("level:none"), catalog_size(&cat));
	assert_int_equal(count("mark:.P"), 0);
}

static void test_errors_and_columns(void **state)
{
	struct query_error e;
	char words[256];

	(void)state;
	bad("", QUERY_EMPTY, 1, NULL);
	bad("   ", QUERY_EMPTY, 1, NULL);
	bad("foo:bar", QUERY_UNKNOWN_FIELD, 1, "foo");
	/* Columns are characters, not bytes: 概念 is two. */
	bad("概念:識別 運用機能:ガバナンスx", QUERY_UNKNOWN_VALUE, 12, "ガバナンスx");
	bad("#検知x", QUERY_UNKNOWN_VALUE, 2, "検知x");
	bad("concepts:Identify and", QUERY_EXPECTED_TERM, 22, NULL);
	bad("and id:5.1", QUERY_EXPECTED_TERM, 1, "and");
	bad("id:5.1 or or id:5.2", QUERY_EXPECTED_TERM, 11, "or");
	bad("(id:5.1 or id:5.2", QUERY_UNMATCHED_OPEN, 1, NULL);
	bad("id:5.1 )", QUERY_UNMATCHED_CLOSE, 8, NULL);
	bad("()", QUERY_EXPECTED_TERM, 2, NULL);
	bad("識別 \"開いたまま", QUERY_UNTERMINATED_QUOTE, 4, NULL);
	bad("status:", QUERY_EMPTY_VALUE, 7, NULL);
	bad("#", QUERY_EMPTY_VALUE, 1, NULL);
	bad("status:done", QUERY_UNKNOWN_VALUE, 8, "done");
	bad("セキュリティ:保護", QUERY_AMBIGUOUS_TYPE, 1, "セキュリティ");
	bad("risk:high", QUERY_NOT_AVAILABLE, 1, "risk");  /* a catalog has no risks */
	bad("id:5.1 \xff", QUERY_BAD_UTF8, 8, NULL);
	/* The words, with the column, for the views. */
	assert_null(query_compile("概念:識別 運用機能:x", &cat, &e));
	i18n_set_language(LANGUAGE_EN);
	assert_string_equal(query_describe(&e, words, sizeof(words)),
			    "column 12: \"x\" is not a value here");
	i18n_set_language(LANGUAGE_JA);
	assert_string_equal(query_describe(&e, words, sizeof(words)),
			    "12 文字目: 「x」はここで使える値ではありません");
	/* The caret goes under column 12: 概念:識別 運用機能: is 19 cells. */
	assert_true(test_utf8_locale());
	assert_int_equal(query_caret_cells("概念:識別 運用機能:x", 12), 19);
	assert_int_equal(query_column_offset("概念:識別 運用機能:x", 12), strlen("概念:識別 運用機能:"));
}

static void test_too_long(void **state)
{
	char text[QUERY_MAX_NODES * 8];
	struct query_error e;
	size_t n = 0;

	(void)state;
	for (int k = 0; k < QUERY_MAX_NODES + 1; k++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "a ");
	assert_null(query_compile(text, &cat, &e));
	assert_int_equal(e.code, QUERY_TOO_LONG);
}

/* ---- the session's filter ------------------------------------------------------ */

static void test_session_filter(void **state)
{
	char dir[] = "/tmp/kijun-query-XXXXXX", path[64];
	struct session_result r;
	struct query_error e;
	struct diag_list d;
	struct session s;
	struct change c;
	const struct catalog *shown;
	const uint8_t *hidden;
	struct query *q;
	uint32_t i, seen = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.yaml", dir);
	diag_list_init(&d);
	assert_true(session_load_file(&s, path, SESSION_OPEN_ANY, &d));
	diag_list_free(&d);
	shown = session_shown(&s);
	/* Counting leaves the filter alone. */
	q = query_compile("概念:検知 運用機能:ガバナンス", shown, &e);
	assert_int_equal(session_count_matches(&s, q), 0);
	assert_null(session_filter(&s));
	assert_int_equal(session_set_filter(&s, q), SESSION_OK);
	assert_string_equal(query_text(session_filter(&s)), "概念:検知 運用機能:ガバナンス");
	hidden = session_hidden(&s);
	/* No control is both: nothing is shown, not even a part. */
	assert_int_equal(session_filter_count(&s), 0);
	for (i = catalog_first(shown); i != ITEM_NONE; i = catalog_next(shown, i))
		assert_true(hidden[i]);
	q = query_compile("id:5.4", shown, &e);
	/* Counted against the view, not against the filter set now. */
	assert_int_equal(session_count_matches(&s, q), 1);
	assert_int_equal(session_set_filter(&s, q), SESSION_OK);
	hidden = session_hidden(&s);
	assert_int_equal(session_filter_count(&s), 1);
	/* The match and its ancestors, nothing else. */
	for (i = catalog_first(shown); i != ITEM_NONE; i = catalog_next(shown, i)) {
		bool want = catalog_is_within(shown, catalog_find(shown, "5a-5.4"), i);

		assert_int_equal(!hidden[i], want);
		seen += !hidden[i];
	}
	assert_int_equal(seen, 4);  /* V, 5, 5a, 5a-5.4 */
	/* Status comes from the resolution: exclude 5a-5.4, then ask. */
	assert_int_equal(session_set_author(&s, "山田"), SESSION_OK);
	assert_int_equal(session_set_date(&s, "2026-01-15"), SESSION_OK);
	memset(&c, 0, sizeof(c));
	c.op = OP_EXCLUDE;
	c.step = 1;
	c.target = "5a-5.4";
	c.reason = "対象外";
	c.item.kind = -1;
	assert_int_equal(session_apply(&s, &c, &r), SESSION_OK);
	shown = session_shown(&s);
	assert_int_equal(session_set_filter(&s, query_compile("status:excluded", shown, &e)),
			 SESSION_OK);
	assert_int_equal(session_filter_count(&s), 1);
	assert_false(session_hidden(&s)[catalog_find(shown, "5a-5.4")]);
	assert_true(session_hidden(&s)[catalog_find(shown, "5a-5.1")]);
	/* A change keeps the filter; clearing shows everything again. */
	assert_int_equal(session_undo(&s, &r), SESSION_OK);
	assert_int_equal(session_filter_count(&s), 0);
	assert_int_equal(session_set_filter(&s, NULL), SESSION_OK);
	assert_null(session_filter(&s));
	shown = session_shown(&s);
	for (i = catalog_first(shown); i != ITEM_NONE; i = catalog_next(shown, i))
		assert_false(session_hidden(&s)[i]);
	session_free(&s);
	rmdir(dir);
}

/* ---- the cross-tab ------------------------------------------------------------------- */

static void test_crosstab_small(void **state)
{
	struct crosstab x;
	uint32_t n, ct = (uint32_t)catalog_type_find(&cat, "control_type");
	uint32_t pr = (uint32_t)catalog_type_find(&cat, "properties");
	uint8_t *skip = calloc(cat.count, 1);
	const uint32_t *v;

	(void)state;
	assert_non_null(skip);
	assert_true(crosstab_build(&x, &cat, ct, pr, NULL));
	assert_int_equal(x.rows, 3);
	assert_int_equal(x.cols, 3);
	/* 93 controls carry attributes. */
	assert_int_equal(x.total, 93);
	v = crosstab_cell(&x, 0, 0, &n);
	assert_true(n > 0);
	/* Catalog order within a cell. */
	for (uint32_t k = 1; k < n; k++) {
		uint32_t a = v[k - 1];

		while (a != ITEM_NONE && a != v[k])
			a = catalog_next(&cat, a);
		assert_int_equal(a, v[k]);
	}
	crosstab_free(&x);
	/* Skipped items are left out. */
	skip[catalog_find(&cat, "5a-5.1")] = 1;
	assert_true(crosstab_build(&x, &cat, ct, pr, skip));
	assert_int_equal(x.total, 92);
	crosstab_free(&x);
	assert_false(crosstab_build(&x, &cat, ct, cat.type_count, NULL));
	crosstab_free(&x);
	free(skip);
}

static char *shared_path(const char *name)
{
	const char *dir = getenv("KIJUN_SHARED_DATA");
	char *p = malloc(512);

	assert_non_null(p);
	snprintf(p, 512, "%s/%s", dir && *dir ? dir : SHARED_DATA_DEFAULT, name);
	return p;
}

static int split(char *s, char sep, char **out, int max)
{
	int n = 0;

	while (n < max) {
		out[n++] = s;
		s = strchr(s, sep);
		if (!s)
			break;
		*s++ = '\0';
	}
	return n;
}

/* The ISO number of a catalog control: its 27002 reference. */
static const char *iso_number(uint32_t i)
{
	const struct item *it = catalog_item(&cat, i);

	for (uint32_t k = 0; k < it->ref_count; k++)
		if (!strncmp(it->refs[k], "27002-", 6))
			return it->refs[k] + 6;
	return it->id;
}

static void test_crosstab_equals_shared_table(void **state)
{
	char *path = shared_path("iso27002-2022-controls.tsv");
	FILE *f = fopen(path, "r");
	uint32_t co = (uint32_t)catalog_type_find(&cat, "concepts");
	uint32_t cap = (uint32_t)catalog_type_find(&cat, "capabilities");
	const struct attr_type *tr = &cat.types[co], *tc = &cat.types[cap];
	struct cell_ids { char ids[2048]; } *want;
	char line[4096];
	struct crosstab x;

	(void)state;
	if (!f)
		fail_msg("cannot read %s (set KIJUN_SHARED_DATA to the shared data folder)", path);
	want = calloc((size_t)tr->value_count * tc->value_count, sizeof(*want));
	assert_non_null(want);
	assert_non_null(fgets(line, sizeof(line), f));  /* header */
	while (fgets(line, sizeof(line), f)) {
		char *col[9], *concepts[8], *caps[16];
		int nc, np;

		line[strcspn(line, "\r\n")] = '\0';
		assert_int_equal(split(line, '\t', col, 9), 9);
		nc = split(col[6], ',', concepts, 8);
		np = split(col[7], ',', caps, 16);
		for (int a = 0; a < nc; a++) {
			for (int b = 0; b < np; b++) {
				int r = attr_type_value_find(tr, concepts[a]);
				int k = attr_type_value_find(tc, caps[b]);
				char *ids;

				if (r < 0 || k < 0)
					fail_msg("%s: unknown %s or %s", col[0], concepts[a], caps[b]);
				ids = want[(size_t)r * tc->value_count + (size_t)k].ids;
				snprintf(ids + strlen(ids), sizeof(want[0].ids) - strlen(ids), "%s%s",
					 ids[0] ? "," : "", col[0]);
			}
		}
	}
	fclose(f);
	free(path);
	assert_true(crosstab_build(&x, &cat, co, cap, NULL));
	for (uint32_t r = 0; r < x.rows; r++) {
		for (uint32_t k = 0; k < x.cols; k++) {
			char got[2048] = "";
			uint32_t n;
			const uint32_t *v = crosstab_cell(&x, r, k, &n);

			for (uint32_t m = 0; m < n; m++)
				snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%s",
					 m ? "," : "", iso_number(v[m]));
			if (strcmp(got, want[r * x.cols + k].ids))
				fail_msg("%s x %s: got %s, want %s", tr->values[r].id,
					 tc->values[k].id, got, want[r * x.cols + k].ids);
		}
	}
	crosstab_free(&x);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attributes_japanese_and_english),
		cmocka_unit_test(test_ambiguous_label_matches_either),
		cmocka_unit_test(test_qualifier_display),
		cmocka_unit_test(test_ids_kinds_text),
		cmocka_unit_test(test_errors_and_columns),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_session_filter),
		cmocka_unit_test(test_crosstab_small),
		cmocka_unit_test(test_crosstab_equals_shared_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
