#include "kijun/tailoring.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"

static const char *const op_names[OP_COUNT] = {
	[OP_EXCLUDE] = "exclude",
	[OP_INCLUDE] = "include",
	[OP_REWORD] = "reword",
	[OP_SPLIT] = "split",
	[OP_MERGE] = "merge",
	[OP_ADD] = "add",
	[OP_LINK] = "link",
	[OP_LEVEL] = "level",
	[OP_TECHNICAL] = "technical",
	[OP_ATTRIBUTES] = "attributes",
	[OP_MARKS] = "marks",
	[OP_WITHDRAW] = "withdraw",
	[OP_RETARGET] = "retarget",
	[OP_KEEP] = "keep",
	[OP_TREATS] = "treats",
	[OP_SCOPE] = "scope",
	[OP_POLICY] = "policy",
	[OP_SCALE] = "scale",
	[OP_RISK] = "risk",
	[OP_ACKNOWLEDGE] = "acknowledge",
	[OP_AUDIT] = "audit-scope",
	[OP_AUDIT_ADD] = "audit-add",
	[OP_AUDIT_REMOVE] = "audit-remove",
	[OP_TYPE] = "attribute-type",
};

bool change_op_is_basis(enum change_op op)
{
	return op == OP_SCOPE || op == OP_POLICY || op == OP_SCALE || op == OP_RISK;
}

const char *change_op_name(enum change_op op)
{
	return (unsigned)op < OP_COUNT ? op_names[op] : "";
}

int change_op_parse(const char *name, enum change_op *out)
{
	for (int op = 0; op < OP_COUNT; op++) {
		if (strcmp(name, op_names[op]) == 0) {
			*out = (enum change_op)op;
			return 0;
		}
	}
	return -1;
}

const char *change_op_label(enum change_op op)
{
	switch (op) {
	case OP_EXCLUDE: return _("exclude");
	case OP_INCLUDE: return _("include again");
	case OP_REWORD: return _("reword");
	case OP_SPLIT: return _("split");
	case OP_MERGE: return _("merge");
	case OP_ADD: return _("add");
	case OP_LINK: return _("link to an internal rule");
	case OP_LEVEL: return _("set the level");
	case OP_TECHNICAL: return _("technical verification");
	case OP_ATTRIBUTES: return _("set attributes");
	case OP_MARKS: return _("set marks");
	case OP_WITHDRAW: return _("withdraw a change");
	case OP_RETARGET: return _("retarget a change");
	case OP_KEEP: return _("keep as it is");
	case OP_TREATS: return _("link to risks");
	case OP_SCOPE: return _("set the scope");
	case OP_POLICY: return _("set the risk policy");
	case OP_SCALE: return _("set the risk scale");
	case OP_RISK: return _("set a risk");
	case OP_ACKNOWLEDGE: return _("acknowledge warnings");
	case OP_AUDIT: return _("set an audit scope's query");
	case OP_AUDIT_ADD: return _("add to an audit scope");
	case OP_AUDIT_REMOVE: return _("remove from an audit scope");
	case OP_TYPE: return _("define an attribute type");
	default: return "";
	}
}

const char *item_level_name(enum item_level level)
{
	switch (level) {
	case LEVEL_MANDATORY: return "mandatory";
	case LEVEL_RECOMMENDED: return "recommended";
	default: return "";
	}
}

int item_level_parse(const char *name, enum item_level *out)
{
	if (strcmp(name, "mandatory") == 0)
		*out = LEVEL_MANDATORY;
	else if (strcmp(name, "recommended") == 0)
		*out = LEVEL_RECOMMENDED;
	else if (strcmp(name, "none") == 0)
		*out = LEVEL_NONE;
	else
		return -1;
	return 0;
}

const char *item_level_label(enum item_level level)
{
	switch (level) {
	case LEVEL_MANDATORY: return _("mandatory");
	case LEVEL_RECOMMENDED: return _("recommended");
	default: return _("no level");
	}
}

static const char *const source_names[SOURCE_COUNT] = {
	[SOURCE_NONE] = "",
	[SOURCE_LAW] = "law",
	[SOURCE_STANDARD] = "standard",
	[SOURCE_ORGANIZATION] = "organization",
	[SOURCE_INTERNAL_RULE] = "internal-rule",
};

const char *source_kind_name(enum source_kind kind)
{
	return (unsigned)kind < SOURCE_COUNT ? source_names[kind] : "";
}

int source_kind_parse(const char *name, enum source_kind *out)
{
	for (int k = SOURCE_LAW; k < SOURCE_COUNT; k++) {
		if (strcmp(name, source_names[k]) == 0) {
			*out = (enum source_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *source_kind_label(enum source_kind kind)
{
	switch (kind) {
	case SOURCE_LAW: return _("law or regulation");
	case SOURCE_STANDARD: return _("another standard");
	case SOURCE_ORGANIZATION: return _("the organization's own need");
	case SOURCE_INTERNAL_RULE: return _("internal rule");
	default: return "";
	}
}

const char *step_label(unsigned step)
{
	switch (step) {
	case 0: return _("the risk basis");
	case 1: return _("refer to the standard and extract items");
	case 2: return _("laws, regulations and other considerations");
	case 3: return _("refer to other standards");
	case 4: return _("add items the organization needs");
	case 5: return _("align with internal rules");
	case 6: return _("select controls");
	case 7: return _("add technical verification items");
	default: return "";
	}
}

unsigned step_default(enum change_op op, enum source_kind source)
{
	switch (op) {
	case OP_ADD:
		switch (source) {
		case SOURCE_LAW: return 2;
		case SOURCE_STANDARD: return 3;
		case SOURCE_INTERNAL_RULE: return 5;
		default: return 4;
		}
	case OP_LINK: return 5;
	case OP_LEVEL:
	case OP_ATTRIBUTES:
	case OP_TYPE:
	case OP_MARKS: return 6;
	case OP_TECHNICAL: return 7;
	case OP_TREATS: return 6;
	case OP_SCOPE:
	case OP_POLICY:
	case OP_SCALE:
	case OP_RISK: return STEP_BASIS;
	default: return 1;  /* extracting, rewording, splitting, merging */
	}
}

bool tailoring_init(struct tailoring *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->arena);
	return true;
}

void tailoring_free(struct tailoring *t)
{
	free(t->changes);
	arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

const char *tailoring_strdup(struct tailoring *t, const char *s)
{
	return s ? arena_strdup(&t->arena, s) : NULL;
}

/* Deep copies, so a change built from the screen's scratch strings lives
 * as long as the tailoring. */
static bool copy_str(struct tailoring *t, const char **s)
{
	if (!*s)
		return true;
	*s = arena_strdup(&t->arena, *s);
	return *s != NULL;
}

static bool copy_strs(struct tailoring *t, const char ***v, uint32_t n)
{
	const char **copy;

	if (!n) {
		*v = NULL;
		return true;
	}
	copy = arena_alloc(&t->arena, n * sizeof(*copy));
	if (!copy)
		return false;
	for (uint32_t i = 0; i < n; i++) {
		copy[i] = (*v)[i];
		if (!copy_str(t, &copy[i]))
			return false;
	}
	*v = copy;
	return true;
}

static bool copy_new_item(struct tailoring *t, struct new_item *n)
{
	return copy_str(t, &n->id) && copy_str(t, &n->label) &&
	       copy_str(t, &n->title) && copy_str(t, &n->text);
}

/* Room for one more change. */
static bool reserve_change(struct tailoring *t)
{
	if (t->count == t->capacity) {
		uint32_t cap = t->capacity ? t->capacity * 2 : 16;
		struct change *v = realloc(t->changes, cap * sizeof(*v));

		if (!v)
			return false;
		t->changes = v;
		t->capacity = cap;
	}
	return true;
}

long tailoring_adopt(struct tailoring *t, const struct change *c)
{
	if (!reserve_change(t))
		return -1;
	t->changes[t->count] = *c;
	return (long)t->count++;
}

long tailoring_append(struct tailoring *t, const struct change *c)
{
	struct change copy = *c;

	if (!reserve_change(t))
		return -1;
	if (!copy_str(t, &copy.target) || !copy_strs(t, &copy.targets, copy.target_count) ||
	    !copy_str(t, &copy.parent) || !copy_str(t, &copy.after) ||
	    !copy_new_item(t, &copy.item) || !copy_str(t, &copy.text) ||
	    !copy_str(t, &copy.title) || !copy_str(t, &copy.source_ref) ||
	    !copy_str(t, &copy.rule) || !copy_str(t, &copy.rule_section) ||
	    !copy_str(t, &copy.note) || !copy_strs(t, &copy.marks, copy.mark_count) ||
	    !copy_str(t, &copy.audit) || !copy_str(t, &copy.query) ||
	    !copy_str(t, &copy.reason) || !copy_str(t, &copy.author) ||
	    !copy_str(t, &copy.date) || !copy_strs(t, &copy.risks, copy.risk_count) ||
	    !copy_strs(t, &copy.scale, copy.scale_count) ||
	    !copy_str(t, &copy.risk.id) || !copy_str(t, &copy.risk.description) ||
	    !copy_str(t, &copy.risk.asset) || !copy_str(t, &copy.risk.properties) ||
	    !copy_str(t, &copy.risk.level) || !copy_str(t, &copy.risk.target_level) ||
	    !copy_str(t, &copy.risk.deadline) || !copy_str(t, &copy.risk.owner) ||
	    !copy_str(t, &copy.scope.organization) || !copy_str(t, &copy.scope.sites) ||
	    !copy_str(t, &copy.scope.assets) || !copy_str(t, &copy.scope.processes) ||
	    !copy_str(t, &copy.scope.title) ||
	    !copy_str(t, &copy.policy.awareness) || !copy_str(t, &copy.policy.targets) ||
	    !copy_str(t, &copy.policy.monitoring) || !copy_str(t, &copy.policy.feedback))
		return -1;
	if (copy.type_count) {
		struct attr_type *types = arena_alloc(&t->arena, copy.type_count * sizeof(*types));

		if (!types)
			return -1;
		for (uint32_t i = 0; i < copy.type_count; i++) {
			struct attr_type *y = &types[i];

			*y = c->types[i];
			if (!copy_str(t, &y->id) || !copy_str(t, &y->label) ||
			    !copy_str(t, &y->label_en))
				return -1;
			y->values = y->value_count ? arena_alloc(&t->arena, y->value_count *
								      sizeof(*y->values)) : NULL;
			if (y->value_count && !y->values)
				return -1;
			for (uint32_t v = 0; v < y->value_count; v++) {
				y->values[v] = c->types[i].values[v];
				if (!copy_str(t, &y->values[v].id) || !copy_str(t, &y->values[v].label) ||
				    !copy_str(t, &y->values[v].label_en))
					return -1;
			}
		}
		copy.types = types;
	}
	if (copy.part_count) {
		struct new_item *parts = arena_alloc(&t->arena, copy.part_count * sizeof(*parts));

		if (!parts)
			return -1;
		for (uint32_t i = 0; i < copy.part_count; i++) {
			parts[i] = c->parts[i];
			if (!copy_new_item(t, &parts[i]))
				return -1;
		}
		copy.parts = parts;
	}
	if (copy.attr_count) {
		struct attr_setting *attrs = arena_alloc(&t->arena, copy.attr_count * sizeof(*attrs));

		if (!attrs)
			return -1;
		for (uint32_t i = 0; i < copy.attr_count; i++) {
			attrs[i] = c->attrs[i];
			if (!copy_str(t, &attrs[i].type) ||
			    !copy_strs(t, &attrs[i].values, attrs[i].count))
				return -1;
		}
		copy.attrs = attrs;
	}
	t->changes[t->count] = copy;
	return (long)t->count++;
}

bool tailoring_pop(struct tailoring *t, struct change *out)
{
	if (t->count == 0)
		return false;
	*out = t->changes[--t->count];
	return true;
}
