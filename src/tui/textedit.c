#include "textedit.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/text.h"

static bool reserve(struct textedit *e, size_t more)
{
	size_t cap = e->cap ? e->cap : 256;
	char *b;

	if (e->len + more + 1 <= e->cap)
		return true;
	while (cap < e->len + more + 1)
		cap *= 2;
	b = realloc(e->buf, cap);
	if (!b)
		return false;
	e->buf = b;
	e->cap = cap;
	return true;
}

static bool append(struct textedit *e, const char *s, size_t n)
{
	if (!reserve(e, n))
		return false;
	memcpy(e->buf + e->len, s, n);
	e->len += n;
	e->buf[e->len] = '\0';
	return true;
}

bool textedit_init(struct textedit *e, const char *text)
{
	size_t len = text ? strlen(text) : 0, p = 0;

	memset(e, 0, sizeof(*e));
	e->goal = -1;
	if (!reserve(e, len))
		return false;
	e->buf[0] = '\0';
	/* Copied a character at a time so what is kept is valid UTF-8. */
	while (p < len) {
		uint32_t cp;
		size_t n = utf8_decode(text + p, len - p, &cp);
		char bytes[4];

		if (!append(e, bytes, utf8_encode(cp, bytes)))
			return false;
		p += n;
	}
	return true;
}

void textedit_free(struct textedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof(*e));
}

static size_t prev_boundary(const struct textedit *e, size_t pos)
{
	if (pos == 0)
		return 0;
	do
		pos--;
	while (pos > 0 && ((unsigned char)e->buf[pos] & 0xC0) == 0x80);
	return pos;
}

static size_t next_boundary(const struct textedit *e, size_t pos)
{
	if (pos >= e->len)
		return e->len;
	do
		pos++;
	while (pos < e->len && ((unsigned char)e->buf[pos] & 0xC0) == 0x80);
	return pos;
}

bool textedit_insert(struct textedit *e, uint32_t cp)
{
	char bytes[4];
	size_t n;

	if ((cp < 0x20 && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF || text_is_bidi_control(cp))
		return false;
	n = utf8_encode(cp, bytes);
	if (!reserve(e, n))
		return false;
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, bytes, n);
	e->len += n;
	e->cursor += n;
	e->goal = -1;
	e->modified = true;
	return true;
}

static void cut(struct textedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	e->goal = -1;
	e->modified = true;
}

bool textedit_backspace(struct textedit *e)
{
	if (e->cursor == 0)
		return false;
	cut(e, prev_boundary(e, e->cursor), e->cursor);
	return true;
}

bool textedit_delete(struct textedit *e)
{
	if (e->cursor >= e->len)
		return false;
	cut(e, e->cursor, next_boundary(e, e->cursor));
	return true;
}

void textedit_left(struct textedit *e)
{
	e->cursor = prev_boundary(e, e->cursor);
	e->goal = -1;
}

void textedit_right(struct textedit *e)
{
	e->cursor = next_boundary(e, e->cursor);
	e->goal = -1;
}

void textedit_home(struct textedit *e)
{
	while (e->cursor > 0 && e->buf[e->cursor - 1] != '\n')
		e->cursor--;
	e->goal = -1;
}

void textedit_end(struct textedit *e)
{
	while (e->cursor < e->len && e->buf[e->cursor] != '\n')
		e->cursor++;
	e->goal = -1;
}

/* Cells of the character at p (a control character shows as ^X: two). */
static int cells_at(const struct textedit *e, size_t p, size_t *n)
{
	uint32_t cp;

	*n = utf8_decode(e->buf + p, e->len - p, &cp);
	return text_width_n(e->buf + p, *n);
}

size_t textedit_row(const struct textedit *e, size_t start, int width, size_t *end)
{
	size_t p = start, n;
	int cells = 0;

	while (p < e->len && e->buf[p] != '\n') {
		int w = cells_at(e, p, &n);

		/* One character always fits, so a row is never empty but at
		 * a line's end: the scan always moves on. */
		if (cells + w > width && p > start)
			break;
		cells += w;
		p += n;
	}
	*end = p;
	/* A full row leaves the cursor no column at its end: the next row
	 * takes it. */
	if (cells >= width && p > start && (p == e->len || e->buf[p] == '\n'))
		return p;
	if (p < e->len && e->buf[p] == '\n')
		return p + 1;
	return p < e->len ? p : TEXTEDIT_LAST;
}

/* Whether the cursor sits on the row [start, end) whose next row starts
 * at next. */
static bool on_row(const struct textedit *e, size_t start, size_t next)
{
	return e->cursor >= start && (next == TEXTEDIT_LAST || e->cursor < next);
}

void textedit_cursor_at(const struct textedit *e, int width, size_t *row, int *col)
{
	size_t start = 0, end, next, r = 0;

	for (;; r++, start = next) {
		next = textedit_row(e, start, width, &end);
		if (on_row(e, start, next))
			break;
	}
	*row = r;
	*col = text_width_n(e->buf + start, e->cursor - start);
}

size_t textedit_row_count(const struct textedit *e, int width)
{
	size_t start = 0, end, n = 1;

	while ((start = textedit_row(e, start, width, &end)) != TEXTEDIT_LAST)
		n++;
	return n;
}

/* Puts the cursor on the row [start, end) at the column nearest goal
 * without passing it. */
static void place(struct textedit *e, size_t start, size_t end, size_t next, int goal)
{
	size_t p = start, n;
	int cells = 0;

	while (p < end) {
		int w = cells_at(e, p, &n);

		if (cells + w > goal)
			break;
		cells += w;
		p += n;
	}
	/* The end of a wrapped row is the next row's start. */
	if (p == end && next == end && p > start)
		p = prev_boundary(e, p);
	e->cursor = p;
}

static bool move_rows(struct textedit *e, int width, bool down)
{
	size_t row, start = 0, end, next, r = 0;
	int col;

	textedit_cursor_at(e, width, &row, &col);
	if (e->goal < 0)
		e->goal = col;
	if (down ? row + 1 >= textedit_row_count(e, width) : row == 0)
		return false;
	row = down ? row + 1 : row - 1;
	for (;; r++, start = next) {
		next = textedit_row(e, start, width, &end);
		if (r == row)
			break;
	}
	place(e, start, end, next, e->goal);
	return true;
}

bool textedit_up(struct textedit *e, int width)
{
	return move_rows(e, width, false);
}

bool textedit_down(struct textedit *e, int width)
{
	return move_rows(e, width, true);
}
