/* Governance effectiveness (III.1): the three measures are made, their
 * figures read and written back byte for byte, the share of staff aware
 * of the key risks is computed over all groups, and files that break the
 * rules are refused at the place. */
#include <stdio.h>

#include "test_util.h"
#include "kijun/evaluation.h"
#include "kijun/evaluation_io.h"
#include "kijun/i18n.h"

static const char gov[] =
	"format: kijun-evaluation/1\n"
	"kind: governance\n"
	"tailoring:\n"
	"  file: corp.yaml\n"
	"  hash: sha256:0000000000000000000000000000000000000000000000000000000000000001\n"
	"items:\n"
	"- id: top-management\n"
	"  state: done\n"
	"  result: partly-effective\n"
	"  informed: 'yes'\n"
	"  reporting: 'no'\n"
	"  comment: 報告の仕組みが機能していない。\n"
	"- id: risk-awareness\n"
	"  state: todo\n"
	"  result: none\n"
	"  risks:\n"
	"  - 個人情報の漏えい\n"
	"  groups:\n"
	"  - group: 役員\n"
	"    aware: 9\n"
	"    total: 10\n"
	"  - group: 従業員\n"
	"    aware: 300\n"
	"    total: 600\n"
	"- id: targets\n"
	"  state: todo\n"
	"  result: none\n"
	"  targets:\n"
	"  - department: 営業部\n"
	"    target: 開封率 10% 以下\n"
	"    actual: 8%\n"
	"    reached: reached\n";

static bool read_it(struct evaluation *e, const char *text, struct diag_list *d)
{
	diag_list_init(d);
	return evaluation_read(e, "g.yaml", text, strlen(text), d);
}

static void test_round_trip_and_share(void **state)
{
	struct evaluation e;
	struct diag_list d;
	struct strbuf out;

	(void)state;
	if (!read_it(&e, gov, &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail();
	}
	assert_int_equal(e.kind, EVAL_GOVERNANCE);
	assert_int_equal(e.items[0].gov->informed, ANSWER_YES);
	assert_int_equal(e.items[0].gov->reporting, ANSWER_NO);
	assert_int_equal(e.items[1].gov->group_count, 2);
	/* 309 of 610, rounded down: over all staff, not the mean of shares. */
	assert_int_equal(evaluation_gov_share(e.items[1].gov), 50);
	assert_int_equal(evaluation_gov_share(e.items[2].gov), -1);
	assert_int_equal(e.items[2].gov->targets[0].reached, REACH_REACHED);
	strbuf_init(&out);
	assert_true(evaluation_write(&e, &out));
	assert_string_equal(out.data, gov);
	strbuf_free(&out);
	evaluation_free(&e);
	diag_list_free(&d);
}

static void test_build_makes_the_three_measures(void **state)
{
	struct evaluation e;

	(void)state;
	evaluation_init(&e);
	e.kind = EVAL_GOVERNANCE;
	assert_true(evaluation_governance_build(&e));
	assert_int_equal(e.count, GOV_MEASURE_COUNT);
	for (int k = 0; k < GOV_MEASURE_COUNT; k++) {
		assert_int_equal(evaluation_measure_of(e.items[k].id), k);
		assert_non_null(e.items[k].gov);
		assert_int_equal(e.items[k].result, RESULT_NONE);
	}
	assert_int_equal(evaluation_measure_of("S1-1"), -1);
	evaluation_free(&e);
}

static bool has(const struct diag_list *d, unsigned line, const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].line == line && strstr(d->items[i].message, needle))
			return true;
	return false;
}

/* dst = src with the first `from` replaced by `to`. */
static void replace(char *dst, size_t size, const char *src, const char *from, const char *to)
{
	const char *at = strstr(src, from);

	assert_non_null(at);
	snprintf(dst, size, "%.*s%s%s", (int)(at - src), src, to, at + strlen(from));
}

static void test_bad_files(void **state)
{
	struct evaluation e;
	struct diag_list d;
	char buf[sizeof(gov) + 64];
	char *p;

	(void)state;
	/* More aware than staff; an item that is no measure. */
	replace(buf, sizeof(buf), gov, "aware: 9\n", "aware: 90\n");
	p = strstr(buf, "- id: targets");
	memcpy(p, "- id: S1-1.1 ", 13);
	assert_false(read_it(&e, buf, &d));
	assert_true(has(&d, 19, "more staff aware"));
	assert_true(has(&d, 25, "is not a measure of governance"));
	evaluation_free(&e);
	diag_list_free(&d);
	/* Governance figures in a design evaluation. */
	replace(buf, sizeof(buf), gov, "kind: governance", "kind: design");
	assert_false(read_it(&e, buf, &d));
	assert_true(has(&d, 7, "governance figures belong"));
	evaluation_free(&e);
	diag_list_free(&d);
}

/* The next period takes the frame of each measure, not its figures. */
static void test_next_period_keeps_the_frame(void **state)
{
	struct evaluation prev, e;
	struct diag_list d;
	const struct gov_data *g;

	(void)state;
	assert_true(read_it(&prev, gov, &d));
	diag_list_free(&d);
	evaluation_init(&e);
	e.kind = EVAL_GOVERNANCE;
	assert_true(evaluation_governance_build(&e));
	assert_true(evaluation_carry_forward(&e, &prev));
	g = e.items[GOV_RISK_AWARENESS].gov;
	assert_int_equal(g->risk_count, 1);
	assert_string_equal(g->risks[0], "個人情報の漏えい");
	assert_int_equal(g->group_count, 2);
	assert_string_equal(g->groups[1].group, "従業員");
	assert_int_equal(g->groups[1].aware, 0);
	assert_int_equal(g->groups[1].total, 0);
	g = e.items[GOV_TARGETS].gov;
	assert_int_equal(g->target_count, 1);
	assert_string_equal(g->targets[0].target, "開封率 10% 以下");
	assert_null(g->targets[0].actual);
	assert_int_equal(g->targets[0].reached, REACH_UNKNOWN);
	assert_int_equal(e.items[GOV_TOP_MANAGEMENT].gov->informed, ANSWER_UNKNOWN);
	assert_int_equal(e.items[GOV_TOP_MANAGEMENT].last.result, RESULT_PARTLY);
	assert_int_equal(e.items[GOV_TOP_MANAGEMENT].result, RESULT_NONE);
	/* A measure has no text of the tailoring to have changed. */
	assert_int_equal(evaluation_carry_since(&e.items[GOV_TARGETS]), SINCE_SAME);
	evaluation_free(&prev);
	assert_string_equal(e.items[GOV_RISK_AWARENESS].gov->groups[0].group, "役員");
	evaluation_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_and_share),
		cmocka_unit_test(test_build_makes_the_three_measures),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_next_period_keeps_the_frame),
	};

	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
