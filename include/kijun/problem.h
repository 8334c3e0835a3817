/* What is wrong with a change, as a code with arguments and never as
 * prose: the change check (change_check.h) and resolution (resolve.h)
 * report them, and each view turns them into words in the current
 * language when it shows them (src/tui/problem_words.c). */
#ifndef KIJUN_PROBLEM_H
#define KIJUN_PROBLEM_H

enum problem_code {
	PROBLEM_NONE,
	/* The change on its own (change_check). */
	PROBLEM_REASON_EMPTY,        /* only spaces, ideographic ones too */
	PROBLEM_STEP_RANGE,          /* num[0]: the step */
	PROBLEM_AUTHOR_MISSING,
	PROBLEM_DATE_MISSING,
	PROBLEM_DATE_INVALID,        /* str[0]: the date */
	PROBLEM_TOKEN_INVALID,       /* str[0]: the value (may be bad UTF-8), field */
	PROBLEM_TEXT_INVALID,        /* bad UTF-8 or a control character, field */
	PROBLEM_FIELD_NOT_APPLICABLE,/* field: set, but the operation takes none */
	PROBLEM_VALUE_UNKNOWN,       /* field: an enum out of range; num[0] */
	PROBLEM_TARGET_MISSING,
	PROBLEM_MERGE_FEW_TARGETS,
	PROBLEM_MERGE_TARGET_TWICE,  /* str[0]: the id */
	PROBLEM_MERGE_ITEM_MISSING,  /* no id, or neither text nor title */
	PROBLEM_ADD_PLACE,           /* neither or both of parent and after */
	PROBLEM_ADD_ITEM_MISSING,
	PROBLEM_SOURCE_KIND_MISSING, /* a source reference without its kind */
	PROBLEM_REWORD_NOTHING,      /* neither text nor title */
	PROBLEM_REWORD_TEXT_EMPTY,   /* refused: excluding says what is meant */
	PROBLEM_SPLIT_FEW_PARTS,
	PROBLEM_SPLIT_PART_MISSING,  /* a part without id or text */
	PROBLEM_SPLIT_PART_TWICE,    /* str[0]: the id given to two parts */
	PROBLEM_LINK_RULE_MISSING,
	PROBLEM_REVIEW_RANGE,        /* num[0]: the months */
	PROBLEM_ATTR_TYPE_TWICE,     /* str[0]: the type */
	PROBLEM_CHANGE_MISSING,      /* withdraw, retarget: no earlier change named */
	PROBLEM_RETARGET_PLACE,      /* none, or more than one, of target, parent, after */
	/* What a withdraw or retarget names, against the tailoring's earlier
	 * changes (change_check_ref); num[0]: the position named. */
	PROBLEM_CHANGE_NOT_EARLIER,  /* num[1]: the change's own position */
	PROBLEM_CHANGE_NOT_TAKEABLE, /* str[0]: its op (a withdraw or a retarget) */
	PROBLEM_RETARGET_MERGE,      /* a merge has no one target to move */
	PROBLEM_RETARGET_NEEDS_PLACE,/* an add moves by parent or after */
	PROBLEM_RETARGET_NEEDS_TARGET,/* str[0]: the op, which moves by target */
	/* The risk basis and the wizard's operations. */
	PROBLEM_BASIS_STEP,          /* a basis op not at step 0; num[0]: the step */
	PROBLEM_BASIS_EMPTY,         /* scope or policy giving nothing */
	PROBLEM_SCALE_FEW,           /* fewer than two levels */
	PROBLEM_SCALE_TWICE,         /* str[0]: the level named twice */
	PROBLEM_RISK_MISSING,        /* a risk without id, or set without description or level */
	PROBLEM_RISK_PROPERTIES,     /* str[0]: not a subset of C, I, A in that order */
	PROBLEM_RETARGET_BASIS,      /* the basis has no target to move */
	/* The change against the base (resolution): conflicts. */
	PROBLEM_NOT_IN_BASE,         /* str[0]: the id */
	PROBLEM_GONE,                /* str[0]: id, num[0]: its status, str[1]: into */
	PROBLEM_ID_EXISTS,           /* str[0]: the id */
	PROBLEM_ALREADY_EXCLUDED,    /* str[0] */
	PROBLEM_NOT_EXCLUDED,        /* str[0] */
	PROBLEM_KIND_PLACE,          /* num[0]: the kind, num[1]: the parent's kind */
	PROBLEM_MERGE_NESTED,        /* str[0] lies inside str[1] */
	PROBLEM_ATTR_TYPE_UNKNOWN,   /* str[0]: the type */
	PROBLEM_ATTR_VALUE_UNKNOWN,  /* str[0]: the value, str[1]: the type */
	PROBLEM_ALREADY_WITHDRAWN,   /* num[0]: the change, num[1]: the withdraw before (1-based) */
	PROBLEM_WITHDRAWN,           /* retarget of num[0], withdrawn by num[1] (1-based) */
	/* The audit scope (issue 8). */
	PROBLEM_AUDIT_MISSING,       /* scope ops: no scope name */
	PROBLEM_QUERY_MISSING,       /* scope: no query */
	PROBLEM_AUDIT_QUERY_BAD,     /* str[0]: the query, num[0]: its query_code, num[1]: column */
	PROBLEM_AUDIT_UNKNOWN,       /* str[0]: a scope no earlier scope change defines */
	/* The organization's own attribute types (issue 8). */
	PROBLEM_TYPE_MISSING,        /* attribute-type: no type given */
	PROBLEM_TYPE_BAD,            /* str[0]: a type or value without id or label, or twice */
	PROBLEM_TYPE_EXISTS,         /* str[0]: the type id the catalog already has */
	PROBLEM_COUNT
};

/* The part of a change a problem is about, so a reader can point at its
 * line and column. */
enum change_field {
	FIELD_NONE,        /* the change as a whole */
	FIELD_OP, FIELD_CHANGE, FIELD_TARGET, FIELD_TARGETS, FIELD_PARENT, FIELD_AFTER, FIELD_STEP,
	FIELD_ITEM, FIELD_PARTS, FIELD_TEXT, FIELD_TITLE, FIELD_SOURCE, FIELD_RULE,
	FIELD_LEVEL, FIELD_TECHNICAL, FIELD_REVIEW, FIELD_ATTRS, FIELD_MARKS,
	FIELD_RISK, FIELD_REMOVE, FIELD_RISKS, FIELD_SCOPE, FIELD_POLICY, FIELD_SCALE,
	FIELD_REASON, FIELD_AUTHOR, FIELD_DATE,
	FIELD_AUDIT, FIELD_QUERY, FIELD_TYPES,
	FIELD_COUNT
};

struct problem {
	enum problem_code code;
	enum change_field field;
	const char *str[2];   /* live in the change, the catalog or the resolution */
	long num[2];
};

/* A stable name for each code ("merge-target-twice"), for exports and
 * tests; "" for none. */
const char *problem_code_name(enum problem_code code);

#endif
