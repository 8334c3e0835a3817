/* A tailoring: the organization's 個別管理基準 as a base (a catalog, or
 * another tailoring such as a sector profile) and an ordered list of
 * changes, each with the guideline step it belongs to and its reason.
 * The base is never edited; resolve.h applies the changes.  The file
 * format is described in docs/tailoring-format.md. */
#ifndef KIJUN_TAILORING_H
#define KIJUN_TAILORING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/arena.h"
#include "kijun/catalog.h"

enum change_op {
	OP_EXCLUDE,     /* the item does not apply (the reason is the justification) */
	OP_INCLUDE,     /* an excluded item applies again */
	OP_REWORD,      /* new text and/or title; the base text is kept */
	OP_SPLIT,       /* one item becomes several new ones */
	OP_MERGE,       /* several items become one new one */
	OP_ADD,         /* a new item under a parent or after a sibling */
	OP_LINK,        /* ties an item to an internal rule */
	OP_LEVEL,       /* mandatory (必須) or recommended (推奨) */
	OP_TECHNICAL,   /* marks or unmarks a technical verification item */
	OP_ATTRIBUTES,  /* sets attribute values, the organization's own types too */
	OP_MARKS,       /* marks shown after the id, such as ISMAP's .P .B .PB */
	OP_WITHDRAW,    /* takes back an earlier change (ref), which then shapes nothing */
	OP_RETARGET,    /* points an earlier change (ref) at another target or place */
	OP_KEEP,        /* the item was looked at and stays as it is (step 1) */
	OP_TREATS,      /* the risks (by id) the item treats; none clears */
	/* The risk basis (guideline I.3): step 0, no target. */
	OP_SCOPE,       /* organization, sites, information assets, processes */
	OP_POLICY,      /* the risk management policy's elements given */
	OP_SCALE,       /* the organization's risk levels, highest first */
	OP_RISK,        /* a risk of the register set (by id), or removed */
	OP_ACKNOWLEDGE, /* a wizard page's open warnings accepted, with the reason */
	/* The audit scope (issue 8): a named, saved query, and items added to
	 * it or removed from it by hand.  They shape no item. */
	OP_AUDIT,        /* sets the query of the scope named `scope` */
	OP_AUDIT_ADD,    /* puts target in the scope, whatever the query says */
	OP_AUDIT_REMOVE, /* leaves target out of the scope, whatever the query says */
	/* The organization's own attribute types (issue 8), defined as a
	 * change so the screen can create one with its reason and undo it. */
	OP_TYPE,         /* defines new attribute types with their values */
	OP_COUNT
};

/* "exclude", "reword", ... as written in files; -1 from the parser when
 * the name is unknown. */
const char *change_op_name(enum change_op op);
int change_op_parse(const char *name, enum change_op *out);
/* The operation in the interface language. */
const char *change_op_label(enum change_op op);

enum item_level { LEVEL_NONE, LEVEL_MANDATORY, LEVEL_RECOMMENDED };
const char *item_level_name(enum item_level level);   /* "mandatory" ... ; "" for none */
int item_level_parse(const char *name, enum item_level *out);
const char *item_level_label(enum item_level level);  /* 必須, 推奨 */

/* Where an added item comes from (guideline II.2–II.5). */
enum source_kind {
	SOURCE_NONE,
	SOURCE_LAW,           /* a law or regulation (step 2) */
	SOURCE_STANDARD,      /* another standard: CPSF, NIST CSF 2.0 (step 3) */
	SOURCE_ORGANIZATION,  /* the organization's own need (step 4) */
	SOURCE_INTERNAL_RULE, /* an internal rule (step 5) */
	SOURCE_COUNT
};
const char *source_kind_name(enum source_kind kind);
int source_kind_parse(const char *name, enum source_kind *out);
const char *source_kind_label(enum source_kind kind);

/* The guideline's steps ①–⑦ (section II); step 0 is the risk basis
 * (I.3), which the basis operations carry and an acknowledge may. */
#define STEP_MIN 1
#define STEP_MAX 7
#define STEP_BASIS 0
/* The wizard's pages: 0 the risk basis, 1–7 the steps, 8 the summary. */
#define WIZARD_PAGE_MAX 8
/* True for scope, policy, scale and risk: they shape the risk basis, not
 * an item. */
bool change_op_is_basis(enum change_op op);
const char *step_label(unsigned step);   /* 0: the risk basis; 情報セキュリティ管理基準の参照・項目の抽出 ... */
/* The step an operation usually belongs to, for the default in prompts. */
unsigned step_default(enum change_op op, enum source_kind source);

/* A new item made by add, split or merge. */
struct new_item {
	const char *id;
	const char *label;    /* list entries: "e)" */
	const char *title;
	const char *text;
	int kind;             /* enum item_kind, or -1 to take it from the context */
};

struct attr_setting {
	const char *type;     /* an attribute type id */
	const char **values;  /* value ids; none clears the type */
	uint32_t count;
};

/* The risk management policy of guideline I.3, in the organization's words. */
struct risk_policy {
	const char *awareness;   /* 1) how risk awareness is shared */
	const char *targets;     /* 2) how targets (acceptable risk) are set */
	const char *monitoring;  /* 3) how top management monitors progress */
	const char *feedback;    /* 4) how results are evaluated and fed back */
};

/* One risk of the register (guideline I.3). */
struct risk {
	const char *id;
	const char *description;
	const char *asset;        /* the information asset at risk */
	const char *properties;   /* which of C, I, A: "CI", "A" ... in that order */
	const char *level;        /* on the organization's scale */
	const char *target_level; /* the level to bring it to ... */
	const char *deadline;     /* ... by this date, YYYY-MM-DD */
	const char *owner;
};

/* The scope of the standard (guideline II: what is managed, where). */
struct scope {
	const char *organization;
	const char *sites;
	const char *assets;
	const char *processes;
	const char *title;         /* the tailoring's title: replaces the file's */
};

struct change {
	enum change_op op;
	uint8_t step;              /* 1–7 */
	/* withdraw, retarget: the earlier change of the same tailoring, by
	 * its 1-based position (as `kijun changes` and `!` number them);
	 * 0 for the other ops. */
	uint32_t ref;
	const char *target;        /* every op but add, merge and withdraw;
				    * retarget: the new target */
	const char **targets;      /* merge */
	uint32_t target_count;
	const char *parent;        /* add (retarget of an add): as the last child of parent ... */
	const char *after;         /* ... or right after this sibling */
	struct new_item item;      /* add, merge */
	struct new_item *parts;    /* split */
	uint32_t part_count;
	const char *text;          /* reword */
	const char *title;         /* reword */
	enum source_kind source;   /* add */
	const char *source_ref;    /* add: 個人情報保護法 第23条, CSF PR.AA-01 */
	const char *rule;          /* link: the internal rule's name */
	const char *rule_section;  /* link: its article or section */
	const char *note;          /* link: how the two are kept consistent */
	enum item_level level;     /* level */
	bool technical;            /* technical */
	uint16_t review_months;    /* technical: how often it is reviewed */
	struct attr_setting *attrs;  /* attributes */
	uint32_t attr_count;
	const char **marks;        /* marks */
	uint32_t mark_count;
	struct risk risk;          /* risk: all of it, or its id with remove */
	bool remove;               /* risk: takes the risk out of the register */
	const char **risks;        /* treats: risk ids */
	uint32_t risk_count;
	struct scope scope;        /* scope: the parts given replace the earlier */
	struct risk_policy policy; /* policy: the elements given replace the earlier */
	const char **scale;        /* scale: levels, highest first */
	uint32_t scale_count;
	const char *audit;         /* audit-scope, audit-add, audit-remove: the scope's name */
	const char *query;         /* scope: the query (docs/query.md) */
	struct attr_type *types;   /* attribute-type: the types it defines */
	uint32_t type_count;
	const char *reason;        /* never empty */
	const char *author;
	const char *date;          /* YYYY-MM-DD */
	uint32_t line;             /* where it starts in its file; 0 if new */
};

enum base_kind { BASE_CATALOG, BASE_TAILORING };

struct base_ref {
	enum base_kind kind;
	const char *id;        /* catalog or tailoring id */
	const char *edition;   /* the catalog's edition (catalog bases) */
	const char *hash;      /* "sha256:<hex>" of its canonical form */
	const char *file;      /* relative to the tailoring file; none: built-in */
};

struct tailoring {
	const char *id;
	const char *title;
	struct base_ref base;
	const char *organization;
	const char *scope;
	struct risk_policy policy;
	uint8_t wizard_page;       /* where the wizard was left: 0 ... WIZARD_PAGE_MAX */
	struct attr_type *types;   /* the organization's own attribute types */
	uint32_t type_count;
	struct change *changes;
	uint32_t count;
	uint32_t capacity;
	struct arena arena;        /* every string above */
};

bool tailoring_init(struct tailoring *t);
void tailoring_free(struct tailoring *t);

/* Copies s into the tailoring's arena (NULL stays NULL). */
const char *tailoring_strdup(struct tailoring *t, const char *s);

/* Appends a copy of c (its strings copied into the arena).  Returns its
 * index, or -1 when out of memory. */
long tailoring_append(struct tailoring *t, const struct change *c);
/* Appends c as it is: every string and array it points to must already
 * live in t's arena (or never be freed), as the reader puts them there.
 * Copying them again doubled a read tailoring's strings. */
long tailoring_adopt(struct tailoring *t, const struct change *c);

/* Removes the last change (undo) into *out (strings stay valid until the
 * tailoring is freed).  False when there is none. */
bool tailoring_pop(struct tailoring *t, struct change *out);

#endif
