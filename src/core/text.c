#include "kijun/text.h"

#include "kijun/strbuf.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

bool text_is_blank(const char *s)
{
	if (!s)
		return true;
	while (*s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else
			return false;
	}
	return true;
}

bool text_is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

static void glyph_set(struct glyph *g, const char *bytes, int cells, bool escaped)
{
	size_t n = strlen(bytes);

	memcpy(g->bytes, bytes, n + 1);
	g->len = (unsigned char)n;
	g->cells = (signed char)cells;
	g->escaped = escaped;
}

bool text_next_glyph(const char *s, size_t len, size_t *pos,
		     enum text_newline nl, struct glyph *g)
{
	uint32_t cp;
	size_t n;
	int w;

	if (*pos >= len)
		return false;
	if (s[*pos] == '\n') {
		if (nl == TEXT_NEWLINE_STOP)
			return false;
		(*pos)++;
		glyph_set(g, " ", 1, false);
		return true;
	}
	n = utf8_decode(s + *pos, len - *pos, &cp);
	if (cp == 0xFFFD && n == 1 && (unsigned char)s[*pos] >= 0x80) {
		/* A byte that is not UTF-8: show the replacement character. */
		*pos += n;
		glyph_set(g, "\xEF\xBF\xBD", 1, true);
		return true;
	}
	*pos += n;
	if (cp == '\t') {
		glyph_set(g, " ", 1, false);
	} else if (cp < 0x20 || cp == 0x7F) {
		char caret[3] = { '^', cp == 0x7F ? '?' : (char)(cp + '@'), '\0' };

		glyph_set(g, caret, 2, true);
	} else if (cp < 0x7F) {
		char c[2] = { (char)cp, '\0' };

		glyph_set(g, c, 1, false);
	} else if ((cp >= 0x80 && cp <= 0x9F) || text_is_bidi_control(cp) ||
		   (w = wcwidth((wchar_t)cp)) < 0) {
		char hex[12];

		snprintf(hex, sizeof(hex), "<U+%04X>", (unsigned)cp);
		glyph_set(g, hex, (int)strlen(hex), true);
	} else {
		memcpy(g->bytes, s + *pos - n, n);
		g->bytes[n] = '\0';
		g->len = (unsigned char)n;
		g->cells = (signed char)(w > 2 ? 2 : w);
		g->escaped = false;
	}
	return true;
}

/* How many bytes at the start of s text_next_glyph would show as they
 * are: printable ASCII, and well-formed UTF-8 of characters that are
 * neither C1 nor bidirectional controls and have a width.  Anything else
 * stops the run and is left to text_next_glyph. */
static size_t clean_run(const unsigned char *s, size_t len)
{
	size_t k = 0;

	while (k < len) {
		unsigned char b = s[k];
		uint32_t cp;
		size_t n;

		if (b >= 0x20 && b < 0x7F) {
			k++;
			continue;
		}
		if (b < 0xC2 || b > 0xF4)
			break;
		n = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		if (len - k < n)
			break;
		cp = b & (0x7F >> n);
		for (size_t j = 1; j < n; j++) {
			if ((s[k + j] & 0xC0) != 0x80)
				return k;
			cp = cp << 6 | (s[k + j] & 0x3F);
		}
		if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || cp <= 0x9F ||
		    text_is_bidi_control(cp) || wcwidth((wchar_t)cp) < 0)
			break;
		k += n;
	}
	return k;
}

void text_sanitize(struct strbuf *out, const char *s, size_t len)
{
	struct glyph g;
	size_t pos = 0;

	if (!s)
		return;
	/* Most text needs no change: copy it by the run, glyph by glyph
	 * only what does. */
	while (pos < len) {
		size_t run = clean_run((const unsigned char *)s + pos, len - pos);

		strbuf_add(out, s + pos, run);
		pos += run;
		if (!text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g))
			break;
		strbuf_add(out, g.bytes, g.len);
	}
}

int text_width_n(const char *s, size_t len)
{
	struct glyph g;
	size_t pos = 0;
	int cells = 0;

	while (text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g))
		cells += g.cells;
	return cells;
}

int text_width(const char *s)
{
	return s ? text_width_n(s, strlen(s)) : 0;
}

int text_crop(const char *s, int cells, char *out, size_t size)
{
	size_t len = s ? strlen(s) : 0, pos = 0, o = 0;
	struct glyph g;
	int used = 0;

	if (size == 0)
		return 0;
	while (text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g)) {
		if (used + g.cells > cells || o + g.len >= size)
			break;
		memcpy(out + o, g.bytes, g.len);
		o += g.len;
		used += g.cells;
	}
	out[o] = '\0';
	return used;
}

/* Characters that must not begin a line in Japanese typesetting (行頭禁則),
 * and those that must not end one (行末禁則). */
static bool kinsoku_no_start(uint32_t cp)
{
	static const uint32_t list[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F,
		0xFF01, 0x30FC, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009,
		0x300B, 0xFF5D, 0xFF3D, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049,
		0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x30A1, 0x30A3, 0x30A5,
		0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5,
		0x30F6, 0x2019, 0x201D, 0xFF05, 0x309D, 0x309E, 0x30FD, 0x30FE,
		0x3005, ')', ']', '}', ',', '.', ';', ':', '!', '?', '%',
	};

	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (list[i] == cp)
			return true;
	return false;
}

static bool kinsoku_no_end(uint32_t cp)
{
	static const uint32_t list[] = {
		0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0xFF5B,
		0xFF3B, 0x2018, 0x201C, '(', '[', '{',
	};

	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (list[i] == cp)
			return true;
	return false;
}

static uint32_t codepoint_at(const char *s, size_t len, size_t pos)
{
	uint32_t cp = 0;

	if (pos < len)
		utf8_decode(s + pos, len - pos, &cp);
	return cp;
}

/* Start of the character before pos (pos > 0). */
static size_t previous_char(const char *s, size_t pos)
{
	do
		pos--;
	while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
	return pos;
}

/* Moves a break point back so that neither side breaks kinsoku rules, as long
 * as the line keeps at least one character. */
static bool is_word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static size_t kinsoku_adjust(const char *s, size_t len, size_t start, size_t brk)
{
	size_t word;

	for (int guard = 0; guard < 4 && brk > start; guard++) {
		size_t prev = previous_char(s, brk);

		if (prev <= start)
			break;
		if (kinsoku_no_start(codepoint_at(s, len, brk)) ||
		    kinsoku_no_end(codepoint_at(s, len, prev)))
			brk = prev;
		else
			break;
	}
	/* Moving back for 「、」 must not cut a Latin word ("HTM" / "L、"):
	 * the break goes before the word, unless the word fills the line. */
	for (word = brk; word > start && is_word_byte(s[word - 1]) && is_word_byte(s[word]);)
		word--;
	return word > start ? word : brk;
}

static bool is_blank_byte(char c)
{
	return c == ' ' || c == '\t';
}

static void wrap_emit(struct wrap_line *lines, size_t max, size_t n,
		      const char *s, size_t start, size_t end)
{
	if (n < max) {
		lines[n].start = start;
		lines[n].end = end;
		lines[n].cells = text_width_n(s + start, end - start);
	}
}

size_t text_wrap(const char *s, int width, struct wrap_line *lines, size_t max)
{
	size_t len = s ? strlen(s) : 0, pos = 0, n = 0;

	if (width < 1)
		width = 1;
	for (;;) {
		size_t start = pos, p = pos, brk = 0, next = 0;
		bool have_brk = false, prev_wide = false;
		int cells = 0;
		struct glyph g;

		for (;;) {
			size_t q = p;

			if (!text_next_glyph(s, len, &p, TEXT_NEWLINE_STOP, &g)) {
				/* End of text or of a paragraph. */
				wrap_emit(lines, max, n++, s, start, p);
				if (p >= len)
					return n;
				pos = p + 1;  /* past the newline */
				if (pos >= len)
					return n;  /* a final newline ends the text */
				break;
			}
			if (cells + g.cells > width && q > start) {
				size_t end;

				if (g.bytes[0] == ' ' && g.len == 1) {
					end = q;
					next = p;
				} else if (prev_wide || g.cells == 2) {
					/* Between Japanese characters: right here. */
					end = q;
					next = q;
				} else if (have_brk) {
					end = brk;
					next = brk;
				} else {
					end = q;
					next = q;
				}
				if (end == next) {
					end = kinsoku_adjust(s, len, start, end);
					next = end;
				}
				/* Drop spaces and tabs at the break. */
				while (end > start && is_blank_byte(s[end - 1]))
					end--;
				while (next < len && is_blank_byte(s[next]))
					next++;
				/* A newline right at the break is that break. */
				if (next < len && s[next] == '\n')
					next++;
				/* Every line takes at least one glyph (q > start), so
				 * this holds; kept so that no text can stall the screen. */
				if (next <= start)
					next = p;
				wrap_emit(lines, max, n++, s, start, end);
				pos = next;
				if (pos >= len)
					return n;
				break;
			}
			/* A break at the very start would give an empty line and
			 * no progress: a line keeps at least one glyph. */
			if (q == start) {
				;
			} else if (g.bytes[0] == ' ' && g.len == 1) {
				brk = q;
				have_brk = true;
			} else if (q > start && (prev_wide || g.cells == 2)) {
				brk = q;
				have_brk = true;
			}
			prev_wide = g.cells == 2;
			cells += g.cells;
		}
		if (pos >= len && n > 0 && s[len - 1] != '\n')
			return n;
	}
}
