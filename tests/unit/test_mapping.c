/* Unit tests for include/kijun/mapping.h and mapping_io.h (good and bad
 * tables in CSV, TSV and YAML, problems at their line and column), the
 * shipped example against the concept rule of csf_map.h, and the detail
 * pane listing a table's rows under the items of both catalogs. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog_io.h"
#include "kijun/csf_map.h"
#include "kijun/i18n.h"
#include "kijun/mapping_io.h"
#include "../../src/tui/detail.h"

static struct catalog meti, csf;

static int setup(void **state)
{
	struct diag_list d;
	bool ok;

	(void)state;
	if (!test_utf8_locale())
		return -1;
	i18n_set_language(LANGUAGE_EN);
	diag_list_init(&d);
	ok = catalog_load_builtin(&meti, &d) && catalog_load_builtin_id(&csf, "csf-2.0", &d);
	diag_list_free(&d);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&meti);
	catalog_free(&csf);
	return 0;
}

/* Reads text; returns the problems as "line:column: message" lines. */
static char problems[4096];

static bool read_text(struct mapping *m, const char *text)
{
	struct diag_list d;
	bool ok;
	size_t n = 0;

	diag_list_init(&d);
	ok = mapping_read(m, "t", text, strlen(text), &d);
	problems[0] = '\0';
	for (size_t k = 0; k < d.count && n < sizeof(problems) - 1; k++)
		n += (size_t)snprintf(problems + n, sizeof(problems) - n, "%u:%u: %s\n",
				      d.items[k].line, d.items[k].column, d.items[k].message);
	assert_int_equal(ok, d.count == 0);
	diag_list_free(&d);
	return ok;
}

static void expect_problem(const char *text, const char *want)
{
	struct mapping m;

	assert_false(read_text(&m, text));
	if (!strstr(problems, want))
		fail_msg("no \"%s\" in:\n%s", want, problems);
	assert_int_equal(m.count, 0);
	mapping_free(&m);
}

static void test_relations(void **state)
{
	(void)state;
	assert_int_equal(map_relation_parse("subset-of"), MAP_SUBSET);
	assert_int_equal(map_relation_parse("related-to"), MAP_RELATED);
	assert_int_equal(map_relation_parse("subset"), -1);
	assert_int_equal(map_relation_inverse(MAP_SUBSET), MAP_SUPERSET);
	assert_int_equal(map_relation_inverse(MAP_SUPERSET), MAP_SUBSET);
	assert_int_equal(map_relation_inverse(MAP_INTERSECTS), MAP_INTERSECTS);
	assert_string_equal(map_relation_name(MAP_EQUIVALENT), "equivalent-to");
}

static void test_csv_good(void **state)
{
	struct mapping m;
	const struct map_row *r;
	uint32_t at = 0;

	(void)state;
	/* Columns in any order; an empty relationship is related-to; quotes. */
	assert_true(read_text(&m, "note,target,source,relationship\n"
				  "\"a, b\",GV.PO-01,5a-5.1,subset-of\n"
				  ",ID,5a-5.1,\n"
				  "\"line one\nline two\",PR,5c-5.15,intersects-with\n"));
	assert_int_equal(m.count, 3);
	assert_null(m.source_catalog);
	assert_true(mapping_side_is(&m, MAP_SOURCE, "anything"));
	r = mapping_next(&m, MAP_SOURCE, "5a-5.1", &at);
	assert_non_null(r);
	assert_string_equal(r->target, "GV.PO-01");
	assert_int_equal(r->relation, MAP_SUBSET);
	assert_string_equal(r->note, "a, b");
	assert_int_equal(r->line, 2);
	r = mapping_next(&m, MAP_SOURCE, "5a-5.1", &at);
	assert_non_null(r);
	assert_string_equal(r->target, "ID");
	assert_int_equal(r->relation, MAP_RELATED);
	assert_null(r->note);
	assert_null(mapping_next(&m, MAP_SOURCE, "5a-5.1", &at));
	at = 0;
	r = mapping_next(&m, MAP_TARGET, "PR", &at);
	assert_non_null(r);
	assert_string_equal(r->source, "5c-5.15");
	assert_int_equal(r->line, 4);
	mapping_free(&m);

	/* TSV, with no relationship or note column. */
	assert_true(read_text(&m, "source\ttarget\n5a-5.1\tGV\nmy id\tPR\n"));
	assert_int_equal(m.count, 2);
	assert_int_equal(m.rows[0].relation, MAP_RELATED);
	assert_string_equal(m.rows[1].source, "my id");
	mapping_free(&m);
}

static void test_csv_bad(void **state)
{
	(void)state;
	expect_problem("source,target,relation\n", "1:15: unknown or repeated column \"relation\"");
	expect_problem("source,source,target\n", "1:8: unknown or repeated column \"source\"");
	expect_problem("source,note\na,b\n", "1:1: the header has no column \"target\"");
	expect_problem("source,target,relationship\na,b,subset-of\n,c,equal-to\n",
		       "3:1: source must be one id");
	expect_problem("source,target,relationship\na, b,subset-of\n",
		       "2:3: target must be one id on one line");
	expect_problem("source,target\na\n", "2:1: target must be one id");
	expect_problem("source,target,relationship\n5a-5.1,GV,part-of\n",
		       "2:11: unknown relationship \"part-of\"; use equivalent-to");
	expect_problem("", "the table is empty");
	expect_problem("source,target\n\"a,b\n", "2:1");
}

static void test_yaml_good(void **state)
{
	struct mapping m;

	(void)state;
	assert_true(read_text(&m, "# a comment first\n"
				  "format: kijun-mapping/1\n"
				  "source_catalog: meti-ismk-2025\n"
				  "target_catalog: csf-2.0\n"
				  "mappings:\n"
				  "- source: 5a-5.1\n"
				  "  target: GV.PO-01\n"
				  "  relationship: subset-of\n"
				  "  note: 方針の策定と承認\n"
				  "- {source: 8c-8.16, target: DE.CM-01}\n"));
	assert_int_equal(m.count, 2);
	assert_string_equal(m.source_catalog, "meti-ismk-2025");
	assert_string_equal(m.target_catalog, "csf-2.0");
	assert_true(mapping_side_is(&m, MAP_SOURCE, "meti-ismk-2025"));
	assert_false(mapping_side_is(&m, MAP_SOURCE, "csf-2.0"));
	assert_false(mapping_side_is(&m, MAP_TARGET, NULL));
	assert_string_equal(m.rows[0].note, "方針の策定と承認");
	assert_int_equal(m.rows[0].line, 6);
	assert_int_equal(m.rows[1].relation, MAP_RELATED);
	assert_int_equal(m.rows[1].line, 10);
	mapping_free(&m);
}

static void test_yaml_bad(void **state)
{
	(void)state;
	expect_problem("format: kijun-mapping/9\nmappings: []\n",
		       "1:9: format \"kijun-mapping/9\" is not one this kijun reads");
	expect_problem("format: kijun-mapping/1\nmappings:\n- source: a\n  target: b\n"
		       "  relationship: same\n", "5:17: unknown relationship \"same\"");
	expect_problem("format: kijun-mapping/1\nmappings:\n- source: a\n", "3:3: ");
	expect_problem("format: kijun-mapping/1\nmappings:\n- source: a\n  target: b\n  notes: x\n",
		       "5:3: ");
	expect_problem("format: kijun-mapping/1\nmappings:\n- source: ''\n  target: c\n",
		       "3:11: source is empty");
	expect_problem("format: kijun-mapping/1\n", "mappings");
}

/* The shipped example is the concept rule written out: each row names a
 * function the control has, and every function of every control has its
 * row. */
static void test_example_is_the_rule(void **state)
{
	struct mapping m;
	struct diag_list d;
	unsigned want = 0;

	(void)state;
	diag_list_init(&d);
	assert_true(mapping_load_file(&m, "data/examples/meti-to-csf-functions.csv", &d));
	diag_list_free(&d);
	for (uint32_t i = catalog_first(&meti); i != ITEM_NONE; i = catalog_next(&meti, i))
		want += (unsigned)__builtin_popcount(csf_functions(&meti, i));
	assert_true(want > 93);
	assert_int_equal(m.count, want);
	for (uint32_t k = 0; k < m.count; k++) {
		uint32_t i = catalog_find(&meti, m.rows[k].source);
		int f = csf_function_parse(m.rows[k].target);

		assert_int_not_equal(i, ITEM_NONE);
		assert_true(f >= 0);
		assert_int_not_equal(catalog_find(&csf, m.rows[k].target), ITEM_NONE);
		if (!((csf_functions(&meti, i) >> f) & 1))
			fail_msg("%s -> %s is not what its attributes give", m.rows[k].source,
				 m.rows[k].target);
		assert_int_equal(m.rows[k].relation, MAP_RELATED);
	}
	mapping_free(&m);
}

static long line_of(const struct detail *d, const char *s)
{
	for (size_t k = 0; k < d->count; k++)
		if (d->lines[k].len == strlen(s) && !memcmp(d->lines[k].text, s, d->lines[k].len))
			return (long)k;
	return -1;
}

static void test_detail_both_directions(void **state)
{
	struct mapping m[2];
	struct detail pane;
	long h, at;

	(void)state;
	assert_true(read_text(&m[0], "format: kijun-mapping/1\n"
				     "source_catalog: meti-ismk-2025\n"
				     "target_catalog: csf-2.0\n"
				     "mappings:\n"
				     "- {source: 5a-5.1, target: GV.PO-01, relationship: subset-of, note: 方針}\n"
				     "- {source: 5a-5.2, target: GV.PO-01}\n"
				     "- {source: GV.PO-01, target: 5a-5.3}\n"));
	/* A CSV table names no catalogs: ids alone decide. */
	assert_true(read_text(&m[1], "source,target\n5a-5.1,ID\n"));
	detail_init(&pane);
	detail_set_mappings(&pane, m, 2);

	/* From the source: the CSF line by the attributes, then the rows. */
	detail_build(&pane, &meti, catalog_find(&meti, "5a-5.1"), 60, NULL);
	at = line_of(&pane, "CSF 2.0: GV, ID");
	assert_true(at > line_of(&pane, "Attributes"));
	assert_int_equal(pane.lines[at].style, DETAIL_VALUE);
	h = line_of(&pane, "Mappings");
	assert_true(h > at);
	assert_int_equal(pane.lines[h].style, DETAIL_HEADING);
	assert_int_equal(line_of(&pane, "subset-of GV.PO-01 (csf-2.0)"), h + 1);
	assert_int_equal(line_of(&pane, "方針"), h + 2);
	assert_int_equal(line_of(&pane, "related-to ID"), h + 3);

	/* 5a-5.3 is a target only in a table whose targets are csf-2.0's. */
	detail_build(&pane, &meti, catalog_find(&meti, "5a-5.3"), 60, NULL);
	assert_int_equal(line_of(&pane, "Mappings"), -1);

	/* From the target: the sources, subset-of seen as superset-of. */
	detail_build(&pane, &csf, catalog_find(&csf, "GV.PO-01"), 60, NULL);
	h = line_of(&pane, "Mappings");
	assert_true(h > 0);
	assert_int_equal(line_of(&pane, "superset-of 5a-5.1 (meti-ismk-2025)"), h + 1);
	assert_int_equal(line_of(&pane, "related-to 5a-5.2 (meti-ismk-2025)"), h + 3);
	assert_int_equal(line_of(&pane, "related-to 5a-5.3 (meti-ismk-2025)"), -1);
	assert_int_equal(line_of(&pane, "CSF 2.0: GV"), -1);
	detail_build(&pane, &csf, catalog_find(&csf, "ID"), 60, NULL);
	assert_true(line_of(&pane, "related-to 5a-5.1") > line_of(&pane, "Mappings"));

	/* A part has no attributes: no CSF line. */
	detail_build(&pane, &meti, catalog_find(&meti, "V"), 60, NULL);
	assert_int_equal(line_of(&pane, "Mappings"), -1);
	detail_free(&pane);
	mapping_free(&m[0]);
	mapping_free(&m[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relations),
		cmocka_unit_test(test_csv_good),
		cmocka_unit_test(test_csv_bad),
		cmocka_unit_test(test_yaml_good),
		cmocka_unit_test(test_yaml_bad),
		cmocka_unit_test(test_example_is_the_rule),
		cmocka_unit_test(test_detail_both_directions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
