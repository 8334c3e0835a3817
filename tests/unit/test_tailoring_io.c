/* Tailoring files: the guideline example loads and saves back byte for
 * byte, every field survives write -> read -> write, every problem is
 * reported at file:line:column, saving is atomic and keeps what it should,
 * and a workspace opens a tailoring with everything it stands on. */
#include <errno.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "test_util.h"
#include "kijun/change_check.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/tailoring.h"
#include "kijun/tailoring_io.h"
#include "kijun/file_format.h"
#include "kijun/workspace_io.h"

#define EXAMPLE "data/examples/guideline-examples.yaml"

/* ---- helpers --------------------------------------------------------------- */

static char *write_to_string(const struct tailoring *t, size_t *len)
{
	struct strbuf out;

	strbuf_init(&out);
	assert_true(tailoring_write(t, &out));
	return strbuf_detach(&out, len);
}

static char *read_whole(const char *path, size_t *len)
{
	struct diag_list d;
	char *buf;

	diag_list_init(&d);
	if (!file_read_all(path, &buf, len, &d))
		fail_msg("cannot read %s", path);
	diag_list_free(&d);
	return buf;
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void print_diags(const struct diag_list *d)
{
	for (size_t i = 0; i < d->count; i++)
		fprintf(stderr, "  got %s:%u:%u: %s\n", d->items[i].file ? d->items[i].file : "",
			d->items[i].line, d->items[i].column, d->items[i].message);
}

static bool any_message_has(const struct diag_list *d, const char *needle)
{
	for (size_t i = 0; i < d->count; i++)
		if (strstr(d->items[i].message, needle))
			return true;
	return false;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D)
		chmod(path, 0700);
	return remove(path);
}

struct tmp {
	char dir[64];
};

static void tmp_make(struct tmp *t)
{
	strcpy(t->dir, "/tmp/kijun-tio-XXXXXX");
	if (!mkdtemp(t->dir))
		fail_msg("mkdtemp: %s", strerror(errno));
}

static void tmp_remove(struct tmp *t)
{
	chmod(t->dir, 0700);
	nftw(t->dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

static char *tmp_path(const struct tmp *t, const char *name)
{
	size_t n = strlen(t->dir) + strlen(name) + 2;
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s/%s", t->dir, name);
	return p;
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

/* Names in dir holding `part`. */
static unsigned count_named(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strstr(e->d_name, part) != NULL;
	closedir(d);
	return n;
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

#define SAME(a, b) do { if (!str_eq((a), (b))) \
	fail_msg("%s: \"%s\" != \"%s\"", #a, (a) ? (a) : "(null)", (b) ? (b) : "(null)"); } while (0)

static void same_item(const struct new_item *a, const struct new_item *b)
{
	SAME(a->id, b->id);
	SAME(a->label, b->label);
	SAME(a->title, b->title);
	SAME(a->text, b->text);
	assert_int_equal(a->kind, b->kind);
}

/* Everything a change carries, field by field. */
static void same_change(const struct change *a, const struct change *b)
{
	assert_int_equal(a->op, b->op);
	assert_int_equal(a->step, b->step);
	assert_int_equal(a->ref, b->ref);
	SAME(a->target, b->target);
	assert_int_equal(a->target_count, b->target_count);
	for (uint32_t k = 0; k < a->target_count; k++)
		SAME(a->targets[k], b->targets[k]);
	SAME(a->parent, b->parent);
	SAME(a->after, b->after);
	if (a->op == OP_ADD || a->op == OP_MERGE)
		same_item(&a->item, &b->item);
	assert_int_equal(a->part_count, b->part_count);
	for (uint32_t k = 0; k < a->part_count; k++)
		same_item(&a->parts[k], &b->parts[k]);
	SAME(a->text, b->text);
	SAME(a->title, b->title);
	assert_int_equal(a->source, b->source);
	SAME(a->source_ref, b->source_ref);
	SAME(a->rule, b->rule);
	SAME(a->rule_section, b->rule_section);
	SAME(a->note, b->note);
	assert_int_equal(a->level, b->level);
	assert_int_equal(a->technical, b->technical);
	assert_int_equal(a->review_months, b->review_months);
	assert_int_equal(a->attr_count, b->attr_count);
	for (uint32_t k = 0; k < a->attr_count; k++) {
		SAME(a->attrs[k].type, b->attrs[k].type);
		assert_int_equal(a->attrs[k].count, b->attrs[k].count);
		for (uint32_t v = 0; v < a->attrs[k].count; v++)
			SAME(a->attrs[k].values[v], b->attrs[k].values[v]);
	}
	assert_int_equal(a->mark_count, b->mark_count);
	for (uint32_t k = 0; k < a->mark_count; k++)
		SAME(a->marks[k], b->marks[k]);
	SAME(a->reason, b->reason);
	SAME(a->author, b->author);
	SAME(a->date, b->date);
}

static struct change mk(enum change_op op, const char *target, unsigned step)
{
	struct change c;

	memset(&c, 0, sizeof(c));
	c.op = op;
	c.step = (uint8_t)step;
	c.target = target;
	c.item.kind = -1;
	c.reason = "理由があるため。";
	c.author = "情報セキュリティ委員会事務局";
	c.date = "2026-11-25";
	return c;
}

static void append(struct tailoring *t, const struct change *c)
{
	struct problem p;

	if (change_check(c, &p))
		fail_msg("test change %u: %s", t->count, problem_code_name(p.code));
	assert_true(tailoring_append(t, c) >= 0);
}

/* ---- the guideline example ------------------------------------------------- */

static void test_example_loads(void **state)
{
	static const enum change_op ops[] = { OP_REWORD, OP_REWORD, OP_ADD, OP_ADD, OP_REWORD, OP_ADD };
	static const char *const targets[] = { "5a-5.4", "4.8.2.2/6", NULL, NULL, "7a-7.2.3/f", NULL };
	static const char *const afters[] = { NULL, NULL, "4.8.2.2/6", NULL, NULL, "7a-7.5.5/d" };
	static const char *const parents[] = { NULL, NULL, NULL, "5b-5.9.2", NULL, NULL };
	static const char *const ids[] = { NULL, NULL, "4.8.2.2/7", "5b-5.9.2.1", NULL, "7a-7.5.5/e" };
	static const unsigned steps[] = { 1, 4, 4, 4, 4, 4 };
	struct tailoring t;
	struct diag_list d;
	struct problem p;

	(void)state;
	diag_list_init(&d);
	if (!tailoring_load_file(&t, EXAMPLE, &d)) {
		print_diags(&d);
		fail_msg("%s does not load", EXAMPLE);
	}
	assert_int_equal(d.count, 0);
	assert_string_equal(t.id, "guideline-examples");
	assert_int_equal(t.base.kind, BASE_CATALOG);
	assert_string_equal(t.base.id, "meti-ismk-2025");
	assert_string_equal(t.base.edition, "令和7年3月改訂版");
	assert_int_equal(strncmp(t.base.hash, "sha256:", 7), 0);
	assert_int_equal(strlen(t.base.hash), 7 + 64);
	assert_null(t.base.file);
	assert_string_equal(t.organization, "例示用の組織");
	assert_int_equal(t.count, 6);
	for (uint32_t k = 0; k < t.count; k++) {
		const struct change *c = &t.changes[k];

		assert_int_equal(c->op, ops[k]);
		SAME(c->target, targets[k]);
		SAME(c->after, afters[k]);
		SAME(c->parent, parents[k]);
		if (ids[k])
			SAME(c->item.id, ids[k]);
		assert_int_equal(c->step, steps[k]);
		assert_non_null(c->reason);
		assert_true(strlen(c->reason) > 0);
		assert_int_equal(change_check(c, &p), PROBLEM_NONE);
		assert_string_equal(c->author, "情報セキュリティ委員会事務局");
		assert_string_equal(c->date, "2026-11-25");
		if (c->op == OP_ADD) {
			assert_int_equal(c->source, SOURCE_ORGANIZATION);
			assert_non_null(c->source_ref);
		}
	}
	assert_string_equal(t.changes[2].item.label, "・");
	assert_string_equal(t.changes[5].item.label, "e)");
	assert_null(t.changes[3].item.label);
	assert_int_equal(t.changes[3].item.kind, -1);
	/* Lines where each change starts. */
	assert_int_equal(t.changes[0].line, 11);
	assert_int_equal(t.changes[1].line, 18);
	tailoring_free(&t);
	diag_list_free(&d);
}

static void test_example_saves_back_byte_for_byte(void **state)
{
	struct tailoring t;
	struct diag_list d;
	size_t flen, len;
	char *file, *out;

	(void)state;
	diag_list_init(&d);
	file = read_whole(EXAMPLE, &flen);
	assert_true(tailoring_read(&t, EXAMPLE, file, flen, &d));
	out = write_to_string(&t, &len);
	if (len != flen || memcmp(out, file, len) != 0)
		fail_msg("load -> write differs from %s:\n%s", EXAMPLE, out);
	free(out);
	free(file);
	tailoring_free(&t);
	diag_list_free(&d);
}

/* ---- every op and every optional field ---------------------------------------- */

static struct attr_value risk_values[] = {
	{ "High", "高", "High" },
	{ "Low", "低", "Low" },
};
static struct attr_value owner_values[] = {
	{ "IT", "情報システム部", NULL },
	{ "HR", "人事部", NULL },
};
static struct attr_type org_types[] = {
	{ "org_risk", "組織のリスク", "Organization risk", risk_values, 2 },
	{ "owner", "主管部署", NULL, owner_values, 2 },
};

static void build_everything(struct tailoring *t)
{
	struct new_item parts[3] = {
		{ "5a-5.1a", NULL, "方針の策定", "方針を策定する。", ITEM_CONTROL },
		{ "5a-5.1b", NULL, NULL, "方針を承認する。", -1 },
		{ "5a-5.1/x", "x)", NULL, "見出しのない部分", ITEM_ENTRY },
	};
	const char *targets[] = { "5a-5.2", "5a-5.3", "5a-5.4" };
	const char *ct[] = { "Preventive", "Detective" };
	const char *risk[] = { "High" };
	const char *marks[] = { ".P", ".PB" };
	struct attr_setting attrs[] = {
		{ "control_type", ct, 2 },
		{ "org_risk", risk, 1 },
		{ "properties", NULL, 0 },
	};
	struct change c;

	tailoring_init(t);
	t->id = tailoring_strdup(t, "corp-2026");
	t->title = tailoring_strdup(t, "株式会社例の個別管理基準");
	t->base.kind = BASE_TAILORING;
	t->base.id = tailoring_strdup(t, "sector-x");
	t->base.edition = tailoring_strdup(t, "2026年版");
	t->base.hash = tailoring_strdup(t, "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	t->base.file = tailoring_strdup(t, "../profiles/sector x.yaml");
	t->organization = tailoring_strdup(t, "株式会社例");
	t->scope = tailoring_strdup(t, "本社及び全ての支店\n（海外拠点を除く）\n");
	t->policy.awareness = tailoring_strdup(t, "年に一度の研修で共有する。");
	t->policy.targets = tailoring_strdup(t, "許容できるリスクの水準を取締役会が定める。");
	t->policy.monitoring = tailoring_strdup(t, "四半期ごとに経営会議へ報告する。");
	t->policy.feedback = tailoring_strdup(t, "内部監査の結果を翌年度の計画に反映する。");
	t->types = org_types;
	t->type_count = 2;

	c = mk(OP_EXCLUDE, "5a-5.7", 1);
	append(t, &c);
	c = mk(OP_INCLUDE, "5a-5.7", 6);
	c.author = "監査室";
	append(t, &c);
	c = mk(OP_REWORD, "5a-5.1", 1);
	c.text = "一行目\n二行目\n";
	c.title = "情報セキュリティのための方針群";
	append(t, &c);
	c = mk(OP_REWORD, "5a-5.2", 1);
	c.title = "役割及び責任";
	append(t, &c);
	c = mk(OP_SPLIT, "5a-5.1", 1);
	c.parts = parts;
	c.part_count = 3;
	append(t, &c);
	c = mk(OP_MERGE, NULL, 1);
	c.targets = targets;
	c.target_count = 3;
	c.item.id = "5a-5.2-4";
	c.item.kind = ITEM_CONTROL;
	c.item.title = "役割、分離及び責任";
	c.item.text = "役割を定め、職務を分離し、管理層が責任を負う。";
	append(t, &c);
	c = mk(OP_ADD, NULL, 2);
	c.parent = "5b-5.9.2";
	c.item.id = "5b-5.9.2.1";
	c.item.kind = ITEM_DETAIL;
	c.item.title = "個人情報の目録";
	c.item.text = "個人情報を含む文書は専用の目録で管理する。";
	c.source = SOURCE_LAW;
	c.source_ref = "個人情報保護法 第23条";
	append(t, &c);
	c = mk(OP_ADD, NULL, 3);
	c.after = "7a-7.5.5/d";
	c.item.id = "7a-7.5.5/e";
	c.item.label = "e)";
	c.item.text = "地震：揺れの影響を抑えられる場所に保管する。";
	c.source = SOURCE_STANDARD;
	append(t, &c);
	c = mk(OP_ADD, NULL, 4);
	c.parent = "4.8.2.2";
	c.item.id = "4.8.2.2/7";
	c.item.text = "true";   /* text YAML would misread if written plain */
	c.source = SOURCE_INTERNAL_RULE;
	c.source_ref = "文書管理規程";
	append(t, &c);
	c = mk(OP_ADD, NULL, 4);
	c.after = "5a-5.7";
	c.item.id = "5a-5.7x";
	c.item.title = "追加の管理策";
	append(t, &c);
	c = mk(OP_LINK, "5a-5.1", 5);
	c.rule = "情報セキュリティ基本方針";
	c.rule_section = "第3条";
	c.note = "改定時に相互に確認する";
	append(t, &c);
	c = mk(OP_LINK, "5a-5.1", 5);
	c.rule = "文書管理規程";
	append(t, &c);
	c = mk(OP_LEVEL, "5a-5.5", 6);
	c.level = LEVEL_MANDATORY;
	append(t, &c);
	c = mk(OP_LEVEL, "5a-5.6", 6);
	c.level = LEVEL_RECOMMENDED;
	append(t, &c);
	c = mk(OP_LEVEL, "5a-5.6", 6);
	c.level = LEVEL_NONE;
	append(t, &c);
	c = mk(OP_TECHNICAL, "8.5", 7);
	c.technical = true;
	c.review_months = 6;
	append(t, &c);
	c = mk(OP_TECHNICAL, "8.6", 7);
	c.technical = false;
	append(t, &c);
	c = mk(OP_ATTRIBUTES, "5a-5.1", 6);
	c.attrs = attrs;
	c.attr_count = 3;
	append(t, &c);
	c = mk(OP_MARKS, "5a-5.1", 6);
	c.marks = marks;
	c.mark_count = 2;
	append(t, &c);
	c = mk(OP_MARKS, "5a-5.2", 6);   /* no marks at all */
	c.date = "2024-02-29";
	append(t, &c);
	c = mk(OP_WITHDRAW, NULL, 1);    /* takes back the exclusion, change 1 */
	c.ref = 1;
	append(t, &c);
	c = mk(OP_RETARGET, "5a-5.3", 1);  /* points the rewording, change 3, elsewhere */
	c.ref = 3;
	append(t, &c);
}

static void test_everything_round_trips(void **state)
{
	struct tailoring t, t2;
	struct diag_list d;
	size_t len, len2;
	char *s1, *s2;

	(void)state;
	diag_list_init(&d);
	build_everything(&t);
	s1 = write_to_string(&t, &len);
	if (!tailoring_read(&t2, "everything.yaml", s1, len, &d)) {
		print_diags(&d);
		fail_msg("what was written does not load:\n%s", s1);
	}
	s2 = write_to_string(&t2, &len2);
	if (len != len2 || memcmp(s1, s2, len) != 0)
		fail_msg("write -> read -> write differs:\n%s\n----\n%s", s1, s2);
	/* The change a withdraw or retarget takes comes right after op. */
	assert_non_null(strstr(s1, "- op: withdraw\n  change: 1\n  step: 1\n  reason: "));
	assert_non_null(strstr(s1, "- op: retarget\n  change: 3\n  target: 5a-5.3\n  step: 1\n"));

	/* And every field came back. */
	SAME(t2.id, t.id);
	SAME(t2.title, t.title);
	assert_int_equal(t2.base.kind, BASE_TAILORING);
	SAME(t2.base.id, t.base.id);
	SAME(t2.base.edition, t.base.edition);
	SAME(t2.base.hash, t.base.hash);
	SAME(t2.base.file, t.base.file);
	SAME(t2.organization, t.organization);
	SAME(t2.scope, t.scope);
	SAME(t2.policy.awareness, t.policy.awareness);
	SAME(t2.policy.targets, t.policy.targets);
	SAME(t2.policy.monitoring, t.policy.monitoring);
	SAME(t2.policy.feedback, t.policy.feedback);
	assert_int_equal(t2.type_count, 2);
	for (uint32_t k = 0; k < 2; k++) {
		SAME(t2.types[k].id, org_types[k].id);
		SAME(t2.types[k].label, org_types[k].label);
		SAME(t2.types[k].label_en, org_types[k].label_en);
		assert_int_equal(t2.types[k].value_count, 2);
		for (uint32_t v = 0; v < 2; v++) {
			SAME(t2.types[k].values[v].id, org_types[k].values[v].id);
			SAME(t2.types[k].values[v].label, org_types[k].values[v].label);
			SAME(t2.types[k].values[v].label_en, org_types[k].values[v].label_en);
		}
	}
	assert_int_equal(t2.count, t.count);
	for (uint32_t k = 0; k < t.count; k++)
		same_change(&t2.changes[k], &t.changes[k]);
	/* Read changes know their lines, in order. */
	for (uint32_t k = 1; k < t2.count; k++)
		assert_true(t2.changes[k].line > t2.changes[k - 1].line);
	free(s1);
	free(s2);
	tailoring_free(&t);
	tailoring_free(&t2);
	diag_list_free(&d);
}

static void test_numbers_and_booleans_are_plain(void **state)
{
	struct tailoring t;
	size_t len;
	char *s;

	(void)state;
	build_everything(&t);
	s = write_to_string(&t, &len);
	assert_non_null(strstr(s, "\n  step: 4\n"));
	assert_non_null(strstr(s, "\n  step: 7\n"));
	assert_non_null(strstr(s, "\n  review_months: 6\n"));
	assert_non_null(strstr(s, "\n  technical: true\n"));
	assert_non_null(strstr(s, "\n  technical: false\n"));
	assert_non_null(strstr(s, "\n  level: none\n"));
	assert_null(strstr(s, "step: '"));
	assert_null(strstr(s, "step: \""));
	assert_null(strstr(s, "review_months: '"));
	assert_null(strstr(s, "technical: '"));
	/* The text "true" must not read back as a boolean: it is quoted. */
	assert_null(strstr(s, "text: true\n"));
	/* No review interval is written when there is none. */
	assert_int_equal(strstr(strstr(s, "technical: false"), "review_months") == NULL, 1);
	free(s);
	tailoring_free(&t);
}

/* ---- problems, at file:line:column -------------------------------------------- */

static const char good[] =
	"format: kijun-tailoring/1\n"     /* 1 */
	"id: t\n"                         /* 2 */
	"base:\n"                         /* 3 */
	"  catalog: meti-ismk-2025\n"     /* 4 */
	"changes:\n"                      /* 5 */
	"- op: exclude\n"                 /* 6 */
	"  target: 5a-5.4\n"              /* 7 */
	"  step: 1\n"                     /* 8 */
	"  reason: 不要\n"                /* 9 */
	"  author: 担当\n"                /* 10 */
	"  date: '2026-01-01'\n";         /* 11 */

static const char good_add[] =
	"format: kijun-tailoring/1\n"     /* 1 */
	"id: t\n"                         /* 2 */
	"base:\n"                         /* 3 */
	"  catalog: meti-ismk-2025\n"     /* 4 */
	"changes:\n"                      /* 5 */
	"- op: add\n"                     /* 6 */
	"  after: 7a-7.5.5/d\n"           /* 7 */
	"  step: 4\n"                     /* 8 */
	"  item:\n"                       /* 9 */
	"    id: 7a-7.5.5/e\n"            /* 10 */
	"    label: e)\n"                 /* 11 */
	"    text: 地震\n"                /* 12 */
	"  source:\n"                     /* 13 */
	"    kind: organization\n"        /* 14 */
	"  reason: 理由\n"                /* 15 */
	"  author: 担当\n"                /* 16 */
	"  date: '2026-01-01'\n";         /* 17 */

static const char good_level[] =
	"format: kijun-tailoring/1\n"     /* 1 */
	"id: t\n"                         /* 2 */
	"base:\n"                         /* 3 */
	"  catalog: meti-ismk-2025\n"     /* 4 */
	"changes:\n"                      /* 5 */
	"- op: level\n"                   /* 6 */
	"  target: 5a-5.4\n"              /* 7 */
	"  level: mandatory\n"            /* 8 */
	"  step: 6\n"                     /* 9 */
	"  reason: 理由\n"                /* 10 */
	"  author: 担当\n"                /* 11 */
	"  date: '2026-01-01'\n";         /* 12 */

/* The text with line n (1-based) replaced. */
static char *with_line(const char *text, unsigned n, const char *replacement)
{
	return test_with_line(text, n, replacement);
}

static void expect_loads(const char *text)
{
	struct tailoring t;
	struct diag_list d;

	diag_list_init(&d);
	if (!tailoring_read(&t, "t.yaml", text, strlen(text), &d)) {
		print_diags(&d);
		fail_msg("does not load:\n%s", text);
	}
	tailoring_free(&t);
	diag_list_free(&d);
}

/* Loading fails with a problem at line:column whose message contains
 * `needle`, and *t is left empty. */
static void expect_problem(const char *text, unsigned line, unsigned column, const char *needle)
{
	struct tailoring t;
	struct diag_list d;
	bool found = false;

	diag_list_init(&d);
	assert_false(tailoring_read(&t, "t.yaml", text, strlen(text), &d));
	assert_true(diag_any(&d));
	assert_int_equal(t.count, 0);
	assert_null(t.id);
	for (size_t i = 0; i < d.count; i++) {
		assert_string_equal(d.items[i].file, "t.yaml");
		if (d.items[i].line == line && d.items[i].column == column &&
		    strstr(d.items[i].message, needle))
			found = true;
	}
	if (!found) {
		print_diags(&d);
		fail_msg("no problem at %u:%u containing \"%s\"", line, column, needle);
	}
	diag_list_free(&d);
}

#define WITH(base, n, repl, line, col, needle) do { \
	char *t_ = with_line((base), (n), (repl)); \
	expect_problem(t_, (line), (col), (needle)); \
	free(t_); } while (0)

static void test_good_texts_load(void **state)
{
	(void)state;
	expect_loads(good);
	expect_loads(good_add);
	expect_loads(good_level);
}

static void test_malformed_yaml(void **state)
{
	char *t = with_line(good, 7, "  target: [5a-5.4\n");
	struct tailoring tl;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_false(tailoring_read(&tl, "t.yaml", t, strlen(t), &d));
	{
		bool found = false;

		for (size_t i = 0; i < d.count; i++) {
			assert_string_equal(d.items[i].file, "t.yaml");
			if (strstr(d.items[i].message, "YAML syntax error")) {
				found = true;
				assert_true(d.items[i].line >= 7);
				assert_true(d.items[i].column >= 1);
			}
		}
		if (!found) {
			print_diags(&d);
			fail_msg("no YAML syntax error reported");
		}
	}
	diag_list_free(&d);
	free(t);
	/* A tab where YAML wants spaces. */
	WITH(good, 8, "\tstep: 1\n", 8, 1, "YAML syntax error");
}

static void test_unknown_key(void **state)
{
	(void)state;
	WITH(good, 7, "  traget: 5a-5.4\n", 7, 3,
	     "unknown key \"traget\" in change; did you mean \"target\"?");
	WITH(good, 10, "  auther: 担当\n", 10, 3, "did you mean \"author\"?");
	/* At the top level too. */
	WITH(good, 2, "idd: t\n", 2, 1, "did you mean \"id\"?");
	/* In the base. */
	WITH(good, 4, "  catalog: meti-ismk-2025\n  hsah: sha256:00\n", 5, 3,
	     "did you mean \"hash\"?");
}

static void test_field_that_does_not_apply(void **state)
{
	(void)state;
	WITH(good, 10, "  text: 新しい文\n  author: 担当\n", 10, 3,
	     "\"text\" does not apply to exclude");
	WITH(good, 10, "  level: mandatory\n  author: 担当\n", 10, 3,
	     "\"level\" does not apply to exclude");
	WITH(good_level, 7, "  target: 5a-5.4\n  review_months: 6\n", 8, 3,
	     "\"review_months\" does not apply to level");
	WITH(good_add, 7, "  after: 7a-7.5.5/d\n  target: 7a-7.5.5\n", 8, 3,
	     "\"target\" does not apply to add");
}

static void test_reason_problems(void **state)
{
	(void)state;
	WITH(good, 9, "\n", 6, 3, "change has no \"reason\"");
	WITH(good, 9, "  reason: ''\n", 9, 3, "every change needs a reason");
	WITH(good, 9, "  reason:\n", 9, 3, "every change needs a reason");
	WITH(good, 9, "  reason: '   '\n", 9, 3, "every change needs a reason");
	WITH(good, 9, "  reason: \"\\t \\n\"\n", 9, 3, "every change needs a reason");
	WITH(good, 9, "  reason: \xe3\x80\x80\xe3\x80\x80\n", 9, 3, "every change needs a reason");
	WITH(good, 9, "  reason: ' \xe3\x80\x80 '\n", 9, 3, "every change needs a reason");
}

static void test_step_problems(void **state)
{
	char *ok;

	(void)state;
	/* 0 is the risk basis's step: an item change is refused it. */
	WITH(good, 8, "  step: 0\n", 8, 3, "the step must be 1 to 7");
	WITH(good, 8, "  step: 9\n", 8, 9, "step must be a whole number from 0 to 7, not \"9\"");
	WITH(good, 8, "  step: 8\n", 8, 9, "from 0 to 7");
	WITH(good, 8, "  step: four\n", 8, 9, "not \"four\"");
	WITH(good, 8, "  step: -1\n", 8, 9, "from 0 to 7");
	WITH(good, 8, "  step: 1.5\n", 8, 9, "from 0 to 7");
	WITH(good, 8, "\n", 6, 3, "change has no \"step\"");
	ok = with_line(good, 8, "  step: 7\n");
	expect_loads(ok);
	free(ok);
}

static void test_date_problems(void **state)
{
	char *ok;

	(void)state;
	WITH(good, 11, "  date: '2026-02-30'\n", 11, 9,
	     "date must be a date written YYYY-MM-DD, not \"2026-02-30\"");
	WITH(good, 11, "  date: 2026/01/01\n", 11, 9, "not \"2026/01/01\"");
	WITH(good, 11, "  date: '2025-02-29'\n", 11, 9, "YYYY-MM-DD");
	WITH(good, 11, "  date: 2026-1-1\n", 11, 9, "YYYY-MM-DD");
	WITH(good, 11, "  date: 2026-13-01\n", 11, 9, "YYYY-MM-DD");
	ok = with_line(good, 11, "  date: 2024-02-29\n");
	expect_loads(ok);
	free(ok);
}

static void test_unknown_names(void **state)
{
	(void)state;
	WITH(good, 6, "- op: delete\n", 6, 7, "unknown operation \"delete\"");
	WITH(good_add, 14, "    kind: company\n", 14, 11, "unknown source \"company\"");
	WITH(good_level, 8, "  level: must\n", 8, 10, "unknown level \"must\"");
	WITH(good_add, 10, "    id: 7a-7.5.5/e\n    kind: detial\n", 11, 11, "unknown kind \"detial\"");
	WITH(good_level, 8, "  level: [mandatory]\n", 8, 10, "level must be a single value");
}

static void test_base_problems(void **state)
{
	(void)state;
	WITH(good, 4, "  catalog: meti-ismk-2025\n  tailoring: sector-x\n  file: s.yaml\n", 4, 3,
	     "either a catalog or a tailoring, not both");
	WITH(good, 4, "  tailoring: sector-x\n", 4, 3, "a base tailoring needs its file");
	WITH(good, 4, "  edition: x\n", 4, 3, "the base names neither a catalog nor a tailoring");
	expect_problem("format: kijun-tailoring/1\nid: t\nchanges: []\n", 1, 1,
		       "the tailoring has no \"base\"");
}

/* The hash's problem is reported where the hash is (line 5), not where
 * the base mapping starts (line 4). */
static void test_base_hash_problem(void **state)
{
	char *text = with_line(good, 4, "  catalog: meti-ismk-2025\n  hash: md5:0123\n");
	struct tailoring t;
	struct diag_list d;
	unsigned line = 0, column = 0;
	bool ok;

	(void)state;
	diag_list_init(&d);
	ok = tailoring_read(&t, "t.yaml", text, strlen(text), &d);
	free(text);
	for (size_t i = 0; i < d.count; i++) {
		if (strstr(d.items[i].message, "the base hash must start with sha256:")) {
			line = d.items[i].line;
			column = d.items[i].column;
		}
	}
	diag_list_free(&d);
	assert_false(ok);
	if (line != 5 || column != 9)
		fail_msg("the bad hash on line 5, column 9 is reported at %u:%u", line, column);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Reported at the character, counted in characters. */
	WITH(good, 9, "  reason: 不\xe9\x87 要\n", 9, 12, "invalid UTF-8 (byte 0xE9)");
}

static void test_second_document(void **state)
{
	char two[sizeof(good) + 32];

	(void)state;
	snprintf(two, sizeof(two), "%s---\nx: 1\n", good);
	expect_problem(two, 12, 1, "only one YAML document");
}

static void test_not_a_tailoring(void **state)
{
	(void)state;
	expect_problem("", 0, 0, "the file is empty");
	expect_problem("- a\n", 1, 1, "must be a mapping");
	WITH(good, 1, "format: kijun-tailoring/2\n", 1, 9,
	     "format \"kijun-tailoring/2\" is not one this kijun reads");
	/* Reported where the top-level mapping starts. */
	WITH(good, 1, "\n", 2, 1, "the tailoring has no \"format\"");
}

static void test_every_problem_sorted(void **state)
{
	static const char text[] =
		"format: kijun-tailoring/1\n"     /* 1 */
		"id: t\n"                         /* 2 */
		"base:\n"                         /* 3 */
		"  catalog: meti-ismk-2025\n"     /* 4 */
		"changes:\n"                      /* 5 */
		"- op: exclude\n"                 /* 6: no reason (found at the end) */
		"  target: 5a-5.4\n"              /* 7 */
		"  step: 9\n"                     /* 8: bad step */
		"  author: 担当\n"                /* 9 */
		"  date: '2026-02-30'\n"          /* 10: bad date */
		"- op: reword\n"                  /* 11 */
		"  target: 5a-5.4\n"              /* 12 */
		"  step: 1\n"                     /* 13 */
		"  text: 新しい文\n"              /* 14 */
		"  colour: red\n"                 /* 15: unknown key */
		"  reason: 理由\n"                /* 16 */
		"  author: 担当\n"                /* 17 */
		"  date: '2026-01-01'\n"          /* 18 */
		"- op: delete\n"                  /* 19: unknown op */
		"  target: 5a-5.4\n"              /* 20 */
		"  step: 1\n"                     /* 21 */
		"  reason: 理由\n"                /* 22 */
		"  author: 担当\n"                /* 23 */
		"  date: '2026-01-01'\n";         /* 24 */
	static const unsigned lines[] = { 6, 8, 10, 15, 19 };
	struct tailoring t;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_false(tailoring_read(&t, "t.yaml", text, strlen(text), &d));
	for (size_t k = 0; k < sizeof(lines) / sizeof(lines[0]); k++) {
		bool found = false;

		for (size_t i = 0; i < d.count; i++)
			found |= d.items[i].line == lines[k];
		if (!found) {
			print_diags(&d);
			fail_msg("no problem reported at line %u", lines[k]);
		}
	}
	for (size_t i = 1; i < d.count; i++) {
		assert_true(d.items[i - 1].line < d.items[i].line ||
			    (d.items[i - 1].line == d.items[i].line &&
			     d.items[i - 1].column <= d.items[i].column));
	}
	assert_true(any_message_has(&d, "change has no \"reason\""));
	assert_true(any_message_has(&d, "unknown key \"colour\""));
	assert_true(any_message_has(&d, "unknown operation \"delete\""));
	diag_list_free(&d);
}

/* Split parts and merge targets are checked on their own as well. */
static void test_change_checked_on_its_own(void **state)
{
	static const char split1[] =
		"format: kijun-tailoring/1\n"
		"id: t\n"
		"base:\n"
		"  catalog: meti-ismk-2025\n"
		"changes:\n"
		"- op: split\n"                  /* 6 */
		"  target: 5a-5.4\n"
		"  step: 1\n"
		"  parts:\n"
		"  - id: 5a-5.4a\n"
		"    text: 一つだけ\n"
		"  reason: 理由\n"
		"  author: 担当\n"
		"  date: '2026-01-01'\n";
	static const char merge1[] =
		"format: kijun-tailoring/1\n"
		"id: t\n"
		"base:\n"
		"  catalog: meti-ismk-2025\n"
		"changes:\n"
		"- op: merge\n"                  /* 6 */
		"  targets: [5a-5.4]\n"
		"  step: 1\n"
		"  item:\n"
		"    id: M\n"
		"    text: まとめ\n"
		"  reason: 理由\n"
		"  author: 担当\n"
		"  date: '2026-01-01'\n";

	(void)state;
	expect_problem(split1, 9, 3, "a split needs at least two parts");
	expect_problem(merge1, 7, 3, "a merge needs at least two targets");
	WITH(good_add, 7, "  after: 7a-7.5.5/d\n  parent: 7a-7.5.5\n", 6, 3,
	     "either a parent or an item to follow");
	WITH(good_add, 10, "    kind: entry\n", 10, 5, "item has no \"id\"");
}

/* ---- file_format_of ------------------------------------------------------- */

static enum file_format fmt(const char *s)
{
	return file_format_of(s, strlen(s));
}

static void test_file_format_of(void **state)
{
	size_t len;
	const char *builtin = catalog_builtin_text(&len);
	char *example;

	(void)state;
	assert_int_equal(file_format_of(builtin, len), FORMAT_CATALOG);
	example = read_whole(EXAMPLE, &len);
	assert_int_equal(file_format_of(example, len), FORMAT_TAILORING);
	free(example);
	assert_int_equal(fmt(good), FORMAT_TAILORING);
	assert_int_equal(fmt("format: kijun-catalog/1\nid: c\n"), FORMAT_CATALOG);
	/* format need not be the first key. */
	assert_int_equal(fmt("id: c\ntitle: t\nitems: [{id: a, kind: part}]\nformat: kijun-catalog/1\n"),
			 FORMAT_CATALOG);
	assert_int_equal(fmt("id: t\nbase:\n  catalog: x\nformat: kijun-tailoring/1\n"),
			 FORMAT_TAILORING);
	/* Other YAML. */
	assert_int_equal(fmt("name: something\nversion: 3\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt("format: markdown\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt("format: kijun-catalog/\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt("base:\n  format: kijun-tailoring/1\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt("- format: kijun-tailoring/1\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt("format: [kijun-tailoring/1]\n"), FORMAT_UNKNOWN);
	assert_int_equal(fmt(""), FORMAT_UNKNOWN);
	assert_int_equal(fmt("format: [unclosed\n"), FORMAT_UNKNOWN);
}

/* ---- saving -------------------------------------------------------------------- */

static void small_tailoring(struct tailoring *t, const char *reason)
{
	struct change c = mk(OP_EXCLUDE, "5a-5.7", 1);

	tailoring_init(t);
	t->id = "small";
	t->base.kind = BASE_CATALOG;
	t->base.id = "meti-ismk-2025";
	c.reason = reason;
	append(t, &c);
}

static void expect_file_is(const char *path, const struct tailoring *t)
{
	size_t len, flen;
	char *want = write_to_string(t, &len), *got = read_whole(path, &flen);

	if (len != flen || memcmp(want, got, len) != 0)
		fail_msg("%s holds:\n%s\nwant:\n%s", path, got, want);
	free(want);
	free(got);
}

static void test_save_keeps_backup_and_mode(void **state)
{
	struct tmp tmp;
	struct tailoring a, b;
	struct diag_list d;
	struct stat st;
	char *path, *bak;

	(void)state;
	tmp_make(&tmp);
	path = tmp_path(&tmp, "t.yaml");
	bak = tmp_path(&tmp, "t.yaml~");
	diag_list_init(&d);
	small_tailoring(&a, "一つ目の理由");
	small_tailoring(&b, "二つ目の理由");
	assert_true(tailoring_save_file(&a, path, &d));
	assert_int_equal(d.count, 0);
	expect_file_is(path, &a);
	assert_false(exists(bak));   /* nothing to keep the first time */
	assert_int_equal(chmod(path, 0640), 0);
	assert_true(tailoring_save_file(&b, path, &d));
	assert_int_equal(d.count, 0);
	expect_file_is(path, &b);
	expect_file_is(bak, &a);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	/* No temporary file is left beside it. */
	assert_int_equal(count_named(tmp.dir, ".kijun-"), 0);
	/* Saving again moves the backup along. */
	assert_true(tailoring_save_file(&a, path, &d));
	expect_file_is(path, &a);
	expect_file_is(bak, &b);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	tailoring_free(&a);
	tailoring_free(&b);
	diag_list_free(&d);
	free(path);
	free(bak);
	tmp_remove(&tmp);
}

static void test_failed_save_leaves_original(void **state)
{
	struct tmp tmp;
	struct tailoring a, b;
	struct diag_list d;
	char *path, *bak, *nowhere;

	(void)state;
	tmp_make(&tmp);
	path = tmp_path(&tmp, "t.yaml");
	bak = tmp_path(&tmp, "t.yaml~");
	nowhere = tmp_path(&tmp, "no-such-dir/t.yaml");
	diag_list_init(&d);
	small_tailoring(&a, "元の理由");
	small_tailoring(&b, "新しい理由");
	assert_true(tailoring_save_file(&a, path, &d));

	if (geteuid() != 0) {
		/* A directory that cannot be written. */
		assert_int_equal(chmod(tmp.dir, 0500), 0);
		assert_false(tailoring_save_file(&b, path, &d));
		assert_int_equal(chmod(tmp.dir, 0700), 0);
		assert_true(d.count >= 1);
		assert_string_equal(d.items[d.count - 1].file, path);
		expect_file_is(path, &a);
		diag_list_clear(&d);
	}
	/* A directory that does not exist (root ignores permissions). */
	assert_false(tailoring_save_file(&b, nowhere, &d));
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].file, nowhere);
	assert_false(exists(nowhere));
	diag_list_clear(&d);
	/* The previous version cannot be kept (a directory is in the way):
	 * nothing is replaced, whoever runs it. */
	assert_int_equal(mkdir(bak, 0700), 0);
	assert_false(tailoring_save_file(&b, path, &d));
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].file, path);
	assert_non_null(strstr(d.items[0].message, "previous version"));
	expect_file_is(path, &a);
	assert_int_equal(count_named(tmp.dir, ".kijun-"), 0);
	tailoring_free(&a);
	tailoring_free(&b);
	diag_list_free(&d);
	free(path);
	free(bak);
	free(nowhere);
	tmp_remove(&tmp);
}

/* ---- workspaces ------------------------------------------------------------------ */

static uint32_t ws_find(const struct workspace *w, const char *id)
{
	uint32_t i = catalog_find(&w->res.cat, id);

	if (i == ITEM_NONE)
		fail_msg("%s is not in the resolution", id);
	return i;
}

static void test_workspace_example(void **state)
{
	struct workspace w;
	struct diag_list d;
	const struct catalog *c;
	uint32_t i;

	(void)state;
	diag_list_init(&d);
	if (!workspace_open(&w, EXAMPLE, &d)) {
		print_diags(&d);
		fail_msg("%s does not open", EXAMPLE);
	}
	c = &w.res.cat;
	assert_true(w.resolved);
	assert_int_equal(w.base_count, 0);
	assert_ptr_equal(workspace_base(&w), &w.root);
	assert_string_equal(w.root.id, "meti-ismk-2025");
	for (uint32_t k = 0; k < w.res.conflict_count; k++)
		fprintf(stderr, "  conflict: %s\n",
			problem_code_name(w.res.conflicts[k].problem.code));
	assert_int_equal(w.res.conflict_count, 0);
	/* The hash recorded in the example is that of the built-in catalog. */
	print_diags(&w.warnings);
	assert_int_equal(w.warnings.count, 0);

	i = ws_find(&w, "5a-5.4");
	assert_int_equal(w.res.info[i].status, STATUS_REWORDED);
	assert_non_null(strstr(c->items[i].text, "最高情報セキュリティ責任者"));
	assert_non_null(strstr(w.res.info[i].base_text, "要員の一人ひとりに求める"));
	assert_int_equal(w.res.info[ws_find(&w, "4.8.2.2/6")].status, STATUS_REWORDED);
	assert_int_equal(w.res.info[ws_find(&w, "7a-7.2.3/f")].status, STATUS_REWORDED);

	i = ws_find(&w, "4.8.2.2/7");
	assert_int_equal(w.res.info[i].status, STATUS_ADDED);
	assert_int_equal(c->items[i].parent, ws_find(&w, "4.8.2.2"));
	assert_int_equal(c->items[i].prev_sibling, ws_find(&w, "4.8.2.2/6"));
	assert_int_equal(c->items[i].next_sibling, ITEM_NONE);
	assert_int_equal(c->items[i].kind, ITEM_ENTRY);
	assert_string_equal(c->items[i].label, "・");
	assert_int_equal(w.res.info[i].source, SOURCE_ORGANIZATION);

	i = ws_find(&w, "7a-7.5.5/e");
	assert_int_equal(w.res.info[i].status, STATUS_ADDED);
	assert_int_equal(c->items[i].parent, ws_find(&w, "7a-7.5.5"));
	assert_int_equal(c->items[i].prev_sibling, ws_find(&w, "7a-7.5.5/d"));
	assert_int_equal(c->items[ws_find(&w, "7a-7.5.5/d")].next_sibling, i);
	assert_int_equal(c->items[i].kind, ITEM_ENTRY);
	assert_string_equal(c->items[i].label, "e)");

	i = ws_find(&w, "5b-5.9.2.1");
	assert_int_equal(w.res.info[i].status, STATUS_ADDED);
	assert_int_equal(c->items[i].parent, ws_find(&w, "5b-5.9.2"));
	assert_int_equal(c->items[ws_find(&w, "5b-5.9.2")].last_child, i);
	assert_int_equal(c->items[i].kind, ITEM_DETAIL);
	assert_int_equal(w.res.info[i].history_count, 1);
	assert_int_equal(w.res.info[i].history[0].index, 3);
	assert_ptr_equal(w.res.info[i].history[0].from, &w.t);

	assert_int_equal(catalog_size(c), catalog_size(&w.root) + 3);
	workspace_free(&w);
	diag_list_free(&d);
}

/* A tailoring built on the built-in catalog, with a few changes. */
static void inner_tailoring(struct tailoring *t, const char *hash)
{
	struct change c;

	tailoring_init(t);
	t->id = "sector-x";
	t->base.kind = BASE_CATALOG;
	t->base.id = "meti-ismk-2025";
	t->base.hash = hash;
	c = mk(OP_EXCLUDE, "5a-5.4", 1);
	append(t, &c);
	c = mk(OP_ADD, NULL, 4);
	c.after = "7a-7.5.5/d";
	c.item.id = "7a-7.5.5/e";
	c.item.label = "e)";
	c.item.text = "地震：業界共通の対策";
	append(t, &c);
}

static void outer_tailoring(struct tailoring *t, const char *file, const char *hash)
{
	struct change c;

	tailoring_init(t);
	t->id = "corp";
	t->base.kind = BASE_TAILORING;
	t->base.id = "sector-x";
	t->base.file = file;
	t->base.hash = hash;
	c = mk(OP_INCLUDE, "5a-5.4", 1);
	append(t, &c);
	c = mk(OP_REWORD, "7a-7.5.5/e", 4);
	c.text = "地震：当社の対策";
	append(t, &c);
}

static void builtin_hash(char out[72])
{
	struct catalog c;
	struct diag_list d;

	diag_list_init(&d);
	assert_true(catalog_load_builtin(&c, &d));
	assert_true(catalog_hash(&c, out));
	catalog_free(&c);
	diag_list_free(&d);
}

/* A tailoring on the built-in catalog saved as a file of its own, which
 * records `hash` (NULL: none); opened with the file holding `text`. */
static void open_on_catalog_file(const struct tmp *tmp, const char *text, const char *hash,
				 struct workspace *w)
{
	struct tailoring t;
	struct diag_list d;
	char *cpath = tmp_path(tmp, "catalog.yaml"), *tpath = tmp_path(tmp, "t.yaml");

	diag_list_init(&d);
	put_file(cpath, text);
	tailoring_init(&t);
	t.id = "on-file";
	t.base.kind = BASE_CATALOG;
	t.base.id = "meti-ismk-2025";
	t.base.file = "catalog.yaml";
	t.base.hash = hash;
	assert_true(tailoring_save_file(&t, tpath, &d));
	if (!workspace_open(w, tpath, &d)) {
		print_diags(&d);
		fail_msg("the tailoring on a catalog file does not open");
	}
	tailoring_free(&t);
	diag_list_free(&d);
	free(cpath);
	free(tpath);
}

/* The base catalog's recorded hash is checked by the file's bytes first,
 * then by its canonical form: a file laid out otherwise with the same
 * content is not "changed"; one whose content changed is, however it
 * is laid out. */
static void test_workspace_catalog_file_hash(void **state)
{
	struct tmp tmp;
	struct catalog c;
	struct strbuf b;
	struct workspace w;
	struct diag_list d;
	char hash[72], *canon, *other, *at;
	size_t len;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&c, &d));
	assert_true(catalog_hash(&c, hash));
	strbuf_init(&b);
	assert_true(catalog_write(&c, &b));
	canon = strbuf_detach(&b, &len);
	catalog_free(&c);

	open_on_catalog_file(&tmp, canon, hash, &w);      /* the same bytes */
	print_diags(&w.warnings);
	assert_int_equal(w.warnings.count, 0);
	workspace_free(&w);

	other = malloc(len + 64);
	assert_non_null(other);
	snprintf(other, len + 64, "# laid out by hand\n%s", canon);
	open_on_catalog_file(&tmp, other, hash, &w);      /* the same content */
	print_diags(&w.warnings);
	assert_int_equal(w.warnings.count, 0);
	workspace_free(&w);

	at = strstr(other, "情報");
	assert_non_null(at);
	memcpy(at, "情熱", strlen("情熱"));
	open_on_catalog_file(&tmp, other, hash, &w);      /* changed, laid out by hand */
	assert_int_equal(w.warnings.count, 1);
	assert_non_null(strstr(w.warnings.items[0].message, "has changed"));
	workspace_free(&w);
	open_on_catalog_file(&tmp, other + strlen("# laid out by hand\n"), hash, &w);
	assert_int_equal(w.warnings.count, 1);                  /* changed, canonical */
	workspace_free(&w);
	open_on_catalog_file(&tmp, other, NULL, &w);      /* nothing recorded */
	assert_int_equal(w.warnings.count, 0);
	workspace_free(&w);

	free(other);
	free(canon);
	diag_list_free(&d);
	tmp_remove(&tmp);
}

static void test_workspace_chain(void **state)
{
	struct tmp tmp;
	struct tailoring inner, outer;
	struct workspace w;
	struct diag_list d;
	char hash[72], ihash[72], *ipath, *opath;
	uint32_t i;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	builtin_hash(hash);
	inner_tailoring(&inner, hash);
	assert_true(tailoring_hash(&inner, ihash));
	outer_tailoring(&outer, "inner.yaml", ihash);
	ipath = tmp_path(&tmp, "inner.yaml");
	opath = tmp_path(&tmp, "outer.yaml");
	assert_true(tailoring_save_file(&inner, ipath, &d));
	assert_true(tailoring_save_file(&outer, opath, &d));
	if (!workspace_open(&w, opath, &d)) {
		print_diags(&d);
		fail_msg("the outer tailoring does not open");
	}
	print_diags(&w.warnings);
	assert_int_equal(w.warnings.count, 0);
	assert_int_equal(w.base_count, 1);
	assert_string_equal(w.bases[0].id, "sector-x");
	assert_ptr_equal(workspace_base(&w), &w.base_res[0].cat);
	assert_int_equal(w.base_res[0].conflict_count, 0);
	assert_int_equal(w.res.conflict_count, 0);
	/* Excluded below, included above. */
	i = ws_find(&w, "5a-5.4");
	assert_int_equal(w.base_res[0].info[i].status, STATUS_EXCLUDED);
	assert_int_equal(w.res.info[i].status, STATUS_KEPT);
	assert_false(resolved_is_out(&w.res, i));
	assert_int_equal(w.res.info[i].history_count, 2);
	assert_ptr_equal(w.res.info[i].history[0].from, &w.bases[0]);
	assert_ptr_equal(w.res.info[i].history[1].from, &w.t);
	/* Added below, reworded above. */
	i = ws_find(&w, "7a-7.5.5/e");
	assert_int_equal(w.res.info[i].status, STATUS_ADDED);
	assert_string_equal(w.res.cat.items[i].text, "地震：当社の対策");
	assert_int_equal(w.res.cat.items[i].prev_sibling, ws_find(&w, "7a-7.5.5/d"));
	assert_int_equal(w.res.info[i].history_count, 2);
	workspace_free(&w);

	/* A base that changed since: a warning, and it opens. */
	tailoring_free(&outer);
	outer_tailoring(&outer, "inner.yaml",
			"sha256:0000000000000000000000000000000000000000000000000000000000000000");
	assert_true(tailoring_save_file(&outer, opath, &d));
	if (!workspace_open(&w, opath, &d)) {
		print_diags(&d);
		fail_msg("a changed base must not stop the tailoring from opening");
	}
	assert_int_equal(d.count, 0);
	assert_int_equal(w.warnings.count, 1);
	assert_non_null(strstr(w.warnings.items[0].message, "has changed"));
	assert_int_equal(w.res.conflict_count, 0);
	workspace_free(&w);

	/* A base file that is not there. */
	tailoring_free(&outer);
	outer_tailoring(&outer, "missing.yaml", NULL);
	assert_true(tailoring_save_file(&outer, opath, &d));
	assert_false(workspace_open(&w, opath, &d));
	assert_true(d.count >= 1);
	assert_non_null(strstr(d.items[0].file, "missing.yaml"));
	diag_list_clear(&d);

	tailoring_free(&inner);
	tailoring_free(&outer);
	diag_list_free(&d);
	free(ipath);
	free(opath);
	tmp_remove(&tmp);
}

/* corp on dept-y on sector-x on the built-in catalog: each link takes the
 * items of the one below instead of copying them, and what every link did
 * still shows at the top. */
static void test_workspace_chain_of_three(void **state)
{
	struct tmp tmp;
	struct tailoring inner, middle, outer;
	struct workspace w;
	struct diag_list d;
	struct change c;
	char hash[72], ihash[72], mhash[72], *ipath, *mpath, *opath;
	uint32_t i;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	builtin_hash(hash);
	inner_tailoring(&inner, hash);
	assert_true(tailoring_hash(&inner, ihash));
	tailoring_init(&middle);
	middle.id = "sector-x";  /* what corp names as its base */
	middle.base.kind = BASE_TAILORING;
	middle.base.id = "sector-x";
	middle.base.file = "inner.yaml";
	middle.base.hash = ihash;
	c = mk(OP_LEVEL, "5a-5.3", 6);
	c.level = LEVEL_MANDATORY;
	append(&middle, &c);
	c = mk(OP_REWORD, "7a-7.5.5/e", 4);
	c.text = "地震：部門の対策";
	append(&middle, &c);
	assert_true(tailoring_hash(&middle, mhash));
	outer_tailoring(&outer, "middle.yaml", mhash);
	ipath = tmp_path(&tmp, "inner.yaml");
	mpath = tmp_path(&tmp, "middle.yaml");
	opath = tmp_path(&tmp, "outer.yaml");
	assert_true(tailoring_save_file(&inner, ipath, &d));
	assert_true(tailoring_save_file(&middle, mpath, &d));
	assert_true(tailoring_save_file(&outer, opath, &d));
	if (!workspace_open(&w, opath, &d)) {
		print_diags(&d);
		fail_msg("a chain of three does not open");
	}
	assert_int_equal(w.base_count, 2);
	assert_int_equal(w.res.conflict_count, 0);
	/* Only the last base keeps its items: the catalog and the first link
	 * gave theirs to the link above, headers kept. */
	assert_null(w.root.items);
	assert_string_equal(w.root.id, "meti-ismk-2025");
	assert_null(w.base_res[0].cat.items);
	assert_null(w.base_res[0].info);
	assert_ptr_equal(workspace_base(&w), &w.base_res[1].cat);
	/* Excluded at the bottom, included at the top. */
	i = ws_find(&w, "5a-5.4");
	assert_int_equal(w.base_res[1].info[i].status, STATUS_EXCLUDED);
	assert_true(w.base_res[1].info[i].inherited);
	assert_int_equal(w.res.info[i].status, STATUS_KEPT);
	assert_int_equal(w.res.info[i].history_count, 2);
	assert_ptr_equal(w.res.info[i].history[0].from, &w.bases[0]);
	assert_ptr_equal(w.res.info[i].history[1].from, &w.t);
	/* Made mandatory in the middle only: inherited at the top. */
	i = ws_find(&w, "5a-5.3");
	assert_int_equal(w.res.info[i].level, LEVEL_MANDATORY);
	assert_int_equal(w.res.info[i].history_count, 1);
	assert_ptr_equal(w.res.info[i].history[0].from, &w.bases[1]);
	assert_true(w.res.info[i].inherited);
	/* Added at the bottom, reworded twice; the text before any change is
	 * none, as for any added item. */
	i = ws_find(&w, "7a-7.5.5/e");
	assert_int_equal(w.res.info[i].status, STATUS_ADDED);
	assert_string_equal(w.base_res[1].cat.items[i].text, "地震：部門の対策");
	assert_string_equal(w.res.cat.items[i].text, "地震：当社の対策");
	assert_null(w.res.info[i].base_text);
	assert_int_equal(w.res.info[i].history_count, 3);
	assert_ptr_equal(w.res.info[i].history[1].from, &w.bases[1]);
	/* An edit resolves again from the last base, which is whole. */
	assert_true(workspace_resolve(&w));
	assert_string_equal(w.res.cat.items[ws_find(&w, "7a-7.5.5/e")].text, "地震：当社の対策");
	workspace_free(&w);

	tailoring_free(&inner);
	tailoring_free(&middle);
	tailoring_free(&outer);
	diag_list_free(&d);
	free(ipath);
	free(mpath);
	free(opath);
	tmp_remove(&tmp);
}

/* t0 on t1 on ... on t<depth>, which stands on the built-in catalog. */
static char *write_chain(struct tmp *tmp, int depth)
{
	struct diag_list d;
	char *top = NULL;

	diag_list_init(&d);
	for (int k = depth; k >= 0; k--) {
		char name[32], base[32], id[16], base_id[16];
		struct tailoring t;
		char *path;

		snprintf(name, sizeof(name), "t%d.yaml", k);
		snprintf(base, sizeof(base), "t%d.yaml", k + 1);
		snprintf(id, sizeof(id), "t%d", k);
		snprintf(base_id, sizeof(base_id), "t%d", k + 1);
		tailoring_init(&t);
		t.id = id;
		if (k == depth) {
			t.base.kind = BASE_CATALOG;
			t.base.id = "meti-ismk-2025";
		} else {
			t.base.kind = BASE_TAILORING;
			t.base.id = base_id;
			t.base.file = base;
		}
		path = tmp_path(tmp, name);
		assert_true(tailoring_save_file(&t, path, &d));
		tailoring_free(&t);
		if (k == 0)
			top = path;
		else
			free(path);
	}
	diag_list_free(&d);
	return top;
}

static void test_workspace_chain_limit(void **state)
{
	struct tmp tmp;
	struct workspace w;
	struct diag_list d;
	char *top, want[64];

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	top = write_chain(&tmp, WORKSPACE_MAX_BASES);
	if (!workspace_open(&w, top, &d)) {
		print_diags(&d);
		fail_msg("a chain of %d bases does not open", WORKSPACE_MAX_BASES);
	}
	assert_int_equal(w.base_count, WORKSPACE_MAX_BASES);
	workspace_free(&w);
	free(top);
	tmp_remove(&tmp);

	tmp_make(&tmp);
	top = write_chain(&tmp, WORKSPACE_MAX_BASES + 1);
	assert_false(workspace_open(&w, top, &d));
	snprintf(want, sizeof(want), "more than %d base tailorings", WORKSPACE_MAX_BASES);
	if (!any_message_has(&d, want)) {
		print_diags(&d);
		fail_msg("a chain too deep is not refused as one");
	}
	diag_list_free(&d);
	free(top);
	tmp_remove(&tmp);
}

static void test_workspace_cycle(void **state)
{
	struct tmp tmp;
	struct tailoring a, b;
	struct workspace w;
	struct diag_list d;
	char *apath, *bpath;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	outer_tailoring(&a, "b.yaml", NULL);
	a.id = "a";
	a.base.id = "b";
	outer_tailoring(&b, "a.yaml", NULL);
	b.id = "b";
	b.base.id = "a";
	apath = tmp_path(&tmp, "a.yaml");
	bpath = tmp_path(&tmp, "b.yaml");
	assert_true(tailoring_save_file(&a, apath, &d));
	assert_true(tailoring_save_file(&b, bpath, &d));
	assert_false(workspace_open(&w, apath, &d));
	if (!any_message_has(&d, "cycle")) {
		print_diags(&d);
		fail_msg("a cycle of bases is not reported as one");
	}
	diag_list_clear(&d);
	/* A tailoring that is its own base. */
	tailoring_free(&a);
	outer_tailoring(&a, "a.yaml", NULL);
	assert_true(tailoring_save_file(&a, apath, &d));
	assert_false(workspace_open(&w, apath, &d));
	assert_true(any_message_has(&d, "cycle"));
	tailoring_free(&a);
	tailoring_free(&b);
	diag_list_free(&d);
	free(apath);
	free(bpath);
	tmp_remove(&tmp);
}

static void test_workspace_catalog_base_problems(void **state)
{
	struct tmp tmp;
	struct tailoring t;
	struct workspace w;
	struct diag_list d;
	char *path;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	path = tmp_path(&tmp, "t.yaml");
	/* A wrong hash of the built-in catalog: a warning, and it opens. */
	inner_tailoring(&t, "sha256:1111111111111111111111111111111111111111111111111111111111111111");
	assert_true(tailoring_save_file(&t, path, &d));
	assert_true(workspace_open(&w, path, &d));
	assert_int_equal(d.count, 0);
	assert_int_equal(w.warnings.count, 1);
	assert_non_null(strstr(w.warnings.items[0].message, "meti-ismk-2025"));
	assert_non_null(strstr(w.warnings.items[0].message, "has changed"));
	assert_int_equal(w.res.info[ws_find(&w, "5a-5.4")].status, STATUS_EXCLUDED);
	workspace_free(&w);
	tailoring_free(&t);
	/* Another edition: a warning. */
	inner_tailoring(&t, NULL);
	t.base.edition = "令和4年版";
	assert_true(tailoring_save_file(&t, path, &d));
	assert_true(workspace_open(&w, path, &d));
	assert_int_equal(w.warnings.count, 1);
	assert_non_null(strstr(w.warnings.items[0].message, "令和4年版"));
	workspace_free(&w);
	tailoring_free(&t);
	/* A catalog that is not the built-in one, with no file: an error. */
	inner_tailoring(&t, NULL);
	t.base.id = "other-catalog";
	assert_true(tailoring_save_file(&t, path, &d));
	assert_false(workspace_open(&w, path, &d));
	assert_int_equal(d.count, 1);
	assert_non_null(strstr(d.items[0].message, "other-catalog"));
	assert_non_null(strstr(d.items[0].message, "not the built-in"));
	diag_list_clear(&d);
	tailoring_free(&t);
	diag_list_free(&d);
	free(path);
	tmp_remove(&tmp);
}

/* A catalog named by file, beside the tailoring. */
static void test_workspace_catalog_file(void **state)
{
	static const char cat[] =
		"format: kijun-catalog/1\n"
		"id: mini\n"
		"title: ミニ\n"
		"edition: '1'\n"
		"items:\n"
		"- id: P\n"
		"  kind: part\n"
		"  title: 部\n"
		"  items:\n"
		"  - id: C1\n"
		"    kind: control\n"
		"    title: 方針\n"
		"    text: 方針を定める。\n";
	struct tmp tmp;
	struct tailoring t;
	struct workspace w;
	struct diag_list d;
	struct change c = mk(OP_EXCLUDE, "C1", 1);
	char *cpath, *tpath;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	cpath = tmp_path(&tmp, "mini.yaml");
	tpath = tmp_path(&tmp, "t.yaml");
	put_file(cpath, cat);
	tailoring_init(&t);
	t.id = "t";
	t.base.kind = BASE_CATALOG;
	t.base.id = "mini";
	t.base.file = "mini.yaml";
	append(&t, &c);
	assert_true(tailoring_save_file(&t, tpath, &d));
	if (!workspace_open(&w, tpath, &d)) {
		print_diags(&d);
		fail_msg("a catalog named by file does not open");
	}
	assert_string_equal(w.root.id, "mini");
	assert_int_equal(w.res.info[ws_find(&w, "C1")].status, STATUS_EXCLUDED);
	workspace_free(&w);
	tailoring_free(&t);
	diag_list_free(&d);
	free(cpath);
	free(tpath);
	tmp_remove(&tmp);
}

static void test_workspace_create_save_open(void **state)
{
	struct tmp tmp;
	struct workspace w, w2;
	struct diag_list d;
	struct change c = mk(OP_REWORD, "5a-5.4", 1);
	char hash[72], *path, *bak, *s1, *s2;
	size_t l1, l2;

	(void)state;
	tmp_make(&tmp);
	diag_list_init(&d);
	path = tmp_path(&tmp, "new-corp.yaml");
	bak = tmp_path(&tmp, "new-corp.yaml~");
	builtin_hash(hash);
	assert_true(workspace_create(&w, path, &d));
	assert_int_equal(d.count, 0);
	assert_false(exists(path));   /* nothing is written until saved */
	assert_string_equal(w.t.id, "new-corp");
	assert_int_equal(w.t.count, 0);
	assert_int_equal(w.t.base.kind, BASE_CATALOG);
	assert_string_equal(w.t.base.id, "meti-ismk-2025");
	assert_string_equal(w.t.base.edition, "令和7年3月改訂版");
	assert_null(w.t.base.file);
	assert_int_equal(strncmp(w.t.base.hash, "sha256:", 7), 0);
	assert_int_equal(strlen(w.t.base.hash), 71);
	assert_string_equal(w.t.base.hash, hash);
	assert_true(w.resolved);
	assert_int_equal(w.res.conflict_count, 0);
	assert_int_equal(w.res.changed_count, 0);
	assert_int_equal(catalog_size(&w.res.cat), catalog_size(&w.root));

	/* Save, reopen: the same tailoring. */
	assert_true(workspace_save(&w, &d));
	assert_true(exists(path));
	assert_false(exists(bak));
	c.text = "最高情報セキュリティ責任者は、全ての従業者に求める。";
	assert_true(tailoring_append(&w.t, &c) >= 0);
	assert_true(workspace_resolve(&w));
	assert_int_equal(w.res.info[ws_find(&w, "5a-5.4")].status, STATUS_REWORDED);
	assert_true(workspace_save(&w, &d));
	assert_true(exists(bak));
	assert_int_equal(d.count, 0);
	if (!workspace_open(&w2, path, &d)) {
		print_diags(&d);
		fail_msg("a saved workspace does not open");
	}
	assert_int_equal(w2.warnings.count, 0);
	assert_string_equal(w2.t.id, "new-corp");
	assert_string_equal(w2.t.base.hash, hash);
	assert_string_equal(w2.t.base.edition, "令和7年3月改訂版");
	assert_int_equal(w2.t.count, 1);
	same_change(&w2.t.changes[0], &w.t.changes[0]);
	assert_int_equal(w2.res.info[ws_find(&w2, "5a-5.4")].status, STATUS_REWORDED);
	assert_string_equal(w2.res.cat.items[ws_find(&w2, "5a-5.4")].text, c.text);
	s1 = write_to_string(&w.t, &l1);
	s2 = write_to_string(&w2.t, &l2);
	assert_int_equal(l1, l2);
	assert_memory_equal(s1, s2, l1);
	free(s1);
	free(s2);
	workspace_free(&w2);
	workspace_free(&w);
	diag_list_free(&d);
	free(path);
	free(bak);
	tmp_remove(&tmp);
}

static int setup(void **state)
{
	(void)state;
	i18n_set_language(LANGUAGE_EN);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example_loads),
		cmocka_unit_test(test_example_saves_back_byte_for_byte),
		cmocka_unit_test(test_everything_round_trips),
		cmocka_unit_test(test_numbers_and_booleans_are_plain),
		cmocka_unit_test(test_good_texts_load),
		cmocka_unit_test(test_malformed_yaml),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_field_that_does_not_apply),
		cmocka_unit_test(test_reason_problems),
		cmocka_unit_test(test_step_problems),
		cmocka_unit_test(test_date_problems),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_base_problems),
		cmocka_unit_test(test_base_hash_problem),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_second_document),
		cmocka_unit_test(test_not_a_tailoring),
		cmocka_unit_test(test_every_problem_sorted),
		cmocka_unit_test(test_change_checked_on_its_own),
		cmocka_unit_test(test_file_format_of),
		cmocka_unit_test(test_save_keeps_backup_and_mode),
		cmocka_unit_test(test_failed_save_leaves_original),
		cmocka_unit_test(test_workspace_example),
		cmocka_unit_test(test_workspace_chain),
		cmocka_unit_test(test_workspace_chain_of_three),
		cmocka_unit_test(test_workspace_cycle),
		cmocka_unit_test(test_workspace_chain_limit),
		cmocka_unit_test(test_workspace_catalog_file_hash),
		cmocka_unit_test(test_workspace_catalog_base_problems),
		cmocka_unit_test(test_workspace_catalog_file),
		cmocka_unit_test(test_workspace_create_save_open),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
