/* The detail pane's content: the selected item laid out as wrapped lines
 * for a given width.  Building is free of curses (unit-tested); drawing is
 * in detail_view.c. */
#ifndef KIJUN_DETAIL_H
#define KIJUN_DETAIL_H

#include <stddef.h>
#include <stdint.h>

#include "kijun/arena.h"
#include "kijun/catalog.h"
#include "kijun/mapping.h"
#include "kijun/resolve.h"

enum detail_style {
	DETAIL_BODY,
	DETAIL_ID,       /* the item's id */
	DETAIL_TITLE,
	DETAIL_MUTED,    /* the other language's title, the kind */
	DETAIL_HEADING,  /* 参照, 属性 */
	DETAIL_VALUE,    /* attribute values */
	DETAIL_WARNING,  /* a contradiction worth fixing */
	DETAIL_INSERTED, /* text a change added (marked bytes) */
	DETAIL_DELETED,  /* base text a change removed (marked bytes) */
};

struct detail_line {
	const char *text;            /* not NUL-terminated at len */
	size_t len;
	const unsigned char *marks;  /* per byte of text: 1 = mark_style; or NULL */
	uint16_t indent;             /* cells before the text */
	uint8_t style;
	uint8_t mark_style;
};

/* What a tailoring says about the items, when one is open. */
struct detail_context {
	const struct resolution *res;  /* NULL when browsing a catalog */
	const struct tailoring *own;   /* the open tailoring: other changes in a
					* history come from its bases */
	bool base_view;                /* the catalog is the base, not res->cat */
};

struct detail {
	struct detail_line *lines;
	size_t count;
	size_t capacity;
	struct arena arena;  /* strings made for this layout */
	uint32_t item;       /* what it shows, ITEM_NONE for nothing */
	int width;
	int lang;            /* the language it was built in */
	size_t scroll;       /* first line on screen */
	const struct mapping *maps;  /* tables given with --map: each item
				      * lists its rows, as source or target */
	size_t map_count;
};

void detail_init(struct detail *d);
void detail_free(struct detail *d);

/* Lays out item i of c for `width` cells; ctx may be NULL.  Keeps the
 * scroll position when the item is the same (a resize), resets it
 * otherwise. */
void detail_build(struct detail *d, const struct catalog *c, uint32_t i, int width,
		  const struct detail_context *ctx);

/* The mapping tables later builds show; they must outlive d. */
void detail_set_mappings(struct detail *d, const struct mapping *maps, size_t count);

/* ---- building blocks, for the sections in detail_*.c --------------------- */

void detail_push(struct detail *d, const char *text, size_t len, int indent, int style);
/* s wrapped to the width, each line indented. */
void detail_push_wrapped(struct detail *d, const char *s, int indent, int style);
/* The same, with the bytes marked in marks (parallel to s) drawn in
 * mark_style: the differences of a reworded text. */
void detail_push_marked(struct detail *d, const char *s, const unsigned char *marks,
			int indent, int style, int mark_style);
void detail_push_blank(struct detail *d);
/* A heading such as 参照 or 変更履歴. */
void detail_push_heading(struct detail *d, const char *s);
/* A string kept for the layout's lifetime. */
char *detail_printf(struct detail *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The tailoring's part of a layout (detail_tailoring.c). */
void detail_tailoring_head(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx);
void detail_tailoring_text(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx);
void detail_tailoring_tail(struct detail *d, const struct catalog *c, uint32_t i,
			   const struct detail_context *ctx);
/* How an entry is introduced in its parent's text: "[除外] " or "". */
const char *detail_entry_prefix(const struct detail_context *ctx, uint32_t i);

/* Scrolls by delta lines within a view of `height` lines. */
void detail_scroll(struct detail *d, long delta, size_t height);

/* What a pane of `height` rows shows at the current scroll position: rows
 * [top, top + rows) hold lines [first, first + rows).  When text is hidden
 * above, row 0 says so instead of a line (above: how many lines); when
 * text is cut below, the last row does (below).  Panes under 3 rows have
 * no room for either. */
struct detail_window {
	size_t first, rows;
	size_t top;
	size_t above, below;
};

void detail_window(const struct detail *d, size_t height, struct detail_window *w);

#endif
