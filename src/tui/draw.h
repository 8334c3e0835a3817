/* Writing text to the screen in cells: every string passes through here,
 * so it is measured with wcwidth, cropped without cutting a wide character
 * in half, and stripped of anything that could drive the terminal. */
#ifndef KIJUN_DRAW_H
#define KIJUN_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

enum draw_role {
	ROLE_NORMAL,
	ROLE_HEADER,     /* the header bar: in colour, as it changes with no key */
	ROLE_BAR,        /* the status bar and other bars that change with keys */
	ROLE_CURSOR,     /* the selected row */
	ROLE_CURSOR_DIM, /* the selected row while the other pane has focus */
	ROLE_ID,
	ROLE_TITLE,
	ROLE_MUTED,
	ROLE_HEADING,
	ROLE_VALUE,
	ROLE_ESCAPED,    /* stand-ins for control characters */
	ROLE_MATCH,      /* search matches */
	ROLE_ERROR,
	ROLE_INSERTED,   /* text a change added */
	ROLE_DELETED,    /* base text a change removed */
	ROLE_COUNT
};

/* Chooses colours (unless NO_COLOR is set or the terminal has none). */
void draw_init_roles(void);
attr_t draw_attr(enum draw_role role);
/* Applies a role's attributes and colour to stdscr. */
void draw_set(enum draw_role role);

/* Writes s[0..len) at (y, x) in at most `cells` cells with `role`; pads
 * with spaces up to `cells` when `fill` is set.  Returns the cells used
 * (before padding). */
int draw_text(int y, int x, int cells, const char *s, size_t len,
	      enum draw_role role, bool fill);
int draw_str(int y, int x, int cells, const char *s, enum draw_role role, bool fill);

/* Like draw_text with fill, but bytes marked in marks (parallel to s, or
 * NULL) are drawn in mark_role. */
int draw_marked(int y, int x, int cells, const char *s, size_t len,
		const unsigned char *marks, enum draw_role role, enum draw_role mark_role);

/* Blank cells from (y, x). */
void draw_blank(int y, int x, int cells, enum draw_role role);

#endif
