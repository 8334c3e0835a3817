/* The words for each problem code.  Kept out of the core so `L` shows
 * every conflict in the new language, and an export can keep the codes. */
#include "problem_words.h"

#include <stdio.h>
#include <string.h>

#include "kijun/catalog.h"
#include "kijun/i18n.h"
#include "kijun/resolve.h"

/* The field names as in files (docs/tailoring-format.md). */
static const char *const field_keys[FIELD_COUNT] = {
	[FIELD_NONE] = "", [FIELD_OP] = "op", [FIELD_CHANGE] = "change",
	[FIELD_TARGET] = "target",
	[FIELD_TARGETS] = "targets", [FIELD_PARENT] = "parent", [FIELD_AFTER] = "after",
	[FIELD_STEP] = "step", [FIELD_ITEM] = "item", [FIELD_PARTS] = "parts",
	[FIELD_TEXT] = "text", [FIELD_TITLE] = "title", [FIELD_SOURCE] = "source",
	[FIELD_RULE] = "rule", [FIELD_LEVEL] = "level", [FIELD_TECHNICAL] = "technical",
	[FIELD_REVIEW] = "review_months", [FIELD_ATTRS] = "attributes",
	[FIELD_MARKS] = "marks", [FIELD_RISK] = "risk", [FIELD_REMOVE] = "remove",
	[FIELD_RISKS] = "risks", [FIELD_SCOPE] = "scope", [FIELD_POLICY] = "policy",
	[FIELD_SCALE] = "scale", [FIELD_REASON] = "reason", [FIELD_AUTHOR] = "author",
	[FIELD_DATE] = "date", [FIELD_AUDIT] = "audit_scope", [FIELD_QUERY] = "query",
	[FIELD_TYPES] = "attribute_types",
};

static const char *kind_words(long kind)
{
	return kind == ITEM_ROOT ? _("the catalog") : item_kind_label((enum item_kind)kind);
}

const char *problem_describe(const struct problem *p, char *buf, size_t size)
{
	const char *key = (unsigned)p->field < FIELD_COUNT ? field_keys[p->field] : "";
	const char *field = *key ? _(key) : "";
	const char *a = p->str[0] ? p->str[0] : "", *b = p->str[1] ? p->str[1] : "?";

	switch (p->code) {
	case PROBLEM_NONE:
		snprintf(buf, size, "%s", "");
		break;
	case PROBLEM_REASON_EMPTY:
		snprintf(buf, size, "%s", _("every change needs a reason"));
		break;
	case PROBLEM_STEP_RANGE:
		snprintf(buf, size, "%s", _("the step must be 1 to 7"));
		break;
	case PROBLEM_AUTHOR_MISSING:
	case PROBLEM_DATE_MISSING:
		snprintf(buf, size, "%s", _("every change needs an author and a date"));
		break;
	case PROBLEM_DATE_INVALID:
		snprintf(buf, size, _("%s must be a date written YYYY-MM-DD, not \"%.*s\""),
			 _("date"), (int)strlen(a), a);
		break;
	case PROBLEM_TOKEN_INVALID:
		if (!*a)
			snprintf(buf, size, _("%s is empty"), field);
		else
			snprintf(buf, size,
				 _("%s \"%.*s\" must be one line without tabs or surrounding spaces"),
				 field, (int)strlen(a), a);
		break;
	case PROBLEM_TEXT_INVALID:
		snprintf(buf, size, _("%s is not valid UTF-8"), field);
		break;
	case PROBLEM_FIELD_NOT_APPLICABLE:
		snprintf(buf, size, _("\"%s\" does not apply to %s"), key, a);
		break;
	case PROBLEM_VALUE_UNKNOWN:
		snprintf(buf, size, _("%s has a value kijun does not know (%ld)"), field, p->num[0]);
		break;
	case PROBLEM_TARGET_MISSING:
		snprintf(buf, size, "%s", _("the change has no target"));
		break;
	case PROBLEM_MERGE_FEW_TARGETS:
		snprintf(buf, size, "%s", _("a merge needs at least two targets"));
		break;
	case PROBLEM_MERGE_TARGET_TWICE:
		snprintf(buf, size, _("%s is listed twice in the targets of a merge"), a);
		break;
	case PROBLEM_MERGE_ITEM_MISSING:
		snprintf(buf, size, "%s", _("a merge needs the id and text of the merged item"));
		break;
	case PROBLEM_ADD_PLACE:
		snprintf(buf, size, "%s", _("an addition needs either a parent or an item to follow"));
		break;
	case PROBLEM_ADD_ITEM_MISSING:
		snprintf(buf, size, "%s", _("an addition needs the new item's id and text"));
		break;
	case PROBLEM_SOURCE_KIND_MISSING:
		snprintf(buf, size, "%s", _("a source reference needs the kind of source"));
		break;
	case PROBLEM_REWORD_NOTHING:
		snprintf(buf, size, "%s", _("a rewording needs a new text or title"));
		break;
	case PROBLEM_REWORD_TEXT_EMPTY:
		snprintf(buf, size, "%s",
			 _("an empty text is not recorded: to take the item out, exclude it (x)"));
		break;
	case PROBLEM_SPLIT_FEW_PARTS:
		snprintf(buf, size, "%s", _("a split needs at least two parts"));
		break;
	case PROBLEM_SPLIT_PART_MISSING:
		snprintf(buf, size, "%s", _("every part of a split needs an id and a text"));
		break;
	case PROBLEM_SPLIT_PART_TWICE:
		snprintf(buf, size, _("%s is given to two parts"), a);
		break;
	case PROBLEM_LINK_RULE_MISSING:
		snprintf(buf, size, "%s", _("a link needs the internal rule's name"));
		break;
	case PROBLEM_REVIEW_RANGE:
		snprintf(buf, size, _("the review interval must be 1 to 120 months, not %ld"),
			 p->num[0]);
		break;
	case PROBLEM_ATTR_TYPE_TWICE:
		snprintf(buf, size, _("key \"%s\" appears twice in %s"), a, _("attributes"));
		break;
	case PROBLEM_CHANGE_MISSING:
		snprintf(buf, size, "%s",
			 _("a withdraw or retarget needs the position of the change it takes (change: N)"));
		break;
	case PROBLEM_RETARGET_PLACE:
		snprintf(buf, size, "%s",
			 _("a retarget needs exactly one of target, parent and after"));
		break;
	case PROBLEM_CHANGE_NOT_EARLIER:
		snprintf(buf, size,
			 _("change %ld is not an earlier change of this tailoring (this is change %ld)"),
			 p->num[0], p->num[1]);
		break;
	case PROBLEM_CHANGE_NOT_TAKEABLE:
		snprintf(buf, size, _("change %ld (%s) cannot be withdrawn or retargeted"),
			 p->num[0], a);
		break;
	case PROBLEM_RETARGET_MERGE:
		snprintf(buf, size,
			 _("change %ld is a merge, which cannot be retargeted: withdraw it and merge again"),
			 p->num[0]);
		break;
	case PROBLEM_RETARGET_NEEDS_PLACE:
		snprintf(buf, size, _("change %ld is an addition: retarget it with parent or after"),
			 p->num[0]);
		break;
	case PROBLEM_RETARGET_NEEDS_TARGET:
		snprintf(buf, size, _("change %ld (%s) has one target: retarget it with target"), p->num[0], a);
		break;
	case PROBLEM_BASIS_STEP:
		snprintf(buf, size, _("a change to the risk basis belongs to step 0, not %ld"), p->num[0]);
		break;
	case PROBLEM_BASIS_EMPTY:
		snprintf(buf, size, "%s", _("a scope or policy change needs at least one of its parts"));
		break;
	case PROBLEM_SCALE_FEW:
		snprintf(buf, size, "%s", _("a risk scale needs at least two levels"));
		break;
	case PROBLEM_SCALE_TWICE:
		snprintf(buf, size, _("level %s is named twice in the scale"), a);
		break;
	case PROBLEM_RISK_MISSING:
		snprintf(buf, size, "%s", _("a risk needs an id, and unless removed a description and a level"));
		break;
	case PROBLEM_RISK_PROPERTIES:
		snprintf(buf, size, _("properties \"%s\" must be some of C, I and A in that order, such as CI"), a);
		break;
	case PROBLEM_RETARGET_BASIS:
		snprintf(buf, size, _("change %ld is not about an item: it has no target to move"), p->num[0]);
		break;
	case PROBLEM_NOT_IN_BASE:
		snprintf(buf, size,
			 _("%s does not exist in the base; it may have been renumbered or removed"), a);
		break;
	case PROBLEM_GONE:
		snprintf(buf, size, _("%s was %s into %s earlier"), a,
			 item_status_label((enum item_status)p->num[0]), b);
		break;
	case PROBLEM_ID_EXISTS:
		snprintf(buf, size, _("%s already exists"), a);
		break;
	case PROBLEM_ALREADY_EXCLUDED:
		snprintf(buf, size, _("%s is already excluded"), a);
		break;
	case PROBLEM_NOT_EXCLUDED:
		snprintf(buf, size, _("%s is not excluded"), a);
		break;
	case PROBLEM_KIND_PLACE:
		snprintf(buf, size, _("a %s cannot be placed inside a %s"), kind_words(p->num[0]),
			 kind_words(p->num[1]));
		break;
	case PROBLEM_MERGE_NESTED:
		snprintf(buf, size, _("%s lies inside %s: an item cannot be merged with one that holds it"),
			 a, b);
		break;
	case PROBLEM_ATTR_TYPE_UNKNOWN:
		snprintf(buf, size, _("attribute type %s is not defined"), a);
		break;
	case PROBLEM_ATTR_VALUE_UNKNOWN:
		snprintf(buf, size, _("%s is not a value of attribute type %s"), a, b);
		break;
	case PROBLEM_ALREADY_WITHDRAWN:
		snprintf(buf, size, _("change %ld was already withdrawn by change %ld"), p->num[0],
			 p->num[1]);
		break;
	case PROBLEM_WITHDRAWN:
		snprintf(buf, size, _("change %ld was withdrawn by change %ld: there is nothing to retarget"),
			 p->num[0], p->num[1]);
		break;
	case PROBLEM_AUDIT_MISSING:
		snprintf(buf, size, "%s", _("an audit scope change needs the scope's name (audit_scope: NAME)"));
		break;
	case PROBLEM_QUERY_MISSING:
		snprintf(buf, size, "%s", _("a scope change needs its query (query: EXPR)"));
		break;
	case PROBLEM_AUDIT_QUERY_BAD:
		snprintf(buf, size, _("the scope's query \"%s\" cannot be read at column %ld"), a,
			 p->num[1]);
		break;
	case PROBLEM_TYPE_MISSING:
		snprintf(buf, size, "%s", _("an attribute-type change needs at least one type"));
		break;
	case PROBLEM_TYPE_BAD:
		snprintf(buf, size,
			 _("attribute type %s: every type and value needs an id and a label, each id once, and a type at least one value"),
			 a);
		break;
	case PROBLEM_TYPE_EXISTS:
		snprintf(buf, size, _("attribute type %s already exists"), a);
		break;
	case PROBLEM_AUDIT_UNKNOWN:
		snprintf(buf, size, _("no earlier scope change defines the audit scope %s"), a);
		break;
	default:
		snprintf(buf, size, "%s", problem_code_name(p->code));
		break;
	}
	return buf;
}
