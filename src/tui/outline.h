/* The tree as the screen shows it: which items are expanded, the rows that
 * are visible, the cursor and the scroll position.  No curses here, so the
 * logic is unit-tested on its own. */
#ifndef KIJUN_OUTLINE_H
#define KIJUN_OUTLINE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"

struct outline {
	const struct catalog *c;
	uint8_t *expanded;   /* per item */
	uint32_t *rows;      /* visible items, top to bottom */
	uint32_t row_count;
	uint32_t cursor;     /* a row */
	uint32_t top;        /* the first row on screen */
	uint32_t height;     /* rows on screen */
};

bool outline_init(struct outline *o, const struct catalog *c);
void outline_free(struct outline *o);

/* The item under the cursor, or ITEM_NONE for an empty catalog. */
uint32_t outline_current(const struct outline *o);

/* Sets how many rows fit, keeping the cursor on screen. */
void outline_set_height(struct outline *o, uint32_t height);

/* Moves the cursor by delta rows (clamped), scrolling as little as needed. */
void outline_move(struct outline *o, long delta);
/* Moves cursor and view together by one screen, as a pager does. */
void outline_page(struct outline *o, int direction);
void outline_first(struct outline *o);
void outline_last(struct outline *o);

bool outline_is_expanded(const struct outline *o, uint32_t item);
/* Expands or collapses the item under the cursor. */
void outline_toggle(struct outline *o);
/* Expands it; if already expanded, steps into its first child. */
void outline_expand(struct outline *o);
/* Collapses it; if already collapsed (or a leaf), steps to its parent. */
void outline_collapse(struct outline *o);
/* Every item with children, open or closed; the cursor stays on its item
 * (or on the closed ancestor that now holds it). */
void outline_expand_all(struct outline *o);
void outline_collapse_all(struct outline *o);
/* Opens every level down to `depth` (1 = the parts). */
void outline_expand_to(struct outline *o, unsigned depth);

/* Opens the ancestors of item and puts the cursor on it. */
void outline_reveal(struct outline *o, uint32_t item);

#endif
