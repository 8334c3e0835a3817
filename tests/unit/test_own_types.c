/* Unit tests for the organization's own attribute types (issue 8): a type
 * is created as a recorded change (checked, undoable), values of it are
 * set as any attribute, and the query language, the cross-tab and the
 * file format take it as they take ISO's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/crosstab.h"
#include "kijun/query.h"
#include "kijun/session.h"
#include "kijun/session_io.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"
#include "test_session_fixture.h"

static int setup(void **state)
{
	return fixture_open(state, "事務局", "2026-11-25");
}

static int teardown(void **state)
{
	return fixture_close(state);
}

static struct attr_value values[] = {
	{ "high", "高", "High" },
	{ "low", "低", "Low" },
};
static struct attr_type risk = { "risk_tier", "リスク区分", "Risk tier", values, 2 };

static enum session_code define(struct session *s)
{
	struct change c = { .op = OP_TYPE, .step = 6, .types = &risk, .type_count = 1,
			    .reason = "重要度で監査の優先度を決めるため" };
	struct session_result r;

	c.item.kind = -1;
	return session_apply(s, &c, &r);
}

static enum session_code assign(struct session *s, const char *target, const char *value)
{
	const char *v[1] = { value };
	struct attr_setting set = { "risk_tier", v, 1 };
	struct change c = { .op = OP_ATTRIBUTES, .step = 6, .target = target, .attrs = &set,
			    .attr_count = 1, .reason = "リスク評価の結果" };
	struct session_result r;

	c.item.kind = -1;
	return session_apply(s, &c, &r);
}

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

static void test_own_type(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	const struct catalog *c;
	struct query_error e;
	struct crosstab x;
	struct session_result r;
	int t, ct;
	uint32_t n;
	const uint32_t *v;

	/* Unknown before it is defined: the value cannot be set, nor queried. */
	assert_int_equal(assign(s, "5a-5.1", "high"), SESSION_CONFLICT);
	assert_null(query_compile("リスク区分:高", session_shown(s), &e));
	assert_int_equal(e.code, QUERY_UNKNOWN_FIELD);

	assert_int_equal(define(s), SESSION_OK);
	/* Twice is a conflict: the id is taken. */
	assert_int_equal(define(s), SESSION_CONFLICT);
	assert_int_equal(assign(s, "5a-5.1", "high"), SESSION_OK);
	assert_int_equal(assign(s, "5c-5.15", "high"), SESSION_OK);
	assert_int_equal(assign(s, "5a-5.2", "low"), SESSION_OK);
	assert_int_equal(assign(s, "5a-5.3", "medium"), SESSION_CONFLICT);

	/* Queried by id, label and English label, as ISO's. */
	assert_string_equal(ids_of(s, "リスク区分:高"), "5a-5.1,5c-5.15");
	assert_string_equal(ids_of(s, "risk_tier:high"), "5a-5.1,5c-5.15");
	assert_string_equal(ids_of(s, "Risk_tier:High"), "5a-5.1,5c-5.15");
	assert_string_equal(ids_of(s, "#低"), "5a-5.2");
	assert_string_equal(ids_of(s, "リスク区分:高 概念:識別"), "5a-5.1");

	/* Cross-tabulated against ISO's control type. */
	c = session_shown(s);
	t = catalog_type_find(c, "risk_tier");
	ct = catalog_type_find(c, "control_type");
	assert_true(t >= 0 && ct >= 0);
	assert_true(crosstab_build(&x, c, (uint32_t)t, (uint32_t)ct, NULL));
	assert_int_equal(x.rows, 2);
	assert_int_equal(x.total, 3);
	v = crosstab_cell(&x, 0, (uint32_t)attr_type_value_find(&c->types[ct], "Preventive"), &n);
	assert_int_equal(n, 2);
	assert_string_equal(catalog_item(c, v[0])->id, "5a-5.1");
	crosstab_free(&x);

	/* Undo takes the values back, then the type. */
	for (int k = 0; k < 3; k++)
		assert_int_equal(session_undo(s, &r), SESSION_OK);
	assert_int_equal(session_undo(s, &r), SESSION_OK);
	assert_int_equal(catalog_type_find(session_shown(s), "risk_tier"), -1);
	assert_int_equal(session_redo(s, &r), SESSION_OK);
	assert_true(catalog_type_find(session_shown(s), "risk_tier") >= 0);
}

/* Written and read back byte for byte. */
static void test_own_type_round_trip(void **state)
{
	struct fixture *f = *state;
	struct session *s = &f->s;
	struct tailoring t;
	struct strbuf a, b;
	struct diag_list d;

	assert_int_equal(define(s), SESSION_OK);
	assert_int_equal(assign(s, "5a-5.1", "high"), SESSION_OK);
	strbuf_init(&a);
	strbuf_init(&b);
	assert_true(tailoring_write(&session_workspace(s)->t, &a));
	if (!strstr(a.data, "- op: attribute-type\n  step: 6\n  attribute_types:\n  - id: risk_tier\n"
			    "    label: リスク区分\n    label_en: Risk tier\n    values:\n"
			    "    - id: high\n      label: 高\n      label_en: High\n"))
		fail_msg("%s", a.data);
	diag_list_init(&d);
	tailoring_init(&t);
	assert_true(tailoring_read(&t, "corp.yaml", a.data, a.len, &d));
	assert_int_equal(d.count, 0);
	assert_int_equal(t.count, 2);
	assert_int_equal(t.changes[0].op, OP_TYPE);
	assert_int_equal(t.changes[0].type_count, 1);
	assert_int_equal(t.changes[0].types[0].value_count, 2);
	assert_string_equal(t.changes[0].types[0].values[1].label, "低");
	assert_true(tailoring_write(&t, &b));
	assert_string_equal(a.data, b.data);
	tailoring_free(&t);
	diag_list_free(&d);
	strbuf_free(&a);
	strbuf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_own_type, setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_type_round_trip, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
