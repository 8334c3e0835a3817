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
	const uint8_t *hidden;  /* per item: left out with its subtree; may be NULL */
};

/* What the user had open and where the cursor was, by id, so it survives
 * a new catalog (a tailoring resolved again after an edit). */
struct outline_state {
	char **expanded;
	uint32_t count;
	char *cursor;
	uint32_t cursor_row_on_screen;
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

/* Leaves out the items marked in hidden (NULL: none), keeping the cursor
 * on its item or the nearest shown one before it. */
void outline_set_hidden(struct outline *o, const uint8_t *hidden);

bool outline_state_save(const struct outline *o, struct outline_state *s);
/* Applies a saved state to an outline of another catalog. */
void outline_state_restore(struct outline *o, const struct outline_state *s);
void outline_state_free(struct outline_state *s);

#endif
