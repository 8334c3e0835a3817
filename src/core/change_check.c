/* The check every change passes before it is recorded and when it is
 * read back: the reader refuses nothing this check lets through, so what
 * a screen records always reopens. */
#include "kijun/change_check.h"

#include <string.h>

#include "kijun/catalog.h"
#include "kijun/text.h"

/* Valid UTF-8 (the writer cannot write anything else), and for words one
 * line without control characters: C0, DEL, C1 and the bidirectional
 * controls that would make an id or a name read other than it is.  Texts
 * may hold any character; every view sanitizes what it shows. */
static bool clean(const char *s, bool text)
{
	size_t len = strlen(s), pos = 0;

	if (!utf8_valid(s, len, NULL))
		return false;
	while (!text && pos < len) {
		uint32_t cp;

		pos += utf8_decode(s + pos, len - pos, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || text_is_bidi_control(cp))
			return false;
	}
	return true;
}

bool change_check_line(const char *s)
{
	return s && clean(s, false);
}

bool change_check_token(const char *s)
{
	size_t len = s ? strlen(s) : 0;

	return len && s[0] != ' ' && s[len - 1] != ' ' && clean(s, false);
}

bool change_check_date(const char *s)
{
	static const unsigned char days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

static enum problem_code say(struct problem *p, enum problem_code code,
			     enum change_field field, const char *str)
{
	p->code = code;
	p->field = field;
	p->str[0] = str;
	return code;
}

/* A word that must be there. */
static bool token_bad(struct problem *p, const char *s, enum change_field field)
{
	if (change_check_token(s))
		return false;
	say(p, PROBLEM_TOKEN_INVALID, field, s);
	return true;
}

/* A word that may be missing, but is a word when it is there. */
static bool opt_token_bad(struct problem *p, const char *s, enum change_field field)
{
	return s && token_bad(p, s, field);
}

static bool text_bad(struct problem *p, const char *s, enum change_field field)
{
	if (!s || clean(s, true))
		return false;
	say(p, PROBLEM_TEXT_INVALID, field, NULL);
	return true;
}

static bool tokens_bad(struct problem *p, const char *const *v, uint32_t n,
		       enum change_field field)
{
	for (uint32_t k = 0; k < n; k++)
		if (token_bad(p, v[k], field))
			return true;
	return false;
}

static bool new_item_bad(struct problem *p, const struct new_item *n, enum change_field field)
{
	if (opt_token_bad(p, n->id, field) || text_bad(p, n->label, field) ||
	    text_bad(p, n->title, field) || text_bad(p, n->text, field))
		return true;
	if (n->kind != -1 && (n->kind <= ITEM_ROOT || n->kind >= ITEM_KIND_COUNT)) {
		say(p, PROBLEM_VALUE_UNKNOWN, field, NULL);
		p->num[0] = n->kind;
		return true;
	}
	return false;
}

/* The fields each operation takes: the writer writes whatever is set, and
 * the reader refuses a field that does not apply. */
static enum problem_code foreign_field(const struct change *c, struct problem *p)
{
	static const struct {
		enum change_field field;
		unsigned ops;
	} uses[] = {
		{ FIELD_TARGET, ~((1u << OP_ADD) | (1u << OP_MERGE) | (1u << OP_WITHDRAW) |
				  (1u << OP_SCOPE) | (1u << OP_POLICY) | (1u << OP_SCALE) |
				  (1u << OP_RISK) | (1u << OP_ACKNOWLEDGE) | (1u << OP_AUDIT) |
				  (1u << OP_TYPE)) },
		{ FIELD_PARENT, (1u << OP_ADD) | (1u << OP_RETARGET) },
		{ FIELD_AFTER, (1u << OP_ADD) | (1u << OP_RETARGET) },
		{ FIELD_TEXT, 1u << OP_REWORD },
		{ FIELD_TITLE, 1u << OP_REWORD },
	};

	if (c->ref && c->op != OP_WITHDRAW && c->op != OP_RETARGET)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_CHANGE, change_op_name(c->op));
	for (size_t k = 0; k < sizeof(uses) / sizeof(uses[0]); k++) {
		const char *v = uses[k].field == FIELD_TARGET ? c->target
			      : uses[k].field == FIELD_PARENT ? c->parent
			      : uses[k].field == FIELD_AFTER ? c->after
			      : uses[k].field == FIELD_TEXT ? c->text : c->title;

		if (v && !(uses[k].ops & (1u << c->op)))
			return say(p, PROBLEM_FIELD_NOT_APPLICABLE, uses[k].field,
				   change_op_name(c->op));
	}
	if (c->audit && c->op != OP_AUDIT && c->op != OP_AUDIT_ADD && c->op != OP_AUDIT_REMOVE)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_AUDIT, change_op_name(c->op));
	if (c->query && c->op != OP_AUDIT)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_QUERY, change_op_name(c->op));
	if (c->type_count && c->op != OP_TYPE)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_TYPES, change_op_name(c->op));
	return PROBLEM_NONE;
}

/* What every change carries: reason, step, author, date and its words. */
static enum problem_code check_common(const struct change *c, struct problem *p)
{
	if ((unsigned)c->op >= OP_COUNT) {
		p->num[0] = (long)c->op;
		return say(p, PROBLEM_VALUE_UNKNOWN, FIELD_OP, NULL);
	}
	if (text_is_blank(c->reason))
		return say(p, PROBLEM_REASON_EMPTY, FIELD_REASON, NULL);
	if (text_bad(p, c->reason, FIELD_REASON))
		return p->code;
	if (change_op_is_basis(c->op) && c->step != STEP_BASIS) {
		p->num[0] = c->step;
		return say(p, PROBLEM_BASIS_STEP, FIELD_STEP, NULL);
	}
	if (!change_op_is_basis(c->op) && c->step > STEP_MAX) {
		p->num[0] = c->step;
		return say(p, PROBLEM_STEP_RANGE, FIELD_STEP, NULL);
	}
	/* Step 0 is the risk basis: its own operations, accepting its
	 * warnings, and taking one of them back. */
	if (!change_op_is_basis(c->op) && c->op != OP_ACKNOWLEDGE && c->op != OP_WITHDRAW &&
	    c->step < STEP_MIN) {
		p->num[0] = c->step;
		return say(p, PROBLEM_STEP_RANGE, FIELD_STEP, NULL);
	}
	if (text_is_blank(c->author))
		return say(p, PROBLEM_AUTHOR_MISSING, FIELD_AUTHOR, NULL);
	if (!clean(c->author, false))
		return say(p, PROBLEM_TOKEN_INVALID, FIELD_AUTHOR, c->author);
	if (!c->date)
		return say(p, PROBLEM_DATE_MISSING, FIELD_DATE, NULL);
	if (!change_check_date(c->date))
		return say(p, PROBLEM_DATE_INVALID, FIELD_DATE, c->date);
	if (opt_token_bad(p, c->target, FIELD_TARGET) ||
	    opt_token_bad(p, c->parent, FIELD_PARENT) ||
	    opt_token_bad(p, c->after, FIELD_AFTER) ||
	    text_bad(p, c->text, FIELD_TEXT) || text_bad(p, c->title, FIELD_TITLE))
		return p->code;
	return foreign_field(c, p);
}

static enum problem_code check_merge(const struct change *c, struct problem *p)
{
	if (c->target_count < 2)
		return say(p, PROBLEM_MERGE_FEW_TARGETS, FIELD_TARGETS, NULL);
	if (tokens_bad(p, c->targets, c->target_count, FIELD_TARGETS))
		return p->code;
	for (uint32_t k = 1; k < c->target_count; k++)
		for (uint32_t j = 0; j < k; j++)
			if (strcmp(c->targets[j], c->targets[k]) == 0)
				return say(p, PROBLEM_MERGE_TARGET_TWICE, FIELD_TARGETS,
					   c->targets[k]);
	if (!c->item.id || (text_is_blank(c->item.text) && text_is_blank(c->item.title)))
		return say(p, PROBLEM_MERGE_ITEM_MISSING, FIELD_ITEM, NULL);
	if (new_item_bad(p, &c->item, FIELD_ITEM))
		return p->code;
	return PROBLEM_NONE;
}

static enum problem_code check_add(const struct change *c, struct problem *p)
{
	if (!c->parent == !c->after)
		return say(p, PROBLEM_ADD_PLACE, FIELD_NONE, NULL);
	if (!c->item.id || (text_is_blank(c->item.text) && text_is_blank(c->item.title)))
		return say(p, PROBLEM_ADD_ITEM_MISSING, FIELD_ITEM, NULL);
	if (new_item_bad(p, &c->item, FIELD_ITEM))
		return p->code;
	if ((unsigned)c->source >= SOURCE_COUNT) {
		p->num[0] = (long)c->source;
		return say(p, PROBLEM_VALUE_UNKNOWN, FIELD_SOURCE, NULL);
	}
	/* The writer writes the source only with its kind. */
	if (c->source == SOURCE_NONE && c->source_ref)
		return say(p, PROBLEM_SOURCE_KIND_MISSING, FIELD_SOURCE, NULL);
	if (text_bad(p, c->source_ref, FIELD_SOURCE))
		return p->code;
	return PROBLEM_NONE;
}

static enum problem_code check_split(const struct change *c, struct problem *p)
{
	if (c->part_count < 2)
		return say(p, PROBLEM_SPLIT_FEW_PARTS, FIELD_PARTS, NULL);
	for (uint32_t i = 0; i < c->part_count; i++) {
		if (!c->parts[i].id || text_is_blank(c->parts[i].text))
			return say(p, PROBLEM_SPLIT_PART_MISSING, FIELD_PARTS, NULL);
		if (new_item_bad(p, &c->parts[i], FIELD_PARTS))
			return p->code;
		for (uint32_t j = 0; j < i; j++)
			if (strcmp(c->parts[i].id, c->parts[j].id) == 0)
				return say(p, PROBLEM_SPLIT_PART_TWICE, FIELD_PARTS,
					   c->parts[i].id);
	}
	return PROBLEM_NONE;
}

/* Each type and value an id (a word) and a label (one line), ids once. */
static enum problem_code check_types(const struct change *c, struct problem *p)
{
	if (!c->type_count)
		return say(p, PROBLEM_TYPE_MISSING, FIELD_TYPES, NULL);
	for (uint32_t k = 0; k < c->type_count; k++) {
		const struct attr_type *t = &c->types[k];
		const char *bad = NULL;

		if (!change_check_token(t->id) || text_is_blank(t->label) || !clean(t->label, false) ||
		    (t->label_en && !clean(t->label_en, false)) || !t->value_count)
			bad = t->id ? t->id : "";
		for (uint32_t j = 0; j < k && !bad; j++)
			if (strcmp(c->types[j].id, t->id) == 0)
				bad = t->id;
		for (uint32_t v = 0; v < t->value_count && !bad; v++) {
			const struct attr_value *x = &t->values[v];

			if (!change_check_token(x->id) || text_is_blank(x->label) ||
			    !clean(x->label, false) || (x->label_en && !clean(x->label_en, false)))
				bad = t->id;
			for (uint32_t j = 0; j < v && !bad; j++)
				if (strcmp(t->values[j].id, x->id) == 0)
					bad = t->id;
		}
		if (bad)
			return say(p, PROBLEM_TYPE_BAD, FIELD_TYPES, bad);
	}
	return PROBLEM_NONE;
}

static enum problem_code check_attributes(const struct change *c, struct problem *p)
{
	for (uint32_t k = 0; k < c->attr_count; k++) {
		if (token_bad(p, c->attrs[k].type, FIELD_ATTRS) ||
		    tokens_bad(p, c->attrs[k].values, c->attrs[k].count, FIELD_ATTRS))
			return p->code;
		for (uint32_t j = 0; j < k; j++)
			if (strcmp(c->attrs[j].type, c->attrs[k].type) == 0)
				return say(p, PROBLEM_ATTR_TYPE_TWICE, FIELD_ATTRS,
					   c->attrs[k].type);
	}
	return PROBLEM_NONE;
}

/* Fields the risk basis operations take, and nobody else. */
static enum problem_code foreign_basis(const struct change *c, struct problem *p)
{
	const struct risk *k = &c->risk;
	const struct scope *sc = &c->scope;
	const struct risk_policy *po = &c->policy;
	bool has_risk = k->id || k->description || k->asset || k->properties || k->level ||
			k->target_level || k->deadline || k->owner;
	bool has_scope = sc->organization || sc->sites || sc->assets || sc->processes ||
			 sc->title;
	bool has_policy = po->awareness || po->targets || po->monitoring || po->feedback;
	const char *op = change_op_name(c->op);

	if (has_risk && c->op != OP_RISK)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_RISK, op);
	if (c->remove && c->op != OP_RISK)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_REMOVE, op);
	if (c->risk_count && c->op != OP_TREATS)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_RISKS, op);
	if (has_scope && c->op != OP_SCOPE)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_SCOPE, op);
	if (has_policy && c->op != OP_POLICY)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_POLICY, op);
	if (c->scale_count && c->op != OP_SCALE)
		return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_SCALE, op);
	return PROBLEM_NONE;
}

/* C, I and A, each at most once and in that order. */
static bool properties_ok(const char *s)
{
	const char *order = "CIA";

	for (; *s; s++) {
		const char *at = strchr(order, *s);

		if (!at)
			return false;
		order = at + 1;
	}
	return true;
}

static enum problem_code check_risk(const struct change *c, struct problem *p)
{
	const struct risk *k = &c->risk;

	if (token_bad(p, k->id, FIELD_RISK))
		return k->id ? p->code : say(p, PROBLEM_RISK_MISSING, FIELD_RISK, NULL);
	if (c->remove) {
		if (k->description || k->asset || k->properties || k->level ||
		    k->target_level || k->deadline || k->owner)
			return say(p, PROBLEM_FIELD_NOT_APPLICABLE, FIELD_RISK, change_op_name(c->op));
		return PROBLEM_NONE;
	}
	if (text_is_blank(k->description) || !k->level)
		return say(p, PROBLEM_RISK_MISSING, FIELD_RISK, NULL);
	if (text_bad(p, k->description, FIELD_RISK) || text_bad(p, k->asset, FIELD_RISK) ||
	    token_bad(p, k->level, FIELD_RISK) || opt_token_bad(p, k->target_level, FIELD_RISK) ||
	    text_bad(p, k->owner, FIELD_RISK))
		return p->code;
	if (k->properties && (!*k->properties || !properties_ok(k->properties)))
		return say(p, PROBLEM_RISK_PROPERTIES, FIELD_RISK, k->properties);
	if (k->deadline && !change_check_date(k->deadline))
		return say(p, PROBLEM_DATE_INVALID, FIELD_RISK, k->deadline);
	return PROBLEM_NONE;
}

static enum problem_code check_basis(const struct change *c, struct problem *p)
{
	const struct scope *sc = &c->scope;
	const struct risk_policy *po = &c->policy;

	switch (c->op) {
	case OP_SCOPE:
		if (!sc->organization && !sc->sites && !sc->assets && !sc->processes && !sc->title)
			return say(p, PROBLEM_BASIS_EMPTY, FIELD_SCOPE, NULL);
		if (text_bad(p, sc->organization, FIELD_SCOPE) || text_bad(p, sc->sites, FIELD_SCOPE) ||
		    text_bad(p, sc->assets, FIELD_SCOPE) || text_bad(p, sc->processes, FIELD_SCOPE) ||
		    text_bad(p, sc->title, FIELD_SCOPE))
			return p->code;
		return PROBLEM_NONE;
	case OP_POLICY:
		if (!po->awareness && !po->targets && !po->monitoring && !po->feedback)
			return say(p, PROBLEM_BASIS_EMPTY, FIELD_POLICY, NULL);
		if (text_bad(p, po->awareness, FIELD_POLICY) || text_bad(p, po->targets, FIELD_POLICY) ||
		    text_bad(p, po->monitoring, FIELD_POLICY) || text_bad(p, po->feedback, FIELD_POLICY))
			return p->code;
		return PROBLEM_NONE;
	case OP_SCALE:
		if (c->scale_count < 2)
			return say(p, PROBLEM_SCALE_FEW, FIELD_SCALE, NULL);
		if (tokens_bad(p, c->scale, c->scale_count, FIELD_SCALE))
			return p->code;
		for (uint32_t k = 1; k < c->scale_count; k++)
			for (uint32_t j = 0; j < k; j++)
				if (strcmp(c->scale[j], c->scale[k]) == 0)
					return say(p, PROBLEM_SCALE_TWICE, FIELD_SCALE, c->scale[k]);
		return PROBLEM_NONE;
	default:
		return check_risk(c, p);
	}
}

enum problem_code change_check(const struct change *c, struct problem *out)
{
	memset(out, 0, sizeof(*out));
	if (check_common(c, out) || foreign_basis(c, out))
		return out->code;
	if (change_op_is_basis(c->op))
		return check_basis(c, out);
	switch (c->op) {
	case OP_ACKNOWLEDGE: return PROBLEM_NONE;
	case OP_MERGE: return check_merge(c, out);
	case OP_ADD: return check_add(c, out);
	case OP_WITHDRAW:
	case OP_RETARGET:
		if (!c->ref)
			return say(out, PROBLEM_CHANGE_MISSING, FIELD_CHANGE, NULL);
		if (c->op == OP_RETARGET && !!c->target + !!c->parent + !!c->after != 1)
			return say(out, PROBLEM_RETARGET_PLACE, FIELD_NONE, NULL);
		return PROBLEM_NONE;
	case OP_TYPE:
		return check_types(c, out);
	case OP_AUDIT:
	case OP_AUDIT_ADD:
	case OP_AUDIT_REMOVE:
		/* Whether the query reads, and whether the scope was defined,
		 * depend on the catalog and the changes before: resolution's. */
		if (!c->audit)
			return say(out, PROBLEM_AUDIT_MISSING, FIELD_AUDIT, NULL);
		if (token_bad(out, c->audit, FIELD_AUDIT))
			return out->code;
		if (c->op == OP_AUDIT) {
			if (text_is_blank(c->query))
				return say(out, PROBLEM_QUERY_MISSING, FIELD_QUERY, NULL);
			if (!change_check_line(c->query))
				return say(out, PROBLEM_TEXT_INVALID, FIELD_QUERY, NULL);
			return PROBLEM_NONE;
		}
		if (!c->target)
			return say(out, PROBLEM_TARGET_MISSING, FIELD_TARGET, NULL);
		return PROBLEM_NONE;
	default: break;
	}
	if (!c->target)
		return say(out, PROBLEM_TARGET_MISSING, FIELD_TARGET, NULL);
	switch (c->op) {
	case OP_REWORD:
		if (!c->text && !c->title)
			return say(out, PROBLEM_REWORD_NOTHING, FIELD_NONE, NULL);
		if (c->text && text_is_blank(c->text))
			return say(out, PROBLEM_REWORD_TEXT_EMPTY, FIELD_TEXT, NULL);
		return PROBLEM_NONE;
	case OP_SPLIT:
		return check_split(c, out);
	case OP_LINK:
		if (text_is_blank(c->rule))
			return say(out, PROBLEM_LINK_RULE_MISSING, FIELD_RULE, NULL);
		if (text_bad(out, c->rule, FIELD_RULE) ||
		    text_bad(out, c->rule_section, FIELD_RULE) ||
		    text_bad(out, c->note, FIELD_RULE))
			return out->code;
		return PROBLEM_NONE;
	case OP_LEVEL:
		if ((unsigned)c->level > LEVEL_RECOMMENDED) {
			out->num[0] = (long)c->level;
			return say(out, PROBLEM_VALUE_UNKNOWN, FIELD_LEVEL, NULL);
		}
		return PROBLEM_NONE;
	case OP_TECHNICAL:
		if (c->review_months > 120) {
			out->num[0] = c->review_months;
			return say(out, PROBLEM_REVIEW_RANGE, FIELD_REVIEW, NULL);
		}
		return PROBLEM_NONE;
	case OP_ATTRIBUTES:
		return check_attributes(c, out);
	case OP_MARKS:
		if (tokens_bad(out, c->marks, c->mark_count, FIELD_MARKS))
			return out->code;
		return PROBLEM_NONE;
	case OP_TREATS:
		if (tokens_bad(out, c->risks, c->risk_count, FIELD_RISKS))
			return out->code;
		return PROBLEM_NONE;
	default:
		return PROBLEM_NONE;
	}
}

enum problem_code change_check_ref(const struct change *c, const struct change *earlier,
				   uint32_t count, struct problem *out)
{
	const struct change *e;

	memset(out, 0, sizeof(*out));
	if (c->op != OP_WITHDRAW && c->op != OP_RETARGET)
		return PROBLEM_NONE;
	out->num[0] = c->ref;
	if (c->ref == 0 || c->ref > count) {
		out->num[1] = (long)count + 1;
		return say(out, PROBLEM_CHANGE_NOT_EARLIER, FIELD_CHANGE, NULL);
	}
	e = &earlier[c->ref - 1];
	/* Taking back a withdraw would hide why; undo it in the session, or
	 * record the change again. */
	if (e->op == OP_WITHDRAW || e->op == OP_RETARGET)
		return say(out, PROBLEM_CHANGE_NOT_TAKEABLE, FIELD_CHANGE, change_op_name(e->op));
	if (c->op == OP_WITHDRAW)
		return PROBLEM_NONE;
	if (e->op == OP_MERGE)
		return say(out, PROBLEM_RETARGET_MERGE, FIELD_CHANGE, NULL);
	if (change_op_is_basis(e->op) || e->op == OP_ACKNOWLEDGE)
		return say(out, PROBLEM_RETARGET_BASIS, FIELD_CHANGE, NULL);
	/* A scope's query has no target to move: set the query again. */
	if (e->op == OP_AUDIT || e->op == OP_TYPE)
		return say(out, PROBLEM_CHANGE_NOT_TAKEABLE, FIELD_CHANGE, change_op_name(e->op));
	if (e->op == OP_ADD && c->target)
		return say(out, PROBLEM_RETARGET_NEEDS_PLACE, FIELD_TARGET, NULL);
	if (e->op != OP_ADD && !c->target)
		return say(out, PROBLEM_RETARGET_NEEDS_TARGET, c->parent ? FIELD_PARENT : FIELD_AFTER,
			   change_op_name(e->op));
	return PROBLEM_NONE;
}
