/* Applies a tailoring's changes to its base, one by one, recording on each
 * item what shaped it and on the resolution what could not apply. */
#include "kijun/resolve.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/query.h"
#include "kijun/wording.h"

const char *item_status_name(enum item_status s)
{
	static const char *const names[STATUS_COUNT] = {
		"kept", "reworded", "added", "excluded", "split", "merged",
	};

	return (unsigned)s < STATUS_COUNT ? names[s] : "";
}

const char *item_status_label(enum item_status s)
{
	switch (s) {
	case STATUS_REWORDED: return _("reworded");
	case STATUS_ADDED: return _("added");
	case STATUS_EXCLUDED: return _("excluded");
	case STATUS_SPLIT: return _("split");
	case STATUS_MERGED: return _("merged");
	default: return _("kept");
	}
}

struct resolver {
	struct resolution *r;
	const struct tailoring *t;
	uint32_t info_capacity;
	uint32_t info_zeroed;    /* info[0..this) is set */
	uint32_t blame;   /* a retarget answers for the conflicts of what it moved */
	uint8_t state;    /* enum shaping_state for the history being written */
	bool oom;
};

/* Records that change `index` cannot apply, as a code with arguments. */
static void conflict(struct resolver *rv, uint32_t index, enum problem_code code,
		     const char *a, const char *b, long n0, long n1)
{
	struct resolution *r = rv->r;
	struct conflict *x;

	if (r->conflict_count == r->conflict_capacity) {
		uint32_t cap = r->conflict_capacity ? r->conflict_capacity * 2 : 8;
		struct conflict *v = realloc(r->conflicts, cap * sizeof(*v));

		if (!v) {
			rv->oom = true;
			return;
		}
		r->conflicts = v;
		r->conflict_capacity = cap;
	}
	x = &r->conflicts[r->conflict_count++];
	memset(x, 0, sizeof(*x));
	x->from = rv->t;
	x->index = rv->blame != CHANGE_NONE ? rv->blame : index;
	x->problem.code = code;
	x->problem.str[0] = a;
	x->problem.str[1] = b;
	x->problem.num[0] = n0;
	x->problem.num[1] = n1;
}

/* Keeps info[] as long as the catalog's items, zeroed only as far as
 * there are items: zeroing the whole capacity (the next power of two)
 * made pages resident that no item used, a sixth of a resolve's memory
 * on 100k items. */
static bool grow_info(struct resolver *rv)
{
	struct resolution *r = rv->r;

	if (r->cat.count > rv->info_capacity) {
		struct resolved *v = realloc(r->info, r->cat.capacity * sizeof(*v));

		if (!v) {
			rv->oom = true;
			return false;
		}
		r->info = v;
		rv->info_capacity = r->cat.capacity;
	}
	if (r->cat.count > rv->info_zeroed) {
		memset(r->info + rv->info_zeroed, 0, (r->cat.count - rv->info_zeroed) * sizeof(*r->info));
		rv->info_zeroed = r->cat.count;
	}
	return true;
}

static const struct resolved_extra no_extra;

const struct resolved_extra *resolved_extra(const struct resolved *info)
{
	return info->extra ? info->extra : &no_extra;
}

/* Item i's extra to write, copied into this resolution's arena the first
 * time (it may be a base resolution's); NULL when out of memory. */
static struct resolved_extra *extra_to_write(struct resolver *rv, uint32_t i)
{
	struct resolved *info = &rv->r->info[i];
	struct resolved_extra *x = arena_alloc(&rv->r->cat.arena, sizeof(*x));

	if (!x) {
		rv->oom = true;
		return NULL;
	}
	*x = *resolved_extra(info);
	info->extra = x;
	return x;
}

/* Histories are shared with a base resolution until first written: copy on
 * write into this resolution's arena. */
static void shaped_by(struct resolver *rv, uint32_t i, uint32_t index)
{
	struct resolved *info = &rv->r->info[i];
	struct shaping *h = arena_alloc(&rv->r->cat.arena,
					(info->history_count + 1) * sizeof(*h));

	if (!h) {
		rv->oom = true;
		return;
	}
	if (info->history_count)
		memcpy(h, info->history, info->history_count * sizeof(*h));
	h[info->history_count].change = &rv->t->changes[index];
	h[info->history_count].from = rv->t;
	h[info->history_count].index = index;
	h[info->history_count].state = rv->state;
	info->history = h;
	info->history_count++;
	info->inherited = false;
}

static uint32_t find_target(struct resolver *rv, uint32_t index, const char *id)
{
	uint32_t i = catalog_find(&rv->r->cat, id);

	if (i == ITEM_NONE)
		conflict(rv, index, PROBLEM_NOT_IN_BASE, id, NULL, 0, 0);
	return i;
}

/* Split and merged items are gone from the individual standard: changes
 * to them cannot apply. */
static bool still_there(struct resolver *rv, uint32_t index, uint32_t i)
{
	const struct resolved *info = &rv->r->info[i];

	if (info->status == STATUS_SPLIT || info->status == STATUS_MERGED) {
		conflict(rv, index, PROBLEM_GONE, rv->r->cat.items[i].id,
			 resolved_extra(info)->replaced_by, info->status, 0);
		return false;
	}
	return true;
}

static bool id_is_free(struct resolver *rv, uint32_t index, const char *id)
{
	if (catalog_find(&rv->r->cat, id) != ITEM_NONE) {
		conflict(rv, index, PROBLEM_ID_EXISTS, id, NULL, 0, 0);
		return false;
	}
	return true;
}

static void set_new_item(struct resolver *rv, uint32_t i, const struct new_item *n)
{
	struct item *it = &rv->r->cat.items[i];
	bool oom;

	it->id = n->id;
	it->label = n->label;
	it->title = n->title;
	it->text = n->text;
	it->line = 0;
	catalog_index_id(&rv->r->cat, i, &oom);
	if (oom)
		rv->oom = true;
	rv->r->info[i].status = STATUS_ADDED;
}

/* A new item of that kind may stand under parent (a part inside a
 * section may not). */
static bool kind_fits(struct resolver *rv, uint32_t index, uint32_t parent, enum item_kind kind)
{
	enum item_kind pk = (enum item_kind)rv->r->cat.items[parent].kind;

	if (item_kind_may_hold(pk, kind))
		return true;
	conflict(rv, index, PROBLEM_KIND_PLACE, NULL, NULL, kind, pk);
	return false;
}

static bool is_below(const struct catalog *cat, uint32_t i, uint32_t ancestor)
{
	for (i = cat->items[i].parent; i != ITEM_NONE && i != ITEM_ROOT_INDEX;
	     i = cat->items[i].parent)
		if (i == ancestor)
			return true;
	return false;
}

static void do_exclude(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t i = find_target(rv, index, c->target);
	struct resolved *info;

	if (i == ITEM_NONE || !still_there(rv, index, i))
		return;
	info = &rv->r->info[i];
	if (info->status == STATUS_EXCLUDED) {
		conflict(rv, index, PROBLEM_ALREADY_EXCLUDED, c->target, NULL, 0, 0);
		return;
	}
	info->before_exclusion = info->status;
	info->status = STATUS_EXCLUDED;
	shaped_by(rv, i, index);
}

static void do_include(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t i = find_target(rv, index, c->target);
	struct resolved *info;

	if (i == ITEM_NONE)
		return;
	info = &rv->r->info[i];
	if (info->status != STATUS_EXCLUDED) {
		conflict(rv, index, PROBLEM_NOT_EXCLUDED, c->target, NULL, 0, 0);
		return;
	}
	/* Back to what it was, also when a base tailoring excluded it. */
	info->status = info->before_exclusion;
	shaped_by(rv, i, index);
}

static void do_reword(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t i = find_target(rv, index, c->target);
	struct item *it;
	struct resolved *info;

	if (i == ITEM_NONE || !still_there(rv, index, i))
		return;
	it = &rv->r->cat.items[i];
	info = &rv->r->info[i];
	if (info->status != STATUS_ADDED && !info->base_text && !info->base_title) {
		info->base_text = it->text ? it->text : "";
		info->base_title = it->title;
	}
	if (c->text)
		it->text = c->text;
	if (c->title)
		it->title = c->title;
	if (info->status == STATUS_KEPT)
		info->status = STATUS_REWORDED;
	else if (info->status == STATUS_EXCLUDED && info->before_exclusion == STATUS_KEPT)
		info->before_exclusion = STATUS_REWORDED;
	shaped_by(rv, i, index);
}

/* "a, b, c" in the resolution's arena, for "replaced by". */
static const char *join_ids(struct resolver *rv, const char *const *ids, uint32_t n,
			    size_t stride)
{
	size_t len = 1;
	char *s;

	for (uint32_t k = 0; k < n; k++)
		len += strlen(*(const char *const *)((const char *)ids + k * stride)) + 2;
	s = arena_alloc(&rv->r->cat.arena, len);
	if (!s) {
		rv->oom = true;
		return NULL;
	}
	s[0] = '\0';
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			strcat(s, ", ");
		strcat(s, *(const char *const *)((const char *)ids + k * stride));
	}
	return s;
}

static void do_split(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t i = find_target(rv, index, c->target), prev;
	struct resolved_extra *x;

	if (i == ITEM_NONE || !still_there(rv, index, i))
		return;
	for (uint32_t k = 0; k < c->part_count; k++) {
		if (!id_is_free(rv, index, c->parts[k].id) ||
		    !kind_fits(rv, index, rv->r->cat.items[i].parent,
			       c->parts[k].kind >= 0 ? (enum item_kind)c->parts[k].kind
						     : (enum item_kind)rv->r->cat.items[i].kind))
			return;
		for (uint32_t j = 0; j < k; j++) {
			if (strcmp(c->parts[j].id, c->parts[k].id) == 0) {
				conflict(rv, index, PROBLEM_SPLIT_PART_TWICE, c->parts[k].id, NULL, 0, 0);
				return;
			}
		}
	}
	prev = i;
	for (uint32_t k = 0; k < c->part_count; k++) {
		const struct new_item *p = &c->parts[k];
		enum item_kind kind = p->kind >= 0 ? (enum item_kind)p->kind
						   : (enum item_kind)rv->r->cat.items[i].kind;
		uint32_t n = catalog_insert_after(&rv->r->cat, prev, kind);

		if (n == ITEM_NONE || !grow_info(rv)) {
			rv->oom = true;
			return;
		}
		/* A part keeps what the whole had: references and attributes. */
		rv->r->cat.items[n].refs = rv->r->cat.items[i].refs;
		rv->r->cat.items[n].ref_count = rv->r->cat.items[i].ref_count;
		rv->r->cat.items[n].attrs = rv->r->cat.items[i].attrs;
		rv->r->cat.items[n].attr_count = rv->r->cat.items[i].attr_count;
		set_new_item(rv, n, p);
		if (!p->label && kind == ITEM_ENTRY)
			rv->r->cat.items[n].label = rv->r->cat.items[i].label;
		shaped_by(rv, n, index);
		prev = n;
	}
	rv->r->info[i].status = STATUS_SPLIT;
	x = extra_to_write(rv, i);
	if (x)
		x->replaced_by = join_ids(rv, &c->parts[0].id, c->part_count, sizeof(c->parts[0]));
	shaped_by(rv, i, index);
}

static bool attrs_has(const struct attr_ref *v, uint32_t n, struct attr_ref a)
{
	for (uint32_t k = 0; k < n; k++)
		if (v[k].type == a.type && v[k].value == a.value)
			return true;
	return false;
}

static void do_merge(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct catalog *cat = &rv->r->cat;
	uint32_t first = ITEM_NONE, n, nattrs = 0, nrefs = 0;
	struct attr_ref *attrs;
	const char **refs;
	enum item_kind kind;

	for (uint32_t k = 0; k < c->target_count; k++) {
		uint32_t i = find_target(rv, index, c->targets[k]);

		if (i == ITEM_NONE || !still_there(rv, index, i))
			return;
		/* An item merged with its own child would at once be merged
		 * and inside what it was merged into. */
		for (uint32_t j = 0; j < k; j++) {
			uint32_t o = catalog_find(cat, c->targets[j]);

			if (o == i) {
				conflict(rv, index, PROBLEM_MERGE_TARGET_TWICE, c->targets[k], NULL, 0, 0);
				return;
			}
			if (is_below(cat, i, o) || is_below(cat, o, i)) {
				bool below = is_below(cat, i, o);

				conflict(rv, index, PROBLEM_MERGE_NESTED,
					 below ? c->targets[k] : c->targets[j],
					 below ? c->targets[j] : c->targets[k], 0, 0);
				return;
			}
		}
		if (first == ITEM_NONE)
			first = i;
		nattrs += cat->items[i].attr_count;
		nrefs += cat->items[i].ref_count;
	}
	if (!id_is_free(rv, index, c->item.id))
		return;
	kind = c->item.kind >= 0 ? (enum item_kind)c->item.kind
				 : (enum item_kind)cat->items[first].kind;
	if (!kind_fits(rv, index, cat->items[first].parent, kind))
		return;
	/* The merged item stands where the first one stood. */
	n = catalog_insert_after(cat, first, kind);
	if (n == ITEM_NONE || !grow_info(rv)) {
		rv->oom = true;
		return;
	}
	attrs = nattrs ? arena_alloc(&cat->arena, nattrs * sizeof(*attrs)) : NULL;
	refs = nrefs ? arena_alloc(&cat->arena, nrefs * sizeof(*refs)) : NULL;
	if ((nattrs && !attrs) || (nrefs && !refs)) {
		rv->oom = true;
		return;
	}
	nattrs = nrefs = 0;
	/* It carries what each had: the union of attributes and references. */
	for (uint32_t k = 0; k < c->target_count; k++) {
		const struct item *t = &cat->items[catalog_find(cat, c->targets[k])];

		for (uint32_t a = 0; a < t->attr_count; a++)
			if (!attrs_has(attrs, nattrs, t->attrs[a]))
				attrs[nattrs++] = t->attrs[a];
		for (uint32_t r = 0; r < t->ref_count; r++) {
			bool dup = false;

			for (uint32_t q = 0; q < nrefs; q++)
				dup |= strcmp(refs[q], t->refs[r]) == 0;
			if (!dup)
				refs[nrefs++] = t->refs[r];
		}
	}
	cat->items[n].attrs = attrs;
	cat->items[n].attr_count = nattrs;
	cat->items[n].refs = refs;
	cat->items[n].ref_count = nrefs;
	set_new_item(rv, n, &c->item);
	if (!c->item.label && kind == ITEM_ENTRY)
		cat->items[n].label = cat->items[first].label;  /* stays a) */
	shaped_by(rv, n, index);
	for (uint32_t k = 0; k < c->target_count; k++) {
		uint32_t i = catalog_find(cat, c->targets[k]);

		struct resolved_extra *x;

		rv->r->info[i].status = STATUS_MERGED;
		x = extra_to_write(rv, i);
		if (x)
			x->replaced_by = c->item.id;
		shaped_by(rv, i, index);
	}
}

/* The kind an added item takes when the change does not say. */
static enum item_kind added_kind(const struct change *c, enum item_kind parent_kind,
				 const struct item *sibling)
{
	if (c->item.kind >= 0)
		return (enum item_kind)c->item.kind;
	if (c->item.label)
		return ITEM_ENTRY;
	if (sibling)
		return (enum item_kind)sibling->kind;
	switch (parent_kind) {
	case ITEM_ROOT: return ITEM_PART;
	case ITEM_PART: return ITEM_SECTION;
	case ITEM_SECTION: return ITEM_CONTROL;
	default: return ITEM_DETAIL;
	}
}

static void do_add(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct catalog *cat = &rv->r->cat;
	uint32_t anchor, parent, n;
	enum item_kind kind;

	anchor = find_target(rv, index, c->after ? c->after : c->parent);
	if (anchor == ITEM_NONE || !still_there(rv, index, anchor) ||
	    !id_is_free(rv, index, c->item.id))
		return;
	parent = c->after ? cat->items[anchor].parent : anchor;
	kind = added_kind(c, (enum item_kind)cat->items[parent].kind,
			  c->after ? &cat->items[anchor] : NULL);
	if (!kind_fits(rv, index, parent, kind))
		return;
	n = c->after ? catalog_insert_after(cat, anchor, kind) : catalog_append(cat, anchor, kind);
	if (n == ITEM_NONE || !grow_info(rv)) {
		rv->oom = true;
		return;
	}
	set_new_item(rv, n, &c->item);
	rv->r->info[n].source = (uint8_t)c->source;
	if (c->source_ref) {
		struct resolved_extra *x = extra_to_write(rv, n);

		if (x)
			x->source_ref = c->source_ref;
	}
	shaped_by(rv, n, index);
}

static void do_link(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t i = find_target(rv, index, c->target);
	struct resolved_extra *x;
	struct rule_link *v;

	if (i == ITEM_NONE || !still_there(rv, index, i) || !(x = extra_to_write(rv, i)))
		return;
	v = arena_alloc(&rv->r->cat.arena, (x->link_count + 1) * sizeof(*v));
	if (!v) {
		rv->oom = true;
		return;
	}
	if (x->link_count)
		memcpy(v, x->links, x->link_count * sizeof(*v));
	v[x->link_count] = (struct rule_link){ c->rule, c->rule_section, c->note };
	x->links = v;
	x->link_count++;
	shaped_by(rv, i, index);
}

static void do_attributes(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct catalog *cat = &rv->r->cat;
	uint32_t i = find_target(rv, index, c->target), n = 0, total;
	struct item *it;
	struct attr_ref *v;

	if (i == ITEM_NONE || !still_there(rv, index, i))
		return;
	it = &cat->items[i];
	total = it->attr_count;
	for (uint32_t s = 0; s < c->attr_count; s++) {
		int type = catalog_type_find(cat, c->attrs[s].type);

		if (type < 0) {
			conflict(rv, index, PROBLEM_ATTR_TYPE_UNKNOWN, c->attrs[s].type, NULL, 0, 0);
			return;
		}
		for (uint32_t k = 0; k < c->attrs[s].count; k++) {
			if (attr_type_value_find(&cat->types[type], c->attrs[s].values[k]) < 0) {
				conflict(rv, index, PROBLEM_ATTR_VALUE_UNKNOWN, c->attrs[s].values[k],
					 c->attrs[s].type, 0, 0);
				return;
			}
		}
		total += c->attrs[s].count;
	}
	v = total ? arena_alloc(&cat->arena, total * sizeof(*v)) : NULL;
	if (total && !v) {
		rv->oom = true;
		return;
	}
	/* Values of types the change does not name stay as they were. */
	for (uint32_t k = 0; k < it->attr_count; k++) {
		bool replaced = false;

		for (uint32_t s = 0; s < c->attr_count; s++)
			replaced |= catalog_type_find(cat, c->attrs[s].type) == it->attrs[k].type;
		if (!replaced)
			v[n++] = it->attrs[k];
	}
	for (uint32_t s = 0; s < c->attr_count; s++) {
		int type = catalog_type_find(cat, c->attrs[s].type);

		for (uint32_t k = 0; k < c->attrs[s].count; k++) {
			struct attr_ref a = {
				(uint16_t)type,
				(uint16_t)attr_type_value_find(&cat->types[type], c->attrs[s].values[k]),
			};

			if (!attrs_has(v, n, a))
				v[n++] = a;
		}
	}
	it->attrs = v;
	it->attr_count = n;
	shaped_by(rv, i, index);
}

/* ---- the audit scope (issue 8): shapes no item, but must read ---------- */

static void do_scope(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct query_error e;
	struct query *q;
	uint32_t i;
	bool defined = false;

	if (c->op == OP_AUDIT) {
		/* Against the catalog as resolved so far: the organization's
		 * own types and the items added before it are known. */
		q = query_compile(c->query, &rv->r->cat, &e);
		if (!q && e.code == QUERY_NO_MEMORY)
			rv->oom = true;
		else if (!q)
			conflict(rv, index, PROBLEM_AUDIT_QUERY_BAD, c->query, NULL, e.code, e.column);
		query_free(q);
		return;
	}
	for (uint32_t k = 0; k < index && !defined; k++) {
		const struct change *d = &rv->t->changes[k];

		defined = d->op == OP_AUDIT && rv->r->withdrawn_by[k] == CHANGE_NONE &&
			  strcmp(d->audit, c->audit) == 0;
	}
	if (!defined) {
		conflict(rv, index, PROBLEM_AUDIT_UNKNOWN, c->audit, NULL, 0, 0);
		return;
	}
	i = find_target(rv, index, c->target);
	if (i != ITEM_NONE)
		still_there(rv, index, i);
}

/* New attribute types join the catalog's, after those there: items
 * refer to types by index, and those stay. */
static void do_type(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct catalog *cat = &rv->r->cat;
	struct attr_type *v;

	for (uint32_t k = 0; k < c->type_count; k++) {
		if (catalog_type_find(cat, c->types[k].id) >= 0) {
			conflict(rv, index, PROBLEM_TYPE_EXISTS, c->types[k].id, NULL, 0, 0);
			return;
		}
	}
	if (cat->type_count + c->type_count > UINT16_MAX) {
		conflict(rv, index, PROBLEM_TYPE_EXISTS, c->types[0].id, NULL, 0, 0);
		return;
	}
	v = arena_alloc(&cat->arena, (cat->type_count + c->type_count) * sizeof(*v));
	if (!v) {
		rv->oom = true;
		return;
	}
	if (cat->type_count)
		memcpy(v, cat->types, cat->type_count * sizeof(*v));
	memcpy(v + cat->type_count, c->types, c->type_count * sizeof(*v));
	cat->types = v;
	cat->type_count += c->type_count;
}

static void apply_op(struct resolver *rv, uint32_t index, const struct change *c)
{
	struct resolved_extra *x;
	uint32_t i;

	switch (c->op) {
	case OP_EXCLUDE: do_exclude(rv, index, c); return;
	case OP_INCLUDE: do_include(rv, index, c); return;
	case OP_REWORD: do_reword(rv, index, c); return;
	case OP_SPLIT: do_split(rv, index, c); return;
	case OP_MERGE: do_merge(rv, index, c); return;
	case OP_ADD: do_add(rv, index, c); return;
	case OP_LINK: do_link(rv, index, c); return;
	case OP_ATTRIBUTES: do_attributes(rv, index, c); return;
	case OP_SCOPE:
	case OP_POLICY:
	case OP_SCALE:
	case OP_RISK:
	case OP_ACKNOWLEDGE: return;  /* the risk basis and the wizard: risk.c */
	case OP_AUDIT:
	case OP_AUDIT_ADD:
	case OP_AUDIT_REMOVE: do_scope(rv, index, c); return;
	case OP_TYPE: do_type(rv, index, c); return;
	default: break;
	}
	/* Keep, level, technical, marks and treats set (at most) one property
	 * of one item; a keep is only its history. */
	i = find_target(rv, index, c->target);
	if (i == ITEM_NONE || !still_there(rv, index, i))
		return;
	switch (c->op) {
	case OP_LEVEL:
		rv->r->info[i].level = (uint8_t)c->level;
		break;
	case OP_TECHNICAL:
		rv->r->info[i].technical = c->technical;
		rv->r->info[i].review_months = c->technical ? c->review_months : 0;
		break;
	case OP_MARKS:
		if ((x = extra_to_write(rv, i))) {
			x->marks = c->marks;
			x->mark_count = c->mark_count;
		}
		break;
	case OP_TREATS:
		if ((x = extra_to_write(rv, i))) {
			x->risks = c->risks;
			x->risk_count = c->risk_count;
		}
		break;
	default:
		break;
	}
	shaped_by(rv, i, index);
}

/* ---- withdraw and retarget ---------------------------------------------- */

static bool takes_back(const struct change *c)
{
	return c->op == OP_WITHDRAW || c->op == OP_RETARGET;
}

/* The change a withdraw or retarget at `k` names, or CHANGE_NONE when it
 * names none it may take (the change check refuses those). */
static uint32_t named(const struct tailoring *t, uint32_t k)
{
	const struct change *c = &t->changes[k];

	if (c->ref == 0 || c->ref > k || takes_back(&t->changes[c->ref - 1]))
		return CHANGE_NONE;
	return c->ref - 1;
}

/* Which change each withdraw and retarget takes, once, in order: a change
 * withdrawn stays withdrawn, and the latest retarget before that wins. */
static bool mark_taken(struct resolver *rv)
{
	struct resolution *r = rv->r;
	uint32_t n = rv->t->count;

	r->change_count = n;
	r->withdrawn_by = malloc((n ? n : 1) * sizeof(*r->withdrawn_by));
	r->retargeted_by = malloc((n ? n : 1) * sizeof(*r->retargeted_by));
	if (!r->withdrawn_by || !r->retargeted_by)
		return false;
	for (uint32_t k = 0; k < n; k++)
		r->withdrawn_by[k] = r->retargeted_by[k] = CHANGE_NONE;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t j = takes_back(&rv->t->changes[k]) ? named(rv->t, k) : CHANGE_NONE;

		if (j == CHANGE_NONE || r->withdrawn_by[j] != CHANGE_NONE)
			continue;
		if (rv->t->changes[k].op == OP_WITHDRAW)
			r->withdrawn_by[j] = k;
		else
			r->retargeted_by[j] = k;
	}
	return true;
}

/* Change j as its retarget points it, in *tmp; j as written when it has
 * none, or one that does not fit it. */
static const struct change *moved(const struct resolver *rv, uint32_t j, struct change *tmp)
{
	const struct change *c = &rv->t->changes[j];
	uint32_t k = rv->r->retargeted_by[j];
	const struct change *to;

	if (k == CHANGE_NONE)
		return c;
	to = &rv->t->changes[k];
	if (c->op == OP_MERGE || (c->op == OP_ADD ? !to->parent == !to->after : !to->target))
		return c;
	*tmp = *c;
	if (c->op == OP_ADD) {
		tmp->parent = to->parent;
		tmp->after = to->after;
	} else {
		tmp->target = to->target;
	}
	return tmp;
}

/* Writes change `index` into the history of the item with this id, if
 * there is one. */
static void note(struct resolver *rv, const char *id, uint32_t index, enum shaping_state state)
{
	uint32_t i = id ? catalog_find(&rv->r->cat, id) : ITEM_NONE;
	uint8_t saved = rv->state;

	if (i == ITEM_NONE)
		return;
	rv->state = (uint8_t)state;
	shaped_by(rv, i, index);
	rv->state = saved;
}

/* The items c was aimed at: its target, the place of an addition, the
 * items of a merge. */
static void note_places(struct resolver *rv, const struct change *c, uint32_t index,
			enum shaping_state state)
{
	if (c->op == OP_MERGE) {
		for (uint32_t k = 0; k < c->target_count; k++)
			note(rv, c->targets[k], index, state);
		return;
	}
	note(rv, c->op == OP_ADD ? (c->after ? c->after : c->parent) : c->target, index, state);
}

static void do_withdraw(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t j = named(rv->t, index);
	struct change tmp;

	if (j == CHANGE_NONE)
		return;
	if (rv->r->withdrawn_by[j] != index) {
		conflict(rv, index, PROBLEM_ALREADY_WITHDRAWN, NULL, NULL, c->ref,
			 (long)rv->r->withdrawn_by[j] + 1);
		return;
	}
	/* Beside the withdrawn change, so a successor reads why. */
	note_places(rv, moved(rv, j, &tmp), index, SHAPING_APPLIED);
}

static void do_retarget(struct resolver *rv, uint32_t index, const struct change *c)
{
	uint32_t j = named(rv->t, index), w;
	const struct change *e;
	const char *to, *from;

	if (j == CHANGE_NONE)
		return;
	w = rv->r->withdrawn_by[j];
	if (w != CHANGE_NONE && w < index) {
		conflict(rv, index, PROBLEM_WITHDRAWN, NULL, NULL, c->ref, (long)w + 1);
		return;
	}
	/* Both items keep a record: where the change went and where from. */
	e = &rv->t->changes[j];
	to = c->target ? c->target : c->after ? c->after : c->parent;
	from = e->op == OP_ADD ? (e->after ? e->after : e->parent) : e->target;
	note(rv, to, index, SHAPING_APPLIED);
	if (from && (!to || strcmp(from, to) != 0))
		note(rv, from, index, SHAPING_APPLIED);
}

static void apply(struct resolver *rv, uint32_t index)
{
	const struct change *c = &rv->t->changes[index];
	struct resolution *r = rv->r;
	struct change tmp;

	if (r->withdrawn_by[index] != CHANGE_NONE) {
		note_places(rv, moved(rv, index, &tmp), index, SHAPING_WITHDRAWN);
		return;
	}
	switch (c->op) {
	case OP_WITHDRAW: do_withdraw(rv, index, c); return;
	case OP_RETARGET: do_retarget(rv, index, c); return;
	default: break;
	}
	if (moved(rv, index, &tmp) == &tmp) {
		uint32_t before = r->conflict_count;

		/* Every do_ reports a conflict before it changes anything:
		 * when the new place fails, the change applies as written. */
		rv->blame = r->retargeted_by[index];
		rv->state = SHAPING_RETARGETED;
		apply_op(rv, index, &tmp);
		rv->blame = CHANGE_NONE;
		rv->state = SHAPING_APPLIED;
		if (r->conflict_count == before || rv->oom)
			return;
	}
	apply_op(rv, index, c);
}

/* The organization's own attribute types join the base's. */
static bool merge_types(struct resolver *rv, const struct catalog *base)
{
	struct catalog *cat = &rv->r->cat;
	uint32_t n = base->type_count + rv->t->type_count;
	struct attr_type *v;

	if (!rv->t->type_count)
		return true;
	v = arena_alloc(&cat->arena, n * sizeof(*v));
	if (!v)
		return false;
	if (base->type_count)
		memcpy(v, base->types, base->type_count * sizeof(*v));
	n = base->type_count;
	for (uint32_t k = 0; k < rv->t->type_count; k++) {
		if (catalog_type_find(base, rv->t->types[k].id) >= 0)
			continue;  /* the loader reports the clash */
		v[n++] = rv->t->types[k];
	}
	cat->types = v;
	cat->type_count = n;
	return true;
}

static void resolver_start(struct resolver *rv, struct resolution *out,
			   const struct tailoring *t)
{
	memset(out, 0, sizeof(*out));
	memset(rv, 0, sizeof(*rv));
	rv->r = out;
	rv->t = t;
	rv->blame = CHANGE_NONE;
}

/* A base tailoring's histories carry over, marked as inherited. */
static void mark_inherited(struct resolution *out, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++)
		if (out->info[i].history_count)
			out->info[i].inherited = true;
}

/* Applies every change to out, which holds its base by now, and checks
 * each item's wording against its level. */
static bool apply_all(struct resolver *rv)
{
	struct resolution *out = rv->r;

	for (uint32_t k = 0; k < rv->t->count && !rv->oom; k++)
		apply(rv, k);
	if (rv->oom)
		return false;
	for (uint32_t i = 1; i < out->cat.count; i++) {
		struct resolved *info = &out->info[i];
		const struct item *it = &out->cat.items[i];

		info->wording_conflict = info->level != LEVEL_NONE && it->text &&
			wording_contradicts(it->text, info->level == LEVEL_MANDATORY
							      ? WORDING_MANDATORY
							      : WORDING_RECOMMENDED);
		if (info->status != STATUS_KEPT || info->history_count)
			out->changed_count++;
	}
	return true;
}

bool resolve_apply(struct resolution *out, const struct catalog *base,
		   const struct resolution *base_info, const struct tailoring *t)
{
	struct resolver rv;

	resolver_start(&rv, out, t);
	if (!catalog_clone(&out->cat, base) || !merge_types(&rv, base) || !grow_info(&rv) ||
	    !mark_taken(&rv))
		goto oom;
	if (base_info) {
		memcpy(out->info, base_info->info, base->count * sizeof(*out->info));
		mark_inherited(out, base->count);
	}
	if (apply_all(&rv))
		return true;
oom:
	resolution_free(out);
	return false;
}

bool resolve_apply_taking(struct resolution *out, struct catalog *base,
			  struct resolution *base_info, const struct tailoring *t)
{
	struct resolver rv;
	uint32_t count = base->count;

	resolver_start(&rv, out, t);
	catalog_take(&out->cat, base);
	if (base_info) {
		out->info = base_info->info;
		base_info->info = NULL;
		/* Set as far as there are items; the array may be longer, but
		 * that many is all that is known. */
		rv.info_capacity = rv.info_zeroed = count;
	}
	/* out->cat still has base's types: they are what merge_types joins. */
	if (!merge_types(&rv, &out->cat) || !grow_info(&rv) || !mark_taken(&rv))
		goto oom;
	if (base_info)
		mark_inherited(out, count);
	if (apply_all(&rv))
		return true;
oom:
	resolution_free(out);
	return false;
}

void resolution_free(struct resolution *r)
{
	free(r->withdrawn_by);
	free(r->retargeted_by);
	free(r->conflicts);
	free(r->info);
	catalog_free(&r->cat);
	memset(r, 0, sizeof(*r));
}

uint32_t resolution_withdrawn_by(const struct resolution *r, uint32_t index)
{
	return index < r->change_count ? r->withdrawn_by[index] : CHANGE_NONE;
}

uint32_t resolution_retargeted_by(const struct resolution *r, uint32_t index)
{
	return index < r->change_count ? r->retargeted_by[index] : CHANGE_NONE;
}

bool resolved_is_out(const struct resolution *r, uint32_t i)
{
	while (i != ITEM_NONE && i != ITEM_ROOT_INDEX) {
		uint8_t s = r->info[i].status;

		if (s == STATUS_EXCLUDED || s == STATUS_SPLIT || s == STATUS_MERGED)
			return true;
		i = r->cat.items[i].parent;
	}
	return false;
}

char resolved_status_mark(const struct resolution *r, uint32_t i)
{
	const struct resolved *info = &r->info[i];

	switch (info->status) {
	case STATUS_REWORDED: return '*';
	case STATUS_ADDED: return 'A';
	case STATUS_EXCLUDED: return 'x';
	case STATUS_SPLIT: return 's';
	case STATUS_MERGED: return 'm';
	default: return info->history_count ? '*' : ' ';
	}
}
