#include "lineedit.h"

#include <string.h>

#include "kijun/text.h"

void lineedit_clear(struct lineedit *e)
{
	e->buf[0] = '\0';
	e->len = 0;
	e->cursor = 0;
}

void lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = strlen(text);

	/* Cut on a character boundary if it is too long. */
	if (n >= LINEEDIT_MAX) {
		n = LINEEDIT_MAX - 1;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(e->buf, text, n);
	e->buf[n] = '\0';
	e->len = n;
	e->cursor = n;
}

bool lineedit_insert(struct lineedit *e, uint32_t cp)
{
	char bytes[4];
	size_t n;

	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return false;
	n = utf8_encode(cp, bytes);
	if (e->len + n >= LINEEDIT_MAX)
		return false;
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, bytes, n);
	e->len += n;
	e->cursor += n;
	return true;
}

static size_t prev_boundary(const struct lineedit *e, size_t pos)
{
	if (pos == 0)
		return 0;
	do
		pos--;
	while (pos > 0 && ((unsigned char)e->buf[pos] & 0xC0) == 0x80);
	return pos;
}

static size_t next_boundary(const struct lineedit *e, size_t pos)
{
	if (pos >= e->len)
		return e->len;
	do
		pos++;
	while (pos < e->len && ((unsigned char)e->buf[pos] & 0xC0) == 0x80);
	return pos;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
}

bool lineedit_backspace(struct lineedit *e)
{
	if (e->cursor == 0)
		return false;
	cut(e, prev_boundary(e, e->cursor), e->cursor);
	return true;
}

bool lineedit_delete(struct lineedit *e)
{
	size_t cursor = e->cursor;

	if (e->cursor >= e->len)
		return false;
	cut(e, cursor, next_boundary(e, cursor));
	return true;
}

void lineedit_left(struct lineedit *e)
{
	e->cursor = prev_boundary(e, e->cursor);
}

void lineedit_right(struct lineedit *e)
{
	e->cursor = next_boundary(e, e->cursor);
}

void lineedit_home(struct lineedit *e)
{
	e->cursor = 0;
}

void lineedit_end(struct lineedit *e)
{
	e->cursor = e->len;
}

void lineedit_kill_to_start(struct lineedit *e)
{
	cut(e, 0, e->cursor);
}

void lineedit_kill_to_end(struct lineedit *e)
{
	e->buf[e->cursor] = '\0';
	e->len = e->cursor;
}

void lineedit_delete_word(struct lineedit *e)
{
	size_t to = e->cursor, from = to;

	while (from > 0 && e->buf[from - 1] == ' ')
		from--;
	while (from > 0 && e->buf[from - 1] != ' ')
		from = prev_boundary(e, from);
	cut(e, from, to);
}

enum lineedit_result lineedit_key(struct lineedit *e, enum lineedit_key k, uint32_t cp)
{
	size_t len = e->len, cursor = e->cursor;

	switch (k) {
	case LINEKEY_SUBMIT: return LINEEDIT_SUBMIT;
	case LINEKEY_CANCEL: return LINEEDIT_CANCEL;
	case LINEKEY_BACKSPACE:
		if (e->len == 0)
			return LINEEDIT_ERASE_EMPTY;
		lineedit_backspace(e);
		break;
	case LINEKEY_CHAR: lineedit_insert(e, cp); break;
	case LINEKEY_DELETE: lineedit_delete(e); break;
	case LINEKEY_LEFT: lineedit_left(e); break;
	case LINEKEY_RIGHT: lineedit_right(e); break;
	case LINEKEY_HOME: lineedit_home(e); break;
	case LINEKEY_END: lineedit_end(e); break;
	case LINEKEY_KILL_START: lineedit_kill_to_start(e); break;
	case LINEKEY_KILL_END: lineedit_kill_to_end(e); break;
	case LINEKEY_DELETE_WORD: lineedit_delete_word(e); break;
	default: return LINEEDIT_IGNORED;
	}
	if (e->len != len)
		return LINEEDIT_CHANGED;
	return e->cursor != cursor ? LINEEDIT_MOVED : LINEEDIT_IGNORED;
}

void lineedit_view(const struct lineedit *e, int width, size_t *start, int *cursor_col)
{
	int before = text_width_n(e->buf, e->cursor);
	size_t s = 0;

	if (width < 2)
		width = 2;
	/* Drop characters from the left until the cursor (and the cell it
	 * sits on) fits. */
	while (before >= width && s < e->cursor) {
		size_t next = next_boundary(e, s);

		before -= text_width_n(e->buf + s, next - s);
		s = next;
	}
	*start = s;
	*cursor_col = before;
}
