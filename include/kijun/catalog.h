/* The catalog: a tree of items (parts, sections, controls, detailed controls,
 * list entries) with the attribute types their values come from.
 *
 * Items live in one array and point at each other by index, so a catalog of
 * 100,000 items is a few allocations, and indexes stay valid as it grows.
 * Index 0 is a root that holds the top-level items and is never saved. */
#ifndef KIJUN_CATALOG_H
#define KIJUN_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/arena.h"

#define ITEM_NONE UINT32_MAX
#define ITEM_ROOT_INDEX 0u

enum item_kind {
	ITEM_ROOT,
	ITEM_PART,     /* ガバナンス基準, マネジメント基準, 管理策基準 */
	ITEM_SECTION,  /* 4.4, 5 (a theme), 5a (a group) */
	ITEM_CONTROL,  /* 4.4.8, 5a-5.4 */
	ITEM_DETAIL,   /* 4.4.8.1, 5b-5.9.2: a detailed control */
	ITEM_ENTRY,    /* a), b) or a bullet inside a detailed control */
	ITEM_KIND_COUNT
};

/* "part", "section", ... as written in files; NULL for the root. */
const char *item_kind_name(enum item_kind kind);
/* Parses a kind name; returns -1 if unknown. */
int item_kind_parse(const char *name, enum item_kind *out);
/* Which kinds may hold which: parts only at the top, then sections,
 * controls, detailed controls and entries going down.  Sections may nest
 * (theme 5, group 5a), and so may detailed controls (5b-5.9.2.1 added
 * under 5b-5.9.2). */
bool item_kind_may_hold(enum item_kind parent, enum item_kind child);

/* The kind in the interface language (部, 節, 管理策, 詳細管理策, 項目). */
const char *item_kind_label(enum item_kind kind);

struct attr_value {
	const char *id;        /* "Preventive": the token files and TSV use */
	const char *label;     /* 予防 */
	const char *label_en;  /* Preventive */
};

struct attr_type {
	const char *id;        /* "control_type" */
	const char *label;     /* 管理策タイプ */
	const char *label_en;  /* Control type */
	struct attr_value *values;
	uint32_t value_count;
};

/* One attribute value of an item: indexes into types[] and their values[]. */
struct attr_ref {
	uint16_t type;
	uint16_t value;
};

struct item {
	const char *id;        /* opaque and unique: "4.4.8.1", "5a-5.4", "7a-7.2.3/f" */
	const char *label;     /* list entries: "a)", "・"; else NULL */
	const char *title;     /* may be NULL for detailed controls and entries */
	const char *title_en;
	const char *text;
	const char **refs;     /* "27001-7.5.3" */
	struct attr_ref *attrs;  /* grouped by type, in file order within one */
	uint32_t ref_count;
	uint32_t attr_count;
	uint32_t parent;
	uint32_t first_child;
	uint32_t last_child;
	uint32_t next_sibling;
	uint32_t prev_sibling;
	uint32_t child_count;
	uint32_t line;         /* where it starts in its file; 0 if built */
	uint16_t depth;        /* top-level items are 1 */
	uint8_t kind;
};

struct catalog {
	const char *id;
	const char *title;
	const char *title_en;
	const char *edition;
	const char *publisher;
	const char *notice;    /* provenance: what the texts are and are not */
	struct attr_type *types;
	uint32_t type_count;
	struct item *items;    /* items[0] is the root */
	uint32_t count;
	uint32_t capacity;
	uint32_t *slots;       /* open-addressing index of ids */
	uint32_t slot_count;   /* a power of two, or 0 */
	uint32_t indexed;
	struct arena arena;    /* every string and small array above */
};

/* Sets up an empty catalog holding just the root.  Returns false when out
 * of memory (the catalog is then safe to free). */
bool catalog_init(struct catalog *c);
void catalog_free(struct catalog *c);

static inline struct item *catalog_item(const struct catalog *c, uint32_t i)
{
	return &c->items[i];
}

/* Makes dst a copy of src that can be changed on its own: its own items,
 * index and arena, but the strings of src are shared, so src must outlive
 * dst.  Returns false when out of memory (dst is then safe to free). */
bool catalog_clone(struct catalog *dst, const struct catalog *src);

/* Moves src's items and index into dst, which gets the rest of src's
 * header and an arena of its own; src keeps its arena (the items point
 * into it, so src must outlive dst) and is left with no items. */
void catalog_take(struct catalog *dst, struct catalog *src);

/* Adds an item of `kind` as the last child of `parent`; its fields start
 * empty.  Returns its index, or ITEM_NONE when out of memory.  Pointers to
 * items may move; indexes do not. */
uint32_t catalog_append(struct catalog *c, uint32_t parent, enum item_kind kind);

/* Adds an item right after `sibling`, under the same parent. */
uint32_t catalog_insert_after(struct catalog *c, uint32_t sibling, enum item_kind kind);

/* Records the item's id in the index.  Returns the index of an item that
 * already has that id, ITEM_NONE when recorded; *oom is set when out of
 * memory. */
uint32_t catalog_index_id(struct catalog *c, uint32_t i, bool *oom);

/* The item with that id, or ITEM_NONE. */
uint32_t catalog_find(const struct catalog *c, const char *id);

/* Walks the tree in document order (depth first, parents first); the root
 * is not visited.  ITEM_NONE past the end. */
uint32_t catalog_next(const struct catalog *c, uint32_t i);
uint32_t catalog_prev(const struct catalog *c, uint32_t i);
static inline uint32_t catalog_first(const struct catalog *c)
{
	return c->count > 1 ? c->items[0].first_child : ITEM_NONE;
}
/* The last item in document order. */
uint32_t catalog_last(const struct catalog *c);

/* True when `ancestor` is i or one of its parents. */
bool catalog_is_within(const struct catalog *c, uint32_t i, uint32_t ancestor);

/* Attribute types and values by their ids; -1 when unknown. */
int catalog_type_find(const struct catalog *c, const char *id);
int attr_type_value_find(const struct attr_type *t, const char *id);

/* Labels in the interface language. */
const char *attr_type_label(const struct attr_type *t);
const char *attr_value_label(const struct attr_value *v);

/* The title to show for an item: its title, or for untitled detailed
 * controls and entries its text (the screen shows the first line). */
const char *item_display_title(const struct item *it);
/* Title in the interface language, falling back to the other one. */
const char *item_title(const struct item *it);

/* Counts items other than the root. */
static inline uint32_t catalog_size(const struct catalog *c)
{
	return c->count ? c->count - 1 : 0;
}

#endif
