/* Text as the terminal shows it: UTF-8 decoding, screen cells, cropping and
 * wrapping.  Everything here measures in cells (wcwidth), never in bytes, and
 * turns characters that could drive the terminal into visible stand-ins.
 *
 * wcwidth() needs an LC_CTYPE with UTF-8: main() sets it (src/cli/cli_locale.c);
 * the core never calls setlocale. */
#ifndef KIJUN_TEXT_H
#define KIJUN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at s[0..len).  Returns the bytes it used (at least 1
 * when len > 0); an invalid sequence yields U+FFFD and uses one byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Writes cp as UTF-8 into out (4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates).
 * Otherwise *bad is the offset of the first byte that is not. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* True for NULL, "" and text of nothing but spaces, tabs, line breaks and
 * ideographic spaces (U+3000): a reason like that says nothing. */
bool text_is_blank(const char *s);

/* Bidirectional formatting characters (U+202E and friends): they reorder
 * what a terminal shows ("Trojan Source"), so kijun shows them instead. */
bool text_is_bidi_control(uint32_t cp);

/* One thing drawn on the screen: a character, or the visible stand-in of a
 * character that must not reach the terminal ("^[" for ESC, "<U+202E>"). */
struct glyph {
	char bytes[12];  /* what to write; UTF-8, NUL-terminated */
	unsigned char len;
	signed char cells;  /* 0 (combining), 1 or 2 */
	bool escaped;       /* a stand-in, worth showing in another style */
};

/* How a line break inside the text is shown by text_next_glyph: as a space
 * (single-line places such as tree rows) or as a stop (wrapping). */
enum text_newline { TEXT_NEWLINE_SPACE, TEXT_NEWLINE_STOP };

/* Reads the next glyph of s[*pos..len) and advances *pos.  Returns false at
 * the end, or at a newline under TEXT_NEWLINE_STOP (leaving *pos on it). */
bool text_next_glyph(const char *s, size_t len, size_t *pos,
		     enum text_newline nl, struct glyph *g);

struct strbuf;

/* The one sanitizer for text from a file, whatever the output (screen,
 * stdout, stderr): appends s[0..len) to out as text_next_glyph shows it on
 * the screen, so C0 controls become ^X, DEL ^?, C1 and bidirectional
 * controls <U+XXXX>, invalid UTF-8 U+FFFD, and tabs and line breaks a
 * space.  What comes out never drives a terminal and is one line. */
void text_sanitize(struct strbuf *out, const char *s, size_t len);

/* Cells s takes on one line. */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);

/* Copies the glyphs of s that fit into `cells` cells into out (NUL-terminated,
 * never more than size bytes).  A two-cell glyph that would straddle the edge
 * is left out rather than cut in half.  Returns the cells used. */
int text_crop(const char *s, int cells, char *out, size_t size);

/* One wrapped line: bytes [start, end) of the source, and its cells. */
struct wrap_line {
	size_t start;
	size_t end;
	int cells;
};

/* Breaks s into lines of at most `width` cells.  Breaks at spaces between
 * Latin words, anywhere between Japanese characters, honours explicit
 * newlines, and keeps closing punctuation such as 「、。）」 off the start of
 * a line (kinsoku) by carrying the previous character down.  Writes up to
 * `max` lines and returns how many there are in all (which may be more). */
size_t text_wrap(const char *s, int width, struct wrap_line *lines, size_t max);

#endif
