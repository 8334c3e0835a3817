/* The change check: each code on a change that is good but for one
 * thing, the words each code is shown in, and the reader reporting each
 * problem at the line and column of the field it is about. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/tailoring_io.h"
#include "../../src/tui/problem_words.h"

static const char *parts_ids[] = { "A", "B" };
static struct new_item two_parts[2];
static const char *two_targets[2];
static const char *values1[] = { "Preventive" };
static struct attr_setting attrs2[2];
static const char *marks1[] = { ".P" };
static struct attr_value own_values[2];
static struct attr_type own_type[1];

/* A change of that operation that passes the check. */
static struct change good(enum change_op op)
{
	struct change c;

	memset(&c, 0, sizeof(c));
	c.op = op;
	c.step = 1;
	c.item.kind = -1;
	c.reason = "理由";
	c.author = "担当";
	c.date = "2026-01-01";
	c.target = "C1";
	for (int k = 0; k < 2; k++) {
		two_parts[k] = (struct new_item){ parts_ids[k], NULL, NULL, "部分", -1 };
		attrs2[k] = (struct attr_setting){ k ? "properties" : "control_type", values1, 1 };
	}
	two_targets[0] = "C2";
	two_targets[1] = "C3";
	switch (op) {
	case OP_MERGE:
		c.target = NULL;
		c.targets = two_targets;
		c.target_count = 2;
		c.item = (struct new_item){ "M", NULL, NULL, "まとめ", -1 };
		break;
	case OP_ADD:
		c.target = NULL;
		c.parent = "C1";
		c.item = (struct new_item){ "N", NULL, NULL, "追加", -1 };
		c.source = SOURCE_LAW;
		c.source_ref = "法";
		break;
	case OP_REWORD: c.text = "新しい本文"; break;
	case OP_SPLIT: c.parts = two_parts; c.part_count = 2; break;
	case OP_LINK: c.rule = "規程"; break;
	case OP_LEVEL: c.level = LEVEL_MANDATORY; break;
	case OP_TECHNICAL: c.technical = true; c.review_months = 12; break;
	case OP_ATTRIBUTES: c.attrs = attrs2; c.attr_count = 2; break;
	case OP_MARKS: c.marks = marks1; c.mark_count = 1; break;
	case OP_WITHDRAW: c.target = NULL; c.ref = 1; break;
	case OP_RETARGET: c.target = "C9"; c.ref = 1; break;
	case OP_TREATS: c.risks = marks1; c.risk_count = 1; break;
	case OP_SCOPE: c.target = NULL; c.step = 0; c.scope.sites = "本社"; break;
	case OP_POLICY: c.target = NULL; c.step = 0; c.policy.awareness = "委員会"; break;
	case OP_SCALE: c.target = NULL; c.step = 0; c.scale = two_targets; c.scale_count = 2; break;
	case OP_RISK:
		c.target = NULL;
		c.step = 0;
		c.risk = (struct risk){ .id = "R1", .description = "漏えい", .level = "高" };
		break;
	case OP_ACKNOWLEDGE: c.target = NULL; break;
	case OP_TYPE:
		c.target = NULL;
		own_values[0] = (struct attr_value){ "high", "高", "High" };
		own_values[1] = (struct attr_value){ "low", "低", NULL };
		own_type[0] = (struct attr_type){ "risk", "リスク区分", "Risk", own_values, 2 };
		c.types = own_type;
		c.type_count = 1;
		break;
	case OP_AUDIT: c.target = NULL; c.audit = "2026"; c.query = "概念:識別"; break;
	case OP_AUDIT_ADD:
	case OP_AUDIT_REMOVE: c.audit = "2026"; break;
	default: break;
	}
	return c;
}

static void expect(const struct change *c, enum problem_code code, enum change_field field)
{
	struct problem p;
	enum problem_code got = change_check(c, &p);

	if (got != code)
		fail_msg("got %s, want %s", problem_code_name(got), problem_code_name(code));
	assert_int_equal(p.code, code);
	if (code)
		assert_int_equal(p.field, field);
}

static void test_every_op_good(void **state)
{
	(void)state;
	for (int op = 0; op < OP_COUNT; op++) {
		struct change c = good((enum change_op)op);

		expect(&c, PROBLEM_NONE, FIELD_NONE);
	}
}

/* The audit scope's changes: a name always, a query for scope only, a
 * target for the changes by hand; a scope's query cannot be retargeted. */
static void test_scope_ops(void **state)
{
	struct change c, earlier[1];
	struct problem p;

	(void)state;
	c = good(OP_AUDIT);
	c.audit = NULL;
	expect(&c, PROBLEM_AUDIT_MISSING, FIELD_AUDIT);
	c.audit = "a b\n";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_AUDIT);
	c = good(OP_AUDIT);
	c.query = " \t";
	expect(&c, PROBLEM_QUERY_MISSING, FIELD_QUERY);
	c.query = "概念:識別\n運用機能:ガバナンス";
	expect(&c, PROBLEM_TEXT_INVALID, FIELD_QUERY);
	c = good(OP_AUDIT);
	c.target = "C1";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TARGET);
	c = good(OP_AUDIT_ADD);
	c.target = NULL;
	expect(&c, PROBLEM_TARGET_MISSING, FIELD_TARGET);
	c = good(OP_AUDIT_REMOVE);
	c.query = "x";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_QUERY);
	c = good(OP_EXCLUDE);
	c.audit = "2026";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_AUDIT);
	/* A retarget of a scope's query: set the query again instead. */
	earlier[0] = good(OP_AUDIT);
	c = good(OP_RETARGET);
	assert_int_equal(change_check_ref(&c, earlier, 1, &p), PROBLEM_CHANGE_NOT_TAKEABLE);
	/* A change by hand moves as any change with a target. */
	earlier[0] = good(OP_AUDIT_ADD);
	assert_int_equal(change_check_ref(&c, earlier, 1, &p), PROBLEM_NONE);
}

/* An own type: ids and labels for the type and each value, ids once. */
static void test_type_op(void **state)
{
	struct change c;

	(void)state;
	c = good(OP_TYPE);
	c.type_count = 0;
	expect(&c, PROBLEM_TYPE_MISSING, FIELD_TYPES);
	c = good(OP_TYPE);
	own_values[1].id = "high";
	expect(&c, PROBLEM_TYPE_BAD, FIELD_TYPES);
	c = good(OP_TYPE);
	own_values[1].label = " ";
	expect(&c, PROBLEM_TYPE_BAD, FIELD_TYPES);
	c = good(OP_TYPE);
	own_type[0].id = " risk";
	expect(&c, PROBLEM_TYPE_BAD, FIELD_TYPES);
	c = good(OP_TYPE);
	own_type[0].value_count = 0;
	expect(&c, PROBLEM_TYPE_BAD, FIELD_TYPES);
	c = good(OP_TYPE);
	own_type[0].label_en = "Risk\n";
	expect(&c, PROBLEM_TYPE_BAD, FIELD_TYPES);
	c = good(OP_TYPE);
	c.target = "C1";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TARGET);
	c = good(OP_EXCLUDE);
	c.types = own_type;
	c.type_count = 1;
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TYPES);
}

static void test_common_fields(void **state)
{
	struct change c;
	struct problem p;

	(void)state;
	c = good(OP_EXCLUDE);
	c.reason = NULL;
	expect(&c, PROBLEM_REASON_EMPTY, FIELD_REASON);
	c.reason = " \t\xe3\x80\x80\n";  /* spaces, an ideographic one too */
	expect(&c, PROBLEM_REASON_EMPTY, FIELD_REASON);
	c.reason = "理由\xe3\x80";  /* cut in the middle of a character */
	expect(&c, PROBLEM_TEXT_INVALID, FIELD_REASON);
	c.reason = "一行目\r\n\t二行目\x1b";  /* shown sanitized, kept as is */
	expect(&c, PROBLEM_NONE, FIELD_NONE);

	c = good(OP_EXCLUDE);
	c.step = 0;
	expect(&c, PROBLEM_STEP_RANGE, FIELD_STEP);
	c.step = 8;
	expect(&c, PROBLEM_STEP_RANGE, FIELD_STEP);
	change_check(&c, &p);
	assert_int_equal(p.num[0], 8);
	c.step = 7;
	expect(&c, PROBLEM_NONE, FIELD_NONE);

	c = good(OP_EXCLUDE);
	c.author = "\xe3\x80\x80";
	expect(&c, PROBLEM_AUTHOR_MISSING, FIELD_AUTHOR);
	c.author = "\x83\x65\x83\x58\x83\x67";  /* テスト in Shift_JIS */
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_AUTHOR);
	c.author = "山田\n太郎";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_AUTHOR);
	c.author = "山田 太郎";
	expect(&c, PROBLEM_NONE, FIELD_NONE);

	c = good(OP_EXCLUDE);
	c.date = NULL;
	expect(&c, PROBLEM_DATE_MISSING, FIELD_DATE);
	c.date = "2026-02-29";
	expect(&c, PROBLEM_DATE_INVALID, FIELD_DATE);
	c.date = "2026-1-01";
	expect(&c, PROBLEM_DATE_INVALID, FIELD_DATE);
	c.date = "2028-02-29";
	expect(&c, PROBLEM_NONE, FIELD_NONE);

	c = good(OP_EXCLUDE);
	c.target = NULL;
	expect(&c, PROBLEM_TARGET_MISSING, FIELD_TARGET);
	c.target = "";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);
	c.target = " C1";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);
	c.target = "C\xc2\x85" "1";  /* NEL, a C1 control */
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);
	c.target = "C\xff";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);
	c.target = "5.1\xe2\x80\xae" "1.2";  /* RLO: an id that reads as another */
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);

	c = good(OP_EXCLUDE);
	c.op = OP_COUNT;
	expect(&c, PROBLEM_VALUE_UNKNOWN, FIELD_OP);
}

static void test_fields_that_do_not_apply(void **state)
{
	struct change c;

	(void)state;
	c = good(OP_EXCLUDE);
	c.text = "本文";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TEXT);
	c = good(OP_LINK);
	c.parent = "C1";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_PARENT);
	c = good(OP_MERGE);
	c.target = "C1";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TARGET);
	c = good(OP_ADD);
	c.title = "題";
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TITLE);
}

static void test_merge(void **state)
{
	static const char *one[] = { "C2" };
	static const char *twice[] = { "C2", "C3", "C2" };
	static const char *bad[] = { "C2", "C 3\t" };
	struct change c;
	struct problem p;

	(void)state;
	c = good(OP_MERGE);
	c.targets = one;
	c.target_count = 1;
	expect(&c, PROBLEM_MERGE_FEW_TARGETS, FIELD_TARGETS);
	c.targets = twice;
	c.target_count = 3;
	expect(&c, PROBLEM_MERGE_TARGET_TWICE, FIELD_TARGETS);
	change_check(&c, &p);
	assert_string_equal(p.str[0], "C2");
	c.targets = bad;
	c.target_count = 2;
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGETS);
	c = good(OP_MERGE);
	c.item.id = NULL;
	expect(&c, PROBLEM_MERGE_ITEM_MISSING, FIELD_ITEM);
	c = good(OP_MERGE);
	c.item.text = " ";
	expect(&c, PROBLEM_MERGE_ITEM_MISSING, FIELD_ITEM);
	c.item.title = "題だけ";
	expect(&c, PROBLEM_NONE, FIELD_NONE);
	c.item.kind = ITEM_ROOT;
	expect(&c, PROBLEM_VALUE_UNKNOWN, FIELD_ITEM);
}

static void test_add(void **state)
{
	struct change c;

	(void)state;
	c = good(OP_ADD);
	c.after = "C1.1";
	expect(&c, PROBLEM_ADD_PLACE, FIELD_NONE);
	c.parent = NULL;
	expect(&c, PROBLEM_NONE, FIELD_NONE);
	c.after = NULL;
	expect(&c, PROBLEM_ADD_PLACE, FIELD_NONE);
	c = good(OP_ADD);
	c.item.text = "\xe3\x80\x80";
	expect(&c, PROBLEM_ADD_ITEM_MISSING, FIELD_ITEM);
	c = good(OP_ADD);
	c.item.id = "N\n";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_ITEM);
	c = good(OP_ADD);
	c.item.label = "a)\xc0\xaf";  /* an overlong "/" */
	expect(&c, PROBLEM_TEXT_INVALID, FIELD_ITEM);
	c = good(OP_ADD);
	c.source = SOURCE_NONE;
	expect(&c, PROBLEM_SOURCE_KIND_MISSING, FIELD_SOURCE);
	c.source_ref = NULL;
	expect(&c, PROBLEM_NONE, FIELD_NONE);
	c.source = SOURCE_COUNT;
	expect(&c, PROBLEM_VALUE_UNKNOWN, FIELD_SOURCE);
}

static void test_reword(void **state)
{
	struct change c;

	(void)state;
	c = good(OP_REWORD);
	c.text = NULL;
	expect(&c, PROBLEM_REWORD_NOTHING, FIELD_NONE);
	c.title = "";   /* an item may lose its title */
	expect(&c, PROBLEM_NONE, FIELD_NONE);
	c.text = "";    /* but never its text: that is an exclusion */
	expect(&c, PROBLEM_REWORD_TEXT_EMPTY, FIELD_TEXT);
	c.text = " \n\xe3\x80\x80";
	expect(&c, PROBLEM_REWORD_TEXT_EMPTY, FIELD_TEXT);
	c.text = "本文\xed\xa0\x80";  /* a surrogate */
	expect(&c, PROBLEM_TEXT_INVALID, FIELD_TEXT);
}

static void test_split(void **state)
{
	struct change c;
	struct problem p;

	(void)state;
	c = good(OP_SPLIT);
	c.part_count = 1;
	expect(&c, PROBLEM_SPLIT_FEW_PARTS, FIELD_PARTS);
	c = good(OP_SPLIT);
	two_parts[1].text = " ";
	expect(&c, PROBLEM_SPLIT_PART_MISSING, FIELD_PARTS);
	c = good(OP_SPLIT);
	two_parts[1].id = NULL;
	expect(&c, PROBLEM_SPLIT_PART_MISSING, FIELD_PARTS);
	c = good(OP_SPLIT);
	two_parts[1].id = "A";
	expect(&c, PROBLEM_SPLIT_PART_TWICE, FIELD_PARTS);
	change_check(&c, &p);
	assert_string_equal(p.str[0], "A");
	c = good(OP_SPLIT);
	two_parts[0].kind = ITEM_KIND_COUNT;
	expect(&c, PROBLEM_VALUE_UNKNOWN, FIELD_PARTS);
}

static void test_other_ops(void **state)
{
	static const char *bad_marks[] = { ".P", "" };
	static const char *bad_values[] = { "Pre\tventive" };
	struct change c;

	(void)state;
	c = good(OP_LINK);
	c.rule = "\xe3\x80\x80";
	expect(&c, PROBLEM_LINK_RULE_MISSING, FIELD_RULE);
	c.rule = "規程";
	c.note = "注\xff";
	expect(&c, PROBLEM_TEXT_INVALID, FIELD_RULE);

	c = good(OP_LEVEL);
	c.level = (enum item_level)7;
	expect(&c, PROBLEM_VALUE_UNKNOWN, FIELD_LEVEL);

	c = good(OP_TECHNICAL);
	c.review_months = 121;
	expect(&c, PROBLEM_REVIEW_RANGE, FIELD_REVIEW);
	c.review_months = 120;
	expect(&c, PROBLEM_NONE, FIELD_NONE);

	c = good(OP_ATTRIBUTES);
	attrs2[1].type = "control_type";
	expect(&c, PROBLEM_ATTR_TYPE_TWICE, FIELD_ATTRS);
	c = good(OP_ATTRIBUTES);
	attrs2[0].values = bad_values;
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_ATTRS);
	attrs2[0].values = values1;

	c = good(OP_MARKS);
	c.marks = bad_marks;
	c.mark_count = 2;
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_MARKS);
}

static void test_withdraw_retarget(void **state)
{
	struct change c;

	(void)state;
	c = good(OP_WITHDRAW);
	c.ref = 0;
	expect(&c, PROBLEM_CHANGE_MISSING, FIELD_CHANGE);
	c = good(OP_WITHDRAW);
	c.target = "C1";   /* a withdraw names a change, not an item */
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TARGET);
	c = good(OP_EXCLUDE);
	c.ref = 3;         /* only a withdraw or retarget names a change */
	expect(&c, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_CHANGE);
	c = good(OP_WITHDRAW);
	c.reason = " ";    /* the withdraw needs its own reason */
	expect(&c, PROBLEM_REASON_EMPTY, FIELD_REASON);

	c = good(OP_RETARGET);
	c.ref = 0;
	expect(&c, PROBLEM_CHANGE_MISSING, FIELD_CHANGE);
	c = good(OP_RETARGET);
	c.target = NULL;
	expect(&c, PROBLEM_RETARGET_PLACE, FIELD_NONE);
	c.parent = "C1";
	expect(&c, PROBLEM_NONE, FIELD_NONE);
	c.after = "C2";
	expect(&c, PROBLEM_RETARGET_PLACE, FIELD_NONE);
	c = good(OP_RETARGET);
	c.target = "C 9\n";
	expect(&c, PROBLEM_TOKEN_INVALID, FIELD_TARGET);
}

static void expect_ref(const struct change *c, const struct change *earlier, uint32_t count,
		       enum problem_code code, enum change_field field)
{
	struct problem p;
	enum problem_code got = change_check_ref(c, earlier, count, &p);

	if (got != code)
		fail_msg("got %s, want %s", problem_code_name(got), problem_code_name(code));
	if (code)
		assert_int_equal(p.field, field);
}

/* What a withdraw or retarget names, against the changes before it. */
static void test_change_ref(void **state)
{
	struct change earlier[4], c;
	struct problem p;

	(void)state;
	earlier[0] = good(OP_EXCLUDE);
	earlier[1] = good(OP_ADD);
	earlier[2] = good(OP_MERGE);
	earlier[3] = good(OP_WITHDRAW);

	c = good(OP_WITHDRAW);
	for (uint32_t n = 1; n <= 3; n++) {
		c.ref = n;
		expect_ref(&c, earlier, 4, PROBLEM_NONE, FIELD_NONE);
	}
	c.ref = 5;         /* itself: change 5 of 5 */
	expect_ref(&c, earlier, 4, PROBLEM_CHANGE_NOT_EARLIER, FIELD_CHANGE);
	change_check_ref(&c, earlier, 4, &p);
	assert_int_equal(p.num[0], 5);
	assert_int_equal(p.num[1], 5);
	c.ref = 9;         /* one that does not exist */
	expect_ref(&c, earlier, 4, PROBLEM_CHANGE_NOT_EARLIER, FIELD_CHANGE);
	c.ref = 4;         /* a withdraw */
	expect_ref(&c, earlier, 4, PROBLEM_CHANGE_NOT_TAKEABLE, FIELD_CHANGE);
	change_check_ref(&c, earlier, 4, &p);
	assert_string_equal(p.str[0], "withdraw");

	c = good(OP_RETARGET);
	c.ref = 1;
	expect_ref(&c, earlier, 4, PROBLEM_NONE, FIELD_NONE);
	c.ref = 2;         /* an add moves by parent or after */
	expect_ref(&c, earlier, 4, PROBLEM_RETARGET_NEEDS_PLACE, FIELD_TARGET);
	c.target = NULL;
	c.after = "C5";
	expect_ref(&c, earlier, 4, PROBLEM_NONE, FIELD_NONE);
	c.ref = 1;         /* an exclusion moves by target */
	expect_ref(&c, earlier, 4, PROBLEM_RETARGET_NEEDS_TARGET, FIELD_AFTER);
	change_check_ref(&c, earlier, 4, &p);
	assert_string_equal(p.str[0], "exclude");
	c = good(OP_RETARGET);
	c.ref = 3;
	expect_ref(&c, earlier, 4, PROBLEM_RETARGET_MERGE, FIELD_CHANGE);
	c.ref = 4;
	expect_ref(&c, earlier, 4, PROBLEM_CHANGE_NOT_TAKEABLE, FIELD_CHANGE);

	/* Other ops name no change. */
	c = good(OP_EXCLUDE);
	expect_ref(&c, earlier, 0, PROBLEM_NONE, FIELD_NONE);
}

/* Every code has a name and words in both languages, and the words use
 * the arguments. */
static void test_words(void **state)
{
	char buf[512];

	(void)state;
	for (int lang = 0; lang < 2; lang++) {
		i18n_set_language(lang ? LANGUAGE_JA : LANGUAGE_EN);
		for (int code = 1; code < PROBLEM_COUNT; code++) {
			struct problem p = { (enum problem_code)code, FIELD_TARGET, { "X1", "Y2" }, { 2, 3 } };

			assert_true(*problem_code_name(p.code));
			for (int other = 1; other < code; other++)
				assert_string_not_equal(problem_code_name(p.code),
							problem_code_name((enum problem_code)other));
			problem_describe(&p, buf, sizeof(buf));
			if (!*buf || strcmp(buf, problem_code_name(p.code)) == 0)
				fail_msg("%s has no words", problem_code_name(p.code));
		}
	}
	i18n_set_language(LANGUAGE_EN);
	{
		struct problem p = { PROBLEM_MERGE_NESTED, FIELD_TARGETS, { "5a-5.4", "5a" }, { 0, 0 } };

		assert_non_null(strstr(problem_describe(&p, buf, sizeof(buf)), "5a-5.4 lies inside 5a"));
		p = (struct problem){ PROBLEM_KIND_PLACE, FIELD_NONE, { NULL, NULL },
				      { ITEM_PART, ITEM_SECTION } };
		assert_string_equal(problem_describe(&p, buf, sizeof(buf)),
				    "a part cannot be placed inside a section");
		p = (struct problem){ PROBLEM_REWORD_TEXT_EMPTY, FIELD_TEXT, { NULL, NULL }, { 0, 0 } };
		assert_non_null(strstr(problem_describe(&p, buf, sizeof(buf)), "exclude"));
	}
	i18n_set_language(LANGUAGE_JA);
	{
		struct problem p = { PROBLEM_ID_EXISTS, FIELD_NONE, { "Z9", NULL }, { 0, 0 } };

		problem_describe(&p, buf, sizeof(buf));
		assert_non_null(strstr(buf, "Z9"));
		assert_null(strstr(buf, "already exists"));
	}
	i18n_set_language(LANGUAGE_EN);
}

/* ---- the reader: each problem at its field ---------------------------------- */

static const char head[] =
	"format: kijun-tailoring/1\n"
	"id: t\n"
	"base:\n"
	"  catalog: meti-ismk-2025\n"
	"changes:\n";

static void expect_read(const char *change, unsigned line, unsigned column, const char *needle)
{
	char text[2048];
	struct tailoring t;
	struct diag_list d;
	bool found = false;

	snprintf(text, sizeof(text), "%s%s", head, change);
	diag_list_init(&d);
	assert_false(tailoring_read(&t, "t.yaml", text, strlen(text), &d));
	for (size_t i = 0; i < d.count; i++)
		if (d.items[i].line == line && d.items[i].column == column &&
		    strstr(d.items[i].message, needle))
			found = true;
	if (!found) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "  %u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		diag_list_free(&d);
		fail_msg("no problem at %u:%u containing \"%s\"", line, column, needle);
	}
	diag_list_free(&d);
}

#define TAIL "  reason: 理由\n  author: 担当\n  date: '2026-01-01'\n"

static void test_reader_places(void **state)
{
	(void)state;
	/* line 6 is the change's first line */
	expect_read("- op: exclude\n  target: 5a-5.4\n  step: 1\n"
		    "  reason: \"\\u3000 \"\n  author: 担当\n  date: '2026-01-01'\n",
		    9, 3, "every change needs a reason");
	expect_read("- op: exclude\n  target: 5a-5.4\n  step: 1\n"
		    "  reason: 理由\n  author: \"担\\n当\"\n  date: '2026-01-01'\n",
		    10, 3, "must be one line");
	expect_read("- op: merge\n  targets: [5a-5.4, 5a-5.5, 5a-5.4]\n  step: 1\n"
		    "  item:\n    id: M\n    text: まとめ\n" TAIL,
		    7, 3, "5a-5.4 is listed twice in the targets of a merge");
	expect_read("- op: merge\n  targets: [5a-5.4, 5a-5.5]\n  step: 1\n"
		    "  item:\n    id: M\n" TAIL,
		    9, 3, "a merge needs the id and text");
	expect_read("- op: reword\n  target: 5a-5.4\n  step: 1\n  text: ''\n" TAIL,
		    9, 3, "exclude the item instead");
	expect_read("- op: reword\n  target: 5a-5.4\n  step: 1\n" TAIL,
		    6, 3, "a rewording needs a new text or title");
	expect_read("- op: split\n  target: 5a-5.4\n  step: 1\n  parts:\n"
		    "  - id: A\n    text: 一\n  - id: A\n    text: 二\n" TAIL,
		    9, 3, "A is given to two parts");
	expect_read("- op: split\n  target: 5a-5.4\n  step: 1\n  parts:\n"
		    "  - id: A\n    text: 一\n  - id: B\n" TAIL,
		    9, 3, "every part of a split needs an id and a text");
	expect_read("- op: add\n  parent: 5a\n  step: 4\n  item:\n    id: \"N\\x85\"\n"
		    "    text: 追加\n" TAIL,
		    9, 3, "must be one line");
	expect_read("- op: add\n  parent: 5a\n  step: 4\n  item:\n    id: N\n" TAIL,
		    9, 3, "an addition needs the new item's id and text");
	expect_read("- op: link\n  target: 5a-5.4\n  step: 5\n  rule:\n    name: ' '\n" TAIL,
		    9, 3, "a link needs the internal rule's name");
	expect_read("- op: exclude\n  step: 1\n" TAIL, 6, 3, "the change has no target");
}

#define EXCLUDE1 "- op: exclude\n  target: 5a-5.4\n  step: 1\n" TAIL

/* A withdraw or retarget is reported at its `change` key when what it
 * names is wrong. */
static void test_reader_withdraw_places(void **state)
{
	(void)state;
	/* change 2 starts at line 12, its change key on line 13 */
	expect_read(EXCLUDE1 "- op: withdraw\n  change: 2\n  step: 1\n" TAIL,
		    13, 3, "change 2 is not an earlier change of this tailoring (this is change 2)");
	expect_read(EXCLUDE1 "- op: withdraw\n  change: 1\n  step: 1\n" TAIL
		    "- op: withdraw\n  change: 2\n  step: 1\n" TAIL,
		    19, 3, "change 2 (withdraw) cannot be withdrawn");
	expect_read(EXCLUDE1 "- op: retarget\n  change: 1\n  parent: 5a\n  step: 1\n" TAIL,
		    14, 3, "change 1 (exclude) has one target: retarget it with target");
	expect_read(EXCLUDE1 "- op: retarget\n  change: 1\n  step: 1\n" TAIL,
		    12, 3, "exactly one of target, parent and after");
	expect_read(EXCLUDE1 "- op: withdraw\n  step: 1\n" TAIL,
		    12, 3, "needs the position of the change");
	expect_read(EXCLUDE1 "- op: withdraw\n  change: 1\n  target: 5a-5.4\n  step: 1\n" TAIL,
		    14, 3, "\"target\" does not apply to withdraw");
	expect_read(EXCLUDE1 "- op: withdraw\n  change: 0\n  step: 1\n" TAIL,
		    13, 11, "change");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_op_good),
		cmocka_unit_test(test_scope_ops),
		cmocka_unit_test(test_type_op),
		cmocka_unit_test(test_common_fields),
		cmocka_unit_test(test_fields_that_do_not_apply),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_reword),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_other_ops),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_reader_places),
		cmocka_unit_test(test_withdraw_retarget),
		cmocka_unit_test(test_change_ref),
		cmocka_unit_test(test_reader_withdraw_places),
	};

	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
