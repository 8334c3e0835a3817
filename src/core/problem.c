#include "kijun/problem.h"

static const char *const names[PROBLEM_COUNT] = {
	[PROBLEM_NONE] = "",
	[PROBLEM_REASON_EMPTY] = "reason-empty",
	[PROBLEM_STEP_RANGE] = "step-range",
	[PROBLEM_AUTHOR_MISSING] = "author-missing",
	[PROBLEM_DATE_MISSING] = "date-missing",
	[PROBLEM_DATE_INVALID] = "date-invalid",
	[PROBLEM_TOKEN_INVALID] = "token-invalid",
	[PROBLEM_TEXT_INVALID] = "text-invalid",
	[PROBLEM_FIELD_NOT_APPLICABLE] = "field-not-applicable",
	[PROBLEM_VALUE_UNKNOWN] = "value-unknown",
	[PROBLEM_TARGET_MISSING] = "target-missing",
	[PROBLEM_MERGE_FEW_TARGETS] = "merge-few-targets",
	[PROBLEM_MERGE_TARGET_TWICE] = "merge-target-twice",
	[PROBLEM_MERGE_ITEM_MISSING] = "merge-item-missing",
	[PROBLEM_ADD_PLACE] = "add-place",
	[PROBLEM_ADD_ITEM_MISSING] = "add-item-missing",
	[PROBLEM_SOURCE_KIND_MISSING] = "source-kind-missing",
	[PROBLEM_REWORD_NOTHING] = "reword-nothing",
	[PROBLEM_REWORD_TEXT_EMPTY] = "reword-text-empty",
	[PROBLEM_SPLIT_FEW_PARTS] = "split-few-parts",
	[PROBLEM_SPLIT_PART_MISSING] = "split-part-missing",
	[PROBLEM_SPLIT_PART_TWICE] = "split-part-twice",
	[PROBLEM_LINK_RULE_MISSING] = "link-rule-missing",
	[PROBLEM_REVIEW_RANGE] = "review-range",
	[PROBLEM_ATTR_TYPE_TWICE] = "attr-type-twice",
	[PROBLEM_NOT_IN_BASE] = "not-in-base",
	[PROBLEM_GONE] = "gone",
	[PROBLEM_ID_EXISTS] = "id-exists",
	[PROBLEM_ALREADY_EXCLUDED] = "already-excluded",
	[PROBLEM_NOT_EXCLUDED] = "not-excluded",
	[PROBLEM_KIND_PLACE] = "kind-place",
	[PROBLEM_MERGE_NESTED] = "merge-nested",
	[PROBLEM_ATTR_TYPE_UNKNOWN] = "attr-type-unknown",
	[PROBLEM_ATTR_VALUE_UNKNOWN] = "attr-value-unknown",
};

const char *problem_code_name(enum problem_code code)
{
	return (unsigned)code < PROBLEM_COUNT && names[code] ? names[code] : "";
}
