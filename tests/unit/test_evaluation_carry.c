/* The next period: the last period's procedures, samples and evidence
 * references come over as a starting point, its results, findings and
 * sign-offs do not; each item says what the last result was and whether
 * its text is still the one evaluated; the file keeps all that. */
#include <stdio.h>

#include "test_util.h"
#include "kijun/evaluation.h"
#include "kijun/evaluation_io.h"
#include "kijun/i18n.h"

static const char last[] =
	"format: kijun-evaluation/1\n"
	"kind: operating\n"
	"tailoring:\n"
	"  file: corp.yaml\n"
	"  hash: sha256:0000000000000000000000000000000000000000000000000000000000000001\n"
	"items:\n"
	"- id: A-1\n"
	"  text_hash: sha256:00000000000000000000000000000000000000000000000000000000000000a1\n"
	"  state: done\n"
	"  result: partly-effective\n"
	"  decision: 是正計画あり\n"
	"  procedures:\n"
	"  - method: inspection\n"
	"    subject: 申請書\n"
	"  - method: reperformance\n"
	"    subject: 権限の棚卸\n"
	"  sampling:\n"
	"    population: 申請 312件\n"
	"    period: 2025年度\n"
	"    frequency: daily\n"
	"    size: 25\n"
	"    samples:\n"
	"    - REQ-0012\n"
	"    - REQ-0150\n"
	"    deviations: REQ-0150 に承認がない\n"
	"  evidence:\n"
	"  - what: 申請書の写し\n"
	"    where: 共有フォルダ\n"
	"    file: ev/req.pdf\n"
	"    sha256: sha256:00000000000000000000000000000000000000000000000000000000000000e1\n"
	"  findings:\n"
	"  - grade: minor\n"
	"    text: 承認漏れ\n"
	"  comment: 前期のコメント\n"
	"  signoff:\n"
	"    preparer: 監査 太郎\n"
	"    prepared: '2026-03-20'\n"
	"  updated: '2026-03-25'\n"
	"- id: A-2\n"
	"  text_hash: sha256:00000000000000000000000000000000000000000000000000000000000000a2\n"
	"  state: done\n"
	"  result: effective\n"
	"  updated: '2026-03-26'\n";

static void read_ok(struct evaluation *e, const char *text)
{
	struct diag_list d;

	diag_list_init(&d);
	if (!evaluation_read(e, "e.yaml", text, strlen(text), &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail();
	}
	diag_list_free(&d);
}

/* The new period's evaluation as evaluation_scope_build leaves it: A-1
 * with the same text, A-2 with a new text, A-3 new. */
static void new_period(struct evaluation *e)
{
	static const char *const ids[] = { "A-1", "A-2", "A-3" };
	static const char *const hashes[] = {
		"sha256:00000000000000000000000000000000000000000000000000000000000000a1",
		"sha256:00000000000000000000000000000000000000000000000000000000000000b2",
		"sha256:00000000000000000000000000000000000000000000000000000000000000a3",
	};

	evaluation_init(e);
	e->kind = EVAL_OPERATING;
	e->tailoring_file = "corp.yaml";
	e->tailoring_hash = "sha256:0000000000000000000000000000000000000000000000000000000000000009";
	for (int k = 0; k < 3; k++) {
		struct eval_item *it = evaluation_add_item(e, ids[k]);

		assert_non_null(it);
		it->text_hash = hashes[k];
	}
}

static void test_carries_what_was_done_not_what_was_concluded(void **state)
{
	struct evaluation prev, e;
	const struct eval_item *a1;

	(void)state;
	read_ok(&prev, last);
	new_period(&e);
	assert_true(evaluation_carry_forward(&e, &prev));
	a1 = &e.items[0];
	/* What was done and where the evidence is: carried. */
	assert_int_equal(a1->procedure_count, 2);
	assert_int_equal(a1->procedures[1].method, METHOD_REPERFORMANCE);
	assert_string_equal(a1->procedures[1].subject, "権限の棚卸");
	assert_true(a1->has_sampling);
	assert_string_equal(a1->sampling.population, "申請 312件");
	assert_int_equal(a1->sampling.frequency, FREQ_DAILY);
	assert_int_equal(a1->sampling.size, 25);
	assert_int_equal(a1->sampling.sample_count, 2);
	assert_string_equal(a1->sampling.samples[1], "REQ-0150");
	assert_int_equal(a1->evidence_count, 1);
	assert_string_equal(a1->evidence[0].file, "ev/req.pdf");
	/* The last period's deviations and period, and its opinion: not. */
	assert_null(a1->sampling.deviations);
	assert_null(a1->sampling.period);
	assert_int_equal(a1->result, RESULT_NONE);
	assert_int_equal(a1->state, ESTATE_TODO);
	assert_int_equal(a1->finding_count, 0);
	assert_null(a1->decision);
	assert_null(a1->comment);
	assert_null(a1->preparer);
	/* What the last period said, and whether the text is the same. */
	assert_true(a1->last.has);
	assert_int_equal(a1->last.result, RESULT_PARTLY);
	assert_string_equal(a1->last.updated, "2026-03-25");
	assert_int_equal(evaluation_carry_since(a1), SINCE_SAME);
	assert_int_equal(evaluation_carry_since(&e.items[1]), SINCE_CHANGED);
	assert_int_equal(e.items[1].last.result, RESULT_EFFECTIVE);
	assert_int_equal(evaluation_carry_since(&e.items[2]), SINCE_NONE);
	assert_int_equal(e.items[2].procedure_count, 0);
	/* The copies are the new evaluation's own: freeing the last one
	 * leaves them whole (ASan would see a use after free). */
	evaluation_free(&prev);
	assert_string_equal(e.items[0].procedures[0].subject, "申請書");
	assert_string_equal(e.items[0].last.text_hash,
			    "sha256:00000000000000000000000000000000000000000000000000000000000000a1");
	evaluation_free(&e);
}

/* previous and last are written and read back as they were. */
static void test_file_keeps_the_last_period(void **state)
{
	struct evaluation prev, e, again;
	struct strbuf a, b;

	(void)state;
	read_ok(&prev, last);
	new_period(&e);
	e.previous_file = "last.yaml";
	e.previous_hash = "sha256:00000000000000000000000000000000000000000000000000000000000000ff";
	assert_true(evaluation_carry_forward(&e, &prev));
	strbuf_init(&a);
	assert_true(evaluation_write(&e, &a));
	assert_non_null(strstr(a.data, "previous:\n  file: last.yaml\n"));
	assert_non_null(strstr(a.data, "  last:\n    result: partly-effective\n"));
	read_ok(&again, a.data);
	assert_string_equal(again.previous_file, "last.yaml");
	assert_true(again.items[1].last.has);
	assert_int_equal(again.items[1].last.result, RESULT_EFFECTIVE);
	assert_false(again.items[2].last.has);
	assert_int_equal(evaluation_carry_since(&again.items[1]), SINCE_CHANGED);
	strbuf_init(&b);
	assert_true(evaluation_write(&again, &b));
	assert_string_equal(a.data, b.data);
	strbuf_free(&a);
	strbuf_free(&b);
	evaluation_free(&again);
	evaluation_free(&e);
	evaluation_free(&prev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_carries_what_was_done_not_what_was_concluded),
		cmocka_unit_test(test_file_keeps_the_last_period),
	};

	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
