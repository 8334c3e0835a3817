/* The detail pane's content: the selected item laid out as wrapped lines
 * for a given width.  Building is free of curses (unit-tested); drawing is
 * in detail_view.c. */
#ifndef KIJUN_DETAIL_H
#define KIJUN_DETAIL_H

#include <stddef.h>
#include <stdint.h>

#include "kijun/arena.h"
#include "kijun/catalog.h"

enum detail_style {
	DETAIL_BODY,
	DETAIL_ID,       /* the item's id */
	DETAIL_TITLE,
	DETAIL_MUTED,    /* the other language's title, the kind */
	DETAIL_HEADING,  /* 参照, 属性 */
	DETAIL_VALUE,    /* attribute values */
};

struct detail_line {
	const char *text;   /* not NUL-terminated at len */
	size_t len;
	uint16_t indent;    /* cells before the text */
	uint8_t style;
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
};

void detail_init(struct detail *d);
void detail_free(struct detail *d);

/* Lays out item i of c for `width` cells.  Keeps the scroll position when
 * the item is the same (a resize), resets it otherwise. */
void detail_build(struct detail *d, const struct catalog *c, uint32_t i, int width);

/* Scrolls by delta lines within a view of `height` lines. */
void detail_scroll(struct detail *d, long delta, size_t height);

#endif
