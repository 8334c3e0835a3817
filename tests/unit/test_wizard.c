/* The wizard's checks, page by page, on the built-in catalog: what each
 * step is about, when it is done, its warnings and their acknowledging,
 * and the summary's counts. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/risk.h"
#include "kijun/wizard.h"

static struct catalog cat;

struct fixture {
	struct tailoring t;
	struct resolution r;
	struct risk_basis b;
	bool resolved;
};

static void add(struct fixture *f, struct change c)
{
	c.reason = c.reason ? c.reason : "理由";
	c.author = "担当";
	c.date = "2026-11-25";
	if (!c.step && !change_op_is_basis(c.op) && c.op != OP_ACKNOWLEDGE)
		c.step = (uint8_t)step_default(c.op, c.source);
	assert_true(tailoring_append(&f->t, &c) >= 0);
}

static void resolve(struct fixture *f)
{
	if (f->resolved) {
		risk_basis_free(&f->b);
		resolution_free(&f->r);
	}
	assert_true(resolve_apply(&f->r, &cat, NULL, &f->t));
	assert_int_equal(f->r.conflict_count, 0);
	assert_true(risk_basis_build(&f->b, &f->t, &f->r));
	f->resolved = true;
}

static void progress(struct fixture *f, unsigned page, struct wizard_progress *p)
{
	resolve(f);
	wizard_progress(page, &f->r, &f->b, p);
}

static void start(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	tailoring_init(&f->t);
	f->t.id = "w";
	f->t.base.id = cat.id;
}

static void finish(struct fixture *f)
{
	if (f->resolved) {
		risk_basis_free(&f->b);
		resolution_free(&f->r);
	}
	tailoring_free(&f->t);
}

static uint32_t controls_below(const char *id)
{
	uint32_t i = catalog_find(&cat, id), n = 0;

	for (uint32_t k = catalog_next(&cat, i); k != ITEM_NONE && catalog_is_within(&cat, k, i);
	     k = catalog_next(&cat, k))
		n += cat.items[k].kind == ITEM_CONTROL || cat.items[k].kind == ITEM_DETAIL;
	return n + (cat.items[i].kind == ITEM_CONTROL || cat.items[i].kind == ITEM_DETAIL);
}

static void test_basis_page(void **state)
{
	struct fixture f;
	struct wizard_progress p;

	(void)state;
	start(&f);
	progress(&f, 0, &p);
	assert_int_equal(p.total, WIZARD_PART_COUNT);
	assert_int_equal(p.decided, 0);
	assert_int_equal(p.warnings, WIZARD_PART_COUNT);
	f.t.organization = "株式会社例示";
	add(&f, (struct change){ .op = OP_SCOPE, .scope = { .sites = "本社" } });
	add(&f, (struct change){ .op = OP_POLICY, .policy = { "共有", "目標", "把握", NULL } });
	progress(&f, 0, &p);
	assert_int_equal(p.decided, 2);  /* the policy lacks its fourth element */
	add(&f, (struct change){ .op = OP_POLICY, .policy = { .feedback = "見直し" } });
	add(&f, (struct change){ .op = OP_SCALE, .scale = (const char *[]){ "高", "低" },
				 .scale_count = 2 });
	/* A risk whose target is not on the scale is a warning. */
	add(&f, (struct change){ .op = OP_RISK, .risk = { .id = "R1", .description = "漏えい",
							  .level = "高", .target_level = "中" } });
	progress(&f, 0, &p);
	assert_int_equal(p.decided, WIZARD_PART_COUNT);
	assert_int_equal(p.warnings, 1);
	/* So is an item treating a risk that is not in the register. */
	add(&f, (struct change){ .op = OP_TREATS, .target = "5a-5.4",
				 .risks = (const char *[]){ "R9" }, .risk_count = 1 });
	progress(&f, 0, &p);
	assert_int_equal(p.warnings, 2);
	assert_int_equal(wizard_open(&p), 2);
	add(&f, (struct change){ .op = OP_ACKNOWLEDGE, .step = 0 });
	progress(&f, 0, &p);
	assert_int_equal(p.warnings, 2);
	assert_int_equal(wizard_open(&p), 0);
	finish(&f);
}

static void test_step1_every_base_item_decided(void **state)
{
	struct fixture f;
	struct wizard_progress p;
	uint32_t total, in5a, i;

	(void)state;
	start(&f);
	progress(&f, 1, &p);
	total = p.total;
	assert_true(total > 100);
	assert_int_equal(p.decided, 0);
	assert_int_equal(p.warnings, total);
	/* Excluding a section decides what is in it; a keep on a section
	 * decides the undecided items below it; a reword decides its item. */
	in5a = controls_below("5a");
	add(&f, (struct change){ .op = OP_EXCLUDE, .target = "5a" });
	add(&f, (struct change){ .op = OP_REWORD, .target = "5b-5.9.2", .text = "新しい文" });
	progress(&f, 1, &p);
	assert_int_equal(p.decided, in5a + 1);
	i = catalog_find(&f.r.cat, "5a-5.4");
	assert_true(wizard_decided(1, &f.r, i));
	assert_false(wizard_shows(1, &f.r, i));
	add(&f, (struct change){ .op = OP_KEEP, .target = "5b" });
	progress(&f, 1, &p);
	assert_int_equal(p.decided, in5a + controls_below("5b"));
	/* A withdrawn keep decides nothing. */
	add(&f, (struct change){ .op = OP_WITHDRAW, .ref = 3, .step = 1 });
	progress(&f, 1, &p);
	assert_int_equal(p.decided, in5a + 1);
	/* Added items are not the base's: step 1 does not count them. */
	add(&f, (struct change){ .op = OP_ADD, .parent = "5b-5.9.2",
				 .item = { "5b-5.9.2.1", NULL, NULL, "個人情報", -1 },
				 .source = SOURCE_ORGANIZATION });
	progress(&f, 1, &p);
	assert_int_equal(p.total, total);
	i = catalog_find(&f.r.cat, "5b-5.9.2.1");
	assert_false(wizard_concerns(1, &f.r, i));
	assert_true(wizard_concerns(4, &f.r, i));
	assert_false(wizard_concerns(2, &f.r, i));
	progress(&f, 4, &p);
	assert_int_equal(p.total, 1);
	assert_int_equal(p.decided, 1);
	assert_int_equal(p.warnings, 0);
	finish(&f);
}

static void test_step5_every_link_has_a_note(void **state)
{
	struct fixture f;
	struct wizard_progress p;

	(void)state;
	start(&f);
	add(&f, (struct change){ .op = OP_LINK, .target = "5a-5.4", .rule = "規程" });
	add(&f, (struct change){ .op = OP_LINK, .target = "5a-5.4", .rule = "細則",
				 .note = "第3条と整合" });
	progress(&f, 5, &p);
	assert_int_equal(p.total, 2);
	assert_int_equal(p.decided, 1);
	assert_int_equal(p.warnings, 1);
	assert_false(wizard_decided(5, &f.r, catalog_find(&f.r.cat, "5a-5.4")));
	add(&f, (struct change){ .op = OP_ACKNOWLEDGE, .step = 5, .reason = "来期に整備" });
	progress(&f, 5, &p);
	assert_int_equal(wizard_open(&p), 0);
	finish(&f);
}

static void test_step6_every_kept_item_has_a_level(void **state)
{
	struct fixture f;
	struct wizard_progress p;
	uint32_t total;

	(void)state;
	start(&f);
	progress(&f, 6, &p);
	total = p.total;
	assert_int_equal(p.warnings, total);
	add(&f, (struct change){ .op = OP_LEVEL, .target = "5a-5.4", .level = LEVEL_MANDATORY });
	/* 5a-5.5 is excluded: out of the standard, nothing to decide. */
	add(&f, (struct change){ .op = OP_EXCLUDE, .target = "5a-5.5" });
	progress(&f, 6, &p);
	assert_int_equal(p.total, total - controls_below("5a-5.5"));
	assert_int_equal(p.decided, 1);
	assert_true(wizard_decided(6, &f.r, catalog_find(&f.r.cat, "5a-5.4")));
	finish(&f);
}

static void test_step7_every_technical_item_has_an_interval(void **state)
{
	struct fixture f;
	struct wizard_progress p;

	(void)state;
	start(&f);
	progress(&f, 7, &p);
	assert_int_equal(p.total, 0);
	add(&f, (struct change){ .op = OP_TECHNICAL, .target = "5a-5.4", .technical = true });
	add(&f, (struct change){ .op = OP_TECHNICAL, .target = "5a-5.5", .technical = true,
				 .review_months = 12 });
	progress(&f, 7, &p);
	assert_int_equal(p.total, 2);
	assert_int_equal(p.decided, 1);
	assert_int_equal(p.warnings, 1);
	assert_true(wizard_shows(7, &f.r, catalog_find(&f.r.cat, "5a-5.5")));
	finish(&f);
}

static void test_summary_counts_by_step_and_op(void **state)
{
	struct fixture f;
	uint32_t counts[STEP_MAX + 1][OP_COUNT];

	(void)state;
	start(&f);
	add(&f, (struct change){ .op = OP_EXCLUDE, .target = "5a-5.4" });
	add(&f, (struct change){ .op = OP_KEEP, .target = "5a-5.5" });
	add(&f, (struct change){ .op = OP_KEEP, .target = "5a-5.6" });
	add(&f, (struct change){ .op = OP_SCALE, .scale = (const char *[]){ "高", "低" },
				 .scale_count = 2 });
	add(&f, (struct change){ .op = OP_WITHDRAW, .ref = 3, .step = 1 });
	resolve(&f);
	wizard_count(&f.t, &f.r, counts);
	assert_int_equal(counts[1][OP_EXCLUDE], 1);
	assert_int_equal(counts[1][OP_KEEP], 1);  /* one was withdrawn */
	assert_int_equal(counts[1][OP_WITHDRAW], 1);
	assert_int_equal(counts[0][OP_SCALE], 1);
	assert_string_equal(wizard_page_name(0), "the risk basis");
	assert_string_equal(wizard_page_name(6), step_label(6));
	finish(&f);
}

static int setup(void **state)
{
	struct diag_list d;

	(void)state;
	i18n_set_language(LANGUAGE_EN);
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&cat, &d));
	diag_list_free(&d);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basis_page),
		cmocka_unit_test(test_step1_every_base_item_decided),
		cmocka_unit_test(test_step5_every_link_has_a_note),
		cmocka_unit_test(test_step6_every_kept_item_has_a_level),
		cmocka_unit_test(test_step7_every_technical_item_has_an_interval),
		cmocka_unit_test(test_summary_counts_by_step_and_op),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
