#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/text.h"

static attr_t role_attr[ROLE_COUNT];
static short role_pair[ROLE_COUNT];

void draw_init_roles(void)
{
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && *no_color);

	/* Without colour, attributes alone carry the meaning (vt100 too). */
	role_attr[ROLE_NORMAL] = A_NORMAL;
	role_attr[ROLE_HEADER] = A_REVERSE;
	role_attr[ROLE_BAR] = A_REVERSE;
	role_attr[ROLE_CURSOR] = A_REVERSE;
	role_attr[ROLE_CURSOR_DIM] = A_UNDERLINE;
	role_attr[ROLE_ID] = A_NORMAL;
	role_attr[ROLE_TITLE] = A_BOLD;
	role_attr[ROLE_MUTED] = A_NORMAL;
	role_attr[ROLE_HEADING] = A_BOLD | A_UNDERLINE;
	role_attr[ROLE_VALUE] = A_NORMAL;
	role_attr[ROLE_ESCAPED] = A_REVERSE;
	role_attr[ROLE_MATCH] = A_BOLD | A_UNDERLINE;
	role_attr[ROLE_ERROR] = A_BOLD;
	/* Without colour, underline shows what was added and reverse what was
	 * taken away. */
	role_attr[ROLE_INSERTED] = A_UNDERLINE | A_BOLD;
	role_attr[ROLE_DELETED] = A_REVERSE;
	memset(role_pair, 0, sizeof(role_pair));
	if (!color || start_color() == ERR)
		return;
	use_default_colors();
	/* The status bar stays in reverse video: its row count changes with
	 * every move, right after the cursor row's reverse video, so no
	 * attribute change is sent between them and the frame ends with a
	 * shorter reset (docs/decisions.md, bytes per key). */
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_GREEN, -1);
	init_pair(5, COLOR_RED, -1);
	init_pair(6, COLOR_MAGENTA, -1);
	role_pair[ROLE_HEADER] = 1;
	role_attr[ROLE_HEADER] = A_NORMAL;
	role_pair[ROLE_ID] = 2;
	role_pair[ROLE_HEADING] = 3;
	role_pair[ROLE_VALUE] = 4;
	role_pair[ROLE_ERROR] = 5;
	role_pair[ROLE_ESCAPED] = 6;
	role_pair[ROLE_INSERTED] = 4;
	role_pair[ROLE_DELETED] = 5;
	role_attr[ROLE_MUTED] = A_DIM;
}

attr_t draw_attr(enum draw_role role)
{
	return role_attr[role] | COLOR_PAIR(role_pair[role]);
}

void draw_set(enum draw_role role)
{
	attrset(draw_attr(role));
}

void draw_blank(int y, int x, int cells, enum draw_role role)
{
	draw_set(role);
	move(y, x);
	for (int i = 0; i < cells; i++)
		addch(' ');
}

int draw_marked(int y, int x, int cells, const char *s, size_t len,
		const unsigned char *marks, enum draw_role role, enum draw_role mark_role)
{
	struct glyph g;
	size_t pos = 0;
	int used = 0;
	enum draw_role now = role;

	if (cells <= 0)
		return 0;
	move(y, x);
	draw_set(role);
	while (s && pos < len) {
		size_t at = pos;
		enum draw_role want;

		if (!text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g))
			break;
		if (used + g.cells > cells)
			break;
		if (g.cells == 0 && used == 0)
			continue;  /* nothing to combine with */
		want = g.escaped ? ROLE_ESCAPED : marks && marks[at] ? mark_role : role;
		if (want != now) {
			draw_set(want);
			now = want;
		}
		addnstr(g.bytes, g.len);
		used += g.cells;
	}
	return used;
}

int draw_text(int y, int x, int cells, const char *s, size_t len,
	      enum draw_role role, bool fill)
{
	int used = draw_marked(y, x, cells, s, len, NULL, role, role);

	if (fill) {
		/* Bars fill in their own colour; underlined headings and the
		 * like stop where their text does. */
		draw_set(role == ROLE_BAR || role == ROLE_HEADER || role == ROLE_CURSOR ? role
										       : ROLE_NORMAL);
		for (int i = used; i < cells; i++)
			addch(' ');
	}
	return used;
}

int draw_str(int y, int x, int cells, const char *s, enum draw_role role, bool fill)
{
	return draw_text(y, x, cells, s, s ? strlen(s) : 0, role, fill);
}
