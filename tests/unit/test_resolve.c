/* Resolution: each operation on its own, in combination and in order, the
 * history every item keeps, conflicts that are reported and never dropped,
 * a tailoring on top of another. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"
#include "kijun/tailoring.h"
#include "../../src/tui/problem_words.h"

/* A part > section > controls > details > entries a)–c), with two
 * attribute types.  C1.2 ends like a recommendation, the others like a
 * plain requirement. */
static const char mini[] =
	"format: kijun-catalog/1\n"
	"id: mini\n"
	"title: ミニ\n"
	"edition: '1'\n"
	"attribute_types:\n"
	"- id: control_type\n"
	"  label: 管理策タイプ\n"
	"  values:\n"
	"  - id: Preventive\n"
	"    label: 予防\n"
	"  - id: Detective\n"
	"    label: 検知\n"
	"  - id: Corrective\n"
	"    label: 是正\n"
	"- id: properties\n"
	"  label: 情報セキュリティ特性\n"
	"  values:\n"
	"  - id: Confidentiality\n"
	"    label: 機密性\n"
	"  - id: Integrity\n"
	"    label: 完全性\n"
	"  - id: Availability\n"
	"    label: 可用性\n"
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
	"      references: [27002-5.1]\n"
	"      attributes:\n"
	"        control_type: [Preventive]\n"
	"        properties: [Confidentiality, Integrity]\n"
	"      items:\n"
	"      - id: C1.1\n"
	"        kind: detail\n"
	"        text: 次の事項を考慮する。\n"
	"        items:\n"
	"        - id: C1.1/a\n"
	"          kind: entry\n"
	"          label: a)\n"
	"          text: 一つ目\n"
	"        - id: C1.1/b\n"
	"          kind: entry\n"
	"          label: b)\n"
	"          text: 二つ目\n"
	"        - id: C1.1/c\n"
	"          kind: entry\n"
	"          label: c)\n"
	"          text: 三つ目\n"
	"      - id: C1.2\n"
	"        kind: detail\n"
	"        text: 方針を定期的にレビューすることが望ましい。\n"
	"    - id: C2\n"
	"      kind: control\n"
	"      title: 役割\n"
	"      text: 役割を割り当てる。\n"
	"      references: [27002-5.2, 27002-5.3]\n"
	"      attributes:\n"
	"        control_type: [Detective]\n"
	"        properties: [Availability]\n"
	"    - id: C3\n"
	"      kind: control\n"
	"      title: 職務の分離\n"
	"      text: 相反する職務を分離する。\n"
	"      references: [27002-5.3, 27002-5.4]\n"
	"      attributes:\n"
	"        control_type: [Preventive, Detective]\n";

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
	diag_list_init(&d);
	if (!catalog_read(&f->cat, "mini.yaml", mini, strlen(mini), &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail_msg("the test catalog does not load");
	}
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

/* A change with everything every change needs. */
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

static struct change mk_reword(const char *target, const char *text, const char *title)
{
	struct change c = mk(OP_REWORD, target);

	c.text = text;
	c.title = title;
	return c;
}

static struct change mk_add(const char *parent, const char *after, const char *id,
			    const char *label, const char *text)
{
	struct change c = mk(OP_ADD, NULL);

	c.step = 4;
	c.parent = parent;
	c.after = after;
	c.item.id = id;
	c.item.label = label;
	c.item.text = text;
	return c;
}

static long add_change(struct fx *f, const struct change *c)
{
	long k = tailoring_append(&f->t, c);

	assert_true(k >= 0);
	return k;
}

static void resolve(struct fx *f)
{
	if (f->resolved)
		resolution_free(&f->r);
	assert_true(resolve_apply(&f->r, &f->cat, NULL, &f->t));
	f->resolved = true;
}

static uint32_t idx(const struct resolution *r, const char *id)
{
	uint32_t i = catalog_find(&r->cat, id);

	if (i == ITEM_NONE)
		fail_msg("%s is not in the resolution", id);
	return i;
}

static const struct item *item_of(const struct resolution *r, const char *id)
{
	return catalog_item(&r->cat, idx(r, id));
}

static const struct resolved *info_of(const struct resolution *r, const char *id)
{
	return &r->info[idx(r, id)];
}

static enum item_status status_of(const struct resolution *r, const char *id)
{
	return (enum item_status)info_of(r, id)->status;
}

static void expect_status(const struct resolution *r, const char *id, enum item_status want)
{
	enum item_status got = status_of(r, id);

	if (got != want)
		fail_msg("%s is %s, want %s", id, item_status_name(got), item_status_name(want));
}

static void expect_no_conflicts(const struct resolution *r)
{
	char words[512];

	for (uint32_t k = 0; k < r->conflict_count; k++)
		fprintf(stderr, "  conflict at change %u: %s\n", r->conflicts[k].index,
			problem_describe(&r->conflicts[k].problem, words, sizeof(words)));
	assert_int_equal(r->conflict_count, 0);
}

/* A conflict in words, in a buffer of its own per call site. */
#define describe(x) problem_describe(&(x)->problem, (char[512]){ 0 }, 512)

/* The ids of i's children, "a b c". */
static void children_of(const struct resolution *r, const char *id, char *buf, size_t size)
{
	uint32_t i = idx(r, id);
	size_t n = 0;

	buf[0] = '\0';
	for (uint32_t c = r->cat.items[i].first_child; c != ITEM_NONE;
	     c = r->cat.items[c].next_sibling) {
		n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? " " : "", r->cat.items[c].id);
		assert_true(n < size);
	}
}

static void expect_children(const struct resolution *r, const char *id, const char *want)
{
	char buf[512];

	children_of(r, id, buf, sizeof(buf));
	assert_string_equal(buf, want);
}

/* True when the item has that attribute value. */
static bool has_attr(const struct resolution *r, const char *id, const char *type,
		     const char *value)
{
	const struct item *it = item_of(r, id);
	int t = catalog_type_find(&r->cat, type);

	if (t < 0)
		return false;
	for (uint32_t k = 0; k < it->attr_count; k++)
		if (it->attrs[k].type == (uint16_t)t &&
		    strcmp(r->cat.types[t].values[it->attrs[k].value].id, value) == 0)
			return true;
	return false;
}

/* The history of an item as change indexes, "0 2 4". */
static void expect_history(const struct resolution *r, const char *id,
			   const struct tailoring *from, const char *want)
{
	const struct resolved *info = info_of(r, id);
	char buf[256];
	size_t n = 0;

	buf[0] = '\0';
	for (uint32_t k = 0; k < info->history_count; k++) {
		const struct shaping *h = &info->history[k];

		if (from) {
			assert_ptr_equal(h->from, from);
			assert_ptr_equal(h->change, &from->changes[h->index]);
		}
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%u", k ? " " : "", h->index);
	}
	if (strcmp(buf, want) != 0)
		fail_msg("history of %s is \"%s\", want \"%s\"", id, buf, want);
}

static void expect_conflict(const struct resolution *r, uint32_t k, uint32_t index,
			    const char *needle)
{
	assert_true(k < r->conflict_count);
	char words[512];

	assert_int_equal(r->conflicts[k].index, index);
	problem_describe(&r->conflicts[k].problem, words, sizeof(words));
	if (!strstr(words, needle))
		fail_msg("conflict %u: \"%s\" does not mention \"%s\"", k, words, needle);
}

/* ---- each operation on its own -------------------------------------------- */

static void test_nothing_changes_nothing(void **state)
{
	struct fx *f = *state;

	resolve(f);
	expect_no_conflicts(&f->r);
	assert_int_equal(f->r.changed_count, 0);
	assert_int_equal(catalog_size(&f->r.cat), catalog_size(&f->cat));
	for (uint32_t i = 1; i < f->r.cat.count; i++) {
		assert_int_equal(f->r.info[i].status, STATUS_KEPT);
		assert_int_equal(f->r.info[i].history_count, 0);
		assert_false(resolved_is_out(&f->r, i));
		assert_int_equal(resolved_status_mark(&f->r, i), ' ');
	}
}

static void test_exclude(void **state)
{
	struct fx *f = *state;
	struct change c = mk(OP_EXCLUDE, "C1");

	add_change(f, &c);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C1", STATUS_EXCLUDED);
	assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, "C1")), 'x');
	/* The item and everything below it are out; nothing else is. */
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C1")));
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C1.1")));
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C1.1/b")));
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C1.2")));
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C2")));
	assert_false(resolved_is_out(&f->r, idx(&f->r, "S1")));
	assert_false(resolved_is_out(&f->r, idx(&f->r, "P")));
	/* Descendants keep their own status: they are out through C1. */
	expect_status(&f->r, "C1.1", STATUS_KEPT);
	expect_history(&f->r, "C1", &f->t, "0");
	expect_history(&f->r, "C1.1", &f->t, "");
	assert_int_equal(f->r.changed_count, 1);
	/* Still in the tree, text and all. */
	assert_string_equal(item_of(&f->r, "C1")->text, "方針を定める。");
	/* The base is untouched. */
	assert_int_equal(catalog_size(&f->r.cat), catalog_size(&f->cat));
}

static void test_include_after_exclude(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk(OP_EXCLUDE, "C1.1/b"), c2 = mk(OP_INCLUDE, "C1.1/b");

	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C1.1/b", STATUS_KEPT);
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C1.1/b")));
	expect_history(&f->r, "C1.1/b", &f->t, "0 1");
	/* Kept but touched: it shows as changed. */
	assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, "C1.1/b")), '*');
}

static void test_include_returns_to_reworded(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk_reword("C2", "役割を明確に割り当てる。", NULL);
	struct change c2 = mk(OP_EXCLUDE, "C2"), c3 = mk(OP_INCLUDE, "C2");
	/* Reworded while excluded. */
	struct change c4 = mk(OP_EXCLUDE, "C3");
	struct change c5 = mk_reword("C3", NULL, "職務の分割");
	struct change c6 = mk(OP_INCLUDE, "C3");

	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	add_change(f, &c4);
	add_change(f, &c5);
	add_change(f, &c6);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C2", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C2")->text, "役割を明確に割り当てる。");
	assert_string_equal(info_of(&f->r, "C2")->base_text, "役割を割り当てる。");
	expect_status(&f->r, "C3", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C3")->title, "職務の分割");
	assert_string_equal(info_of(&f->r, "C3")->base_title, "職務の分離");
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C3")));
}

static void test_reword(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk_reword("C1.1/a", "一つ目を改めた", NULL);
	struct change c2 = mk_reword("C1.1/a", "二度目の改訂", NULL);
	struct change c3 = mk_reword("C2", NULL, "役割及び責任");

	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	resolve(f);
	expect_no_conflicts(&f->r);
	/* Text replaced, the base text kept from before the first change. */
	expect_status(&f->r, "C1.1/a", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C1.1/a")->text, "二度目の改訂");
	assert_string_equal(info_of(&f->r, "C1.1/a")->base_text, "一つ目");
	assert_string_equal(item_of(&f->r, "C1.1/a")->label, "a)");
	expect_history(&f->r, "C1.1/a", &f->t, "0 1");
	assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, "C1.1/a")), '*');
	/* Title only: the text stays, the title changes. */
	expect_status(&f->r, "C2", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C2")->title, "役割及び責任");
	assert_string_equal(item_of(&f->r, "C2")->text, "役割を割り当てる。");
	assert_string_equal(info_of(&f->r, "C2")->base_title, "役割");
	assert_string_equal(info_of(&f->r, "C2")->base_text, "役割を割り当てる。");
	/* The base catalog is not edited. */
	assert_string_equal(catalog_item(&f->cat, catalog_find(&f->cat, "C2"))->title, "役割");
	assert_string_equal(catalog_item(&f->cat, catalog_find(&f->cat, "C1.1/a"))->text, "一つ目");
	assert_int_equal(f->r.changed_count, 2);
}

static void test_split(void **state)
{
	struct fx *f = *state;
	struct new_item parts[2] = {
		{ "C2a", NULL, "役割の定義", "役割を定義する。", -1 },
		{ "C2b", NULL, "役割の割当て", "役割を割り当てる。", -1 },
	};
	struct change c = mk(OP_SPLIT, "C2");
	const struct item *whole, *a, *b;

	c.parts = parts;
	c.part_count = 2;
	add_change(f, &c);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C2", STATUS_SPLIT);
	assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, "C2")), 's');
	assert_non_null(resolved_extra(info_of(&f->r, "C2"))->replaced_by);
	assert_string_equal(resolved_extra(info_of(&f->r, "C2"))->replaced_by, "C2a, C2b");
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C2")));
	/* The parts stand right after the whole, in order. */
	expect_children(&f->r, "S1", "C1 C2 C2a C2b C3");
	whole = item_of(&f->r, "C2");
	a = item_of(&f->r, "C2a");
	b = item_of(&f->r, "C2b");
	expect_status(&f->r, "C2a", STATUS_ADDED);
	expect_status(&f->r, "C2b", STATUS_ADDED);
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C2a")));
	assert_int_equal(a->kind, ITEM_CONTROL);
	assert_int_equal(b->kind, ITEM_CONTROL);
	assert_string_equal(a->title, "役割の定義");
	assert_string_equal(b->text, "役割を割り当てる。");
	/* They keep what the whole had. */
	assert_int_equal(a->ref_count, whole->ref_count);
	assert_int_equal(b->ref_count, 2);
	assert_string_equal(b->refs[0], "27002-5.2");
	assert_string_equal(b->refs[1], "27002-5.3");
	assert_true(has_attr(&f->r, "C2a", "control_type", "Detective"));
	assert_true(has_attr(&f->r, "C2b", "properties", "Availability"));
	assert_int_equal(b->attr_count, 2);
	expect_history(&f->r, "C2", &f->t, "0");
	expect_history(&f->r, "C2a", &f->t, "0");
	expect_history(&f->r, "C2b", &f->t, "0");
	assert_int_equal(catalog_size(&f->r.cat), catalog_size(&f->cat) + 2);
}

static void test_split_entry_keeps_label(void **state)
{
	struct fx *f = *state;
	struct new_item parts[2] = {
		{ "C1.1/b1", NULL, NULL, "二つ目の前半", -1 },
		{ "C1.1/b2", "b-2)", NULL, "二つ目の後半", -1 },
	};
	struct change c = mk(OP_SPLIT, "C1.1/b");

	c.parts = parts;
	c.part_count = 2;
	add_change(f, &c);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_children(&f->r, "C1.1", "C1.1/a C1.1/b C1.1/b1 C1.1/b2 C1.1/c");
	assert_int_equal(item_of(&f->r, "C1.1/b1")->kind, ITEM_ENTRY);
	assert_string_equal(item_of(&f->r, "C1.1/b1")->label, "b)");
	assert_string_equal(item_of(&f->r, "C1.1/b2")->label, "b-2)");
}

static void test_merge(void **state)
{
	struct fx *f = *state;
	const char *targets[] = { "C2", "C3" };
	struct change c = mk(OP_MERGE, NULL);
	const struct item *m;

	c.targets = targets;
	c.target_count = 2;
	c.item.id = "C23";
	c.item.title = "役割と分離";
	c.item.text = "役割を割り当て、相反する職務を分離する。";
	add_change(f, &c);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C2", STATUS_MERGED);
	expect_status(&f->r, "C3", STATUS_MERGED);
	assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, "C3")), 'm');
	assert_string_equal(resolved_extra(info_of(&f->r, "C2"))->replaced_by, "C23");
	assert_string_equal(resolved_extra(info_of(&f->r, "C3"))->replaced_by, "C23");
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C2")));
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C3")));
	/* The merged item stands right after the first target. */
	expect_children(&f->r, "S1", "C1 C2 C23 C3");
	expect_status(&f->r, "C23", STATUS_ADDED);
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C23")));
	m = item_of(&f->r, "C23");
	assert_int_equal(m->kind, ITEM_CONTROL);
	assert_string_equal(m->title, "役割と分離");
	/* The union of references, each once, in order. */
	assert_int_equal(m->ref_count, 3);
	assert_string_equal(m->refs[0], "27002-5.2");
	assert_string_equal(m->refs[1], "27002-5.3");
	assert_string_equal(m->refs[2], "27002-5.4");
	/* The union of attributes: Detective, Availability, Preventive. */
	assert_int_equal(m->attr_count, 3);
	assert_true(has_attr(&f->r, "C23", "control_type", "Detective"));
	assert_true(has_attr(&f->r, "C23", "control_type", "Preventive"));
	assert_true(has_attr(&f->r, "C23", "properties", "Availability"));
	assert_false(has_attr(&f->r, "C23", "control_type", "Corrective"));
	expect_history(&f->r, "C2", &f->t, "0");
	expect_history(&f->r, "C3", &f->t, "0");
	expect_history(&f->r, "C23", &f->t, "0");
}

static void test_merge_stands_after_first_named(void **state)
{
	struct fx *f = *state;
	const char *targets[] = { "C3", "C1" };
	struct change c = mk(OP_MERGE, NULL);

	c.targets = targets;
	c.target_count = 2;
	c.item.id = "M";
	c.item.text = "まとめた。";
	add_change(f, &c);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_children(&f->r, "S1", "C1 C2 C3 M");
	/* References in the order the targets are named. */
	assert_int_equal(item_of(&f->r, "M")->ref_count, 3);
	assert_string_equal(item_of(&f->r, "M")->refs[0], "27002-5.3");
	assert_string_equal(item_of(&f->r, "M")->refs[2], "27002-5.1");
}

static void test_add_places_and_kinds(void **state)
{
	struct fx *f = *state;
	/* Under a control, no label: a detailed control, last. */
	struct change c0 = mk_add("C1", NULL, "C1.3", NULL, "記録を残す。");
	/* Under a detail, with a label: an entry, last. */
	struct change c1 = mk_add("C1.1", NULL, "C1.1/d", "d)", "四つ目");
	/* After an entry without a label: the sibling's kind. */
	struct change c2 = mk_add(NULL, "C1.1/a", "C1.1/a2", NULL, "一つ目の次");
	/* After a control: a control. */
	struct change c3 = mk_add(NULL, "C2", "C2x", NULL, "追加の管理策を実施する。");
	/* Under a section: a control. */
	struct change c4 = mk_add("S1", NULL, "C9", NULL, "最後の管理策");
	/* A label under a control still makes an entry. */
	struct change c5 = mk_add("C2", NULL, "C2/a", "a)", "役割の一覧");

	c3.item.title = "追加";
	c4.item.title = "最後";
	add_change(f, &c0);
	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	add_change(f, &c4);
	add_change(f, &c5);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_children(&f->r, "C1", "C1.1 C1.2 C1.3");
	expect_children(&f->r, "C1.1", "C1.1/a C1.1/a2 C1.1/b C1.1/c C1.1/d");
	expect_children(&f->r, "S1", "C1 C2 C2x C3 C9");
	expect_children(&f->r, "C2", "C2/a");
	assert_int_equal(item_of(&f->r, "C1.3")->kind, ITEM_DETAIL);
	assert_int_equal(item_of(&f->r, "C1.1/d")->kind, ITEM_ENTRY);
	assert_string_equal(item_of(&f->r, "C1.1/d")->label, "d)");
	assert_int_equal(item_of(&f->r, "C1.1/a2")->kind, ITEM_ENTRY);
	assert_int_equal(item_of(&f->r, "C2x")->kind, ITEM_CONTROL);
	assert_int_equal(item_of(&f->r, "C9")->kind, ITEM_CONTROL);
	assert_int_equal(item_of(&f->r, "C2/a")->kind, ITEM_ENTRY);
	assert_int_equal(item_of(&f->r, "C1.1/d")->parent, idx(&f->r, "C1.1"));
	assert_int_equal(item_of(&f->r, "C1.1/a2")->parent, idx(&f->r, "C1.1"));
	assert_int_equal(item_of(&f->r, "C1.1/d")->depth, item_of(&f->r, "C1.1/a")->depth);
	for (uint32_t k = 0; k < 6; k++) {
		static const char *const ids[] = { "C1.3", "C1.1/d", "C1.1/a2", "C2x", "C9", "C2/a" };
		char want[8];

		expect_status(&f->r, ids[k], STATUS_ADDED);
		assert_null(info_of(&f->r, ids[k])->base_text);
		assert_int_equal(resolved_status_mark(&f->r, idx(&f->r, ids[k])), 'A');
		snprintf(want, sizeof(want), "%u", k);
		expect_history(&f->r, ids[k], &f->t, want);
	}
	/* Document order walks through the added items. */
	assert_int_equal(catalog_next(&f->r.cat, idx(&f->r, "C1.1/a")), idx(&f->r, "C1.1/a2"));
	assert_int_equal(catalog_next(&f->r.cat, idx(&f->r, "C1.1/c")), idx(&f->r, "C1.1/d"));
	assert_int_equal(catalog_size(&f->r.cat), catalog_size(&f->cat) + 6);
}

static void test_add_explicit_kind_and_source(void **state)
{
	struct fx *f = *state;
	struct change c = mk_add("C1", NULL, "C1.9", "z)", "法令に基づく項目");
	struct change c2 = mk_add("S1", NULL, "C8", NULL, "組織の要求");
	const struct resolved *info;

	c.item.kind = ITEM_DETAIL;  /* the kind given wins over the label */
	c.source = SOURCE_LAW;
	c.source_ref = "個人情報保護法 第23条";
	c.step = 2;
	c2.item.title = "組織の要求";
	c2.source = SOURCE_ORGANIZATION;
	add_change(f, &c);
	add_change(f, &c2);
	resolve(f);
	expect_no_conflicts(&f->r);
	assert_int_equal(item_of(&f->r, "C1.9")->kind, ITEM_DETAIL);
	info = info_of(&f->r, "C1.9");
	assert_int_equal(info->source, SOURCE_LAW);
	assert_string_equal(resolved_extra(info)->source_ref, "個人情報保護法 第23条");
	assert_int_equal(info_of(&f->r, "C8")->source, SOURCE_ORGANIZATION);
	assert_null(resolved_extra(info_of(&f->r, "C8"))->source_ref);
	/* A kept item has no source. */
	assert_int_equal(info_of(&f->r, "C1")->source, SOURCE_NONE);
}

static void test_add_where_it_cannot_go(void **state)
{
	struct fx *f = *state;
	/* Nothing goes inside a list entry. */
	struct change c = mk_add("C1.1/a", NULL, "C1.1/a/x", NULL, "入れ子");
	struct change c2 = mk_add("C1", NULL, "PX", NULL, "部");

	c2.item.kind = ITEM_PART;
	add_change(f, &c);
	add_change(f, &c2);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 2);
	expect_conflict(&f->r, 0, 0, "cannot be placed inside");
	expect_conflict(&f->r, 1, 1, "cannot be placed inside");
	assert_int_equal(catalog_find(&f->r.cat, "C1.1/a/x"), ITEM_NONE);
	assert_int_equal(catalog_find(&f->r.cat, "PX"), ITEM_NONE);
	assert_int_equal(catalog_size(&f->r.cat), catalog_size(&f->cat));
}

static void test_link_accumulates(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk(OP_LINK, "C1"), c2 = mk(OP_LINK, "C1");
	const struct resolved *info;

	c1.step = c2.step = 5;
	c1.rule = "情報セキュリティ基本方針";
	c1.rule_section = "第3条";
	c1.note = "改定時に相互に確認する";
	c2.rule = "文書管理規程";
	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	expect_no_conflicts(&f->r);
	info = info_of(&f->r, "C1");
	assert_int_equal(resolved_extra(info)->link_count, 2);
	assert_string_equal(resolved_extra(info)->links[0].rule, "情報セキュリティ基本方針");
	assert_string_equal(resolved_extra(info)->links[0].section, "第3条");
	assert_string_equal(resolved_extra(info)->links[0].note, "改定時に相互に確認する");
	assert_string_equal(resolved_extra(info)->links[1].rule, "文書管理規程");
	assert_null(resolved_extra(info)->links[1].section);
	assert_null(resolved_extra(info)->links[1].note);
	/* Linking does not change the status, but it shaped the item. */
	expect_status(&f->r, "C1", STATUS_KEPT);
	expect_history(&f->r, "C1", &f->t, "0 1");
	assert_int_equal(resolved_extra(info_of(&f->r, "C2"))->link_count, 0);
	assert_int_equal(f->r.changed_count, 1);
}

static void test_level_and_wording(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk(OP_LEVEL, "C1.2"), c2 = mk(OP_LEVEL, "C3"),
		      c3 = mk(OP_LEVEL, "C2"), c4 = mk(OP_LEVEL, "C1.1/a"),
		      c5 = mk(OP_LEVEL, "C1");

	c1.level = LEVEL_MANDATORY;     /* 〜することが望ましい。: contradicts */
	c2.level = LEVEL_MANDATORY;     /* 〜する。: fine */
	c3.level = LEVEL_RECOMMENDED;   /* 〜る。 as recommended: contradicts */
	c4.level = LEVEL_MANDATORY;     /* a fragment: no ending, no conflict */
	c5.level = LEVEL_RECOMMENDED;
	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	add_change(f, &c4);
	add_change(f, &c5);
	c5.level = LEVEL_NONE;          /* and back to none */
	add_change(f, &c5);
	resolve(f);
	expect_no_conflicts(&f->r);
	assert_int_equal(info_of(&f->r, "C1.2")->level, LEVEL_MANDATORY);
	assert_true(info_of(&f->r, "C1.2")->wording_conflict);
	assert_int_equal(info_of(&f->r, "C3")->level, LEVEL_MANDATORY);
	assert_false(info_of(&f->r, "C3")->wording_conflict);
	assert_int_equal(info_of(&f->r, "C2")->level, LEVEL_RECOMMENDED);
	assert_true(info_of(&f->r, "C2")->wording_conflict);
	assert_false(info_of(&f->r, "C1.1/a")->wording_conflict);
	assert_int_equal(info_of(&f->r, "C1")->level, LEVEL_NONE);
	assert_false(info_of(&f->r, "C1")->wording_conflict);
	expect_history(&f->r, "C1", &f->t, "4 5");
	/* No level, no check: the base's C1.2 alone is not flagged. */
	expect_status(&f->r, "C1.2", STATUS_KEPT);
}

static void test_wording_checked_after_reword(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk(OP_LEVEL, "C1.2");
	struct change c2 = mk_reword("C1.2", "方針を定期的にレビューする。", NULL);
	struct change c3 = mk_reword("C3", "相反する職務を分離することが望ましい。", NULL);
	struct change c4 = mk(OP_LEVEL, "C3");

	c1.level = LEVEL_MANDATORY;
	c4.level = LEVEL_MANDATORY;
	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	add_change(f, &c4);
	resolve(f);
	expect_no_conflicts(&f->r);
	/* The wording is checked on the final text. */
	assert_false(info_of(&f->r, "C1.2")->wording_conflict);
	assert_true(info_of(&f->r, "C3")->wording_conflict);
}

static void test_technical(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk(OP_TECHNICAL, "C1"), c2 = mk(OP_TECHNICAL, "C2"),
		      c3 = mk(OP_TECHNICAL, "C2");

	c1.step = c2.step = c3.step = 7;
	c1.technical = true;
	c1.review_months = 6;
	c2.technical = true;
	c2.review_months = 12;
	c3.technical = false;   /* unmarked again */
	c3.review_months = 3;
	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	resolve(f);
	expect_no_conflicts(&f->r);
	assert_true(info_of(&f->r, "C1")->technical);
	assert_int_equal(info_of(&f->r, "C1")->review_months, 6);
	assert_false(info_of(&f->r, "C2")->technical);
	assert_int_equal(info_of(&f->r, "C2")->review_months, 0);
	assert_false(info_of(&f->r, "C3")->technical);
	expect_history(&f->r, "C2", &f->t, "1 2");
}

static void test_attributes(void **state)
{
	struct fx *f = *state;
	const char *corrective[] = { "Corrective", "Preventive" };
	struct attr_setting s1[] = { { "control_type", corrective, 2 } };
	struct attr_setting s2[] = { { "properties", NULL, 0 } };  /* clears */
	struct change c1 = mk(OP_ATTRIBUTES, "C1"), c2 = mk(OP_ATTRIBUTES, "C2");

	c1.step = c2.step = 6;
	c1.attrs = s1;
	c1.attr_count = 1;
	c2.attrs = s2;
	c2.attr_count = 1;
	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	expect_no_conflicts(&f->r);
	/* control_type replaced; properties, not named, stays. */
	assert_true(has_attr(&f->r, "C1", "control_type", "Corrective"));
	assert_true(has_attr(&f->r, "C1", "control_type", "Preventive"));
	assert_true(has_attr(&f->r, "C1", "properties", "Confidentiality"));
	assert_true(has_attr(&f->r, "C1", "properties", "Integrity"));
	assert_int_equal(item_of(&f->r, "C1")->attr_count, 4);
	/* properties cleared; control_type, not named, stays. */
	assert_false(has_attr(&f->r, "C2", "properties", "Availability"));
	assert_true(has_attr(&f->r, "C2", "control_type", "Detective"));
	assert_int_equal(item_of(&f->r, "C2")->attr_count, 1);
	/* The base is untouched. */
	assert_int_equal(catalog_item(&f->cat, catalog_find(&f->cat, "C1"))->attr_count, 3);
	expect_history(&f->r, "C1", &f->t, "0");
	expect_status(&f->r, "C1", STATUS_KEPT);
}

static void test_attributes_org_types(void **state)
{
	struct fx *f = *state;
	static struct attr_value levels[] = {
		{ "High", "高", "High" }, { "Low", "低", "Low" },
	};
	static struct attr_type types[] = {
		{ "org_risk", "リスク", "Risk", levels, 2 },
	};
	const char *high[] = { "High" };
	const char *bad_value[] = { "Medium" };
	const char *ok_value[] = { "Corrective" };
	struct attr_setting s1[] = { { "org_risk", high, 1 } };
	struct attr_setting s2[] = { { "colour", high, 1 } };
	/* One good setting and one bad: nothing of it applies. */
	struct attr_setting s3[] = { { "control_type", ok_value, 1 }, { "org_risk", bad_value, 1 } };
	struct change c1 = mk(OP_ATTRIBUTES, "C2"), c2 = mk(OP_ATTRIBUTES, "C2"),
		      c3 = mk(OP_ATTRIBUTES, "C3");

	f->t.types = types;
	f->t.type_count = 1;
	c1.attrs = s1;
	c1.attr_count = 1;
	c2.attrs = s2;
	c2.attr_count = 1;
	c3.attrs = s3;
	c3.attr_count = 2;
	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	resolve(f);
	assert_int_equal(f->r.cat.type_count, 3);
	assert_int_equal(f->cat.type_count, 2);
	assert_true(has_attr(&f->r, "C2", "org_risk", "High"));
	assert_true(has_attr(&f->r, "C2", "control_type", "Detective"));
	assert_true(has_attr(&f->r, "C2", "properties", "Availability"));
	assert_int_equal(f->r.conflict_count, 2);
	expect_conflict(&f->r, 0, 1, "colour");
	expect_conflict(&f->r, 1, 2, "Medium");
	/* C3 is as it was. */
	assert_false(has_attr(&f->r, "C3", "control_type", "Corrective"));
	assert_int_equal(item_of(&f->r, "C3")->attr_count, 2);
	expect_history(&f->r, "C2", &f->t, "0");
	expect_history(&f->r, "C3", &f->t, "");
}

static void test_marks_replace(void **state)
{
	struct fx *f = *state;
	const char *m1[] = { ".P" };
	const char *m2[] = { ".B", ".PB" };
	struct change c1 = mk(OP_MARKS, "C1"), c2 = mk(OP_MARKS, "C1");
	const struct resolved *info;

	c1.marks = m1;
	c1.mark_count = 1;
	c2.marks = m2;
	c2.mark_count = 2;
	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	expect_no_conflicts(&f->r);
	info = info_of(&f->r, "C1");
	assert_int_equal(resolved_extra(info)->mark_count, 2);
	assert_string_equal(resolved_extra(info)->marks[0], ".B");
	assert_string_equal(resolved_extra(info)->marks[1], ".PB");
	expect_history(&f->r, "C1", &f->t, "0 1");
}

/* ---- combinations and order ----------------------------------------------- */

static void test_reword_exclude_include(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk_reword("C1", "当社の方針を定める。", "当社の方針");
	struct change c2 = mk(OP_EXCLUDE, "C1"), c3 = mk(OP_INCLUDE, "C1");

	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	expect_status(&f->r, "C1", STATUS_EXCLUDED);
	assert_string_equal(item_of(&f->r, "C1")->text, "当社の方針を定める。");
	add_change(f, &c3);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C1", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C1")->text, "当社の方針を定める。");
	assert_string_equal(item_of(&f->r, "C1")->title, "当社の方針");
	assert_string_equal(info_of(&f->r, "C1")->base_text, "方針を定める。");
	assert_string_equal(info_of(&f->r, "C1")->base_title, "方針");
	expect_history(&f->r, "C1", &f->t, "0 1 2");
}

static void test_add_then_reword_added(void **state)
{
	struct fx *f = *state;
	struct change c1 = mk_add(NULL, "C1.1/c", "C1.1/d", "d)", "四つ目");
	struct change c2 = mk_reword("C1.1/d", "四つ目を改めた", NULL);
	struct change c3 = mk(OP_EXCLUDE, "C1.1/d"), c4 = mk(OP_INCLUDE, "C1.1/d");

	add_change(f, &c1);
	add_change(f, &c2);
	add_change(f, &c3);
	add_change(f, &c4);
	resolve(f);
	expect_no_conflicts(&f->r);
	/* Still an added item, with the new text and no base text. */
	expect_status(&f->r, "C1.1/d", STATUS_ADDED);
	assert_string_equal(item_of(&f->r, "C1.1/d")->text, "四つ目を改めた");
	assert_null(info_of(&f->r, "C1.1/d")->base_text);
	expect_history(&f->r, "C1.1/d", &f->t, "0 1 2 3");
}

static void test_changes_to_split_or_merged_conflict(void **state)
{
	struct fx *f = *state;
	struct new_item parts[2] = {
		{ "C1.1/a1", NULL, NULL, "前半", -1 },
		{ "C1.1/a2", NULL, NULL, "後半", -1 },
	};
	const char *targets[] = { "C2", "C3" };
	struct change split = mk(OP_SPLIT, "C1.1/a"), merge = mk(OP_MERGE, NULL);
	struct change r1 = mk_reword("C1.1/a", "改めた", NULL);
	struct change r2 = mk(OP_EXCLUDE, "C3");
	struct change r3 = mk(OP_LEVEL, "C2");
	struct change r4 = mk_add(NULL, "C2", "C2z", NULL, "後に追加");
	struct change ok = mk_reword("C1.1/a2", "後半を改めた", NULL);

	split.parts = parts;
	split.part_count = 2;
	merge.targets = targets;
	merge.target_count = 2;
	merge.item.id = "C23";
	merge.item.text = "まとめる。";
	r3.level = LEVEL_MANDATORY;
	add_change(f, &split);  /* 0 */
	add_change(f, &merge);  /* 1 */
	add_change(f, &r1);     /* 2: the split item */
	add_change(f, &r2);     /* 3: a merged item */
	add_change(f, &r3);     /* 4: a merged item */
	add_change(f, &r4);     /* 5: after a merged item */
	add_change(f, &ok);     /* 6: a part is an item like any other */
	resolve(f);
	assert_int_equal(f->r.conflict_count, 4);
	expect_conflict(&f->r, 0, 2, "C1.1/a");
	expect_conflict(&f->r, 1, 3, "C3");
	expect_conflict(&f->r, 2, 4, "C2");
	expect_conflict(&f->r, 3, 5, "C2");
	assert_non_null(strstr(describe(&f->r.conflicts[0]), "C1.1/a1, C1.1/a2"));
	assert_non_null(strstr(describe(&f->r.conflicts[1]), "C23"));
	expect_status(&f->r, "C1.1/a", STATUS_SPLIT);
	assert_string_equal(item_of(&f->r, "C1.1/a")->text, "一つ目");
	expect_status(&f->r, "C3", STATUS_MERGED);
	assert_int_equal(info_of(&f->r, "C2")->level, LEVEL_NONE);
	assert_int_equal(catalog_find(&f->r.cat, "C2z"), ITEM_NONE);
	expect_status(&f->r, "C1.1/a2", STATUS_ADDED);
	assert_string_equal(item_of(&f->r, "C1.1/a2")->text, "後半を改めた");
	/* The failed changes are not in any history. */
	expect_history(&f->r, "C1.1/a", &f->t, "0");
	expect_history(&f->r, "C3", &f->t, "1");
	expect_history(&f->r, "C1.1/a2", &f->t, "0 6");
}

static void test_order_matters(void **state)
{
	struct fx *f = *state;
	struct change inc = mk(OP_INCLUDE, "C2"), exc = mk(OP_EXCLUDE, "C2");
	struct change rew = mk_reword("C9", "改めた", NULL);
	struct change add = mk_add("S1", NULL, "C9", NULL, "追加");

	/* Include before exclude: the include is a conflict, C2 stays out. */
	add_change(f, &inc);
	add_change(f, &exc);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 0, "C2");
	expect_status(&f->r, "C2", STATUS_EXCLUDED);
	tailoring_free(&f->t);
	tailoring_init(&f->t);
	/* The other way round: no conflict, C2 is kept. */
	add_change(f, &exc);
	add_change(f, &inc);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C2", STATUS_KEPT);
	tailoring_free(&f->t);
	tailoring_init(&f->t);
	/* Rewording an item before it is added does not work ... */
	add_change(f, &rew);
	add_change(f, &add);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 0, "C9");
	assert_string_equal(item_of(&f->r, "C9")->text, "追加");
	tailoring_free(&f->t);
	tailoring_init(&f->t);
	/* ... after, it does. */
	add_change(f, &add);
	add_change(f, &rew);
	resolve(f);
	expect_no_conflicts(&f->r);
	assert_string_equal(item_of(&f->r, "C9")->text, "改めた");
}

static void test_history_in_order(void **state)
{
	struct fx *f = *state;
	struct change c[8];
	const char *m[] = { ".P" };

	c[0] = mk_reword("C1", "当社の方針を定める。", NULL);
	c[1] = mk(OP_LEVEL, "C2");
	c[1].level = LEVEL_MANDATORY;
	c[2] = mk(OP_LINK, "C1");
	c[2].rule = "基本方針";
	c[3] = mk_add("C1.1", NULL, "C1.1/d", "d)", "四つ目");
	c[4] = mk(OP_MARKS, "C1");
	c[4].marks = m;
	c[4].mark_count = 1;
	c[5] = mk_reword("C1.1/d", "四つ目の改訂", NULL);
	c[6] = mk(OP_TECHNICAL, "C1");
	c[6].technical = true;
	c[7] = mk(OP_EXCLUDE, "C2");
	for (int k = 0; k < 8; k++)
		add_change(f, &c[k]);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_history(&f->r, "C1", &f->t, "0 2 4 6");
	expect_history(&f->r, "C2", &f->t, "1 7");
	expect_history(&f->r, "C1.1/d", &f->t, "3 5");
	expect_history(&f->r, "C3", &f->t, "");
	/* The change pointers lead to the changes themselves. */
	assert_int_equal(info_of(&f->r, "C1")->history[1].change->op, OP_LINK);
	assert_string_equal(info_of(&f->r, "C1")->history[1].change->rule, "基本方針");
	assert_int_equal(info_of(&f->r, "C2")->history[1].change->op, OP_EXCLUDE);
	assert_false(info_of(&f->r, "C1")->inherited);
	/* C1, C2 and C1.1/d changed; nothing else. */
	assert_int_equal(f->r.changed_count, 3);
}

/* ---- conflicts ----------------------------------------------------------------- */

static void test_conflicts_reported_not_dropped(void **state)
{
	struct fx *f = *state;
	struct change c[9];

	c[0] = mk(OP_EXCLUDE, "NOPE");                     /* does not exist */
	c[1] = mk_reword("C2", "役割を明確にする。", NULL);  /* fine */
	c[2] = mk_add("C1", NULL, "C2", NULL, "同じ番号");  /* id taken */
	c[3] = mk(OP_INCLUDE, "C3");                       /* not excluded */
	c[4] = mk(OP_EXCLUDE, "C1.2");                     /* fine */
	c[5] = mk(OP_EXCLUDE, "C1.2");                     /* twice */
	c[6] = mk_add(NULL, "NOWHERE", "X1", NULL, "どこにもない");  /* anchor gone */
	c[7] = mk(OP_LEVEL, "GONE");
	c[7].level = LEVEL_MANDATORY;
	c[8] = mk_add("S1", NULL, "C4", NULL, "追加");     /* fine */
	c[8].item.title = "追加";
	for (int k = 0; k < 9; k++)
		add_change(f, &c[k]);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 6);
	expect_conflict(&f->r, 0, 0, "NOPE");
	expect_conflict(&f->r, 1, 2, "C2");
	expect_conflict(&f->r, 2, 3, "C3");
	expect_conflict(&f->r, 3, 5, "C1.2");
	expect_conflict(&f->r, 4, 6, "NOWHERE");
	expect_conflict(&f->r, 5, 7, "GONE");
	for (uint32_t k = 0; k < f->r.conflict_count; k++)
		assert_ptr_equal(f->r.conflicts[k].from, &f->t);
	/* The messages differ by cause. */
	assert_non_null(strstr(describe(&f->r.conflicts[0]), "does not exist"));
	assert_non_null(strstr(describe(&f->r.conflicts[1]), "already exists"));
	assert_non_null(strstr(describe(&f->r.conflicts[2]), "not excluded"));
	assert_non_null(strstr(describe(&f->r.conflicts[3]), "already excluded"));
	/* The other changes still apply. */
	expect_status(&f->r, "C2", STATUS_REWORDED);
	expect_status(&f->r, "C1.2", STATUS_EXCLUDED);
	expect_history(&f->r, "C1.2", &f->t, "4");
	expect_status(&f->r, "C4", STATUS_ADDED);
	expect_status(&f->r, "C3", STATUS_KEPT);
	/* The existing C2 is not replaced by the add. */
	assert_string_equal(item_of(&f->r, "C2")->text, "役割を明確にする。");
	assert_int_equal(item_of(&f->r, "C2")->parent, idx(&f->r, "S1"));
	expect_children(&f->r, "C1", "C1.1 C1.2");
	/* Nothing is dropped from the tailoring. */
	assert_int_equal(f->t.count, 9);
	assert_string_equal(f->t.changes[0].target, "NOPE");
}

static void test_split_conflicts(void **state)
{
	struct fx *f = *state;
	struct new_item taken[2] = {
		{ "C2a", NULL, NULL, "前半", -1 },
		{ "C3", NULL, NULL, "後半", -1 },
	};
	struct change c = mk(OP_SPLIT, "C2");

	c.parts = taken;
	c.part_count = 2;
	add_change(f, &c);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 0, "C3");
	/* Nothing of it applies. */
	expect_status(&f->r, "C2", STATUS_KEPT);
	assert_int_equal(catalog_find(&f->r.cat, "C2a"), ITEM_NONE);
	expect_children(&f->r, "S1", "C1 C2 C3");
}

/* Two parts with the same id would give the individual standard two items
 * with one id. */
static void test_split_parts_with_one_id(void **state)
{
	struct fx *f = *state;
	struct new_item twins[2] = {
		{ "C2a", NULL, NULL, "前半", -1 },
		{ "C2a", NULL, NULL, "後半", -1 },
	};
	struct change c = mk(OP_SPLIT, "C2");
	uint32_t n = 0;

	c.parts = twins;
	c.part_count = 2;
	add_change(f, &c);
	resolve(f);
	for (uint32_t i = 1; i < f->r.cat.count; i++)
		n += strcmp(f->r.cat.items[i].id, "C2a") == 0;
	if (n > 1)
		fail_msg("the resolution holds %u items with id C2a", n);
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 0, "C2a");
}

static void test_merge_conflicts(void **state)
{
	struct fx *f = *state;
	const char *gone[] = { "C2", "NOPE" };
	const char *taken[] = { "C2", "C3" };
	struct change c1 = mk(OP_MERGE, NULL), c2 = mk(OP_MERGE, NULL);

	c1.targets = gone;
	c1.target_count = 2;
	c1.item.id = "M1";
	c1.item.text = "まとめる。";
	c2.targets = taken;
	c2.target_count = 2;
	c2.item.id = "C1";
	c2.item.text = "まとめる。";
	add_change(f, &c1);
	add_change(f, &c2);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 2);
	expect_conflict(&f->r, 0, 0, "NOPE");
	expect_conflict(&f->r, 1, 1, "C1");
	expect_status(&f->r, "C2", STATUS_KEPT);
	expect_status(&f->r, "C3", STATUS_KEPT);
	assert_int_equal(catalog_find(&f->r.cat, "M1"), ITEM_NONE);
	expect_children(&f->r, "S1", "C1 C2 C3");
}

/* A merge that names an item and one inside it, or one item twice, and
 * new items of a kind that cannot stand where they would go: each is a
 * conflict with its code, and nothing changes. */
static void test_merge_nested_and_misplaced(void **state)
{
	struct fx *f = *state;
	const char *nested[] = { "C1.2", "C1" };
	const char *twice[] = { "C2", "C2" };
	const char *pair[] = { "C2", "C3" };
	struct new_item parts[2] = {
		{ "C2a", NULL, NULL, "前半", ITEM_PART }, { "C2b", NULL, NULL, "後半", ITEM_PART },
	};
	struct change m1 = mk(OP_MERGE, NULL), m2, m3, sp = mk(OP_SPLIT, "C2");

	m1.targets = nested;
	m1.target_count = 2;
	m1.item.id = "M1";
	m1.item.text = "まとめる。";
	m2 = m1;
	m2.targets = twice;
	m3 = m1;
	m3.targets = pair;
	m3.item.kind = ITEM_PART;
	sp.parts = parts;
	sp.part_count = 2;
	add_change(f, &m1);
	add_change(f, &m2);   /* the change check refuses it; resolution too */
	add_change(f, &m3);
	add_change(f, &sp);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 4);
	assert_int_equal(f->r.conflicts[0].problem.code, PROBLEM_MERGE_NESTED);
	expect_conflict(&f->r, 0, 0, "C1.2 lies inside C1");
	assert_int_equal(f->r.conflicts[1].problem.code, PROBLEM_MERGE_TARGET_TWICE);
	assert_int_equal(f->r.conflicts[2].problem.code, PROBLEM_KIND_PLACE);
	expect_conflict(&f->r, 2, 2, "a part cannot be placed inside a section");
	assert_int_equal(f->r.conflicts[3].problem.code, PROBLEM_KIND_PLACE);
	expect_conflict(&f->r, 3, 3, "a part cannot be placed inside a section");
	expect_status(&f->r, "C1", STATUS_KEPT);
	expect_status(&f->r, "C1.2", STATUS_KEPT);
	expect_status(&f->r, "C2", STATUS_KEPT);
	assert_int_equal(catalog_find(&f->r.cat, "M1"), ITEM_NONE);
	assert_int_equal(catalog_find(&f->r.cat, "C2a"), ITEM_NONE);
	expect_children(&f->r, "S1", "C1 C2 C3");
}

/* ---- a tailoring on another ----------------------------------------------- */

struct two {
	struct tailoring inner;
	struct resolution r1;
};

static void resolve_inner(struct fx *f, struct two *w)
{
	assert_true(resolve_apply(&w->r1, &f->cat, NULL, &w->inner));
}

static void resolve_outer(struct fx *f, struct two *w)
{
	if (f->resolved)
		resolution_free(&f->r);
	assert_true(resolve_apply(&f->r, &w->r1.cat, &w->r1, &f->t));
	f->resolved = true;
}

static void test_on_a_base_tailoring(void **state)
{
	struct fx *f = *state;
	struct two w;
	struct change i0 = mk(OP_EXCLUDE, "C1");
	struct change i1 = mk_reword("C2", "業界の役割を割り当てる。", NULL);
	struct change i2 = mk_add("S1", NULL, "C4", NULL, "業界の追加");
	struct change i3 = mk(OP_EXCLUDE, "C3");
	struct change i4 = mk(OP_LEVEL, "C1.2");
	struct change o0 = mk(OP_INCLUDE, "C1");
	struct change o1 = mk_reword("C4", "当社の追加", NULL);
	struct change o2 = mk(OP_EXCLUDE, "C1.1/c");

	i2.item.title = "追加";
	i4.level = LEVEL_MANDATORY;
	tailoring_init(&w.inner);
	w.inner.id = "sector";
	assert_true(tailoring_append(&w.inner, &i0) >= 0);
	assert_true(tailoring_append(&w.inner, &i1) >= 0);
	assert_true(tailoring_append(&w.inner, &i2) >= 0);
	assert_true(tailoring_append(&w.inner, &i3) >= 0);
	assert_true(tailoring_append(&w.inner, &i4) >= 0);
	resolve_inner(f, &w);
	expect_no_conflicts(&w.r1);
	add_change(f, &o0);
	add_change(f, &o1);
	add_change(f, &o2);
	f->t.base.kind = BASE_TAILORING;
	resolve_outer(f, &w);
	expect_no_conflicts(&f->r);

	/* Carried over, shaped by the base only. */
	expect_status(&f->r, "C2", STATUS_REWORDED);
	assert_string_equal(item_of(&f->r, "C2")->text, "業界の役割を割り当てる。");
	assert_string_equal(info_of(&f->r, "C2")->base_text, "役割を割り当てる。");
	assert_true(info_of(&f->r, "C2")->inherited);
	expect_history(&f->r, "C2", &w.inner, "1");
	expect_status(&f->r, "C3", STATUS_EXCLUDED);
	assert_true(info_of(&f->r, "C3")->inherited);
	assert_true(resolved_is_out(&f->r, idx(&f->r, "C3")));
	assert_int_equal(info_of(&f->r, "C1.2")->level, LEVEL_MANDATORY);
	assert_true(info_of(&f->r, "C1.2")->wording_conflict);
	assert_true(info_of(&f->r, "C1.2")->inherited);
	/* The outer tailoring includes what the inner one excluded. */
	expect_status(&f->r, "C1", STATUS_KEPT);
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C1.1")));
	assert_false(info_of(&f->r, "C1")->inherited);
	assert_int_equal(info_of(&f->r, "C1")->history_count, 2);
	assert_ptr_equal(info_of(&f->r, "C1")->history[0].from, &w.inner);
	assert_int_equal(info_of(&f->r, "C1")->history[0].index, 0);
	assert_ptr_equal(info_of(&f->r, "C1")->history[0].change, &w.inner.changes[0]);
	assert_ptr_equal(info_of(&f->r, "C1")->history[1].from, &f->t);
	assert_int_equal(info_of(&f->r, "C1")->history[1].index, 0);
	assert_ptr_equal(info_of(&f->r, "C1")->history[1].change, &f->t.changes[0]);
	/* An item the base added, reworded here: still added. */
	expect_status(&f->r, "C4", STATUS_ADDED);
	assert_string_equal(item_of(&f->r, "C4")->text, "当社の追加");
	assert_false(info_of(&f->r, "C4")->inherited);
	assert_ptr_equal(info_of(&f->r, "C4")->history[0].from, &w.inner);
	assert_ptr_equal(info_of(&f->r, "C4")->history[1].from, &f->t);
	expect_status(&f->r, "C1.1/c", STATUS_EXCLUDED);
	expect_history(&f->r, "C1.1/c", &f->t, "2");
	/* The base resolution is not touched by the outer one. */
	assert_int_equal(w.r1.info[catalog_find(&w.r1.cat, "C1")].status, STATUS_EXCLUDED);
	assert_int_equal(w.r1.info[catalog_find(&w.r1.cat, "C1")].history_count, 1);
	assert_int_equal(w.r1.info[catalog_find(&w.r1.cat, "C4")].history_count, 1);
	assert_string_equal(w.r1.cat.items[catalog_find(&w.r1.cat, "C4")].text, "業界の追加");
	/* Conflicts of the outer tailoring name it. */
	resolution_free(&w.r1);
	tailoring_free(&w.inner);
}

/* Marks, risks and links are kept apart from the per-item record and shared
 * with the base resolution until written: writing them here must leave the
 * base's as they were. */
static void test_extras_copied_before_written(void **state)
{
	struct fx *f = *state;
	struct two w;
	const char *m_in[] = { ".P" }, *m_out[] = { ".B", ".PB" };
	struct change i0 = mk(OP_MARKS, "C1"), i1 = mk(OP_LINK, "C1");
	struct change o0 = mk(OP_MARKS, "C1"), o1 = mk(OP_LINK, "C1");
	const struct resolved_extra *below, *above;

	i0.marks = m_in;
	i0.mark_count = 1;
	i1.rule = "業界の指針";
	o0.marks = m_out;
	o0.mark_count = 2;
	o1.rule = "当社の規程";
	tailoring_init(&w.inner);
	w.inner.id = "sector";
	assert_true(tailoring_append(&w.inner, &i0) >= 0);
	assert_true(tailoring_append(&w.inner, &i1) >= 0);
	resolve_inner(f, &w);
	add_change(f, &o0);
	add_change(f, &o1);
	f->t.base.kind = BASE_TAILORING;
	resolve_outer(f, &w);
	expect_no_conflicts(&f->r);
	below = resolved_extra(&w.r1.info[catalog_find(&w.r1.cat, "C1")]);
	above = resolved_extra(info_of(&f->r, "C1"));
	assert_ptr_not_equal(below, above);
	assert_int_equal(below->mark_count, 1);
	assert_string_equal(below->marks[0], ".P");
	assert_int_equal(below->link_count, 1);
	assert_int_equal(above->mark_count, 2);
	assert_string_equal(above->marks[1], ".PB");
	assert_int_equal(above->link_count, 2);
	assert_string_equal(above->links[0].rule, "業界の指針");
	assert_string_equal(above->links[1].rule, "当社の規程");
	/* An item neither touched carries no extra at all. */
	assert_null(info_of(&f->r, "C2")->extra);
	assert_int_equal(resolved_extra(info_of(&f->r, "C2"))->mark_count, 0);
	resolution_free(&w.r1);
	tailoring_free(&w.inner);
}

static void test_outer_conflicts_name_outer(void **state)
{
	struct fx *f = *state;
	struct two w;
	struct change i0 = mk(OP_EXCLUDE, "C1");
	struct change o0 = mk(OP_EXCLUDE, "C1");

	tailoring_init(&w.inner);
	assert_true(tailoring_append(&w.inner, &i0) >= 0);
	resolve_inner(f, &w);
	add_change(f, &o0);
	resolve_outer(f, &w);
	/* Excluded below, excluded again above: a conflict of the outer one. */
	assert_int_equal(f->r.conflict_count, 1);
	assert_ptr_equal(f->r.conflicts[0].from, &f->t);
	expect_conflict(&f->r, 0, 0, "already excluded");
	resolution_free(&w.r1);
	tailoring_free(&w.inner);
}

/* What the base tailoring did before excluding an item comes back when the
 * outer one includes it: a reworded item is still reworded, an added one
 * still added, a retitled one still reworded. */
static enum item_status include_below(struct fx *f, const struct change *before,
				      const char *id)
{
	struct two w;
	struct change ex = mk(OP_EXCLUDE, id), in = mk(OP_INCLUDE, id);
	enum item_status s;

	tailoring_init(&w.inner);
	assert_true(tailoring_append(&w.inner, before) >= 0);
	assert_true(tailoring_append(&w.inner, &ex) >= 0);
	resolve_inner(f, &w);
	add_change(f, &in);
	resolve_outer(f, &w);
	s = status_of(&f->r, id);
	assert_int_equal(f->r.conflict_count, 0);
	assert_false(resolved_is_out(&f->r, idx(&f->r, id)));
	assert_false(info_of(&f->r, id)->inherited);
	assert_int_equal(info_of(&f->r, id)->history_count, 3);
	resolution_free(&f->r);
	f->resolved = false;
	resolution_free(&w.r1);
	tailoring_free(&w.inner);
	return s;
}

static void test_include_restores_reworded_from_base(void **state)
{
	struct fx *f = *state;
	struct change c = mk_reword("C3", "職務を分ける。", NULL);
	enum item_status s = include_below(f, &c, "C3");

	if (s != STATUS_REWORDED)
		fail_msg("C3, reworded and excluded below, included above: %s, want reworded",
			 item_status_name(s));
}

static void test_include_restores_added_from_base(void **state)
{
	struct fx *f = *state;
	struct change c = mk_add("S1", NULL, "C4", NULL, "業界の追加");
	enum item_status s;

	c.item.title = "追加";
	s = include_below(f, &c, "C4");
	if (s != STATUS_ADDED)
		fail_msg("C4, added and excluded below, included above: %s, want added",
			 item_status_name(s));
}

static void test_include_restores_retitled_from_base(void **state)
{
	struct fx *f = *state;
	struct change c = mk_reword("C3", NULL, "職務の分割");
	enum item_status s = include_below(f, &c, "C3");

	if (s != STATUS_REWORDED)
		fail_msg("C3, retitled and excluded below, included above: %s, want reworded",
			 item_status_name(s));
}

static int setup_lang(void **state)
{
	(void)state;
	i18n_set_language(LANGUAGE_EN);
	return 0;
}

/* ---- withdraw and retarget ----------------------------------------------------- */

static struct change mk_taking(enum change_op op, uint32_t ref, const char *target)
{
	struct change c = mk(op, target);

	c.ref = ref;
	return c;
}

/* The states of an item's history, "withdrawn applied". */
static void expect_states(const struct resolution *r, const char *id, const char *want)
{
	static const char *const names[] = { "applied", "withdrawn", "retargeted" };
	const struct resolved *info = info_of(r, id);
	char buf[256];
	size_t n = 0;

	buf[0] = '\0';
	for (uint32_t k = 0; k < info->history_count; k++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s", k ? " " : "",
				      names[info->history[k].state]);
	if (strcmp(buf, want) != 0)
		fail_msg("history states of %s are \"%s\", want \"%s\"", id, buf, want);
}

static void test_withdraw_takes_back(void **state)
{
	struct fx *f = *state;
	struct change c[3];

	c[0] = mk(OP_EXCLUDE, "C1");
	c[1] = mk_reword("C2", "役割を明確にする。", NULL);
	c[2] = mk_taking(OP_WITHDRAW, 1, NULL);
	for (int k = 0; k < 3; k++)
		add_change(f, &c[k]);
	resolve(f);
	expect_no_conflicts(&f->r);
	/* C1 is back in, as if never excluded; the rewording still holds. */
	expect_status(&f->r, "C1", STATUS_KEPT);
	assert_false(resolved_is_out(&f->r, idx(&f->r, "C1.1")));
	expect_status(&f->r, "C2", STATUS_REWORDED);
	/* Its history keeps both, so a successor reads why. */
	expect_history(&f->r, "C1", &f->t, "0 2");
	expect_states(&f->r, "C1", "withdrawn applied");
	expect_history(&f->r, "C2", &f->t, "1");
	assert_int_equal(resolution_withdrawn_by(&f->r, 0), 2);
	assert_int_equal(resolution_withdrawn_by(&f->r, 1), CHANGE_NONE);
	assert_int_equal(resolution_withdrawn_by(&f->r, 2), CHANGE_NONE);
	assert_int_equal(resolution_withdrawn_by(&f->r, 99), CHANGE_NONE);
}

static void test_withdraw_ends_a_conflict(void **state)
{
	struct fx *f = *state;
	struct change c[4];

	c[0] = mk(OP_EXCLUDE, "NOPE");
	c[1] = mk_add("C1", NULL, "C9", NULL, "追加");
	c[2] = mk_reword("C9", "追加を直す。", NULL);
	add_change(f, &c[0]);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 1);
	c[3] = mk_taking(OP_WITHDRAW, 1, NULL);
	add_change(f, &c[3]);
	resolve(f);
	expect_no_conflicts(&f->r);

	/* Withdrawing an addition takes the item away: what changed it
	 * later no longer applies, and says so. */
	add_change(f, &c[1]);
	add_change(f, &c[2]);
	c[3] = mk_taking(OP_WITHDRAW, 3, NULL);
	add_change(f, &c[3]);
	resolve(f);
	assert_int_equal(catalog_find(&f->r.cat, "C9"), ITEM_NONE);
	expect_children(&f->r, "C1", "C1.1 C1.2");
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 3, "C9");
	/* The parent it was added under keeps the record. */
	expect_history(&f->r, "C1", &f->t, "2 4");
	expect_states(&f->r, "C1", "withdrawn applied");
}

static void test_withdraw_twice_and_retarget_withdrawn(void **state)
{
	struct fx *f = *state;
	struct change c[4];

	c[0] = mk(OP_EXCLUDE, "C1");
	c[1] = mk_taking(OP_WITHDRAW, 1, NULL);
	c[2] = mk_taking(OP_WITHDRAW, 1, NULL);
	c[3] = mk_taking(OP_RETARGET, 1, "C2");
	for (int k = 0; k < 4; k++)
		add_change(f, &c[k]);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 2);
	expect_conflict(&f->r, 0, 2, "change 1 was already withdrawn by change 2");
	assert_int_equal(f->r.conflicts[0].problem.code, PROBLEM_ALREADY_WITHDRAWN);
	expect_conflict(&f->r, 1, 3, "change 1 was withdrawn by change 2");
	assert_int_equal(f->r.conflicts[1].problem.code, PROBLEM_WITHDRAWN);
	expect_status(&f->r, "C1", STATUS_KEPT);
	expect_status(&f->r, "C2", STATUS_KEPT);
	assert_int_equal(resolution_retargeted_by(&f->r, 0), CHANGE_NONE);
}

static void test_retarget_moves(void **state)
{
	struct fx *f = *state;
	struct change c[2];

	c[0] = mk(OP_EXCLUDE, "NOPE");
	c[1] = mk_taking(OP_RETARGET, 1, "C3");
	add_change(f, &c[0]);
	add_change(f, &c[1]);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C3", STATUS_EXCLUDED);
	expect_history(&f->r, "C3", &f->t, "0 1");
	expect_states(&f->r, "C3", "retargeted applied");
	assert_int_equal(resolution_retargeted_by(&f->r, 0), 1);
	/* The file still says what was written. */
	assert_string_equal(f->t.changes[0].target, "NOPE");
}

static void test_retarget_records_both_places(void **state)
{
	struct fx *f = *state;
	struct change c[2];

	c[0] = mk(OP_EXCLUDE, "C1");
	c[1] = mk_taking(OP_RETARGET, 1, "C2");
	add_change(f, &c[0]);
	add_change(f, &c[1]);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C1", STATUS_KEPT);
	expect_status(&f->r, "C2", STATUS_EXCLUDED);
	expect_history(&f->r, "C1", &f->t, "1");
	expect_history(&f->r, "C2", &f->t, "0 1");
}

static void test_retarget_to_nothing_is_its_conflict(void **state)
{
	struct fx *f = *state;
	struct change c[3];

	c[0] = mk(OP_EXCLUDE, "C1");
	c[1] = mk_taking(OP_RETARGET, 1, "NOWHERE");
	add_change(f, &c[0]);
	add_change(f, &c[1]);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 1);
	expect_conflict(&f->r, 0, 1, "NOWHERE");
	/* The original stays as it was. */
	expect_status(&f->r, "C1", STATUS_EXCLUDED);
	expect_states(&f->r, "C1", "applied applied");

	/* Any reason the new place fails is the retarget's; the change
	 * then applies as written (here: a conflict of its own). */
	resolution_free(&f->r);
	f->resolved = false;
	f->t.count = 0;
	c[0] = mk(OP_INCLUDE, "C1");
	c[1] = mk_taking(OP_RETARGET, 1, "C2");
	add_change(f, &c[0]);
	add_change(f, &c[1]);
	resolve(f);
	assert_int_equal(f->r.conflict_count, 2);
	expect_conflict(&f->r, 0, 1, "C2 is not excluded");
	expect_conflict(&f->r, 1, 0, "C1 is not excluded");
}

static void test_retarget_an_addition(void **state)
{
	struct fx *f = *state;
	struct change c[3];

	c[0] = mk_add(NULL, "NOWHERE", "C9", NULL, "追加");
	c[1] = mk_taking(OP_RETARGET, 1, NULL);
	c[1].parent = "S1";
	add_change(f, &c[0]);
	add_change(f, &c[1]);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_status(&f->r, "C9", STATUS_ADDED);
	expect_children(&f->r, "S1", "C1 C2 C3 C9");
	/* A later retarget wins over an earlier one. */
	c[2] = mk_taking(OP_RETARGET, 1, NULL);
	c[2].after = "C1";
	add_change(f, &c[2]);
	resolve(f);
	expect_no_conflicts(&f->r);
	expect_children(&f->r, "S1", "C1 C9 C2 C3");
	assert_int_equal(resolution_retargeted_by(&f->r, 0), 2);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_nothing_changes_nothing),
		T(test_exclude),
		T(test_include_after_exclude),
		T(test_include_returns_to_reworded),
		T(test_reword),
		T(test_split),
		T(test_split_entry_keeps_label),
		T(test_merge),
		T(test_merge_stands_after_first_named),
		T(test_add_places_and_kinds),
		T(test_add_explicit_kind_and_source),
		T(test_add_where_it_cannot_go),
		T(test_link_accumulates),
		T(test_level_and_wording),
		T(test_wording_checked_after_reword),
		T(test_technical),
		T(test_attributes),
		T(test_attributes_org_types),
		T(test_marks_replace),
		T(test_reword_exclude_include),
		T(test_add_then_reword_added),
		T(test_changes_to_split_or_merged_conflict),
		T(test_order_matters),
		T(test_history_in_order),
		T(test_conflicts_reported_not_dropped),
		T(test_split_conflicts),
		T(test_split_parts_with_one_id),
		T(test_merge_conflicts),
		T(test_merge_nested_and_misplaced),
		T(test_on_a_base_tailoring),
		T(test_extras_copied_before_written),
		T(test_outer_conflicts_name_outer),
		T(test_include_restores_reworded_from_base),
		T(test_include_restores_added_from_base),
		T(test_include_restores_retitled_from_base),
		T(test_withdraw_takes_back),
		T(test_withdraw_ends_a_conflict),
		T(test_withdraw_twice_and_retarget_withdrawn),
		T(test_retarget_moves),
		T(test_retarget_records_both_places),
		T(test_retarget_to_nothing_is_its_conflict),
		T(test_retarget_an_addition),
	};

	return cmocka_run_group_tests(tests, setup_lang, NULL);
}
