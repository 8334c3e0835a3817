/* The text of kijun's own editor, for machines with no $VISUAL, $EDITOR,
 * editor, vi or nano: a UTF-8 buffer of several lines with a cursor.
 * Rows wrap at a width in screen cells (a Japanese character takes two and
 * is never cut in half), so the view needs no horizontal scrolling.  No
 * curses here: textedit_view.c draws it and hands it the keys. */
#ifndef KIJUN_TEXTEDIT_H
#define KIJUN_TEXTEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct textedit {
	char *buf;          /* NUL-terminated, valid UTF-8 */
	size_t len, cap;
	size_t cursor;      /* a byte offset on a character boundary */
	int goal;           /* the cell column Up and Down keep; -1: none */
	bool modified;      /* typed into since textedit_init */
};

/* Starts with text (NULL: empty); the cursor at the start.  Invalid UTF-8
 * becomes U+FFFD.  False when out of memory. */
bool textedit_init(struct textedit *e, const char *text);
void textedit_free(struct textedit *e);

/* Inserts one character at the cursor ('\n' starts a new line); other
 * control characters are refused (false), as when out of memory. */
bool textedit_insert(struct textedit *e, uint32_t cp);
bool textedit_backspace(struct textedit *e);  /* the character before the cursor */
bool textedit_delete(struct textedit *e);     /* the character under it */
void textedit_left(struct textedit *e);
void textedit_right(struct textedit *e);
void textedit_home(struct textedit *e);       /* the start of the line */
void textedit_end(struct textedit *e);        /* its end */
/* One row up or down at `width` cells, keeping the column where it can;
 * false at the first or last row. */
bool textedit_up(struct textedit *e, int width);
bool textedit_down(struct textedit *e, int width);

/* The row starting at byte `start` when wrapped at `width` cells: its
 * bytes are [start, *end); returns where the next row starts, or
 * TEXTEDIT_LAST when it is the last row.  Row 0 starts at 0. */
#define TEXTEDIT_LAST ((size_t)-1)
size_t textedit_row(const struct textedit *e, size_t start, int width, size_t *end);
/* The cursor's row (from 0) and cell column at `width`. */
void textedit_cursor_at(const struct textedit *e, int width, size_t *row, int *col);
/* How many rows the text takes at `width`. */
size_t textedit_row_count(const struct textedit *e, int width);

#endif
