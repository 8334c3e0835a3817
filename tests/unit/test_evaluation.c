/* Evaluation files and rules: a full file reads and writes back byte for
 * byte, bad files are reported at their places all at once, findings
 * bound results, and the gate takes into an operating evaluation only
 * what the design evaluation found sound. */
#include <stdio.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/evaluation.h"
#include "kijun/evaluation_io.h"
#include "kijun/evaluation_scope.h"
#include "kijun/file_format.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/tailoring.h"

static const char full[] =
	"format: kijun-evaluation/1\n"
	"kind: operating\n"
	"title: 2026年度 運用状況評価\n"
	"tailoring:\n"
	"  file: corp.yaml\n"
	"  hash: sha256:0000000000000000000000000000000000000000000000000000000000000001\n"
	"from:\n"
	"  file: design.yaml\n"
	"  hash: sha256:0000000000000000000000000000000000000000000000000000000000000002\n"
	"scope: 5a-5.1 5a-5.2\n"
	"auditors:\n"
	"- 監査 太郎\n"
	"- 検査 花子\n"
	"period:\n"
	"  from: '2026-04-01'\n"
	"  to: '2027-03-31'\n"
	"absent:\n"
	"- id: 5a-5.2.1\n"
	"  reason: not-effective\n"
	"items:\n"
	"- id: 5a-5.1.1\n"
	"  text_hash: sha256:0000000000000000000000000000000000000000000000000000000000000003\n"
	"  state: review\n"
	"  result: partly-effective\n"
	"  decision: 是正計画が承認済みのため運用評価に進める\n"
	"  procedures:\n"
	"  - method: inspection\n"
	"    subject: 情報セキュリティ基本方針 第3版\n"
	"  - method: inquiry\n"
	"    subject: 事務局長\n"
	"  sampling:\n"
	"    population: 2026年度のアクセス権申請 312件\n"
	"    period: 2026-04〜2027-03\n"
	"    frequency: daily\n"
	"    size: 25\n"
	"    samples:\n"
	"    - REQ-0012\n"
	"    - REQ-0150\n"
	"    deviations: |-\n"
	"      REQ-0150 は承認者の押印がない。\n"
	"      再発防止策は未策定。\n"
	"  evidence:\n"
	"  - what: 申請書の写し\n"
	"    where: 共有フォルダ 監査/2026\n"
	"    obtained: '2026-11-20'\n"
	"    by: 監査 太郎\n"
	"    file: evidence/req.pdf\n"
	"    sha256: sha256:0000000000000000000000000000000000000000000000000000000000000004\n"
	"  findings:\n"
	"  - grade: minor\n"
	"    text: 承認の記録が一件欠けている\n"
	"    cause: 代理承認の手順がない\n"
	"    owner: 情報システム部長\n"
	"    due: '2027-01-31'\n"
	"    urgency: urgent\n"
	"    state: open\n"
	"  comment: 次回は代理承認の運用も見る。\n"
	"  signoff:\n"
	"    preparer: 監査 太郎\n"
	"    prepared: '2026-11-21'\n"
	"    reviewer: 検査 花子\n"
	"    reviewed: '2026-11-22'\n"
	"  updated: '2026-11-22'\n"
	"- id: 5a-5.1.2\n"
	"  text_hash: sha256:0000000000000000000000000000000000000000000000000000000000000005\n"
	"  state: todo\n"
	"  result: none\n";

static char *write_string(const struct evaluation *e)
{
	struct strbuf out;

	strbuf_init(&out);
	assert_true(evaluation_write(e, &out));
	strbuf_addc(&out, '\0');
	return strbuf_detach(&out, NULL);
}

static void print_diags(const struct diag_list *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  got %u:%u: %s\n", d->items[i].line, d->items[i].column,
			d->items[i].message);
}

static bool has_diag(const struct diag_list *d, unsigned line, unsigned column,
		     const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if (d->items[i].line == line && (!column || d->items[i].column == column) &&
		    strstr(d->items[i].message, needle))
			return true;
	return false;
}

static void test_full_file_round_trips(void **state)
{
	struct evaluation e;
	struct diag_list d;
	char *back;

	(void)state;
	diag_list_init(&d);
	if (!evaluation_read(&e, "full.yaml", full, strlen(full), &d)) {
		print_diags(&d);
		fail();
	}
	assert_int_equal(e.kind, EVAL_OPERATING);
	assert_int_equal(e.count, 2);
	assert_int_equal(e.auditor_count, 2);
	assert_string_equal(e.items[0].sampling.samples[1], "REQ-0150");
	assert_int_equal(e.items[0].sampling.frequency, FREQ_DAILY);
	assert_int_equal(e.items[0].findings[0].urgency, URGENCY_URGENT);
	assert_int_equal(e.items[0].result, RESULT_PARTLY);
	assert_int_equal(e.absent[0].reason, GATE_NOT_EFFECTIVE);
	back = write_string(&e);
	assert_string_equal(back, full);
	free(back);
	evaluation_free(&e);
	diag_list_free(&d);
	assert_int_equal(file_format_of(full, strlen(full)), FORMAT_EVALUATION);
}

/* Built in memory, written, read, written: the same bytes. */
static void test_built_evaluation_round_trips(void **state)
{
	struct evaluation e, again;
	struct eval_item *it;
	struct eval_procedure p = { METHOD_OBSERVATION, "サーバ室の入退室" };
	struct eval_finding f = { GRADE_GOOD, URGENCY_NORMAL, FSTATE_CLOSED,
				  "line one\nline two", NULL, NULL, NULL };
	struct diag_list d;
	char *one, *two;

	(void)state;
	evaluation_init(&e);
	e.kind = EVAL_DESIGN;
	e.tailoring_file = "t.yaml";
	e.tailoring_hash = "sha256:ab";
	it = evaluation_add_item(&e, "1.1");
	assert_non_null(it);
	assert_true(evaluation_add_procedure(&e, it, &p));
	assert_true(evaluation_add_finding(&e, it, &f));
	assert_true(evaluation_set_result(&e, it, RESULT_EFFECTIVE, "2026-11-29"));
	assert_true(evaluation_add_sample(&e, it, "S-1"));
	assert_non_null(evaluation_add_item(&e, "1.2"));
	one = write_string(&e);
	diag_list_init(&d);
	if (!evaluation_read(&again, "x", one, strlen(one), &d)) {
		print_diags(&d);
		fail();
	}
	two = write_string(&again);
	assert_string_equal(one, two);
	assert_int_equal(again.items[0].state, ESTATE_DOING);
	assert_string_equal(again.items[0].updated, "2026-11-29");
	free(one);
	free(two);
	evaluation_free(&e);
	evaluation_free(&again);
	diag_list_free(&d);
}

static void test_bad_file_reports_every_problem(void **state)
{
	static const char bad[] =
		"format: kijun-evaluation/1\n"          /* 1 */
		"kind: audit\n"                          /* 2 */
		"tailoring:\n"                           /* 3 */
		"  file: t.yaml\n"                       /* 4 */
		"  hash: md5:1\n"                        /* 5 */
		"period:\n"                              /* 6 */
		"  from: '2026-13-01'\n"                 /* 7 */
		"items:\n"                               /* 8 */
		"- id: 1.1\n"                            /* 9 */
		"  result: great\n"                      /* 10 */
		"  colour: red\n"                        /* 11 */
		"- id: 1.2\n"                            /* 12 */
		"  result: effective\n"                  /* 13 */
		"  findings:\n"                          /* 14 */
		"  - grade: major\n"                     /* 15 */
		"    text: no log review\n"              /* 16 */
		"- id: 1.1\n"                            /* 17 */
		"- result: none\n"                       /* 18 */
		"  procedures:\n"                        /* 19 */
		"  - method: guess\n";                   /* 20 */
	struct evaluation e;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_false(evaluation_read(&e, "bad.yaml", bad, strlen(bad), &d));
	assert_int_equal(e.count, 0);
	if (!has_diag(&d, 2, 7, "audit") || !has_diag(&d, 5, 9, "sha256:") ||
	    !has_diag(&d, 7, 9, "YYYY-MM-DD") || !has_diag(&d, 10, 11, "great") ||
	    !has_diag(&d, 11, 3, "colour") || !has_diag(&d, 13, 11, "at best") ||
	    !has_diag(&d, 17, 7, "twice") || !has_diag(&d, 18, 3, "id") ||
	    !has_diag(&d, 20, 13, "guess")) {
		print_diags(&d);
		fail_msg("a problem was not reported at its place");
	}
	evaluation_free(&e);
	diag_list_free(&d);
}

static void test_not_an_evaluation(void **state)
{
	static const char other[] = "format: kijun-tailoring/1\nkind: design\ntailoring: {file: a, hash: 'sha256:1'}\nitems: []\n";
	struct evaluation e;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_false(evaluation_read(&e, "o.yaml", other, strlen(other), &d));
	assert_true(has_diag(&d, 1, 9, "kijun-evaluation/1"));
	evaluation_free(&e);
	diag_list_free(&d);
}

/* ---- rules ------------------------------------------------------------ */

static void add_finding(struct evaluation *e, struct eval_item *it, enum finding_grade g)
{
	struct eval_finding f = { (uint8_t)g, URGENCY_NORMAL, FSTATE_OPEN, "x", NULL, NULL, NULL };

	assert_true(evaluation_add_finding(e, it, &f));
}

static void test_findings_bound_results(void **state)
{
	/* allowed[grade][result] for one finding of that grade; row
	 * GRADE_COUNT is an item with no finding. */
	static const bool allowed[GRADE_COUNT + 1][RESULT_COUNT] = {
		/*                 none  eff    partly not   n/a */
		[GRADE_MAJOR] = { true, false, false, true, false },
		[GRADE_MINOR] = { true, false, true, true, false },
		[GRADE_OBSERVATION] = { true, true, true, true, true },
		[GRADE_IMPROVEMENT] = { true, true, true, true, true },
		[GRADE_GOOD] = { true, true, true, true, true },
		[GRADE_COUNT] = { true, true, true, true, true },
	};
	(void)state;
	for (int g = 0; g <= GRADE_COUNT; g++) {
		struct evaluation e;
		struct eval_item *it;

		evaluation_init(&e);
		it = evaluation_add_item(&e, "1");
		if (g < GRADE_COUNT)
			add_finding(&e, it, (enum finding_grade)g);
		for (int r = 0; r < RESULT_COUNT; r++) {
			if (evaluation_result_allowed(it, (enum eval_result)r) != allowed[g][r])
				fail_msg("grade %d, result %d", g, r);
			assert_int_equal(evaluation_set_result(&e, it, (enum eval_result)r, NULL),
					 allowed[g][r]);
		}
		evaluation_free(&e);
	}
}

static void test_worst_finding_wins(void **state)
{
	struct evaluation e;
	struct eval_item *it;

	(void)state;
	evaluation_init(&e);
	it = evaluation_add_item(&e, "1");
	add_finding(&e, it, GRADE_GOOD);
	assert_int_equal(evaluation_result_bound(it), RESULT_EFFECTIVE);
	add_finding(&e, it, GRADE_MINOR);
	assert_int_equal(evaluation_result_bound(it), RESULT_PARTLY);
	add_finding(&e, it, GRADE_MAJOR);
	add_finding(&e, it, GRADE_MINOR);
	assert_int_equal(evaluation_result_bound(it), RESULT_NOT_EFFECTIVE);
	/* A result the findings no longer allow comes down to the bound. */
	it->result = RESULT_EFFECTIVE;
	assert_true(evaluation_clamp_result(it));
	assert_int_equal(it->result, RESULT_NOT_EFFECTIVE);
	assert_false(evaluation_clamp_result(it));
	it->result = RESULT_NA;
	assert_true(evaluation_clamp_result(it));
	assert_int_equal(it->result, RESULT_NONE);
	/* A closed finding still bounds: the period had the deficiency. */
	it->findings[2].state = FSTATE_CLOSED;
	assert_false(evaluation_result_allowed(it, RESULT_PARTLY));
	evaluation_free(&e);
}

static void test_inquiry_alone_is_weak(void **state)
{
	struct evaluation e;
	struct eval_item *it;
	struct eval_procedure ask = { METHOD_INQUIRY, "担当者" };
	struct eval_procedure look = { METHOD_INSPECTION, "規程" };

	(void)state;
	evaluation_init(&e);
	it = evaluation_add_item(&e, "1");
	assert_false(evaluation_inquiry_only(it));
	assert_true(evaluation_add_procedure(&e, it, &ask));
	assert_true(evaluation_inquiry_only(it));
	assert_true(evaluation_add_procedure(&e, it, &ask));
	assert_true(evaluation_inquiry_only(it));
	assert_true(evaluation_add_procedure(&e, it, &look));
	assert_false(evaluation_inquiry_only(it));
	evaluation_free(&e);
}

static void test_sample_suggestions(void **state)
{
	(void)state;
	assert_int_equal(evaluation_sample_suggestion(FREQ_MULTIPLE_DAILY), 25);
	assert_int_equal(evaluation_sample_suggestion(FREQ_DAILY), 25);
	assert_int_equal(evaluation_sample_suggestion(FREQ_WEEKLY), 5);
	assert_int_equal(evaluation_sample_suggestion(FREQ_MONTHLY), 2);
	assert_int_equal(evaluation_sample_suggestion(FREQ_QUARTERLY), 2);
	assert_int_equal(evaluation_sample_suggestion(FREQ_YEARLY), 1);
	assert_int_equal(evaluation_sample_suggestion(FREQ_NONE), 0);
}

static void test_counts(void **state)
{
	struct evaluation e;
	struct eval_counts c;
	struct eval_item *a, *b;

	(void)state;
	evaluation_init(&e);
	a = evaluation_add_item(&e, "1");
	b = evaluation_add_item(&e, "2");
	assert_non_null(evaluation_add_item(&e, "3"));
	a = &e.items[0];
	b = &e.items[1];
	assert_true(evaluation_set_result(&e, a, RESULT_EFFECTIVE, NULL));
	add_finding(&e, b, GRADE_MINOR);
	assert_true(evaluation_set_result(&e, b, RESULT_PARTLY, NULL));
	b->state = ESTATE_DONE;
	evaluation_count(&e, &c);
	assert_int_equal(c.total, 3);
	assert_int_equal(c.by_result[RESULT_NONE], 1);
	assert_int_equal(c.by_result[RESULT_EFFECTIVE], 1);
	assert_int_equal(c.by_result[RESULT_PARTLY], 1);
	assert_int_equal(c.by_state[ESTATE_TODO], 1);
	assert_int_equal(c.by_state[ESTATE_DOING], 1);
	assert_int_equal(c.by_state[ESTATE_DONE], 1);
	assert_int_equal(c.open_findings, 1);
	evaluation_free(&e);
}

/* ---- scope and gate ------------------------------------------------------- */

struct std {
	struct catalog cat;
	struct tailoring t;
	struct resolution res;
};

static void std_open(struct std *s)
{
	struct diag_list d;

	diag_list_init(&d);
	assert_true(catalog_load_builtin(&s->cat, &d));
	assert_true(tailoring_init(&s->t));
	assert_true(resolve_apply(&s->res, &s->cat, NULL, &s->t));
	diag_list_free(&d);
}

static void std_close(struct std *s)
{
	resolution_free(&s->res);
	tailoring_free(&s->t);
	catalog_free(&s->cat);
}

static void test_scope(void **state)
{
	struct std s;
	struct evaluation e;

	(void)state;
	std_open(&s);
	evaluation_init(&e);
	e.scope = "3.1.1, 3.1.3.2";
	assert_true(evaluation_scope_build(&e, &s.res, NULL));
	/* 3.1.1's three detailed controls, and 3.1.3.2 alone: no control,
	 * no 3.1.3.1, no 3.1.10 should one exist. */
	assert_int_equal(e.count, 4);
	assert_string_equal(e.items[0].id, "3.1.1.1");
	assert_string_equal(e.items[2].id, "3.1.1.3");
	assert_string_equal(e.items[3].id, "3.1.3.2");
	assert_non_null(e.items[0].text_hash);
	assert_int_equal(evaluation_scope_drift(&e.items[0], &s.res), DRIFT_NONE);
	e.items[0].text_hash = "sha256:00";
	assert_int_equal(evaluation_scope_drift(&e.items[0], &s.res), DRIFT_CHANGED);
	/* Evaluated again: the item takes the text it has now. */
	assert_true(evaluation_scope_rehash(&e, &e.items[0], &s.res));
	assert_int_equal(evaluation_scope_drift(&e.items[0], &s.res), DRIFT_NONE);
	e.items[1].id = "no-such-item";
	assert_int_equal(evaluation_scope_drift(&e.items[1], &s.res), DRIFT_GONE);
	assert_true(evaluation_scope_rehash(&e, &e.items[1], &s.res));
	assert_int_equal(evaluation_scope_drift(&e.items[1], &s.res), DRIFT_GONE);
	assert_false(evaluation_scope_has("3.1.1", &s.res.cat, catalog_find(&s.res.cat, "3.1.2.1")));
	assert_true(evaluation_scope_has(NULL, &s.res.cat, catalog_find(&s.res.cat, "3.1.2.1")));
	assert_true(evaluation_scope_has("  ", &s.res.cat, catalog_find(&s.res.cat, "3.1.2.1")));
	evaluation_free(&e);
	std_close(&s);
}

static void test_gate(void **state)
{
	struct std s;
	struct evaluation design, op;
	static const struct {
		const char *id;
		enum eval_result result;
		const char *decision;
		enum gate_reason want;
	} cases[] = {
		{ "3.1.1.1", RESULT_EFFECTIVE, NULL, GATE_TAKEN },
		{ "3.1.1.2", RESULT_PARTLY, "是正済みとして進める", GATE_TAKEN },
		{ "3.1.1.3", RESULT_PARTLY, NULL, GATE_PARTLY_NO_DECISION },
		{ "3.1.2.1", RESULT_NOT_EFFECTIVE, NULL, GATE_NOT_EFFECTIVE },
		{ "3.1.2.2", RESULT_NA, NULL, GATE_NOT_APPLICABLE },
		{ "3.1.2.3", RESULT_NONE, NULL, GATE_NOT_EVALUATED },
		{ "3.1.2.4", RESULT_PARTLY, "", GATE_PARTLY_NO_DECISION },
	};
	uint32_t taken = 0;

	(void)state;
	std_open(&s);
	evaluation_init(&design);
	design.scope = "3.1.1 3.1.2";
	assert_true(evaluation_scope_build(&design, &s.res, NULL));
	assert_int_equal(design.count, 7);
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct eval_item *it = evaluation_find(&design, cases[k].id);

		assert_non_null(it);
		it->result = (uint8_t)cases[k].result;
		it->decision = cases[k].decision;
		assert_int_equal(evaluation_gate_reason(it), cases[k].want);
	}
	evaluation_init(&op);
	op.kind = EVAL_OPERATING;
	/* One item more than the design covered: not evaluated there. */
	op.scope = "3.1.1 3.1.2 3.1.3.1";
	assert_true(evaluation_scope_build(&op, &s.res, &design));
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		bool in = evaluation_find(&op, cases[k].id) != NULL;

		assert_int_equal(in, cases[k].want == GATE_TAKEN);
		taken += in;
		if (!in) {
			bool listed = false;

			for (uint32_t a = 0; a < op.absent_count; a++)
				if (strcmp(op.absent[a].id, cases[k].id) == 0) {
					assert_int_equal(op.absent[a].reason, cases[k].want);
					listed = true;
				}
			assert_true(listed);
		}
	}
	assert_int_equal(op.count, taken);
	assert_int_equal(op.absent_count, 6);
	assert_string_equal(op.absent[5].id, "3.1.3.1");
	assert_int_equal(op.absent[5].reason, GATE_NOT_EVALUATED);
	/* Results start afresh. */
	assert_int_equal(op.items[0].result, RESULT_NONE);
	evaluation_free(&op);
	evaluation_free(&design);
	std_close(&s);
}

/* A design judged on words the item no longer has does not open the gate. */
static void test_gate_refuses_changed_text(void **state)
{
	struct std s;
	struct evaluation design, op;

	(void)state;
	std_open(&s);
	evaluation_init(&design);
	design.scope = "3.1.1.1 3.1.1.2";
	assert_true(evaluation_scope_build(&design, &s.res, NULL));
	design.items[0].result = RESULT_EFFECTIVE;
	design.items[1].result = RESULT_EFFECTIVE;
	design.items[1].text_hash = "sha256:old";
	evaluation_init(&op);
	op.kind = EVAL_OPERATING;
	op.scope = design.scope;
	assert_true(evaluation_scope_build(&op, &s.res, &design));
	assert_int_equal(op.count, 1);
	assert_string_equal(op.items[0].id, "3.1.1.1");
	assert_int_equal(op.absent_count, 1);
	assert_string_equal(op.absent[0].id, "3.1.1.2");
	assert_int_equal(op.absent[0].reason, GATE_TEXT_CHANGED);
	evaluation_free(&op);
	evaluation_free(&design);
	std_close(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_file_round_trips),
		cmocka_unit_test(test_built_evaluation_round_trips),
		cmocka_unit_test(test_bad_file_reports_every_problem),
		cmocka_unit_test(test_not_an_evaluation),
		cmocka_unit_test(test_findings_bound_results),
		cmocka_unit_test(test_worst_finding_wins),
		cmocka_unit_test(test_inquiry_alone_is_weak),
		cmocka_unit_test(test_sample_suggestions),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_gate),
		cmocka_unit_test(test_gate_refuses_changed_text),
	};

	/* The messages are matched in English. */
	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
