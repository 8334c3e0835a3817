/* Unit tests for include/kijun/audit_scope.h: the scope's changes go
 * through session_apply (checked, undoable), read back byte for byte, a
 * bad query or an unknown scope is refused, the scope reads as one query
 * and an evaluation takes its items from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/audit_scope.h"
#include "kijun/evaluation_scope.h"
#include "kijun/query.h"
#include "kijun/session.h"
#include "kijun/session_io.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"
#include "test_session_fixture.h"

static int setup(void **state)
{
	return fixture_open(state, "監査室", "2026-11-25");
}

static int teardown(void **state)
{
	return fixture_close(state);
}

static enum session_code apply(struct session *s, enum change_op op, const char *scope,
			       const char *query, const char *target)
{
	struct change c = { .op = op, .step = 1, .audit = scope, .query = query,
			    .target = target, .reason = "今年度の監査範囲" };
	struct session_result r;

	c.item.kind = -1;
	return session_apply(s, &c, &r);
}

/* The ids a query text matches in the tailoring, comma-separated. */
static char *ids_of(struct session *s, const char *text)
{
	static char out[4096];
	const struct catalog *c = session_shown(s);
	struct query_error e;
	struct query *q = query_compile(text, c, &e);
	size_t n = 0;

	if (!q)
		fail_msg("%s: code %d at %u", text, e.code, e.column);
	out[0] = '\0';
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
		if (query_match(q, c, i, session_info(s, i)))
			n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n ? "," : "",
					      catalog_item(c, i)->id);
	query_free(q);
	return out;
}

static char *scope_ids(struct session *s, const char *name)
{
	struct audit_scope a;
	char *text, *ids;

	assert_true(audit_scope_get(&session_workspace(s)->t, session_resolution(s), name, &a));
	text = audit_scope_text(&a);
	assert_non_null(text);
	ids = ids_of(s, text);
	free(text);
	audit_scope_free(&a);
	return ids;
}

static void test_scope_by_hand(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct audit_scope a;
	const char *names[4];

	assert_string_equal(ids_of(s, "概念:復旧"), "5a-5.5,5a-5.6,5e-5.24,5e-5.26,5g-5.37,8b-8.13");
	/* Adding to a scope nobody defined, or a query that does not read. */
	assert_int_equal(apply(s, OP_AUDIT_ADD, "2026", NULL, "4.4.8"), SESSION_CONFLICT);
	assert_int_equal(apply(s, OP_AUDIT, "2026", "概念:ふっきゅう", NULL), SESSION_CONFLICT);
	assert_int_equal(apply(s, OP_AUDIT, "2026", NULL, NULL), SESSION_INVALID_CHANGE);
	assert_int_equal(session_workspace(s)->t.count, 0);

	assert_int_equal(apply(s, OP_AUDIT, "2026", "概念:復旧", NULL), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_ADD, "2026", NULL, "4.4.8"), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_REMOVE, "2026", NULL, "5a-5.6"), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_REMOVE, "2026", NULL, "no-such"), SESSION_CONFLICT);
	/* A scope shapes no item: the standard is as it was. */
	assert_int_equal(session_resolution(s)->changed_count, 0);
	assert_string_equal(scope_ids(s, "2026"), "4.4.8,5a-5.5,5e-5.24,5e-5.26,5g-5.37,8b-8.13");
	assert_true(audit_scope_get(&session_workspace(s)->t, session_resolution(s), "2026", &a));
	assert_int_equal(a.added_count, 1);
	assert_string_equal(a.added[0], "4.4.8");
	assert_int_equal(a.removed_count, 1);
	audit_scope_free(&a);
	assert_false(audit_scope_get(&session_workspace(s)->t, session_resolution(s), "2027", &a));
	assert_int_equal(audit_scope_names(&session_workspace(s)->t, session_resolution(s), names, 4), 1);
	assert_string_equal(names[0], "2026");

	/* The latest word on an item stands: added back by hand. */
	assert_int_equal(apply(s, OP_AUDIT_ADD, "2026", NULL, "5a-5.6"), SESSION_OK);
	assert_string_equal(scope_ids(s, "2026"),
			    "4.4.8,5a-5.5,5a-5.6,5e-5.24,5e-5.26,5g-5.37,8b-8.13");
	/* Undo takes it back, as any change. */
	assert_true(session_can_undo(s));
	{
		struct session_result r;

		assert_int_equal(session_undo(s, &r), SESSION_OK);
	}
	assert_string_equal(scope_ids(s, "2026"), "4.4.8,5a-5.5,5e-5.24,5e-5.26,5g-5.37,8b-8.13");
	/* A new query replaces the old; the items by hand stay. */
	assert_int_equal(apply(s, OP_AUDIT, "2026", "id:5a-5.1", NULL), SESSION_OK);
	assert_string_equal(scope_ids(s, "2026"), "4.4.8,5a-5.1");
}

/* Written and read back: the same bytes, the same scope. */
static void test_scope_round_trip(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct tailoring t;
	struct strbuf a, b;
	struct diag_list d;

	assert_int_equal(apply(s, OP_AUDIT, "年次", "概念:復旧 or #是正", NULL), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_ADD, "年次", NULL, "4.4.8"), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_REMOVE, "年次", NULL, "5a-5.6"), SESSION_OK);
	strbuf_init(&a);
	strbuf_init(&b);
	assert_true(tailoring_write(&session_workspace(s)->t, &a));
	if (!strstr(a.data, "- op: audit-scope\n  step: 1\n  audit_scope: 年次\n  query: '概念:復旧 or #是正'\n  reason:"))
		fail_msg("%s", a.data);
	assert_non_null(strstr(a.data, "- op: audit-add\n  target: '4.4.8'\n  step: 1\n  audit_scope: 年次\n"));
	diag_list_init(&d);
	tailoring_init(&t);
	assert_true(tailoring_read(&t, "corp.yaml", a.data, a.len, &d));
	assert_int_equal(d.count, 0);
	assert_int_equal(t.count, 3);
	assert_string_equal(t.changes[0].query, "概念:復旧 or #是正");
	assert_int_equal(t.changes[2].op, OP_AUDIT_REMOVE);
	assert_string_equal(t.changes[2].audit, "年次");
	assert_true(tailoring_write(&t, &b));
	assert_string_equal(a.data, b.data);
	tailoring_free(&t);
	diag_list_free(&d);
	strbuf_free(&a);
	strbuf_free(&b);
}

/* eval new --scope with a query, or a saved scope's text: the evaluable
 * items under what matches. */
static void test_scope_evaluation(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct evaluation e;
	struct audit_scope a;
	struct query *q;
	struct query_error err;
	char *text;

	assert_false(evaluation_scope_is_query("5a-5.1 5a-5.2"));
	assert_false(evaluation_scope_is_query(""));
	assert_true(evaluation_scope_is_query("概念:復旧"));
	assert_true(evaluation_scope_is_query("#是正"));
	assert_true(evaluation_scope_is_query("5a-5.1 or 5a-5.2"));
	assert_true(evaluation_scope_is_query("概念：復旧"));  /* full-width colon */
	assert_false(evaluation_scope_compile("概念:ふ", session_resolution(s), &q, &err));
	assert_int_equal(err.code, QUERY_UNKNOWN_VALUE);
	assert_true(evaluation_scope_compile("4.4.8", session_resolution(s), &q, &err));
	assert_null(q);

	assert_int_equal(apply(s, OP_AUDIT, "2026", "id:5a-5.5", NULL), SESSION_OK);
	assert_int_equal(apply(s, OP_AUDIT_ADD, "2026", NULL, "4.4.8"), SESSION_OK);
	assert_true(audit_scope_get(&session_workspace(s)->t, session_resolution(s), "2026", &a));
	text = audit_scope_text(&a);
	audit_scope_free(&a);
	evaluation_init(&e);
	e.scope = text;
	assert_true(evaluation_scope_build(&e, session_resolution(s), NULL));
	/* 4.4.8's six detailed controls, and 5a-5.5's. */
	assert_true(e.count > 6);
	assert_string_equal(e.items[0].id, "4.4.8.1");
	assert_string_equal(e.items[5].id, "4.4.8.6");
	for (uint32_t k = 6; k < e.count; k++)
		assert_int_equal(strncmp(e.items[k].id, "5a-5.5", 6), 0);
	evaluation_free(&e);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scope_by_hand, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scope_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scope_evaluation, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
