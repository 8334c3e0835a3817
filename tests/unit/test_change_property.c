/* Whatever can be recorded writes, reads back and resolves equal.
 *
 * A seeded generator makes random sequences of changes on the built-in
 * catalog, awkward texts and ids included, and records only what the
 * change check and resolution accept without a new conflict (as the
 * screen does).  Each tailoring is then written, read back and written
 * again: it must read with no diags, write the same bytes and resolve to
 * the same items. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/risk.h"
#include "kijun/tailoring_io.h"

#define SEQUENCES 300
#define ATTEMPTS 12

static struct catalog cat;
static uint64_t rng_state;

/* xorshift64*: small, and the same sequence on every machine. */
static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

#define PICK(v) ((v)[rnd(sizeof(v) / sizeof((v)[0]))])

static const char *const texts[] = {
	"本文を定める。", "a: b", "- リストのような", "null", "123", "2026-01-01",
	"行1\n行2", " 先頭の空白", "末尾の空白 ", "\tタブ", "#コメントのような",
	"'引用'", "\"二重引用\"", "\xe3\x80\x80全角空白で始まる", "改行で終わる\n",
	"  \n  字下げ", "", " ", "\xe3\x80\x80", "{ 波括弧 }", "末尾の改行二つ\n\n",
	"~", "yes", "制御\x1b文字", "不正\xff", "a\r\nb", "長い本文。長い本文。長い本文。",
	"[角括弧]", "& アンカー", "* 別名", "! タグ", "% 指令", "@ at", "` 逆引用",
};

static const char *const words[] = {
	"甲", "X", "a b", "-dash", "null", "1.2", "#x", "a:b", "[x]", " pad", "pad ",
	"", "tab\tin", "true", "~", ".P", "ok-word", "\xc2\x85" "nel",
};

static const char *const reasons[] = {
	"理由があるため。", "", "  ", "\xe3\x80\x80\xe3\x80\x80", "複数行の\n理由", "理由\x07",
};

static const char *const authors[] = {
	"情報セキュリティ委員会", "山田 太郎", "", "\x83\x65\x83\x58\x83\x67", "改\n行",
};

static const char *const dates[] = {
	"2026-11-25", "2024-02-29", "2026-02-29", "26-1-1", "2026-13-01",
};

static const char *maybe(const char *const *v, size_t n)
{
	uint32_t k = rnd((uint32_t)n + 2);

	return k < n ? v[k] : NULL;
}

#define MAYBE(v) maybe((v), sizeof(v) / sizeof((v)[0]))

/* An item of the current resolution, mostly real, sometimes not. */
static const char *some_id(const struct resolution *r)
{
	if (rnd(20) == 0)
		return PICK(words);
	return r->cat.items[1 + rnd(r->cat.count - 1)].id;
}

/* A fresh id most of the time, an existing or awkward one sometimes. */
static const char *new_id(const struct resolution *r, char *buf, size_t size, unsigned n)
{
	switch (rnd(10)) {
	case 0: return some_id(r);
	case 1: return PICK(words);
	default:
		snprintf(buf, size, "N%u", n);
		return buf;
	}
}

static void new_item(const struct resolution *r, struct new_item *it, char *idbuf, unsigned n)
{
	it->id = rnd(15) ? new_id(r, idbuf, 16, n) : NULL;
	it->label = rnd(3) ? NULL : MAYBE(texts);
	it->title = rnd(2) ? NULL : MAYBE(texts);
	it->text = MAYBE(texts);
	it->kind = rnd(3) ? -1 : (int)rnd(ITEM_KIND_COUNT + 1);
}

struct scratch {
	char ids[4][16];
	struct new_item parts[3];
	const char *targets[3];
	struct attr_setting attrs[2];
	const char *values[2][3];
	const char *marks[2];
	const char *risks[3];
	const char *scale[3];
	struct attr_type type;
	struct attr_value type_values[2];
};

/* The audit scope's names and queries (issue 8): mostly ones that read. */
static const char *const audits[] = { "2026", "年次", "2026", " x" };
static const char *const queries[] = { "概念:識別", "#是正 or id:5a-*", "status:excluded", "概念:", "" };
static const char *const type_ids[] = { "risk_tier", "tier", "risk_tier", " x" };

static const char *const levels[] = { "高", "中", "低", " 高", "" };
static const char *const risk_ids[] = { "R1", "R2", "R3" };
static const char *const props[] = { "C", "CIA", "IA", "AC", "X" };

/* A withdraw or retarget of one of the changes so far, mostly one it
 * may take, sometimes itself, a later one or none. */
static void take_change(const struct resolution *r, const struct tailoring *t, struct change *c)
{
	const struct change *e;

	c->ref = rnd(8) ? 1 + rnd(t->count ? t->count : 1) : rnd(t->count + 3);
	c->target = rnd(20) ? NULL : c->target;
	if (c->op == OP_WITHDRAW)
		return;
	e = c->ref && c->ref <= t->count ? &t->changes[c->ref - 1] : NULL;
	c->target = some_id(r);
	if ((e && e->op == OP_ADD) == (rnd(10) != 0)) {
		/* an add moves by parent or after */
		if (rnd(2))
			c->parent = c->target;
		else
			c->after = c->target;
		c->target = rnd(20) ? NULL : c->target;
	}
}

static void make_change(const struct resolution *r, const struct tailoring *t,
			struct change *c, struct scratch *s, unsigned n)
{
	memset(c, 0, sizeof(*c));
	c->op = (enum change_op)rnd(OP_COUNT);
	c->step = (uint8_t)(rnd(12) ? 1 + rnd(7) : rnd(9));
	c->item.kind = -1;
	c->reason = rnd(8) ? reasons[0] : PICK(reasons);
	c->author = rnd(8) ? authors[0] : PICK(authors);
	c->date = rnd(8) ? dates[0] : PICK(dates);
	c->target = some_id(r);
	switch (c->op) {
	case OP_REWORD:
		c->text = MAYBE(texts);
		c->title = rnd(2) ? NULL : MAYBE(texts);
		break;
	case OP_SPLIT:
		c->part_count = 1 + rnd(3);
		for (uint32_t k = 0; k < c->part_count; k++)
			new_item(r, &s->parts[k], s->ids[k], n * 4 + k);
		c->parts = s->parts;
		break;
	case OP_MERGE: {
		uint32_t i = catalog_find(&r->cat, c->target);

		c->target_count = 2 + rnd(2);
		s->targets[0] = c->target;
		for (uint32_t k = 1; k < c->target_count; k++) {
			/* siblings merge, so most merges are good ones */
			if (i != ITEM_NONE && r->cat.items[i].next_sibling != ITEM_NONE && rnd(4)) {
				i = r->cat.items[i].next_sibling;
				s->targets[k] = r->cat.items[i].id;
			} else {
				s->targets[k] = some_id(r);
			}
		}
		c->targets = s->targets;
		c->target = rnd(20) ? NULL : c->target;
		new_item(r, &c->item, s->ids[0], n * 4);
		break;
	}
	case OP_ADD:
		if (rnd(2))
			c->parent = c->target;
		else
			c->after = c->target;
		c->target = rnd(20) ? NULL : c->target;
		new_item(r, &c->item, s->ids[0], n * 4);
		c->source = (enum source_kind)rnd(SOURCE_COUNT);
		c->source_ref = rnd(2) ? NULL : MAYBE(texts);
		break;
	case OP_LINK:
		c->rule = MAYBE(texts);
		c->rule_section = rnd(2) ? NULL : MAYBE(texts);
		c->note = rnd(2) ? NULL : MAYBE(texts);
		break;
	case OP_LEVEL:
		c->level = (enum item_level)rnd(3);
		break;
	case OP_TECHNICAL:
		c->technical = rnd(2);
		c->review_months = (uint16_t)(rnd(3) ? 0 : rnd(130));
		break;
	case OP_ATTRIBUTES:
		c->attr_count = rnd(3);
		for (uint32_t k = 0; k < c->attr_count; k++) {
			const struct attr_type *ty = &r->cat.types[rnd(r->cat.type_count)];

			s->attrs[k].type = rnd(10) ? ty->id : PICK(words);
			s->attrs[k].count = rnd(3);
			for (uint32_t v = 0; v < s->attrs[k].count; v++)
				s->values[k][v] = rnd(10) ? ty->values[rnd(ty->value_count)].id
							  : PICK(words);
			s->attrs[k].values = s->values[k];
		}
		c->attrs = s->attrs;
		break;
	case OP_MARKS:
		c->mark_count = rnd(3);
		for (uint32_t k = 0; k < c->mark_count; k++)
			s->marks[k] = PICK(words);
		c->marks = s->marks;
		break;
	case OP_WITHDRAW:
	case OP_RETARGET:
		take_change(r, t, c);
		break;
	case OP_TREATS:
		c->risk_count = rnd(3);
		for (uint32_t k = 0; k < c->risk_count; k++)
			s->risks[k] = rnd(8) ? PICK(risk_ids) : PICK(words);
		c->risks = s->risks;
		break;
	case OP_SCOPE:
		c->scope.organization = rnd(2) ? MAYBE(texts) : NULL;
		c->scope.sites = rnd(2) ? MAYBE(texts) : NULL;
		c->scope.assets = rnd(3) ? NULL : MAYBE(texts);
		c->scope.processes = rnd(3) ? NULL : MAYBE(texts);
		break;
	case OP_POLICY:
		c->policy.awareness = rnd(2) ? MAYBE(texts) : NULL;
		c->policy.targets = rnd(2) ? MAYBE(texts) : NULL;
		c->policy.monitoring = rnd(3) ? NULL : MAYBE(texts);
		c->policy.feedback = rnd(3) ? NULL : MAYBE(texts);
		break;
	case OP_SCALE:
		c->scale_count = 1 + rnd(3);
		for (uint32_t k = 0; k < c->scale_count; k++)
			s->scale[k] = rnd(6) ? levels[k] : PICK(levels);
		c->scale = s->scale;
		break;
	case OP_RISK:
		c->risk.id = rnd(10) ? PICK(risk_ids) : MAYBE(words);
		c->remove = rnd(6) == 0;
		if (!c->remove || rnd(5) == 0) {
			c->risk.description = MAYBE(texts);
			c->risk.level = rnd(6) ? levels[rnd(3)] : PICK(levels);
			c->risk.target_level = rnd(2) ? NULL : PICK(levels);
			c->risk.asset = rnd(2) ? NULL : MAYBE(texts);
			c->risk.properties = rnd(2) ? NULL : PICK(props);
			c->risk.deadline = rnd(2) ? NULL : PICK(dates);
			c->risk.owner = rnd(2) ? NULL : MAYBE(texts);
		}
		break;
	case OP_AUDIT:
		c->target = rnd(20) ? NULL : c->target;
		c->audit = PICK(audits);
		c->query = rnd(6) ? queries[rnd(3)] : PICK(queries);
		c->step = (uint8_t)(1 + rnd(7));
		break;
	case OP_AUDIT_ADD:
	case OP_AUDIT_REMOVE:
		/* Mostly a scope defined before, so the change can apply;
		 * none yet: often define one first. */
		c->audit = rnd(10) ? audits[0] : PICK(audits);
		{
			bool defined = false;

			for (uint32_t k = 0; k < t->count; k++) {
				if (t->changes[k].op == OP_AUDIT && rnd(8)) {
					c->audit = t->changes[k].audit;
					defined = true;
				}
			}
			if (!defined && rnd(3)) {
				c->op = OP_AUDIT;
				c->target = NULL;
				c->query = queries[rnd(3)];
			}
		}
		break;
	case OP_TYPE:
		c->target = rnd(20) ? NULL : c->target;
		s->type_values[0] = (struct attr_value){ "high", rnd(10) ? "高" : " ", "High" };
		s->type_values[1] = (struct attr_value){ rnd(10) ? "low" : "high", "低", NULL };
		s->type = (struct attr_type){ PICK(type_ids), "リスク区分", rnd(2) ? NULL : "Risk tier",
					      s->type_values, 1 + rnd(2) };
		c->types = &s->type;
		c->type_count = rnd(15) ? 1 : 0;
		break;
	default:
		break;
	}
	/* The risk basis has no target and its own step. */
	if (change_op_is_basis(c->op) || c->op == OP_ACKNOWLEDGE) {
		c->target = rnd(20) ? NULL : c->target;
		if (rnd(10))
			c->step = change_op_is_basis(c->op) ? STEP_BASIS : (uint8_t)rnd(8);
	}
	if (rnd(30) == 0)
		c->text = MAYBE(texts);  /* a field the operation does not take */
}

static bool new_conflict(const struct resolution *r, uint32_t index)
{
	for (uint32_t k = 0; k < r->conflict_count; k++)
		if (r->conflicts[k].index == index)
			return true;
	return false;
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void expect_same_resolution(const struct resolution *a, const struct resolution *b,
				   unsigned seq)
{
	assert_int_equal(a->cat.count, b->cat.count);
	assert_int_equal(a->conflict_count, b->conflict_count);
	for (uint32_t i = 1; i < a->cat.count; i++) {
		const struct item *x = &a->cat.items[i], *y = &b->cat.items[i];
		const struct resolved *p = &a->info[i], *q = &b->info[i];

		if (strcmp(x->id, y->id) != 0 || p->status != q->status ||
		    !same_str(x->text, y->text) || !same_str(x->title, y->title) ||
		    !same_str(x->label, y->label) || x->kind != y->kind || x->parent != y->parent ||
		    p->level != q->level || p->technical != q->technical ||
		    p->review_months != q->review_months ||
		    resolved_extra(p)->mark_count != resolved_extra(q)->mark_count ||
		    x->attr_count != y->attr_count ||
		    resolved_extra(p)->link_count != resolved_extra(q)->link_count ||
		    p->history_count != q->history_count)
			fail_msg("sequence %u: item %u (%s / %s) resolves differently once read back",
				 seq, i, x->id, y->id);
		for (uint32_t k = 0; k < p->history_count; k++)
			if (p->history[k].index != q->history[k].index ||
			    p->history[k].state != q->history[k].state)
				fail_msg("sequence %u: the history of %s differs once read back",
					 seq, x->id);
	}
	for (uint32_t i = 1; i < a->cat.count; i++) {
		const struct resolved_extra *x = resolved_extra(&a->info[i]);
		const struct resolved_extra *y = resolved_extra(&b->info[i]);

		assert_int_equal(x->risk_count, y->risk_count);
		for (uint32_t k = 0; k < x->risk_count; k++)
			assert_string_equal(x->risks[k], y->risks[k]);
	}
	assert_int_equal(a->change_count, b->change_count);
	for (uint32_t k = 0; k < a->change_count; k++) {
		assert_int_equal(resolution_withdrawn_by(a, k), resolution_withdrawn_by(b, k));
		assert_int_equal(resolution_retargeted_by(a, k), resolution_retargeted_by(b, k));
	}
}

static void expect_same_basis(const struct tailoring *t, const struct resolution *r,
			      const struct tailoring *t2, const struct resolution *r2)
{
	struct risk_basis a, b;

	assert_true(risk_basis_build(&a, t, r));
	assert_true(risk_basis_build(&b, t2, r2));
	assert_true(same_str(a.scope.organization, b.scope.organization));
	assert_true(same_str(a.scope.sites, b.scope.sites));
	assert_true(same_str(a.policy.awareness, b.policy.awareness));
	assert_true(same_str(a.policy.feedback, b.policy.feedback));
	assert_int_equal(a.scale_count, b.scale_count);
	for (uint32_t k = 0; k < a.scale_count; k++)
		assert_string_equal(a.scale[k], b.scale[k]);
	assert_int_equal(a.risk_count, b.risk_count);
	for (uint32_t k = 0; k < a.risk_count; k++) {
		assert_string_equal(a.risks[k].id, b.risks[k].id);
		assert_true(same_str(a.risks[k].level, b.risks[k].level));
		assert_true(same_str(a.risks[k].properties, b.risks[k].properties));
		assert_true(same_str(a.risks[k].deadline, b.risks[k].deadline));
	}
	for (unsigned p = 0; p <= WIZARD_PAGE_MAX; p++)
		assert_int_equal(a.acknowledged[p], b.acknowledged[p]);
	risk_basis_free(&a);
	risk_basis_free(&b);
}

/* How many of each op were recorded: the generator must reach the new ones. */
static unsigned recorded_ops[OP_COUNT];

static void run_sequence(unsigned seq, unsigned *recorded)
{
	struct tailoring t, back;
	struct resolution r, r2;
	struct strbuf out1, out2;
	struct diag_list d;

	tailoring_init(&t);
	t.id = "property";
	t.base.kind = BASE_CATALOG;
	t.base.id = cat.id;
	assert_true(resolve_apply(&r, &cat, NULL, &t));
	for (unsigned n = 0; n < ATTEMPTS; n++) {
		struct scratch s;
		struct change c, dropped;
		struct problem p;
		struct resolution next;
		long index;

		memset(&s, 0, sizeof(s));
		make_change(&r, &t, &c, &s, seq * ATTEMPTS + n);
		/* As session_apply checks it. */
		if (change_check(&c, &p) || change_check_ref(&c, t.changes, t.count, &p))
			continue;
		index = tailoring_append(&t, &c);
		assert_true(index >= 0);
		assert_true(resolve_apply(&next, &cat, NULL, &t));
		if (new_conflict(&next, (uint32_t)index)) {
			resolution_free(&next);
			assert_true(tailoring_pop(&t, &dropped));
			continue;
		}
		resolution_free(&r);
		r = next;
		(*recorded)++;
		recorded_ops[c.op]++;
	}

	strbuf_init(&out1);
	strbuf_init(&out2);
	diag_list_init(&d);
	assert_true(tailoring_write(&t, &out1));
	if (!tailoring_read(&back, "p.yaml", out1.data, out1.len, &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fprintf(stderr, "%s", out1.data);
		fail_msg("sequence %u does not read back", seq);
	}
	assert_int_equal(d.count, 0);
	assert_int_equal(back.count, t.count);
	assert_true(tailoring_write(&back, &out2));
	if (out1.len != out2.len || memcmp(out1.data, out2.data, out1.len) != 0) {
		fprintf(stderr, "--- written\n%s--- written again\n%s", out1.data, out2.data);
		fail_msg("sequence %u writes differently once read back", seq);
	}
	assert_true(resolve_apply(&r2, &cat, NULL, &back));
	expect_same_resolution(&r, &r2, seq);
	expect_same_basis(&t, &r, &back, &r2);

	resolution_free(&r2);
	resolution_free(&r);
	diag_list_free(&d);
	strbuf_free(&out1);
	strbuf_free(&out2);
	tailoring_free(&back);
	tailoring_free(&t);
}

static void test_recorded_changes_read_back(void **state)
{
	unsigned recorded = 0;

	(void)state;
	rng_state = 0x6b696a756e2d3130ULL;  /* "kijun-10" */
	for (unsigned seq = 0; seq < SEQUENCES; seq++)
		run_sequence(seq, &recorded);
	/* The generator must reach the writer often enough to mean anything. */
	assert_true(recorded > SEQUENCES * 2);
	/* Taking back and moving changes, as often as anything else. */
	for (int op = OP_WITHDRAW; op < OP_COUNT; op++)
		if (recorded_ops[op] < 20)
			fail_msg("only %u %s changes were recorded", recorded_ops[op],
				 change_op_name((enum change_op)op));
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
		cmocka_unit_test(test_recorded_changes_read_back),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
