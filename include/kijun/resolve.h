/* Resolution: the individual standard is the base with the changes applied
 * in order.  Every resolved item knows its status and which changes shaped
 * it; a change that cannot apply (its target is gone because the base
 * edition changed, say) is reported as a conflict and kept, never dropped. */
#ifndef KIJUN_RESOLVE_H
#define KIJUN_RESOLVE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/problem.h"
#include "kijun/tailoring.h"

enum item_status {
	STATUS_KEPT,
	STATUS_REWORDED,
	STATUS_ADDED,
	STATUS_EXCLUDED,
	STATUS_SPLIT,     /* replaced by the parts of a split */
	STATUS_MERGED,    /* absorbed into a merged item */
	STATUS_COUNT
};
const char *item_status_name(enum item_status s);   /* kept, reworded, ... */
const char *item_status_label(enum item_status s);  /* 維持, 修正, 追加, 除外 ... */

struct rule_link {
	const char *rule;
	const char *section;
	const char *note;
};

/* How a change in an item's history stands. */
enum shaping_state {
	SHAPING_APPLIED,     /* it shaped the item (a withdraw or retarget: it
			      * took back or moved a change of this item) */
	SHAPING_WITHDRAWN,   /* a later withdraw took it back: it shaped nothing */
	SHAPING_RETARGETED,  /* it applies here because a later retarget moved it */
};

/* One change that shaped an item, in order. */
struct shaping {
	const struct change *change;
	const struct tailoring *from;  /* this tailoring, or a base tailoring */
	uint32_t index;                /* its position in from->changes */
	uint8_t state;                 /* enum shaping_state */
};

/* No change: what resolution_withdrawn_by says of one never withdrawn. */
#define CHANGE_NONE UINT32_MAX

/* What few items have, kept apart from struct resolved so that the
 * others do not carry it (resolved_extra reads it). */
struct resolved_extra {
	const char *source_ref;  /* added items: 個人情報保護法 第23条 */
	const char *replaced_by; /* split/merged: the new item(s), for the screen */
	const char **marks;
	const char **risks;      /* the risk ids it treats (treats) */
	struct rule_link *links;
	uint32_t mark_count;
	uint32_t risk_count;
	uint32_t link_count;
};

/* One per item, 48 bytes: on 100k items each byte is 100 kB, and the
 * screen holds one of these arrays per resolution. */
struct resolved {
	uint8_t status;          /* enum item_status */
	uint8_t level;           /* enum item_level */
	bool technical;
	bool wording_conflict;   /* the sentence ending contradicts the level */
	bool inherited;          /* shaped by a base tailoring only */
	uint8_t source;          /* enum source_kind, for added items */
	uint8_t before_exclusion;/* the status an include returns to */
	uint16_t review_months;
	uint32_t history_count;
	const char *base_text;   /* before any change; NULL for added items */
	const char *base_title;
	struct shaping *history;
	/* NULL when it has none of it; shared with a base resolution until
	 * first written, as the history is */
	const struct resolved_extra *extra;
};

/* info's source, replacement, marks, risks and links: all empty when it
 * has none. */
const struct resolved_extra *resolved_extra(const struct resolved *info);

struct conflict {
	const struct tailoring *from;
	uint32_t index;          /* the change in from->changes */
	struct problem problem;  /* a code: views put it in words when shown */
};

struct resolution {
	struct catalog cat;      /* the individual standard; excluded, split and
				  * merged items are still in it, marked */
	struct resolved *info;   /* cat.count entries, parallel to cat.items */
	struct conflict *conflicts;
	uint32_t conflict_count;
	uint32_t conflict_capacity;
	uint32_t changed_count;  /* items with a status other than kept or any history */
	/* Per change of the resolved tailoring, built once per resolve: the
	 * withdraw that took it back and the retarget that moves it (the
	 * latest), as indexes, or CHANGE_NONE. */
	uint32_t *withdrawn_by;
	uint32_t *retargeted_by;
	uint32_t change_count;
};

/* Applies t's changes to base (which must outlive the resolution; its
 * strings are shared).  `base_info` is the resolution of a base tailoring
 * (NULL for a catalog base): statuses and histories carry over.  Returns
 * false only when out of memory. */
bool resolve_apply(struct resolution *out, const struct catalog *base,
		   const struct resolution *base_info, const struct tailoring *t);

/* As resolve_apply, but takes base's items and id index (and base_info's
 * infos, when given: then base is base_info's catalog) instead of copying
 * them, for a base nothing reads the items of again, such as the links of
 * a chain of tailorings below the last.  base keeps its header and arena
 * (the taken items point into it) and must outlive out; it is left with
 * no items, also when this returns false (out of memory). */
bool resolve_apply_taking(struct resolution *out, struct catalog *base,
			  struct resolution *base_info, const struct tailoring *t);

void resolution_free(struct resolution *r);

/* The withdraw (an index into the tailoring's changes) that took back
 * change `index`, or CHANGE_NONE; a withdrawn change shapes nothing and is
 * never a conflict, but stays in the items' histories. */
uint32_t resolution_withdrawn_by(const struct resolution *r, uint32_t index);
/* The retarget that points change `index` elsewhere, or CHANGE_NONE.  When
 * its target does not exist (or the change cannot apply there) the
 * conflict is the retarget's and the change applies as written. */
uint32_t resolution_retargeted_by(const struct resolution *r, uint32_t index);

/* True when the item is out of the individual standard: excluded, split or
 * merged, itself or through an ancestor. */
bool resolved_is_out(const struct resolution *r, uint32_t i);

/* Marks the item's status gives it in one letter for the tree: ' ' kept,
 * '*' reworded or otherwise changed, 'A' added, 'x' excluded, 's' split,
 * 'm' merged. */
char resolved_status_mark(const struct resolution *r, uint32_t i);

#endif
