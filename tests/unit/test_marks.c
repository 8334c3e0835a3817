/* Unit tests for src/tui/marks.h, and the detail pane's use of it: split
 * and merge results are named by how they were made, not "added", and a
 * closed branch knows that changes are inside it. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/tailoring.h"
#include "../../src/tui/detail.h"
#include "../../src/tui/marks.h"

/* A part > two sections > controls > a detail. */
static const char mini[] =
	"format: kijun-catalog/1\n"
	"id: mini\n"
	"title: ミニ\n"
	"edition: '1'\n"
	"items:\n"
	"- id: P\n"
	"  kind: part\n"
	"  title: 管理策基準\n"
	"  items:\n"
	"  - id: S1\n"
	"    kind: section\n"
	"    title: 組織的管理策\n"
	"    items:\n"
	"    - id: C1\n"
	"      kind: control\n"
	"      title: 方針\n"
	"      text: 方針を定める。\n"
	"      items:\n"
	"      - id: C1.1\n"
	"        kind: detail\n"
	"        text: 方針をレビューする。\n"
	"    - id: C2\n"
	"      kind: control\n"
	"      title: 役割\n"
	"      text: 役割を割り当てる。\n"
	"    - id: C3\n"
	"      kind: control\n"
	"      title: 分離\n"
	"      text: 職務を分離する。\n"
	"  - id: S2\n"
	"    kind: section\n"
	"    title: 人的管理策\n"
	"    items:\n"
	"    - id: C4\n"
	"      kind: control\n"
	"      title: 教育\n"
	"      text: 教育する。\n";

struct fx {
	struct catalog cat;
	struct tailoring t;
	struct resolution r;
	bool resolved;
};

static int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct diag_list d;

	assert_non_null(f);
	if (!test_utf8_locale())
		return -1;
	i18n_set_language(LANGUAGE_JA);
	diag_list_init(&d);
	assert_true(catalog_read(&f->cat, "mini.yaml", mini, strlen(mini), &d));
	diag_list_free(&d);
	tailoring_init(&f->t);
	f->t.id = "t";
	f->t.base.kind = BASE_CATALOG;
	f->t.base.id = "mini";
	*state = f;
	return 0;
}

static int fx_teardown(void **state)
{
	struct fx *f = *state;

	if (f->resolved)
		resolution_free(&f->r);
	tailoring_free(&f->t);
	catalog_free(&f->cat);
	free(f);
	return 0;
}

static struct change mk(enum change_op op, const char *target)
{
	struct change c;

	memset(&c, 0, sizeof(c));
	c.op = op;
	c.step = 1;
	c.target = target;
	c.item.kind = -1;
	c.reason = "理由";
	c.author = "担当";
	c.date = "2026-01-01";
	return c;
}

static void apply(struct fx *f, const struct change *c)
{
	assert_true(tailoring_append(&f->t, c) >= 0);
	if (f->resolved)
		resolution_free(&f->r);
	assert_true(resolve_apply(&f->r, &f->cat, NULL, &f->t));
	f->resolved = true;
	assert_int_equal(f->r.conflict_count, 0);
}

static uint32_t idx(const struct fx *f, const char *id)
{
	uint32_t i = catalog_find(&f->r.cat, id);

	if (i == ITEM_NONE)
		fail_msg("%s is not in the resolution", id);
	return i;
}

static const struct resolved *info(const struct fx *f, const char *id)
{
	return &f->r.info[idx(f, id)];
}

static bool below(const struct fx *f, const char *id)
{
	return marks_changes_below(&f->r.cat, &f->r, idx(f, id));
}

/* The second line of the detail pane: "kind / status". */
static void expect_detail_status(const struct fx *f, const char *id, const char *want)
{
	struct detail d;
	struct detail_context ctx = { &f->r, &f->t, false };
	char line[256];

	detail_init(&d);
	detail_build(&d, &f->r.cat, idx(f, id), 60, &ctx);
	assert_true(d.count > 1);
	snprintf(line, sizeof(line), "%.*s", (int)d.lines[1].len, d.lines[1].text);
	assert_string_equal(line, want);
	detail_free(&d);
}

static void test_split_parts_are_split(void **state)
{
	struct fx *f = *state;
	struct new_item parts[] = {
		{ "C2a", NULL, "役割の定義", "役割を定義する。", -1 },
		{ "C2b", NULL, "役割の割当て", "役割を割り当てる。", -1 },
	};
	struct change c = mk(OP_SPLIT, "C2");

	c.parts = parts;
	c.part_count = 2;
	apply(f, &c);
	/* The resolution calls the parts added; the screen, split. */
	assert_int_equal(info(f, "C2a")->status, STATUS_ADDED);
	assert_int_equal(marks_status(info(f, "C2a")), STATUS_SPLIT);
	assert_int_equal(marks_status_char(info(f, "C2a")), 's');
	assert_int_equal(marks_status_char(info(f, "C2b")), 's');
	assert_int_equal(marks_status_char(info(f, "C2")), 's');
	expect_detail_status(f, "C2a", "管理策 / 分割");
	i18n_set_language(LANGUAGE_EN);
	expect_detail_status(f, "C2b", "control / split");
	i18n_set_language(LANGUAGE_JA);
}

static void test_merge_result_is_merged(void **state)
{
	struct fx *f = *state;
	const char *targets[] = { "C2", "C3" };
	struct change c = mk(OP_MERGE, NULL);

	c.targets = targets;
	c.target_count = 2;
	c.item.id = "C23";
	c.item.title = "役割と分離";
	c.item.text = "役割を割り当て、職務を分離する。";
	apply(f, &c);
	assert_int_equal(marks_status_char(info(f, "C23")), 'm');
	expect_detail_status(f, "C23", "管理策 / 統合");
}

static void test_added_stays_added(void **state)
{
	struct fx *f = *state;
	struct change c = mk(OP_ADD, NULL);

	c.step = 4;
	c.parent = "S2";
	c.item.id = "C5";
	c.item.title = "新規";
	c.item.text = "新しい管理策。";
	apply(f, &c);
	assert_int_equal(marks_status(info(f, "C5")), STATUS_ADDED);
	assert_int_equal(marks_status_char(info(f, "C5")), 'A');
	expect_detail_status(f, "C5", "管理策 / 追加");
	/* Then reworded: still an added item. */
	c = mk(OP_REWORD, "C5");
	c.text = "改めた管理策。";
	apply(f, &c);
	assert_int_equal(marks_status_char(info(f, "C5")), 'A');
}

static void test_changes_below(void **state)
{
	struct fx *f = *state;
	struct change c = mk(OP_REWORD, "C1.1");

	/* A level set on C4 marks the branches above it, and only those. */
	apply(f, &(struct change){ .op = OP_LEVEL, .step = 6, .target = "C4", .item.kind = -1,
				   .level = LEVEL_MANDATORY, .reason = "r", .author = "a",
				   .date = "2026-01-01" });
	assert_true(below(f, "P"));
	assert_true(below(f, "S2"));
	assert_false(below(f, "S1"));
	assert_false(below(f, "C1"));
	assert_false(below(f, "C4"));  /* its own change is not below it */

	/* A change deep down marks every ancestor, not the siblings. */
	c.text = "方針を毎年レビューする。";
	apply(f, &c);
	assert_true(below(f, "S1"));
	assert_true(below(f, "C1"));
	assert_false(below(f, "C1.1"));
	assert_false(below(f, "C2"));
	assert_false(marks_changes_below(&f->r.cat, NULL, idx(f, "P")));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_split_parts_are_split),
		T(test_merge_result_is_merged),
		T(test_added_stays_added),
		T(test_changes_below),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
