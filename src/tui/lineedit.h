/* A one-line text editor for prompts and short fields, in UTF-8: the
 * cursor moves by characters, Backspace removes a whole character (a
 * two-cell Japanese one included), and the view scrolls by screen cells.
 * No curses here; prompt drawing lives in the views. */
#ifndef KIJUN_LINEEDIT_H
#define KIJUN_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LINEEDIT_MAX 1024

struct lineedit {
	char buf[LINEEDIT_MAX];  /* always NUL-terminated, valid UTF-8 */
	size_t len;
	size_t cursor;           /* a byte offset on a character boundary */
};

void lineedit_clear(struct lineedit *e);
void lineedit_set(struct lineedit *e, const char *text);

/* Inserts one character at the cursor.  Control characters are refused
 * (false), as is anything that would not fit. */
bool lineedit_insert(struct lineedit *e, uint32_t cp);

bool lineedit_backspace(struct lineedit *e);  /* the character before the cursor */
bool lineedit_delete(struct lineedit *e);     /* the character under it */
void lineedit_left(struct lineedit *e);
void lineedit_right(struct lineedit *e);
void lineedit_home(struct lineedit *e);
void lineedit_end(struct lineedit *e);
void lineedit_kill_to_start(struct lineedit *e);   /* Ctrl-U */
void lineedit_kill_to_end(struct lineedit *e);     /* Ctrl-K */
void lineedit_delete_word(struct lineedit *e);     /* Ctrl-W */

/* For drawing in `width` cells: the byte offset to start from so that the
 * cursor is visible, and the cursor's cell column relative to it. */
void lineedit_view(const struct lineedit *e, int width, size_t *start, int *cursor_col);

#endif
