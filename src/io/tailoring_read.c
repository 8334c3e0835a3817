/* Reads kijun-tailoring/1 files, reporting every problem at its line and
 * column.  Whether a change applies to the base is resolve.c's business;
 * here each change is checked on its own. */
#include "kijun/tailoring_io.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/catalog_io.h"
#include "kijun/change_check.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "yaml_reader.h"

struct loader {
	struct yreader *r;
	struct tailoring *t;
	uint32_t seen;   /* changes read so far, loaded or not */
};

/* ---- new items: add, split, merge --------------------------------------- */

static const char *const item_fields[] = { "id", "kind", "label", "title", "text" };
enum { I_ID, I_KIND, I_LABEL, I_TITLE, I_TEXT };

static bool read_new_item(struct loader *l, struct new_item *n, const char *what)
{
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;

	memset(n, 0, sizeof(*n));
	n->kind = -1;
	if (!yr_mapping_begin(l->r, what, &at))
		return false;
	yr_fields_init(&f, item_fields, 5, what, at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case I_ID: yr_token(l->r, _("id"), &n->id, NULL); break;
		case I_KIND: {
			char name[16];
			enum item_kind k;

			if (!yr_word(l->r, _("kind"), name, sizeof(name), &s))
				break;
			if (item_kind_parse(name, &k) == 0)
				n->kind = (int)k;
			else
				yr_error(l->r, s.mark,
					 _("unknown kind \"%.*s\"; use part, section, control, detail or entry"),
					 (int)s.len, s.value);
			break;
		}
		case I_LABEL: yr_text(l->r, _("label"), &n->label); break;
		case I_TITLE: yr_text(l->r, _("title"), &n->title); break;
		case I_TEXT: yr_text(l->r, _("text"), &n->text); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, 1u << I_ID);
	return n->id != NULL;
}

static void read_parts(struct loader *l, struct change *c)
{
	uint32_t cap = 0;

	if (!yr_sequence_begin(l->r, _("parts"), NULL))
		return;
	while (yr_sequence_next(l->r)) {
		struct new_item n;

		if (!read_new_item(l, &n, _("a part")))
			continue;
		if (c->part_count == cap) {
			uint32_t ncap = cap ? cap * 2 : 4;
			struct new_item *v = arena_alloc(&l->t->arena, ncap * sizeof(*v));

			if (!v) {
				l->r->oom = true;
				continue;
			}
			if (c->part_count)
				memcpy(v, c->parts, c->part_count * sizeof(*v));
			c->parts = v;
			cap = ncap;
		}
		c->parts[c->part_count++] = n;
	}
}

/* ---- small mappings ---------------------------------------------------------- */

static const char *const source_fields[] = { "kind", "ref" };

static void read_source(struct loader *l, struct change *c)
{
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("source"), &at))
		return;
	yr_fields_init(&f, source_fields, 2, _("source"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: {
			char name[24];

			if (!yr_word(l->r, _("kind"), name, sizeof(name), &s))
				break;
			if (source_kind_parse(name, &c->source) != 0)
				yr_error(l->r, s.mark,
					 _("unknown source \"%.*s\"; use law, standard, organization or internal-rule"),
					 (int)s.len, s.value);
			break;
		}
		case 1: yr_text(l->r, _("ref"), &c->source_ref); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, 1u << 0);
}

static const char *const rule_fields[] = { "name", "section", "note" };

static void read_rule(struct loader *l, struct change *c)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("rule"), &at))
		return;
	yr_fields_init(&f, rule_fields, 3, _("rule"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_text(l->r, _("name"), &c->rule); break;
		case 1: yr_text(l->r, _("section"), &c->rule_section); break;
		case 2: yr_text(l->r, _("note"), &c->note); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, 1u << 0);
}

static void read_attr_settings(struct loader *l, struct change *c)
{
	struct yr_scalar key;
	uint32_t cap = 0;

	if (!yr_mapping_begin(l->r, _("attributes"), NULL))
		return;
	while (yr_mapping_next(l->r, &key)) {
		struct attr_setting a;

		memset(&a, 0, sizeof(a));
		if (!yr_check_token(l->r, &key, _("attribute type"))) {
			yr_skip(l->r);
			continue;
		}
		a.type = arena_strndup(&l->t->arena, key.value, key.len);
		for (uint32_t k = 0; a.type && k < c->attr_count; k++) {
			if (strcmp(c->attrs[k].type, a.type) == 0) {
				yr_error(l->r, key.mark, _("key \"%s\" appears twice in %s"),
					 a.type, _("attributes"));
				a.type = NULL;
			}
		}
		if (!a.type) {
			yr_skip(l->r);
			continue;
		}
		yr_token_list(l->r, _("the values of an attribute"), &a.values, &a.count);
		if (c->attr_count == cap) {
			uint32_t ncap = cap ? cap * 2 : 4;
			struct attr_setting *v = arena_alloc(&l->t->arena, ncap * sizeof(*v));

			if (!v) {
				l->r->oom = true;
				continue;
			}
			if (c->attr_count)
				memcpy(v, c->attrs, c->attr_count * sizeof(*v));
			c->attrs = v;
			cap = ncap;
		}
		c->attrs[c->attr_count++] = a;
	}
}

/* ---- the risk basis ------------------------------------------------------- */

static const char *const risk_fields[] = {
	"id", "description", "asset", "properties", "level", "target_level", "deadline", "owner",
};

static void read_risk(struct loader *l, struct change *c)
{
	struct risk *k = &c->risk;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("risk"), &at))
		return;
	yr_fields_init(&f, risk_fields, 8, _("risk"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_token(l->r, _("id"), &k->id, NULL); break;
		case 1: yr_text(l->r, _("description"), &k->description); break;
		case 2: yr_text(l->r, _("asset"), &k->asset); break;
		case 3: yr_text(l->r, _("properties"), &k->properties); break;
		case 4: yr_token(l->r, _("level"), &k->level, NULL); break;
		case 5: yr_token(l->r, _("target_level"), &k->target_level, NULL); break;
		case 6: yr_date(l->r, _("deadline"), &k->deadline); break;
		case 7: yr_text(l->r, _("owner"), &k->owner); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, 1u << 0);
}

static const char *const scope_fields[] = { "organization", "sites", "assets", "processes",
					    "title" };

static void read_scope(struct loader *l, struct change *c)
{
	struct scope *sc = &c->scope;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, _("scope"), &at))
		return;
	yr_fields_init(&f, scope_fields, 5, _("scope"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_text(l->r, _("organization"), &sc->organization); break;
		case 1: yr_text(l->r, _("sites"), &sc->sites); break;
		case 2: yr_text(l->r, _("assets"), &sc->assets); break;
		case 3: yr_text(l->r, _("processes"), &sc->processes); break;
		case 4: yr_text(l->r, _("title"), &sc->title); break;
		default: break;
		}
	}
}

static const char *const policy_fields[] = { "awareness", "targets", "monitoring", "feedback" };

static void read_policy_into(struct loader *l, struct risk_policy *p, const char *what)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;

	if (!yr_mapping_begin(l->r, what, &at))
		return;
	yr_fields_init(&f, policy_fields, 4, what, at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case 0: yr_text(l->r, _("awareness"), &p->awareness); break;
		case 1: yr_text(l->r, _("targets"), &p->targets); break;
		case 2: yr_text(l->r, _("monitoring"), &p->monitoring); break;
		case 3: yr_text(l->r, _("feedback"), &p->feedback); break;
		default: break;
		}
	}
}

/* ---- changes ----------------------------------------------------------------- */

static const char *const change_fields[] = {
	"op", "change", "target", "targets", "parent", "after", "step", "item", "parts", "text",
	"title", "source", "rule", "level", "technical", "review_months",
	"attributes", "marks", "risk", "remove", "risks", "scope", "policy", "scale",
	"reason", "author", "date", "audit_scope", "query", "attribute_types",
};
enum {
	C_OP, C_CHANGE, C_TARGET, C_TARGETS, C_PARENT, C_AFTER, C_STEP, C_ITEM, C_PARTS, C_TEXT,
	C_TITLE, C_SOURCE, C_RULE, C_LEVEL, C_TECHNICAL, C_REVIEW, C_ATTRS, C_MARKS,
	C_RISK, C_REMOVE, C_RISKS, C_SCOPE, C_POLICY, C_SCALE,
	C_REASON, C_AUTHOR, C_DATE, C_AUDIT, C_QUERY, C_TYPES, C_FIELD_COUNT
};

/* The change check names fields in this order too. */
_Static_assert(C_OP == FIELD_OP - 1 && C_CHANGE == FIELD_CHANGE - 1 && C_DATE == FIELD_DATE - 1 &&
	       C_ATTRS == FIELD_ATTRS - 1 && C_REVIEW == FIELD_REVIEW - 1 &&
	       C_SCALE == FIELD_SCALE - 1 && C_RISK == FIELD_RISK - 1 &&
	       C_AUDIT == FIELD_AUDIT - 1 && C_QUERY == FIELD_QUERY - 1 &&
	       C_TYPES == FIELD_TYPES - 1,
	       "change fields in a different order");

#define F(x) (1u << (x))
#define COMMON (F(C_OP) | F(C_STEP) | F(C_REASON) | F(C_AUTHOR) | F(C_DATE))

/* The fields each operation takes, besides the common ones. */
static const uint32_t op_fields[OP_COUNT] = {
	[OP_EXCLUDE] = F(C_TARGET),
	[OP_INCLUDE] = F(C_TARGET),
	[OP_REWORD] = F(C_TARGET) | F(C_TEXT) | F(C_TITLE),
	[OP_SPLIT] = F(C_TARGET) | F(C_PARTS),
	[OP_MERGE] = F(C_TARGETS) | F(C_ITEM),
	[OP_ADD] = F(C_PARENT) | F(C_AFTER) | F(C_ITEM) | F(C_SOURCE),
	[OP_LINK] = F(C_TARGET) | F(C_RULE),
	[OP_LEVEL] = F(C_TARGET) | F(C_LEVEL),
	[OP_TECHNICAL] = F(C_TARGET) | F(C_TECHNICAL) | F(C_REVIEW),
	[OP_ATTRIBUTES] = F(C_TARGET) | F(C_ATTRS),
	[OP_MARKS] = F(C_TARGET) | F(C_MARKS),
	[OP_WITHDRAW] = F(C_CHANGE),
	[OP_RETARGET] = F(C_CHANGE) | F(C_TARGET) | F(C_PARENT) | F(C_AFTER),
	[OP_KEEP] = F(C_TARGET),
	[OP_TREATS] = F(C_TARGET) | F(C_RISKS),
	[OP_SCOPE] = F(C_SCOPE),
	[OP_POLICY] = F(C_POLICY),
	[OP_SCALE] = F(C_SCALE),
	[OP_RISK] = F(C_RISK) | F(C_REMOVE),
	[OP_ACKNOWLEDGE] = 0,
	[OP_AUDIT] = F(C_AUDIT) | F(C_QUERY),
	[OP_AUDIT_ADD] = F(C_AUDIT) | F(C_TARGET),
	[OP_AUDIT_REMOVE] = F(C_AUDIT) | F(C_TARGET),
	[OP_TYPE] = F(C_TYPES),
};

/* The change check's verdict in words, at the field it is about. */
static void report_problem(struct loader *l, const struct problem *p, const struct change *c,
			   struct yr_mark at)
{
	const char *field = p->field ? _(change_fields[p->field - 1]) : "";
	const char *s = p->str[0] ? p->str[0] : "";

	switch (p->code) {
	case PROBLEM_REASON_EMPTY:
		yr_error(l->r, at, "%s", _("every change needs a reason"));
		break;
	case PROBLEM_STEP_RANGE:
		yr_error(l->r, at, "%s", _("the step must be 1 to 7"));
		break;
	case PROBLEM_AUTHOR_MISSING:
	case PROBLEM_DATE_MISSING:
		yr_error(l->r, at, "%s", _("every change needs an author and a date"));
		break;
	case PROBLEM_DATE_INVALID:
		yr_error(l->r, at, _("%s must be a date written YYYY-MM-DD, not \"%.*s\""),
			 _("date"), (int)strlen(s), s);
		break;
	case PROBLEM_TOKEN_INVALID:
		if (!*s)
			yr_error(l->r, at, _("%s is empty"), field);
		else
			yr_error(l->r, at,
				 _("%s \"%.*s\" must be one line without tabs or surrounding spaces"),
				 field, (int)strlen(s), s);
		break;
	case PROBLEM_TEXT_INVALID:
		yr_error(l->r, at, _("%s is not valid UTF-8"), field);
		break;
	case PROBLEM_FIELD_NOT_APPLICABLE:
		yr_error(l->r, at, _("\"%s\" does not apply to %s"), change_fields[p->field - 1],
			 change_op_name(c->op));
		break;
	case PROBLEM_TARGET_MISSING:
		yr_error(l->r, at, "%s", _("the change has no target"));
		break;
	case PROBLEM_MERGE_FEW_TARGETS:
		yr_error(l->r, at, "%s", _("a merge needs at least two targets"));
		break;
	case PROBLEM_MERGE_TARGET_TWICE:
		yr_error(l->r, at, _("%s is listed twice in the targets of a merge"), s);
		break;
	case PROBLEM_MERGE_ITEM_MISSING:
		yr_error(l->r, at, "%s", _("a merge needs the id and text of the merged item"));
		break;
	case PROBLEM_ADD_PLACE:
		yr_error(l->r, at, "%s", _("an addition needs either a parent or an item to follow"));
		break;
	case PROBLEM_ADD_ITEM_MISSING:
		yr_error(l->r, at, "%s", _("an addition needs the new item's id and text"));
		break;
	case PROBLEM_REWORD_NOTHING:
		yr_error(l->r, at, "%s", _("a rewording needs a new text or title"));
		break;
	case PROBLEM_REWORD_TEXT_EMPTY:
		yr_error(l->r, at, "%s", _("a rewording cannot empty the text; exclude the item instead"));
		break;
	case PROBLEM_SPLIT_FEW_PARTS:
		yr_error(l->r, at, "%s", _("a split needs at least two parts"));
		break;
	case PROBLEM_SPLIT_PART_MISSING:
		yr_error(l->r, at, "%s", _("every part of a split needs an id and a text"));
		break;
	case PROBLEM_SPLIT_PART_TWICE:
		yr_error(l->r, at, _("%s is given to two parts"), s);
		break;
	case PROBLEM_LINK_RULE_MISSING:
		yr_error(l->r, at, "%s", _("a link needs the internal rule's name"));
		break;
	case PROBLEM_ATTR_TYPE_TWICE:
		yr_error(l->r, at, _("key \"%s\" appears twice in %s"), s, _("attributes"));
		break;
	case PROBLEM_SOURCE_KIND_MISSING:
		yr_error(l->r, at, "%s", _("a source reference needs the kind of source"));
		break;
	case PROBLEM_REVIEW_RANGE:
		yr_error(l->r, at, _("the review interval must be 1 to 120 months, not %ld"),
			 p->num[0]);
		break;
	case PROBLEM_CHANGE_MISSING:
		yr_error(l->r, at, "%s",
			 _("a withdraw or retarget needs the position of the change it takes (change: N)"));
		break;
	case PROBLEM_RETARGET_PLACE:
		yr_error(l->r, at, "%s",
			 _("a retarget needs exactly one of target, parent and after"));
		break;
	case PROBLEM_CHANGE_NOT_EARLIER:
		yr_error(l->r, at, _("change %ld is not an earlier change of this tailoring (this is change %ld)"),
			 p->num[0], p->num[1]);
		break;
	case PROBLEM_CHANGE_NOT_TAKEABLE:
		yr_error(l->r, at, _("change %ld (%s) cannot be withdrawn or retargeted"),
			 p->num[0], s);
		break;
	case PROBLEM_RETARGET_MERGE:
		yr_error(l->r, at, _("change %ld is a merge, which cannot be retargeted: withdraw it and merge again"),
			 p->num[0]);
		break;
	case PROBLEM_RETARGET_NEEDS_PLACE:
		yr_error(l->r, at, _("change %ld is an addition: retarget it with parent or after"),
			 p->num[0]);
		break;
	case PROBLEM_RETARGET_NEEDS_TARGET:
		yr_error(l->r, at, _("change %ld (%s) has one target: retarget it with target"), p->num[0], s);
		break;
	case PROBLEM_BASIS_STEP:
		yr_error(l->r, at, _("a change to the risk basis belongs to step 0, not %ld"), p->num[0]);
		break;
	case PROBLEM_BASIS_EMPTY:
		yr_error(l->r, at, "%s", _("a scope or policy change needs at least one of its parts"));
		break;
	case PROBLEM_SCALE_FEW:
		yr_error(l->r, at, "%s", _("a risk scale needs at least two levels"));
		break;
	case PROBLEM_SCALE_TWICE:
		yr_error(l->r, at, _("level %s is named twice in the scale"), s);
		break;
	case PROBLEM_RISK_MISSING:
		yr_error(l->r, at, "%s", _("a risk needs an id, and unless removed a description and a level"));
		break;
	case PROBLEM_RISK_PROPERTIES:
		yr_error(l->r, at, _("properties \"%s\" must be some of C, I and A in that order, such as CI"), s);
		break;
	case PROBLEM_RETARGET_BASIS:
		yr_error(l->r, at, _("change %ld is not about an item: it has no target to move"), p->num[0]);
		break;
	default:
		/* Unknown words and the conflicts of resolution never come
		 * from a file's change on its own. */
		yr_error(l->r, at, _("%s has a value kijun does not know (%ld)"), field, p->num[0]);
		break;
	}
}

static void read_change(struct loader *l)
{
	struct change c;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at, marks[C_FIELD_COUNT];
	size_t reported = l->r->diags->count + l->r->diags->dropped;
	bool op_ok = false;
	long n;
	struct problem problem;

	memset(&c, 0, sizeof(c));
	c.item.kind = -1;
	if (!yr_mapping_begin(l->r, _("a change"), &at))
		return;
	l->seen++;
	c.line = at.line;
	yr_fields_init(&f, change_fields, C_FIELD_COUNT, _("change"), at);
	while (yr_mapping_next(l->r, &key)) {
		int field = yr_field(l->r, &f, &key);

		if (field >= 0)
			marks[field] = key.mark;
		switch (field) {
		case C_OP: {
			char name[24];

			if (!yr_word(l->r, _("op"), name, sizeof(name), &s))
				break;
			op_ok = change_op_parse(name, &c.op) == 0;
			if (!op_ok)
				yr_error(l->r, s.mark,
					 _("unknown operation \"%.*s\"; use exclude, include, reword, split, merge, add, link, level, technical, attributes, marks, withdraw, retarget, keep, treats, scope, policy, scale, risk or acknowledge"),
					 (int)s.len, s.value);
			break;
		}
		case C_CHANGE:
			if (yr_int(l->r, _("change"), 1, INT32_MAX, &n))
				c.ref = (uint32_t)n;
			break;
		case C_TARGET: yr_token(l->r, _("target"), &c.target, NULL); break;
		case C_TARGETS: yr_token_list(l->r, _("targets"), &c.targets, &c.target_count); break;
		case C_PARENT: yr_token(l->r, _("parent"), &c.parent, NULL); break;
		case C_AFTER: yr_token(l->r, _("after"), &c.after, NULL); break;
		case C_STEP:
			if (yr_int(l->r, _("step"), STEP_BASIS, STEP_MAX, &n))
				c.step = (uint8_t)n;
			break;
		case C_ITEM: read_new_item(l, &c.item, _("item")); break;
		case C_PARTS: read_parts(l, &c); break;
		case C_TEXT: yr_text(l->r, _("text"), &c.text); break;
		case C_TITLE: yr_text(l->r, _("title"), &c.title); break;
		case C_SOURCE: read_source(l, &c); break;
		case C_RULE: read_rule(l, &c); break;
		case C_LEVEL: {
			char name[16];

			if (!yr_word(l->r, _("level"), name, sizeof(name), &s))
				break;
			if (item_level_parse(name, &c.level) != 0)
				yr_error(l->r, s.mark,
					 _("unknown level \"%.*s\"; use mandatory, recommended or none"),
					 (int)s.len, s.value);
			break;
		}
		case C_TECHNICAL: yr_bool(l->r, _("technical"), &c.technical); break;
		case C_REVIEW:
			if (yr_int(l->r, _("review_months"), 1, 120, &n))
				c.review_months = (uint16_t)n;
			break;
		case C_ATTRS: read_attr_settings(l, &c); break;
		case C_MARKS: yr_token_list(l->r, _("marks"), &c.marks, &c.mark_count); break;
		case C_RISK: read_risk(l, &c); break;
		case C_REMOVE: yr_bool(l->r, _("remove"), &c.remove); break;
		case C_RISKS: yr_token_list(l->r, _("risks"), &c.risks, &c.risk_count); break;
		case C_SCOPE: read_scope(l, &c); break;
		case C_POLICY: read_policy_into(l, &c.policy, _("policy")); break;
		case C_SCALE: yr_token_list(l->r, _("scale"), &c.scale, &c.scale_count); break;
		case C_REASON: yr_text(l->r, _("reason"), &c.reason); break;
		case C_AUTHOR: yr_text(l->r, _("author"), &c.author); break;
		case C_DATE: yr_date(l->r, _("date"), &c.date); break;
		case C_AUDIT: yr_token(l->r, _("audit_scope"), &c.audit, NULL); break;
		case C_QUERY: yr_text(l->r, _("query"), &c.query); break;
		case C_TYPES: yr_attr_types(l->r, &c.types, &c.type_count); break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, COMMON);
	if (!op_ok || l->r->broken)
		return;
	for (int k = 0; k < C_FIELD_COUNT; k++) {
		if ((f.seen & F(k)) && !((COMMON | op_fields[c.op]) & F(k)))
			yr_error(l->r, marks[k], _("\"%s\" does not apply to %s"),
				 change_fields[k], change_op_name(c.op));
	}
	/* What is wrong with a field was said where the field is. */
	if ((f.seen & COMMON) != COMMON ||
	    l->r->diags->count + l->r->diags->dropped != reported)
		return;
	/* A withdraw or retarget names a change by position: measured
	 * against the changes before it, when all of them loaded. */
	if (change_check(&c, &problem) ||
	    (l->seen == l->t->count + 1 &&
	     change_check_ref(&c, l->t->changes, l->t->count, &problem))) {
		report_problem(l, &problem, &c,
			       problem.field && (f.seen & F(problem.field - 1))
				       ? marks[problem.field - 1] : at);
		return;
	}
	/* Everything c points to was read into the tailoring's arena. */
	if (tailoring_adopt(l->t, &c) < 0)
		l->r->oom = true;
}

/* ---- the document -------------------------------------------------------- */

static const char *const base_fields[] = { "catalog", "tailoring", "edition", "hash", "file" };
enum { B_CATALOG, B_TAILORING, B_EDITION, B_HASH, B_FILE };

static void read_base(struct loader *l)
{
	struct base_ref *b = &l->t->base;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at, hash_at = { 0, 0 };

	if (!yr_mapping_begin(l->r, _("base"), &at))
		return;
	yr_fields_init(&f, base_fields, 5, _("base"), at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case B_CATALOG:
			b->kind = BASE_CATALOG;
			yr_token(l->r, _("catalog"), &b->id, NULL);
			break;
		case B_TAILORING:
			b->kind = BASE_TAILORING;
			yr_token(l->r, _("tailoring"), &b->id, NULL);
			break;
		case B_EDITION: yr_text(l->r, _("edition"), &b->edition); break;
		case B_HASH: yr_token(l->r, _("hash"), &b->hash, &hash_at); break;
		case B_FILE: yr_text(l->r, _("file"), &b->file); break;
		default: break;
		}
	}
	if (l->r->broken)
		return;
	if ((f.seen & F(B_CATALOG)) && (f.seen & F(B_TAILORING)))
		yr_error(l->r, at, "%s", _("a base is either a catalog or a tailoring, not both"));
	else if (!(f.seen & (F(B_CATALOG) | F(B_TAILORING))))
		yr_error(l->r, at, "%s", _("the base names neither a catalog nor a tailoring"));
	else if (b->kind == BASE_TAILORING && !b->file)
		yr_error(l->r, at, "%s", _("a base tailoring needs its file"));
	if (b->hash && strncmp(b->hash, "sha256:", 7) != 0)
		yr_error(l->r, hash_at, "%s", _("the base hash must start with sha256:"));
}

static const char *const top_fields[] = {
	"format", "id", "title", "base", "organization", "scope", "risk_policy",
	"attribute_types", "wizard_page", "changes",
};
enum { T_FORMAT, T_ID, T_TITLE, T_BASE, T_ORG, T_SCOPE, T_POLICY, T_TYPES, T_WIZARD, T_CHANGES };

static void read_document(struct yreader *r, void *ctx)
{
	struct loader *l = ctx;
	struct tailoring *t = l->t;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;

	l->r = r;
	if (!yr_document_begin(l->r) || !yr_mapping_begin(l->r, _("a tailoring"), &at))
		return;
	yr_fields_init(&f, top_fields, 10, _("the tailoring"), at);
	while (yr_mapping_next(l->r, &key) && !l->r->oom) {
		switch (yr_field(l->r, &f, &key)) {
		case T_FORMAT:
			if (!yr_scalar(l->r, _("format"), &s))
				break;
			if (s.len != strlen(TAILORING_FORMAT) ||
			    memcmp(s.value, TAILORING_FORMAT, s.len) != 0)
				yr_error(l->r, s.mark,
					 _("format \"%.*s\" is not one this kijun reads; expected \"%s\""),
					 (int)s.len, s.value, TAILORING_FORMAT);
			break;
		case T_ID: yr_token(l->r, _("id"), &t->id, NULL); break;
		case T_TITLE: yr_text(l->r, _("title"), &t->title); break;
		case T_BASE: read_base(l); break;
		case T_ORG: yr_text(l->r, _("organization"), &t->organization); break;
		case T_SCOPE: yr_text(l->r, _("scope"), &t->scope); break;
		case T_POLICY: read_policy_into(l, &t->policy, _("risk_policy")); break;
		case T_TYPES: yr_attr_types(l->r, &t->types, &t->type_count); break;
		case T_WIZARD: {
			long n;

			if (yr_int(l->r, _("wizard_page"), 0, WIZARD_PAGE_MAX, &n))
				t->wizard_page = (uint8_t)n;
			break;
		}
		case T_CHANGES:
			if (!yr_sequence_begin(l->r, _("changes"), NULL))
				break;
			while (yr_sequence_next(l->r) && !l->r->oom)
				read_change(l);
			break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, F(T_FORMAT) | F(T_ID) | F(T_BASE));
	if (!l->r->oom)
		yr_document_end(l->r);
}

bool tailoring_read(struct tailoring *t, const char *name, const char *buf,
		    size_t len, struct diag_list *diags)
{
	struct loader l = { NULL, t, 0 };

	tailoring_init(t);
	if (yr_run(name, buf, len, TAILORING_MAX_DEPTH, &t->arena, diags, read_document, &l))
		return true;
	tailoring_free(t);
	return false;
}

bool tailoring_load_file(struct tailoring *t, const char *path, struct diag_list *diags)
{
	char *buf;
	size_t len;
	bool ok;

	if (!file_read_all(path, &buf, &len, diags)) {
		tailoring_init(t);
		return false;
	}
	ok = tailoring_read(t, path, buf, len, diags);
	free(buf);
	return ok;
}
