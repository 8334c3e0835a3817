/* The auditor's page without curses: the progress bar, the counts, the
 * next item without a result, and what the page says of an item. */
#include <stdio.h>

#include "test_util.h"
#include "kijun/evaluation.h"
#include "kijun/i18n.h"
#include "../../src/tui/eval_page.h"

static void test_bar(void **state)
{
	struct eval_counts c;
	char out[64];

	(void)state;
	memset(&c, 0, sizeof(c));
	c.total = 10;
	c.by_result[RESULT_NONE] = 10;
	assert_int_equal(eval_page_bar(&c, 17, out, sizeof(out)), 17);
	assert_string_equal(out, "[..........] 0/10");
	c.by_result[RESULT_NONE] = 5;
	c.by_result[RESULT_EFFECTIVE] = 5;
	eval_page_bar(&c, 17, out, sizeof(out));
	assert_string_equal(out, "[#####.....] 5/10");
	c.by_result[RESULT_NONE] = 0;
	c.by_result[RESULT_PARTLY] = 5;
	eval_page_bar(&c, 17, out, sizeof(out));
	assert_string_equal(out, "[#########] 10/10");
	/* One of many shows; all but one does not fill the bar. */
	c.total = 100;
	c.by_result[RESULT_NONE] = 99;
	c.by_result[RESULT_EFFECTIVE] = 1;
	c.by_result[RESULT_PARTLY] = 0;
	eval_page_bar(&c, 16, out, sizeof(out));
	assert_string_equal(out, "[#.......] 1/100");
	c.by_result[RESULT_NONE] = 1;
	c.by_result[RESULT_EFFECTIVE] = 99;
	eval_page_bar(&c, 17, out, sizeof(out));
	assert_string_equal(out, "[#######.] 99/100");
	assert_int_equal(eval_page_bar(&c, 17, out, 4), 0);
}

static void test_counts_lines(void **state)
{
	struct eval_counts c;
	char out[256];

	(void)state;
	memset(&c, 0, sizeof(c));
	c.by_result[RESULT_EFFECTIVE] = 2;
	c.by_result[RESULT_NA] = 1;
	c.by_state[ESTATE_REVIEW] = 3;
	c.open_findings = 4;
	eval_page_results(&c, out, sizeof(out));
	assert_string_equal(out, "effective 2  partly effective 0  not effective 0  not applicable 1");
	eval_page_states(&c, out, sizeof(out));
	assert_string_equal(out, "not started 0  in progress 0  awaiting review 3  complete 0  | open findings 4");
}

static void test_next_open(void **state)
{
	struct evaluation e;

	(void)state;
	evaluation_init(&e);
	for (int k = 0; k < 5; k++) {
		char id[16];

		snprintf(id, sizeof(id), "%d", k);
		assert_non_null(evaluation_add_item(&e, id));
	}
	e.items[1].result = RESULT_EFFECTIVE;
	e.items[2].result = RESULT_NA;
	assert_int_equal(eval_page_next_open(&e, 0, true), 3);
	assert_int_equal(eval_page_next_open(&e, 3, true), 4);
	assert_int_equal(eval_page_next_open(&e, 4, true), 0);  /* wraps */
	assert_int_equal(eval_page_next_open(&e, 3, false), 0);
	assert_int_equal(eval_page_next_open(&e, 0, false), 4);  /* wraps */
	for (int k = 0; k < 5; k++)
		e.items[k].result = RESULT_PARTLY;
	assert_int_equal(eval_page_next_open(&e, 2, true), UINT32_MAX);
	e.items[2].result = RESULT_NONE;
	assert_int_equal(eval_page_next_open(&e, 2, true), 2);  /* itself last */
	evaluation_free(&e);
}

static bool page_has(const struct detail *d, const char *needle, int style)
{
	for (size_t k = 0; k < d->count; k++) {
		char line[512];

		snprintf(line, sizeof(line), "%.*s", (int)d->lines[k].len, d->lines[k].text);
		if (strstr(line, needle) && (style < 0 || d->lines[k].style == style))
			return true;
	}
	return false;
}

static void test_item_page(void **state)
{
	struct evaluation e;
	struct eval_item *it;
	struct detail d;
	struct eval_procedure ask = { METHOD_INQUIRY, "the administrator" };
	struct eval_evidence ev = { "access log", "share", "2026-11-29", "auditor", "log.txt",
				    "sha256:00" };
	struct eval_finding f = { GRADE_MINOR, URGENCY_URGENT, FSTATE_OPEN, "no review",
				  "no procedure", "IT manager", "2027-01-31" };
	enum evidence_check checks[1] = { EVIDENCE_CHANGED };

	(void)state;
	evaluation_init(&e);
	e.kind = EVAL_OPERATING;
	it = evaluation_add_item(&e, "1.1");
	detail_init(&d);
	d.width = 60;
	eval_page_item(&d, &e, it, NULL, DRIFT_NONE);
	assert_true(page_has(&d, "none yet: p adds one", DETAIL_MUTED));
	assert_true(page_has(&d, "not yet: m records", DETAIL_MUTED));
	assert_false(page_has(&d, "inquiry alone", -1));
	detail_free(&d);

	assert_true(evaluation_add_procedure(&e, it, &ask));
	assert_true(evaluation_add_evidence(&e, it, &ev));
	assert_true(evaluation_add_finding(&e, it, &f));
	it->has_sampling = true;
	it->sampling.frequency = FREQ_WEEKLY;
	it->sampling.size = 3;
	detail_init(&d);
	d.width = 60;
	detail_push_wrapped(&d, "1.1", 0, DETAIL_ID);
	eval_page_item(&d, &e, it, checks, DRIFT_CHANGED);
	assert_int_equal(d.lines[1].style, DETAIL_WARNING);
	assert_true(page_has(&d, "the text changed since", DETAIL_WARNING));
	assert_true(page_has(&d, "inquiry: the administrator", DETAIL_BODY));
	assert_true(page_has(&d, "inquiry alone is weak", DETAIL_WARNING));
	assert_true(page_has(&d, "usually 5 samples", DETAIL_BODY));
	/* Fewer samples than usual for the frequency stand out. */
	assert_true(page_has(&d, "sample size: 3, 0 listed", DETAIL_WARNING));
	assert_true(page_has(&d, "the file changed since it was recorded", DETAIL_WARNING));
	assert_true(page_has(&d, "[minor deficiency][urgent][open] no review", DETAIL_WARNING));
	assert_true(page_has(&d, "remediation: IT manager, due 2027-01-31", DETAIL_MUTED));
	assert_true(page_has(&d, "allow at best: partly effective", DETAIL_MUTED));
	detail_free(&d);
	evaluation_free(&e);
}

static void test_context_line(void **state)
{
	struct detail d;

	(void)state;
	detail_init(&d);
	d.width = 60;
	detail_push_wrapped(&d, "5a-5.1.2", 0, DETAIL_ID);
	detail_push_wrapped(&d, "detailed control", 0, DETAIL_MUTED);
	detail_push_wrapped(&d, "the text", 0, DETAIL_BODY);
	eval_page_context(&d, "5a-5.1", "Policies");
	assert_int_equal(d.count, 4);
	assert_int_equal(d.lines[0].style, DETAIL_ID);
	assert_int_equal(d.lines[1].len, strlen("under 5a-5.1 Policies"));
	assert_memory_equal(d.lines[1].text, "under 5a-5.1 Policies", d.lines[1].len);
	assert_int_equal(d.lines[1].style, DETAIL_MUTED);
	assert_memory_equal(d.lines[3].text, "the text", 8);
	detail_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar),
		cmocka_unit_test(test_counts_lines),
		cmocka_unit_test(test_next_open),
		cmocka_unit_test(test_item_page),
		cmocka_unit_test(test_context_line),
	};

	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
