/* The risk basis in the tailoring file: a register with its scale, scope
 * and policy reads, writes back byte for byte and replays in order
 * (replace, remove, withdraw); bad input is reported at line:column. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/query.h"
#include "kijun/resolve.h"
#include "kijun/risk.h"
#include "kijun/tailoring_io.h"

/* Written in kijun's canonical form. */
static const char basis[] =
	"format: kijun-tailoring/1\n"
	"id: t\n"
	"base:\n"
	"  catalog: meti-ismk-2025\n"
	"organization: 株式会社例示\n"
	"wizard_page: 3\n"
	"changes:\n"
	"- op: scale\n"                               /* 8 */
	"  step: 0\n"
	"  scale:\n"
	"  - 高\n"
	"  - 中\n"
	"  - 低\n"
	"  reason: 当社の3段階の尺度\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: risk\n"                                /* 17 */
	"  step: 0\n"
	"  risk:\n"
	"    id: R1\n"
	"    description: 委託先からの情報漏えい\n"
	"    asset: 顧客情報\n"
	"    properties: CI\n"
	"    level: 高\n"
	"    target_level: 中\n"
	"    deadline: '2027-05-31'\n"
	"    owner: 情報システム部長\n"
	"  reason: リスクアセスメントの結果\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: risk\n"                                /* 31 */
	"  step: 0\n"
	"  risk:\n"
	"    id: R2\n"
	"    description: 地震による停止\n"
	"    level: 中\n"
	"  reason: リスクアセスメントの結果\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: scope\n"                               /* 40 */
	"  step: 0\n"
	"  scope:\n"
	"    organization: 株式会社例示 本社\n"
	"    sites: 東京本社、大阪データセンター\n"
	"  reason: 適用範囲を定める\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: policy\n"                              /* 48 */
	"  step: 0\n"
	"  policy:\n"
	"    awareness: 四半期ごとの委員会で共有する\n"
	"    targets: 高は半年以内に中以下にする\n"
	"  reason: リスク管理方針\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: treats\n"                              /* 56 */
	"  target: 5a-5.4\n"
	"  step: 6\n"
	"  risks:\n"
	"  - R2\n"
	"  - R1\n"
	"  reason: 方針の適用が委託先管理に効くため\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: keep\n"                                /* 65 */
	"  target: 5a-5.5\n"
	"  step: 1\n"
	"  reason: そのまま適用する\n"
	"  author: 事務局\n"
	"  date: '2026-11-25'\n"
	"- op: risk\n"                                /* 71 */
	"  step: 0\n"
	"  risk:\n"
	"    id: R2\n"
	"  remove: true\n"
	"  reason: 移転により解消\n"
	"  author: 事務局\n"
	"  date: '2026-11-26'\n"
	"- op: acknowledge\n"                         /* 79 */
	"  step: 5\n"
	"  reason: 規程の整備は来期に行う\n"
	"  author: 事務局\n"
	"  date: '2026-11-26'\n";

static struct catalog cat;

static void load(struct tailoring *t, const char *text)
{
	struct diag_list d;

	diag_list_init(&d);
	if (!tailoring_read(t, "t.yaml", text, strlen(text), &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail_msg("does not load");
	}
	diag_list_free(&d);
}

static void test_basis_round_trips(void **state)
{
	struct tailoring t;
	struct strbuf out;

	(void)state;
	load(&t, basis);
	assert_int_equal(t.count, 9);
	assert_int_equal(t.wizard_page, 3);
	assert_int_equal(t.changes[1].op, OP_RISK);
	assert_string_equal(t.changes[1].risk.properties, "CI");
	assert_string_equal(t.changes[1].risk.deadline, "2027-05-31");
	assert_true(t.changes[7].remove);
	strbuf_init(&out);
	assert_true(tailoring_write(&t, &out));
	assert_int_equal(out.len, strlen(basis));
	assert_memory_equal(out.data, basis, out.len);
	strbuf_free(&out);
	tailoring_free(&t);
}

static void test_basis_replays_in_order(void **state)
{
	struct tailoring t;
	struct resolution r;
	struct risk_basis b;
	uint32_t i;

	(void)state;
	load(&t, basis);
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	assert_int_equal(r.conflict_count, 0);
	assert_true(risk_basis_build(&b, &t, &r));
	/* The scope change's organization replaces the file's; sites added. */
	assert_string_equal(b.scope.organization, "株式会社例示 本社");
	assert_string_equal(b.scope.sites, "東京本社、大阪データセンター");
	assert_null(b.scope.assets);
	assert_string_equal(b.policy.targets, "高は半年以内に中以下にする");
	assert_null(b.policy.monitoring);
	assert_int_equal(b.scale_count, 3);
	/* R2 was removed. */
	assert_int_equal(b.risk_count, 1);
	assert_non_null(risk_basis_find(&b, "R1"));
	assert_null(risk_basis_find(&b, "R2"));
	assert_int_equal(risk_basis_rank(&b, "高"), 0);
	assert_int_equal(risk_basis_rank(&b, "低"), 2);
	assert_int_equal(risk_basis_rank(&b, "極"), -1);
	/* 5a-5.4 treats R2 (gone) and R1 (高): its rank is R1's. */
	i = catalog_find(&r.cat, "5a-5.4");
	assert_int_equal(resolved_extra(&r.info[i])->risk_count, 2);
	assert_int_equal(risk_basis_item_rank(&b, &r.info[i]), 0);
	assert_int_equal(risk_basis_item_rank(&b, &r.info[catalog_find(&r.cat, "5a-5.5")]), -1);
	/* The keep is in 5a-5.5's history and changes nothing else. */
	i = catalog_find(&r.cat, "5a-5.5");
	assert_int_equal(r.info[i].history_count, 1);
	assert_int_equal(r.info[i].status, STATUS_KEPT);
	assert_int_equal(b.acknowledged[5], 8);
	assert_int_equal(b.acknowledged[1], CHANGE_NONE);
	risk_basis_free(&b);
	resolution_free(&r);
	tailoring_free(&t);
}

static void test_withdrawn_basis_changes_shape_nothing(void **state)
{
	struct tailoring t;
	struct resolution r;
	struct risk_basis b;
	struct change w = { .op = OP_WITHDRAW, .ref = 2, .step = 0, .reason = "誤り",
			    .author = "事務局", .date = "2026-11-27" };
	struct change ack = { .op = OP_WITHDRAW, .ref = 9, .step = 5, .reason = "撤回",
			      .author = "事務局", .date = "2026-11-27" };
	struct problem p;

	(void)state;
	load(&t, basis);
	assert_int_equal(change_check(&w, &p), PROBLEM_NONE);
	assert_true(tailoring_append(&t, &w) >= 0);
	assert_true(tailoring_append(&t, &ack) >= 0);
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	assert_true(risk_basis_build(&b, &t, &r));
	assert_int_equal(b.risk_count, 0);
	assert_int_equal(b.acknowledged[5], CHANGE_NONE);
	risk_basis_free(&b);
	resolution_free(&r);
	tailoring_free(&t);
}

/* The basis text with line n (1-based) replaced. */
static char *with_line(unsigned n, const char *repl)
{
	size_t cap = strlen(basis) + strlen(repl) + 1;
	char *out = malloc(cap), *o = out;
	const char *p = basis;

	assert_non_null(out);
	for (unsigned line = 1; *p; line++) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p + 1) : strlen(p);

		if (line == n) {
			memcpy(o, repl, strlen(repl));
			o += strlen(repl);
		} else {
			memcpy(o, p, len);
			o += len;
		}
		p += len;
	}
	*o = '\0';
	return out;
}

static void expect_problem(unsigned n, const char *repl, unsigned line, unsigned column,
			   const char *needle)
{
	char *text = with_line(n, repl);
	struct tailoring t;
	struct diag_list d;
	bool found = false;

	diag_list_init(&d);
	if (tailoring_read(&t, "t.yaml", text, strlen(text), &d))
		fail_msg("loads with line %u as %s", n, repl);
	for (size_t i = 0; i < d.count; i++)
		if (d.items[i].line == line && d.items[i].column == column &&
		    strstr(d.items[i].message, needle))
			found = true;
	if (!found) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "  got %u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail_msg("no problem at %u:%u containing \"%s\"", line, column, needle);
	}
	diag_list_free(&d);
	free(text);
}

static void test_bad_basis_reported_where_it_is(void **state)
{
	(void)state;
	/* A basis change belongs to step 0. */
	expect_problem(9, "  step: 1\n", 9, 3, "risk basis belongs to step 0");
	/* One level is not a scale; one named twice is refused. */
	expect_problem(13, "  - 高\n", 10, 3, "named twice in the scale");
	/* A risk without its description, with unknown properties, a bad deadline. */
	expect_problem(21, "", 19, 3, "description and a level");
	expect_problem(23, "    properties: CX\n", 19, 3, "some of C, I and A");
	expect_problem(23, "    properties: IC\n", 19, 3, "some of C, I and A");
	expect_problem(26, "    deadline: '2027-02-30'\n", 26, 15, "YYYY-MM-DD");
	expect_problem(20, "    idx: R1\n", 20, 5, "idx");
	/* Keys of one op on another. */
	expect_problem(44, "  risks: [R1]\n", 44, 3, "does not apply to scope");
	expect_problem(66, "  scale: [高, 低]\n", 66, 3, "does not apply to keep");
	expect_problem(66, "\n", 65, 3, "no target");
	expect_problem(80, "  step: 8\n", 80, 9, "from 0 to 7");
	/* Unknown op names the new ones. */
	expect_problem(65, "- op: kept\n", 65, 7, "keep, treats, scope");
}

static void test_step_zero_only_for_the_basis(void **state)
{
	struct change c = { .op = OP_KEEP, .target = "5a-5.4", .step = 0, .reason = "r",
			    .author = "a", .date = "2026-01-01" };
	struct problem p;

	(void)state;
	assert_int_equal(change_check(&c, &p), PROBLEM_STEP_RANGE);
	c.op = OP_ACKNOWLEDGE;
	c.target = NULL;
	assert_int_equal(change_check(&c, &p), PROBLEM_NONE);
	c.op = OP_RISK;
	c.risk.id = "R1";
	c.remove = true;
	assert_int_equal(change_check(&c, &p), PROBLEM_NONE);
	c.step = 3;
	assert_int_equal(change_check(&c, &p), PROBLEM_BASIS_STEP);
	c.step = 0;
	c.remove = false;
	assert_int_equal(change_check(&c, &p), PROBLEM_RISK_MISSING);
	c.op = OP_SCOPE;
	c.risk.id = NULL;
	assert_int_equal(change_check(&c, &p), PROBLEM_BASIS_EMPTY);
	c.op = OP_SCALE;
	c.scale = (const char *[]){ "高" };
	c.scale_count = 1;
	assert_int_equal(change_check(&c, &p), PROBLEM_SCALE_FEW);
}

/* The title set on the wizard's start page: a scope change whose title
 * replaces the file's, written back as read. */
static void test_title_is_a_scope_change(void **state)
{
	static const char text[] =
		"format: kijun-tailoring/1\n"
		"id: t\n"
		"title: 例示社の個別管理基準\n"
		"base:\n"
		"  catalog: meti-ismk-2025\n"
		"changes:\n"
		"- op: scope\n"
		"  step: 0\n"
		"  scope:\n"
		"    title: 例示社の個別管理基準 第2版\n"
		"  reason: 版を改めた\n"
		"  author: 事務局\n"
		"  date: '2026-11-25'\n";
	struct tailoring t;
	struct resolution r;
	struct risk_basis b;
	struct strbuf out;
	struct problem p;

	(void)state;
	load(&t, text);
	assert_int_equal(change_check(&t.changes[0], &p), PROBLEM_NONE);
	strbuf_init(&out);
	assert_true(tailoring_write(&t, &out));
	assert_int_equal(out.len, strlen(text));
	assert_memory_equal(out.data, text, out.len);
	strbuf_free(&out);
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	assert_true(risk_basis_build(&b, &t, &r));
	assert_string_equal(b.title, "例示社の個別管理基準 第2版");
	assert_null(b.scope.organization);
	risk_basis_free(&b);
	resolution_free(&r);
	tailoring_free(&t);
}

/* risk: in a query: by level, at or above a level on the tailoring's own
 * scale, by id, any and none; a filter compiled once follows a scale
 * changed later, since the basis is read when matching. */
static bool risk_query(const char *text, const struct risk_basis *b,
		       const struct resolution *r, const char *id)
{
	struct query_error e;
	struct query *q = query_compile_risk(text, &r->cat, b, &e);
	uint32_t i = catalog_find(&r->cat, id);
	bool hit;

	assert_non_null(q);
	hit = query_match(q, &r->cat, i, &r->info[i]);
	query_free(q);
	return hit;
}

static void test_query_by_risk_level(void **state)
{
	struct tailoring t;
	struct resolution r;
	struct risk_basis b;
	struct query_error e;
	struct query *q;
	struct change r3 = { .op = OP_RISK, .step = 0, .reason = "評価", .author = "事務局",
			     .date = "2026-11-27",
			     .risk = { .id = "R3", .description = "紛失", .level = "低" } };
	struct change tr = { .op = OP_TREATS, .target = "5a-5.5", .step = 6, .reason = "対策",
			     .author = "事務局", .date = "2026-11-27",
			     .risks = (const char *[]){ "R3" }, .risk_count = 1 };
	struct change sc = { .op = OP_SCALE, .step = 0, .reason = "逆順", .author = "事務局",
			     .date = "2026-11-27",
			     .scale = (const char *[]){ "低", "中", "高" }, .scale_count = 3 };
	uint32_t a;

	(void)state;
	load(&t, basis);
	assert_true(tailoring_append(&t, &r3) >= 0);
	assert_true(tailoring_append(&t, &tr) >= 0);
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	assert_true(risk_basis_build(&b, &t, &r));
	/* 5a-5.4 treats R1 (高; R2 is gone), 5a-5.5 treats R3 (低). */
	assert_true(risk_query("risk:高", &b, &r, "5a-5.4"));
	assert_false(risk_query("risk:高", &b, &r, "5a-5.5"));
	assert_true(risk_query("risk:>=中", &b, &r, "5a-5.4"));
	assert_false(risk_query("risk:>=中", &b, &r, "5a-5.5"));
	assert_true(risk_query("risk:<=中", &b, &r, "5a-5.5"));
	assert_false(risk_query("risk:<=中", &b, &r, "5a-5.4"));
	assert_false(risk_query("risk:<高", &b, &r, "5a-5.4"));
	assert_true(risk_query("risk:R3", &b, &r, "5a-5.5"));
	assert_false(risk_query("risk:R3", &b, &r, "5a-5.4"));
	assert_true(risk_query("リスク:あり", &b, &r, "5a-5.5"));
	assert_false(risk_query("risk:any", &b, &r, "5a-5.6"));
	assert_true(risk_query("risk:none", &b, &r, "5a-5.6"));
	assert_true(risk_query("not risk:none and risk:高", &b, &r, "5a-5.4"));
	/* Not a level, not a risk: the column of the value. */
	assert_null(query_compile_risk("risk:極", &r.cat, &b, &e));
	assert_int_equal(e.code, QUERY_UNKNOWN_VALUE);
	assert_int_equal(e.column, 6);
	assert_string_equal(e.word, "極");
	/* A comparison takes a level, not a risk. */
	assert_null(query_compile_risk("risk:>=R1", &r.cat, &b, &e));
	assert_int_equal(e.code, QUERY_UNKNOWN_VALUE);
	assert_int_equal(e.column, 8);
	/* A catalog has no risks. */
	assert_null(query_compile("risk:高", &r.cat, &e));
	assert_int_equal(e.code, QUERY_NOT_AVAILABLE);
	/* The scale turned upside down: the compiled query follows it. */
	q = query_compile_risk("risk:>=中", &r.cat, &b, &e);
	assert_non_null(q);
	risk_basis_free(&b);
	resolution_free(&r);
	assert_true(tailoring_append(&t, &sc) >= 0);
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	assert_true(risk_basis_build(&b, &t, &r));
	a = catalog_find(&r.cat, "5a-5.5");
	assert_true(query_match(q, &r.cat, a, &r.info[a]));
	a = catalog_find(&r.cat, "5a-5.4");
	assert_false(query_match(q, &r.cat, a, &r.info[a]));
	query_free(q);
	risk_basis_free(&b);
	resolution_free(&r);
	tailoring_free(&t);
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
		cmocka_unit_test(test_basis_round_trips),
		cmocka_unit_test(test_basis_replays_in_order),
		cmocka_unit_test(test_withdrawn_basis_changes_shape_nothing),
		cmocka_unit_test(test_bad_basis_reported_where_it_is),
		cmocka_unit_test(test_step_zero_only_for_the_basis),
		cmocka_unit_test(test_query_by_risk_level),
		cmocka_unit_test(test_title_is_a_scope_change),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
