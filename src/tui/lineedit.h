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

/* The line-editing keys, as one table (keymap_line_key) maps terminal
 * keys to them: prompts and the search read them the same way. */
enum lineedit_key {
	LINEKEY_NONE,         /* not a line-editing key */
	LINEKEY_CHAR,         /* a character to insert */
	LINEKEY_SUBMIT,       /* Enter */
	LINEKEY_CANCEL,       /* Esc, Ctrl-G */
	LINEKEY_BACKSPACE,    /* Backspace, Ctrl-H */
	LINEKEY_DELETE,       /* Delete, Ctrl-D */
	LINEKEY_LEFT,         /* Left, Ctrl-B */
	LINEKEY_RIGHT,        /* Right, Ctrl-F */
	LINEKEY_HOME,         /* Home, Ctrl-A */
	LINEKEY_END,          /* End, Ctrl-E */
	LINEKEY_KILL_START,   /* Ctrl-U */
	LINEKEY_KILL_END,     /* Ctrl-K */
	LINEKEY_DELETE_WORD,  /* Ctrl-W */
};

/* What a key did to the line, so the caller knows what to redo: a search
 * looks again only when the text changed. */
enum lineedit_result {
	LINEEDIT_IGNORED,     /* nothing: an unknown key, or nothing to do */
	LINEEDIT_MOVED,       /* the cursor moved; the text is the same */
	LINEEDIT_CHANGED,     /* the text changed */
	LINEEDIT_SUBMIT,      /* Enter: the caller takes the text */
	LINEEDIT_CANCEL,      /* Esc: the caller gives up */
	LINEEDIT_ERASE_EMPTY, /* Backspace on an empty line (a search closes) */
};

/* Applies key k (with character cp for LINEKEY_CHAR). */
enum lineedit_result lineedit_key(struct lineedit *e, enum lineedit_key k, uint32_t cp);

/* For drawing in `width` cells: the byte offset to start from so that the
 * cursor is visible, and the cursor's cell column relative to it. */
void lineedit_view(const struct lineedit *e, int width, size_t *start, int *cursor_col);

#endif
