/* Unit tests for include/kijun/text.h: UTF-8, cells, glyphs, cropping and
 * wrapping (kinsoku included). */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/strbuf.h"
#include "kijun/text.h"

static int setup_locale(void **state)
{
	(void)state;
	if (!test_utf8_locale()) {
		fprintf(stderr, "test_text: no UTF-8 LC_CTYPE could be set "
			"(test_utf8_locale() returned false); install C.UTF-8\n");
		return -1;
	}
	return 0;
}

/* ---- utf8_decode -------------------------------------------------------- */

static void expect_decode(const char *s, size_t len, size_t want_n, uint32_t want_cp)
{
	uint32_t cp = 0x12345678;
	size_t n = utf8_decode(s, len, &cp);

	assert_int_equal(n, want_n);
	assert_int_equal(cp, want_cp);
}

static void test_decode_valid(void **state)
{
	(void)state;
	expect_decode("A", 1, 1, 0x41);
	expect_decode("\xC3\xA9", 2, 2, 0xE9);
	expect_decode("\xE6\x83\x85", 3, 3, 0x60C5);          /* 情 */
	expect_decode("\xF0\x9F\x98\x80", 4, 4, 0x1F600);
	/* Boundaries of each length. */
	expect_decode("\x7F", 1, 1, 0x7F);
	expect_decode("\xC2\x80", 2, 2, 0x80);
	expect_decode("\xDF\xBF", 2, 2, 0x7FF);
	expect_decode("\xE0\xA0\x80", 3, 3, 0x800);
	expect_decode("\xED\x9F\xBF", 3, 3, 0xD7FF);
	expect_decode("\xEE\x80\x80", 3, 3, 0xE000);
	expect_decode("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	expect_decode("\xF0\x90\x80\x80", 4, 4, 0x10000);
	expect_decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
	/* Only the first character is read. */
	expect_decode("\xE6\x83\x85\xE5\xA0\xB1", 6, 3, 0x60C5);
	expect_decode("ab", 2, 1, 'a');
}

static void test_decode_empty(void **state)
{
	uint32_t cp = 77;

	(void)state;
	assert_int_equal(utf8_decode("abc", 0, &cp), 0);
}

static void test_decode_overlong(void **state)
{
	(void)state;
	expect_decode("\xC0\x80", 2, 1, 0xFFFD);              /* NUL */
	expect_decode("\xC0\xAF", 2, 1, 0xFFFD);              /* '/' */
	expect_decode("\xC1\xBF", 2, 1, 0xFFFD);
	expect_decode("\xE0\x80\x80", 3, 1, 0xFFFD);
	expect_decode("\xE0\x80\xAF", 3, 1, 0xFFFD);
	expect_decode("\xE0\x9F\xBF", 3, 1, 0xFFFD);          /* U+07FF in 3 */
	expect_decode("\xF0\x80\x80\x80", 4, 1, 0xFFFD);
	expect_decode("\xF0\x8F\xBF\xBF", 4, 1, 0xFFFD);      /* U+FFFF in 4 */
}

static void test_decode_surrogates(void **state)
{
	(void)state;
	expect_decode("\xED\xA0\x80", 3, 1, 0xFFFD);          /* U+D800 */
	expect_decode("\xED\xAD\xBF", 3, 1, 0xFFFD);          /* U+DB7F */
	expect_decode("\xED\xB0\x80", 3, 1, 0xFFFD);          /* U+DC00 */
	expect_decode("\xED\xBF\xBF", 3, 1, 0xFFFD);          /* U+DFFF */
}

static void test_decode_beyond_unicode(void **state)
{
	(void)state;
	expect_decode("\xF4\x90\x80\x80", 4, 1, 0xFFFD);      /* U+110000 */
	expect_decode("\xF5\x80\x80\x80", 4, 1, 0xFFFD);
	expect_decode("\xF7\xBF\xBF\xBF", 4, 1, 0xFFFD);
	expect_decode("\xF8\x88\x80\x80\x80", 5, 1, 0xFFFD);
	expect_decode("\xFE", 1, 1, 0xFFFD);
	expect_decode("\xFF", 1, 1, 0xFFFD);
}

static void test_decode_truncated(void **state)
{
	(void)state;
	/* The bytes are there, but len says they are not ours. */
	expect_decode("\xE6\x83\x85", 2, 1, 0xFFFD);
	expect_decode("\xE6\x83\x85", 1, 1, 0xFFFD);
	expect_decode("\xF0\x9F\x98\x80", 3, 1, 0xFFFD);
	expect_decode("\xC3\xA9", 1, 1, 0xFFFD);
	/* A continuation byte missing in the middle of the text. */
	expect_decode("\xE6\x83" "A", 3, 1, 0xFFFD);
	expect_decode("\xC3" "A", 2, 1, 0xFFFD);
	expect_decode("\xF0\x9F\x98" "A", 4, 1, 0xFFFD);
	/* A lone continuation byte. */
	expect_decode("\x80", 1, 1, 0xFFFD);
	expect_decode("\xBF" "A", 2, 1, 0xFFFD);
}

/* ---- utf8_encode -------------------------------------------------------- */

static void test_encode(void **state)
{
	char out[4];

	(void)state;
	assert_int_equal(utf8_encode('A', out), 1);
	assert_memory_equal(out, "A", 1);
	assert_int_equal(utf8_encode(0xE9, out), 2);
	assert_memory_equal(out, "\xC3\xA9", 2);
	assert_int_equal(utf8_encode(0x7FF, out), 2);
	assert_memory_equal(out, "\xDF\xBF", 2);
	assert_int_equal(utf8_encode(0x800, out), 3);
	assert_memory_equal(out, "\xE0\xA0\x80", 3);
	assert_int_equal(utf8_encode(0x60C5, out), 3);
	assert_memory_equal(out, "\xE6\x83\x85", 3);
	assert_int_equal(utf8_encode(0xFFFF, out), 3);
	assert_memory_equal(out, "\xEF\xBF\xBF", 3);
	assert_int_equal(utf8_encode(0x10000, out), 4);
	assert_memory_equal(out, "\xF0\x90\x80\x80", 4);
	assert_int_equal(utf8_encode(0x1F600, out), 4);
	assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
	assert_int_equal(utf8_encode(0x10FFFF, out), 4);
	assert_memory_equal(out, "\xF4\x8F\xBF\xBF", 4);
}

static void test_encode_decode_roundtrip(void **state)
{
	static const uint32_t cps[] = {
		0x00, 0x01, 0x41, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0x3002,
		0x60C5, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
		0x10FFFF,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		char out[4];
		uint32_t back = 0;
		size_t n = utf8_encode(cps[i], out), bad = 99;

		assert_in_range(n, 1, 4);
		assert_int_equal(utf8_decode(out, n, &back), n);
		assert_int_equal(back, cps[i]);
		assert_true(utf8_valid(out, n, &bad));
	}
}

/* ---- utf8_valid --------------------------------------------------------- */

static void expect_invalid(const char *s, size_t len, size_t want_bad)
{
	size_t bad = (size_t)-1;

	assert_false(utf8_valid(s, len, &bad));
	assert_int_equal(bad, want_bad);
}

static void test_valid_accepts(void **state)
{
	size_t bad = 12345;
	const char *ja = "情報セキュリティ管理基準、。「」";

	(void)state;
	assert_true(utf8_valid("", 0, &bad));
	assert_true(utf8_valid("hello", 5, &bad));
	assert_true(utf8_valid(ja, strlen(ja), &bad));
	assert_true(utf8_valid("a\0b", 3, &bad));
	assert_true(utf8_valid("\xF4\x8F\xBF\xBF\xED\x9F\xBF", 7, &bad));
	/* A NULL bad pointer is allowed for valid text. */
	assert_true(utf8_valid("abc", 3, NULL));
	/* len limits what is looked at: the bad byte is past it. */
	assert_true(utf8_valid("ab\xFF", 2, &bad));
}

static void test_valid_reports_offset(void **state)
{
	(void)state;
	expect_invalid("ab\xC0\x80" "cd", 6, 2);                 /* overlong */
	expect_invalid("\xE0\x80\xAF", 3, 0);
	expect_invalid("情報\xED\xA0\x80", 9, 6);               /* surrogate */
	expect_invalid("x\xED\xBF\xBF", 4, 1);
	expect_invalid("\xF4\x90\x80\x80", 4, 0);               /* > U+10FFFF */
	expect_invalid("abc\xF5\x80\x80\x80", 7, 3);
	expect_invalid("abc\xE6\x83", 5, 3);                    /* truncated at end */
	expect_invalid("\xE6\x83\x85\xE6\x83\x85\xE6", 7, 6);
	expect_invalid("a\x80", 2, 1);                          /* lone continuation */
	expect_invalid("\xC3" "A", 2, 0);
	expect_invalid("a\xFF", 2, 1);
	/* The first bad byte is reported, not a later one. */
	expect_invalid("ok\xFFok\xC0\x80", 7, 2);
	/* The full string is bad only at its truncated end when len cuts it. */
	expect_invalid("情報", 5, 3);
}

/* ---- text_width --------------------------------------------------------- */

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Hello, world"), 12);
	assert_int_equal(text_width("情報"), 4);
	assert_int_equal(text_width("「情報」"), 8);
	assert_int_equal(text_width("情報セキュリティ"), 16);
	assert_int_equal(text_width("ISMS情報"), 8);
	assert_int_equal(text_width("5a-5.4 管理策"), 13);
	/* A combining accent takes no cell of its own. */
	assert_int_equal(text_width("e\xCC\x81"), 1);
	/* Stand-ins count as what is drawn. */
	assert_int_equal(text_width("a\x1b"), 3);
	assert_int_equal(text_width("\xE2\x80\xAE"), 8);
	assert_int_equal(text_width("a\tb"), 3);
	assert_int_equal(text_width("a\nb"), 3);
	assert_int_equal(text_width("\xFF"), 1);
}

static void test_width_n(void **state)
{
	(void)state;
	assert_int_equal(text_width_n("情報", 6), 4);
	assert_int_equal(text_width_n("情報", 3), 2);
	assert_int_equal(text_width_n("情報", 0), 0);
	assert_int_equal(text_width_n("abcdef", 2), 2);
	assert_int_equal(text_width_n("ab情報", 5), 4);
}

/* ---- text_next_glyph ---------------------------------------------------- */

/* Reads the first glyph of s (strlen) and checks it. */
static void expect_glyph(const char *s, size_t len, const char *bytes, int cells,
			 bool escaped, size_t advance)
{
	struct glyph g;
	size_t pos = 0;

	memset(&g, 0x55, sizeof(g));
	assert_true(text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, bytes);
	assert_int_equal(g.len, strlen(bytes));
	assert_int_equal(g.cells, cells);
	assert_int_equal(g.escaped, escaped);
	assert_int_equal(pos, advance);
}

static void test_glyph_plain(void **state)
{
	(void)state;
	expect_glyph("a", 1, "a", 1, false, 1);
	expect_glyph(" x", 2, " ", 1, false, 1);
	expect_glyph("~", 1, "~", 1, false, 1);
	expect_glyph("情報", 6, "情", 2, false, 3);
	expect_glyph("\xC3\xA9", 2, "\xC3\xA9", 1, false, 2);
	expect_glyph("\xEF\xBF\xBD", 3, "\xEF\xBF\xBD", 1, false, 3);
}

static void test_glyph_c0_controls(void **state)
{
	(void)state;
	expect_glyph("\x1b[31m", 5, "^[", 2, true, 1);
	expect_glyph("\x7f", 1, "^?", 2, true, 1);
	expect_glyph("\x01", 1, "^A", 2, true, 1);
	expect_glyph("\r", 1, "^M", 2, true, 1);
	expect_glyph("\x07", 1, "^G", 2, true, 1);
	expect_glyph("\x1f", 1, "^_", 2, true, 1);
	expect_glyph("\0", 1, "^@", 2, true, 1);
}

static void test_glyph_c1_controls(void **state)
{
	(void)state;
	expect_glyph("\xC2\x9B" "31m", 5, "<U+009B>", 8, true, 2);  /* CSI */
	expect_glyph("\xC2\x80", 2, "<U+0080>", 8, true, 2);
	expect_glyph("\xC2\x9F", 2, "<U+009F>", 8, true, 2);
	expect_glyph("\xC2\x9D", 2, "<U+009D>", 8, true, 2);        /* OSC */
	/* U+00A0 is no longer C1: shown as itself. */
	expect_glyph("\xC2\xA0", 2, "\xC2\xA0", 1, false, 2);
}

static void test_glyph_bidi(void **state)
{
	(void)state;
	expect_glyph("\xE2\x80\xAE", 3, "<U+202E>", 8, true, 3);  /* RLO */
	expect_glyph("\xE2\x80\xAA", 3, "<U+202A>", 8, true, 3);  /* LRE */
	expect_glyph("\xE2\x80\xAD", 3, "<U+202D>", 8, true, 3);  /* LRO */
	expect_glyph("\xE2\x81\xA6", 3, "<U+2066>", 8, true, 3);  /* LRI */
	expect_glyph("\xE2\x81\xA7", 3, "<U+2067>", 8, true, 3);  /* RLI */
	expect_glyph("\xE2\x81\xA9", 3, "<U+2069>", 8, true, 3);  /* PDI */
	expect_glyph("\xE2\x80\x8F", 3, "<U+200F>", 8, true, 3);  /* RLM */
	expect_glyph("\xD8\x9C", 2, "<U+061C>", 8, true, 2);      /* ALM */
}

static void test_glyph_tab(void **state)
{
	(void)state;
	expect_glyph("\tx", 2, " ", 1, false, 1);
}

static void test_glyph_newline_space(void **state)
{
	struct glyph g;
	size_t pos = 1;

	(void)state;
	assert_true(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, " ");
	assert_int_equal(g.cells, 1);
	assert_false(g.escaped);
	assert_int_equal(pos, 2);
	assert_true(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, "b");
	assert_int_equal(pos, 3);
	assert_false(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_int_equal(pos, 3);
}

static void test_glyph_newline_stop(void **state)
{
	struct glyph g;
	size_t pos = 0;

	(void)state;
	assert_true(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_STOP, &g));
	assert_string_equal(g.bytes, "a");
	assert_int_equal(pos, 1);
	assert_false(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_STOP, &g));
	assert_int_equal(pos, 1);  /* left on the newline */
	assert_false(text_next_glyph("a\nb", 3, &pos, TEXT_NEWLINE_STOP, &g));
	assert_int_equal(pos, 1);
}

static void test_glyph_invalid_bytes(void **state)
{
	struct glyph g;
	size_t pos = 0;
	const char *s = "\xE6\x83" "A";

	(void)state;
	expect_glyph("\xFF", 1, "\xEF\xBF\xBD", 1, true, 1);
	expect_glyph("\xC0\x80", 2, "\xEF\xBF\xBD", 1, true, 1);
	expect_glyph("\xED\xA0\x80", 3, "\xEF\xBF\xBD", 1, true, 1);
	/* A truncated sequence: each stray byte is replaced, then 'A'. */
	assert_true(text_next_glyph(s, 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, "\xEF\xBF\xBD");
	assert_int_equal(pos, 1);
	assert_true(text_next_glyph(s, 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, "\xEF\xBF\xBD");
	assert_int_equal(pos, 2);
	assert_true(text_next_glyph(s, 3, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, "A");
	assert_false(text_next_glyph(s, 3, &pos, TEXT_NEWLINE_SPACE, &g));
	/* A character cut by len is not read past len. */
	pos = 0;
	assert_true(text_next_glyph("情", 2, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_string_equal(g.bytes, "\xEF\xBF\xBD");
	assert_int_equal(pos, 1);
}

static void test_glyph_end(void **state)
{
	struct glyph g;
	size_t pos = 0;

	(void)state;
	assert_false(text_next_glyph("", 0, &pos, TEXT_NEWLINE_SPACE, &g));
	assert_int_equal(pos, 0);
	pos = 3;
	assert_false(text_next_glyph("abc", 3, &pos, TEXT_NEWLINE_STOP, &g));
	assert_int_equal(pos, 3);
}

/* Nothing that could drive the terminal comes out as glyph bytes. */
static void assert_terminal_safe(const char *out, size_t n)
{
	size_t bad;

	for (size_t k = 0; k < n; k++) {
		unsigned char b = (unsigned char)out[k];

		assert_false(b < 0x20 || b == 0x7F);
	}
	assert_true(utf8_valid(out, n, &bad));
	for (size_t k = 0; k < n;) {
		uint32_t cp;

		k += utf8_decode(out + k, n - k, &cp);
		assert_false(cp >= 0x80 && cp <= 0x9F);
		assert_false(cp >= 0x202A && cp <= 0x202E);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
	}
}

static void test_glyph_stream_is_safe(void **state)
{
	const char *s = "\x1b]0;title\x07\x1b[2J\xC2\x9B" "1m\xE2\x80\xAE" "txt.exe\x7f"
			"\xFF\xE6\x83\r\n\t情報";
	size_t len = strlen(s), pos = 0;
	struct glyph g;
	int glyphs = 0;

	(void)state;
	while (text_next_glyph(s, len, &pos, TEXT_NEWLINE_SPACE, &g)) {
		assert_int_equal(strlen(g.bytes), g.len);
		assert_terminal_safe(g.bytes, g.len);
		glyphs++;
	}
	assert_int_equal(pos, len);
	assert_true(glyphs > 10);
}


/* ---- text_sanitize ------------------------------------------------------ */

static char *sanitized(const char *s, size_t len)
{
	struct strbuf b;
	char *out;

	strbuf_init(&b);
	text_sanitize(&b, s, len);
	assert_false(b.failed);
	out = strbuf_detach(&b, NULL);
	return out ? out : strdup("");
}

static void expect_sanitized(const char *s, size_t len, const char *want)
{
	char *got = sanitized(s, len);

	if (strcmp(got, want) != 0)
		fail_msg("sanitizing gave \"%s\", want \"%s\"", got, want);
	free(got);
}

static void test_sanitize_known(void **state)
{
	(void)state;
	expect_sanitized("k\x1b]0;PWNED\x07", 11, "k^[]0;PWNED^G");
	expect_sanitized("a\tb\nc\rd", 7, "a b c^Md");
	expect_sanitized("\x7f", 1, "^?");
	expect_sanitized("\xc2\x9b" "1m", 4, "<U+009B>1m");
	expect_sanitized("\xe2\x80\xae" "exe", 6, "<U+202E>exe");
	expect_sanitized("\xe2\x81\xa6x", 4, "<U+2066>x");
	expect_sanitized("\xff" "a", 2, "\xEF\xBF\xBD" "a");
	expect_sanitized("情報セキュリティ", strlen("情報セキュリティ"), "情報セキュリティ");
	expect_sanitized("a\0b", 3, "a^@b");  /* a NUL inside a counted string */
	expect_sanitized("", 0, "");
}

/* text_sanitize copies clean runs whole: it must give exactly what the
 * glyphs give one by one, whatever the bytes.  Strings drawn from pieces
 * that test each edge of a clean run (controls, C1, bidi next to their
 * neighbours U+202F and U+2065, invalid and truncated sequences, wide and
 * four-byte characters, unassigned code points). */
static void test_sanitize_runs_equal_glyphs(void **state)
{
	static const char *const piece[] = {
		"a", "Z ", "~", "\x7f", "\x1b[", "\t", "\n", "\r", "", "情報", "ｱ", "é",
		"\xc2\x80", "\xc2\x9f", "\xc2\xa0", "\xe2\x80\xaa", "\xe2\x80\xae",
		"\xe2\x80\xaf", "\xe2\x81\xa5", "\xe2\x81\xa6", "\xe2\x81\xa9",
		"\xe2\x80\x8e", "\xd8\x9c", "\xf0\x9f\x98\x80", "\xf0\x9f\x98",
		"\xe6\x83", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",
		"\x80", "\xcd\xb8", "\xef\xbf\xbd", "\xef\xbf\xbf",
	};
	unsigned seed = 11;

	(void)state;
	for (int round = 0; round < 4000; round++) {
		char in[128];
		size_t n = 0, pos = 0;
		struct strbuf want;
		struct glyph g;
		char *got, *w;

		for (int k = 0; k < 6; k++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			p = piece[(seed >> 16) % (sizeof(piece) / sizeof(piece[0]))];
			/* The empty piece stands for a NUL inside the
			 * counted string. */
			if (!*p)
				in[n++] = '\0';
			else
				for (; *p; p++)
					in[n++] = *p;
		}
		strbuf_init(&want);
		while (text_next_glyph(in, n, &pos, TEXT_NEWLINE_SPACE, &g))
			strbuf_add(&want, g.bytes, g.len);
		w = strbuf_detach(&want, NULL);
		got = sanitized(in, n);
		if (strcmp(got, w ? w : "") != 0)
			fail_msg("round %d: sanitized \"%s\", glyph by glyph \"%s\"", round, got,
				 w ? w : "");
		free(got);
		free(w);
	}
}

/* Every C0 and C1 control, DEL, every bidi control, and invalid sequences
 * (stray continuation, truncated, overlong, surrogate, beyond U+10FFFF),
 * alone and between letters: nothing raw comes out, and the letters do. */
static void test_sanitize_everything(void **state)
{
	static const char *const invalid[] = {
		"\x80", "\xbf", "\xc3", "\xe6\x83", "\xf0\x9f\x98", "\xc0\xaf",
		"\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80",
		"\xfe", "\xff",
	};
	char in[32], *out;

	(void)state;
	for (uint32_t cp = 0; cp <= 0x2069; cp++) {
		size_t n;

		if (!(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || text_is_bidi_control(cp)))
			continue;
		in[0] = 'x';
		n = 1 + utf8_encode(cp, in + 1);
		in[n++] = 'y';
		out = sanitized(in, n);
		assert_terminal_safe(out, strlen(out));
		assert_int_equal(out[0], 'x');
		assert_int_equal(out[strlen(out) - 1], 'y');
		if (cp == '\t' || cp == '\n')
			assert_string_equal(out, "x y");
		else
			assert_true(strlen(out) >= 4);  /* shown, not dropped */
		free(out);
	}
	for (size_t k = 0; k < sizeof(invalid) / sizeof(invalid[0]); k++) {
		size_t n = strlen(invalid[k]);

		snprintf(in, sizeof(in), "x%sy", invalid[k]);
		out = sanitized(in, n + 2);
		assert_terminal_safe(out, strlen(out));
		assert_non_null(strstr(out, "\xEF\xBF\xBD"));
		assert_int_equal(out[0], 'x');
		assert_int_equal(out[strlen(out) - 1], 'y');
		free(out);
	}
	/* Every byte value at every position of a short string. */
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b += 7) {
			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = (char)0xE2;
			out = sanitized(in, 3);
			assert_terminal_safe(out, strlen(out));
			free(out);
		}
}

/* ---- text_crop ---------------------------------------------------------- */

static void test_crop_japanese(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_crop("情報セキュリティ", 5, out, sizeof(out)), 4);
	assert_string_equal(out, "情報");
	assert_int_equal(text_crop("情報セキュリティ", 4, out, sizeof(out)), 4);
	assert_string_equal(out, "情報");
	assert_int_equal(text_crop("情報セキュリティ", 3, out, sizeof(out)), 2);
	assert_string_equal(out, "情");
	assert_int_equal(text_crop("情報セキュリティ", 1, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop("情報セキュリティ", 0, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop("a情報", 4, out, sizeof(out)), 3);
	assert_string_equal(out, "a情");
	assert_int_equal(text_crop("情報セキュリティ", 100, out, sizeof(out)), 16);
	assert_string_equal(out, "情報セキュリティ");
}

static void test_crop_ascii(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_crop("abcdef", 3, out, sizeof(out)), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(text_crop("abc", 10, out, sizeof(out)), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(text_crop("", 10, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop(NULL, 10, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop("a\nb\tc", 10, out, sizeof(out)), 5);
	assert_string_equal(out, "a b c");
}

static void test_crop_escapes(void **state)
{
	const char *red = "\x1b[31mred\x1b[0m";
	char out[64];
	int used;

	(void)state;
	used = text_crop(red, 100, out, sizeof(out));
	assert_string_equal(out, "^[[31mred^[[0m");
	assert_int_equal(used, 14);
	assert_null(memchr(out, 0x1b, strlen(out)));

	assert_int_equal(text_crop(red, 7, out, sizeof(out)), 7);
	assert_string_equal(out, "^[[31mr");
	/* The two-cell "^[" is not cut to "^". */
	assert_int_equal(text_crop(red, 1, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop("ab\x1b" "c", 3, out, sizeof(out)), 2);
	assert_string_equal(out, "ab");

	/* Bidi controls and C1: the stand-in fits whole or not at all. */
	assert_int_equal(text_crop("\xE2\x80\xAE" "abc", 5, out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(text_crop("\xE2\x80\xAE" "abc", 9, out, sizeof(out)), 9);
	assert_string_equal(out, "<U+202E>a");
	assert_int_equal(text_crop("x\xC2\x9B" "2J", 20, out, sizeof(out)), 11);
	assert_string_equal(out, "x<U+009B>2J");
}

static void test_crop_never_emits_raw_controls(void **state)
{
	const char *s = "\x1b]0;pwned\x07\x1b[2J\xC2\x9B" "1m\xE2\x80\xAE\xE2\x81\xA6"
			"情報\x7f\xFF\xE6\x83";
	char out[256];

	(void)state;
	for (int cells = 0; cells <= 80; cells++) {
		int used = text_crop(s, cells, out, sizeof(out));

		assert_true(used <= cells);
		assert_int_equal(text_width(out), used);
		assert_terminal_safe(out, strlen(out));
	}
}

static void test_crop_small_buffer(void **state)
{
	char out[16];
	size_t bad;

	(void)state;
	/* Room for one three-byte character and the NUL, not two. */
	assert_int_equal(text_crop("情報", 10, out, 5), 2);
	assert_string_equal(out, "情");
	assert_int_equal(text_crop("情報", 10, out, 7), 4);
	assert_string_equal(out, "情報");
	assert_int_equal(text_crop("情報", 10, out, 6), 2);
	assert_string_equal(out, "情");
	assert_true(utf8_valid(out, strlen(out), &bad));
	assert_int_equal(text_crop("abc", 10, out, 1), 0);
	assert_string_equal(out, "");
	/* A stand-in is not cut by the buffer either. */
	assert_int_equal(text_crop("\x1b" "x", 10, out, 2), 0);
	assert_string_equal(out, "");
	/* size 0 writes nothing. */
	out[0] = 'Z';
	assert_int_equal(text_crop("abc", 10, out, 0), 0);
	assert_int_equal(out[0], 'Z');
}

/* ---- text_wrap ---------------------------------------------------------- */

#define MAX_LINES 64

struct wrapped {
	size_t n;
	struct wrap_line l[MAX_LINES];
	char text[MAX_LINES][256];
};

static void wrap(const char *s, int width, struct wrapped *w)
{
	memset(w, 0, sizeof(*w));
	w->n = text_wrap(s, width, w->l, MAX_LINES);
	assert_true(w->n >= 1);
	assert_true(w->n <= MAX_LINES);
	for (size_t k = 0; k < w->n; k++) {
		size_t len = w->l[k].end - w->l[k].start;

		assert_true(w->l[k].start <= w->l[k].end);
		assert_true(w->l[k].end <= strlen(s));
		assert_true(len < sizeof(w->text[k]));
		memcpy(w->text[k], s + w->l[k].start, len);
		w->text[k][len] = '\0';
	}
}

static void expect_lines(const char *s, int width, size_t count, const char *const *want)
{
	struct wrapped w;

	wrap(s, width, &w);
	for (size_t k = 0; k < count && k < w.n; k++) {
		if (strcmp(w.text[k], want[k]) != 0)
			fail_msg("wrapping \"%s\" at %d: line %zu is \"%s\", want \"%s\"",
				 s, width, k, w.text[k], want[k]);
	}
	if (w.n != count) {
		fprintf(stderr, "wrapping \"%s\" at %d gave:\n", s, width);
		for (size_t k = 0; k < w.n; k++)
			fprintf(stderr, "  [%s]\n", w.text[k]);
		fail_msg("%zu lines, want %zu", w.n, count);
	}
}

static bool is_no_start(uint32_t cp)
{
	return cp == 0x3001 || cp == 0x3002 || cp == 0xFF09 || cp == 0x300D;
}

/* What must hold for any wrap: lines in order, inside the width, cells
 * right, every non-space character of the text on some line, and no line
 * starting with 、。）」 where the break could have been moved (the line
 * before has more than one character). */
static void check_wrap_invariants(const char *s, int width)
{
	struct wrapped w;
	size_t len = strlen(s), covered = 0;

	wrap(s, width, &w);
	for (size_t k = 0; k < w.n; k++) {
		const struct wrap_line *l = &w.l[k];
		uint32_t cp = 0;

		if (l->cells > width)
			fail_msg("wrapping \"%s\" at %d: line %zu \"%s\" has %d cells",
				 s, width, k, w.text[k], l->cells);
		assert_int_equal(l->cells, text_width_n(s + l->start, l->end - l->start));
		assert_true(l->start >= covered);
		/* Only spaces and newlines may be skipped between lines. */
		for (size_t b = covered; b < l->start; b++)
			assert_true(s[b] == ' ' || s[b] == '\n');
		covered = l->end;
		if (k == 0 || l->start == l->end || s[l->start - 1] == '\n')
			continue;
		utf8_decode(s + l->start, len - l->start, &cp);
		if (is_no_start(cp)) {
			/* Allowed only when the line before is one character. */
			uint32_t first;
			size_t n = utf8_decode(s + w.l[k - 1].start,
					       len - w.l[k - 1].start, &first);

			if (w.l[k - 1].start + n != w.l[k - 1].end)
				fail_msg("wrapping \"%s\" at %d: line %zu \"%s\" starts "
					 "with closing punctuation", s, width, k,
					 w.text[k]);
		}
	}
	for (size_t b = covered; b < len; b++)
		assert_true(s[b] == ' ' || s[b] == '\n');
}

static void test_wrap_empty(void **state)
{
	struct wrap_line l[2];

	(void)state;
	memset(l, 0x77, sizeof(l));
	assert_int_equal(text_wrap("", 10, l, 2), 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 0);
	assert_int_equal(l[0].cells, 0);
	assert_int_equal(text_wrap(NULL, 10, l, 2), 1);
	assert_int_equal(l[0].end, 0);
}

static void test_wrap_fits(void **state)
{
	static const char *const one[] = { "abc" };
	static const char *const ja[] = { "情報" };
	struct wrapped w;

	(void)state;
	expect_lines("abc", 10, 1, one);
	expect_lines("abc", 3, 1, one);
	expect_lines("情報", 4, 1, ja);
	wrap("情報", 4, &w);
	assert_int_equal(w.l[0].start, 0);
	assert_int_equal(w.l[0].end, 6);
	assert_int_equal(w.l[0].cells, 4);
}

static void test_wrap_japanese_at_width(void **state)
{
	static const char *const w4[] = { "情報", "資産", "管理", "基準" };
	static const char *const w6[] = { "情報資", "産管理", "基準" };
	static const char *const w7[] = { "情報資", "産管理", "基準" };
	static const char *const w10[] = { "情報資産管", "理基準" };

	(void)state;
	/* Breaks anywhere between Japanese characters, filling each line. */
	expect_lines("情報資産管理基準", 4, 4, w4);
	expect_lines("情報資産管理基準", 5, 4, w4);  /* 5th cell: no half character */
	expect_lines("情報資産管理基準", 6, 3, w6);
	expect_lines("情報資産管理基準", 7, 3, w7);
	expect_lines("情報資産管理基準", 10, 2, w10);
}

static void test_wrap_japanese_cells(void **state)
{
	struct wrapped w;

	(void)state;
	wrap("情報資産管理基準", 5, &w);
	assert_int_equal(w.n, 4);
	for (size_t k = 0; k < w.n; k++)
		assert_int_equal(w.l[k].cells, 4);
	wrap("情報資産管理基準", 6, &w);
	assert_int_equal(w.n, 3);
	assert_int_equal(w.l[0].cells, 6);
	assert_int_equal(w.l[0].end, 9);
}

static void test_wrap_latin_words(void **state)
{
	static const char *const a[] = { "hello", "world", "foo" };
	static const char *const b[] = { "the quick", "brown fox", "jumps" };
	static const char *const c[] = { "abcd", "efgh", "ij" };
	static const char *const d[] = { "abcd", "efg" };
	struct wrapped w;

	(void)state;
	expect_lines("hello world foo", 8, 3, a);
	expect_lines("the quick brown fox jumps", 10, 3, b);
	expect_lines("the quick brown fox jumps", 9, 3, b);
	/* A word longer than the line is cut at the width. */
	expect_lines("abcdefghij", 4, 3, c);
	/* A space exactly at the edge. */
	expect_lines("abcd efg", 4, 2, d);
	/* Spaces at the break are dropped from both lines. */
	wrap("hello world", 5, &w);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.l[0].end, 5);
	assert_int_equal(w.l[1].start, 6);
}

/* 「、」 may not start a line, so the break moves back one character;
 * that must not cut a Latin word in two ("HTM" / "L、Excel"). */
static void test_wrap_kinsoku_keeps_latin_words(void **state)
{
	static const char *const a[] = { "印刷できる", "HTML、Excel" };
	static const char *const b[] = { "ABCDEFGHI", "J、" };

	(void)state;
	expect_lines("印刷できる HTML、Excel", 15, 2, a);
	/* A word that fills the line from its start is cut all the same. */
	expect_lines("ABCDEFGHIJ、", 10, 2, b);
}

static void test_wrap_newlines(void **state)
{
	static const char *const a[] = { "abc", "def" };
	static const char *const b[] = { "abc", "", "def" };
	static const char *const c[] = { "情報", "資産" };
	static const char *const d[] = { "", "abc" };

	(void)state;
	expect_lines("abc\ndef", 10, 2, a);
	expect_lines("abc\n\ndef", 10, 3, b);
	expect_lines("情報\n資産", 20, 2, c);
	expect_lines("\nabc", 10, 2, d);
}

static void test_wrap_final_newline(void **state)
{
	static const char *const a[] = { "abc" };
	static const char *const b[] = { "abc", "def" };
	static const char *const c[] = { "abc", "" };

	(void)state;
	expect_lines("abc\n", 10, 1, a);
	expect_lines("abc\ndef\n", 10, 2, b);
	/* One final newline ends the text; a blank line before it stays. */
	expect_lines("abc\n\n", 10, 2, c);
}

static void test_wrap_newline_after_full_line(void **state)
{
	static const char *const a[] = { "abcd", "xyz" };

	(void)state;
	expect_lines("abcd\nxyz", 4, 2, a);
	/* A trailing space dropped at the edge must not turn the newline
	 * after it into an extra blank line. */
	expect_lines("abcd \nxyz", 4, 2, a);
	{
		static const char *const b[] = { "abcd" };
		static const char *const c[] = { "情報", "資産" };

		expect_lines("abcd \n", 4, 1, b);
		expect_lines("情報 \n資産", 4, 2, c);
	}
}

static void test_wrap_kinsoku_period(void **state)
{
	static const char *const a[] = { "情報資", "産。管理" };

	(void)state;
	/* Naively: "情報資産" | "。管理".  。 must not start the line, so 産
	 * comes down with it. */
	check_wrap_invariants("情報資産。管理", 8);
	expect_lines("情報資産。管理", 8, 2, a);
}

static void test_wrap_kinsoku_marks(void **state)
{
	static const char *const comma[] = { "情報資", "産、管理" };
	static const char *const paren[] = { "（情報資", "産）です" };
	static const char *const bracket[] = { "あ「情", "報」です" };

	(void)state;
	/* Naively "情報資産" | "、管理". */
	check_wrap_invariants("情報資産、管理", 8);
	expect_lines("情報資産、管理", 8, 2, comma);
	/* Naively "（情報資産" | "）です". */
	check_wrap_invariants("（情報資産）です", 10);
	expect_lines("（情報資産）です", 10, 2, paren);
	/* Naively "あ「情報" | "」です". */
	check_wrap_invariants("あ「情報」です", 8);
	expect_lines("あ「情報」です", 8, 2, bracket);
}

static void test_wrap_kinsoku_sweep(void **state)
{
	static const char *const texts[] = {
		"情報資産。管理",
		"情報セキュリティ方針を定め、経営陣が承認する。",
		"組織は、情報資産（ハードウェア、ソフトウェア）を管理する。",
		"「情報資産」の管理責任者を定める。次に、文書化する。",
		"管理策を実施する。。。",
		"方針は「規程」「手順」のとおりとする。",
		"ISMS の方針を定め、Top management が承認する。",
	};

	(void)state;
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
		for (int width = 2; width <= 40; width++)
			check_wrap_invariants(texts[t], width);
}

static void test_wrap_kinsoku_cannot_move(void **state)
{
	struct wrapped w;

	(void)state;
	/* One character then 。 at width 2: nothing to carry, but it must
	 * still progress and keep everything. */
	wrap("情。", 2, &w);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.text[0], "情");
	assert_string_equal(w.text[1], "。");
}

static void test_wrap_mixed(void **state)
{
	static const char *const a[] = { "ISMS は", "情報セキ" };

	(void)state;
	check_wrap_invariants("ISMS は情報セキュリティ管理の仕組みである", 10);
	check_wrap_invariants("Top management shall 承認する。", 12);
	expect_lines("ISMS は情報セキ", 8, 2, a);
}

static void test_wrap_count_beyond_max(void **state)
{
	struct wrap_line l[3];

	(void)state;
	memset(l, 0x77, sizeof(l));
	/* Three lines in all; room for one. */
	assert_int_equal(text_wrap("abcdefghij", 4, l, 1), 3);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 4);
	assert_int_equal(l[0].cells, 4);
	assert_int_equal(l[1].start, (size_t)0x7777777777777777ull);
	assert_int_equal(l[1].cells, 0x77777777);
	/* Counting alone. */
	assert_int_equal(text_wrap("abcdefghij", 4, NULL, 0), 3);
	assert_int_equal(text_wrap("a\nb\nc\nd", 10, NULL, 0), 4);
	assert_int_equal(text_wrap("a\nb\nc\nd", 10, l, 2), 4);
	assert_int_equal(l[1].start, 2);
	assert_int_equal(l[1].end, 3);
	assert_int_equal(l[2].start, (size_t)0x7777777777777777ull);
}


/* A tab before a word longer than the line once hung text_wrap for good:
 * the tab was a break but was never skipped.  Every character that is shown
 * as a stand-in, and every invalid byte, before and inside long words at
 * every width: text_wrap must end, advance, and keep each line inside the
 * width (a single glyph wider than the width is a line of its own).  alarm()
 * turns a regression into a failure instead of a stuck suite. */
static void check_wrap_terminates(const char *s, int width)
{
	size_t len = strlen(s), n = text_wrap(s, width, NULL, 0);
	struct wrap_line *l;
	size_t covered = 0;

	assert_true(n >= 1 && n <= len + 1);
	l = calloc(n, sizeof(*l));
	assert_non_null(l);
	assert_int_equal(text_wrap(s, width, l, n), n);
	for (size_t k = 0; k < n; k++) {
		size_t pos = l[k].start;
		struct glyph g;
		int glyphs = 0;

		assert_true(l[k].start >= covered);
		assert_true(l[k].end >= l[k].start && l[k].end <= len);
		for (size_t b = covered; b < l[k].start; b++)
			assert_true(s[b] == ' ' || s[b] == '\t' || s[b] == '\n');
		covered = l[k].end;
		/* Combining marks (no cells) stay with the glyph before them. */
		while (pos < l[k].end &&
		       text_next_glyph(s, l[k].end, &pos, TEXT_NEWLINE_SPACE, &g))
			glyphs += g.cells > 0;
		if (l[k].cells > (width < 1 ? 1 : width) && glyphs > 1)
			fail_msg("wrapping at %d: line %zu has %d cells in %d glyphs",
				 width, k, l[k].cells, glyphs);
	}
	for (size_t b = covered; b < len; b++)
		assert_true(s[b] == ' ' || s[b] == '\t' || s[b] == '\n');
	free(l);
}

static void on_alarm(int sig)
{
	static const char msg[] = "test_text: text_wrap did not terminate\n";

	(void)sig;
	(void)!write(2, msg, sizeof(msg) - 1);
	_exit(1);
}

static void test_wrap_controls_terminate(void **state)
{
	static const char *const word = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
					"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF";
	char specials[96][8];
	size_t count = 0;
	char buf[4096];

	(void)state;
	for (unsigned c = 1; c < 0x20; c++)
		snprintf(specials[count++], 8, "%c", (char)c);
	snprintf(specials[count++], 8, "\x7f");
	for (unsigned c = 0x80; c <= 0x9F; c++) {
		char u[4];
		size_t n = utf8_encode(c, u);

		memcpy(specials[count], u, n);
		specials[count++][n] = '\0';
	}
	static const uint32_t bidi[] = { 0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
					 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 };
	for (size_t k = 0; k < sizeof(bidi) / sizeof(bidi[0]); k++) {
		char u[4];
		size_t n = utf8_encode(bidi[k], u);

		memcpy(specials[count], u, n);
		specials[count++][n] = '\0';
	}
	snprintf(specials[count++], 8, "\xff");
	snprintf(specials[count++], 8, "\xc3");
	snprintf(specials[count++], 8, "\xe6\x83");
	snprintf(specials[count++], 8, "\xed\xa0\x80");
	snprintf(specials[count++], 8, "\xc0\xaf");
	assert_true(count <= 96);

	signal(SIGALRM, on_alarm);
	alarm(20);
	/* The case from the issue, narrower than the word. */
	check_wrap_terminates("see\tABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ", 40);
	for (size_t k = 0; k < count; k++) {
		const char *c = specials[k];

		for (int width = 1; width <= 80; width++) {
			snprintf(buf, sizeof(buf), "see%s%s", c, word);
			check_wrap_terminates(buf, width);
			snprintf(buf, sizeof(buf), "%s%s %s%s%s 情報%s資産。", c, word, c, c, word, c);
			check_wrap_terminates(buf, width);
			snprintf(buf, sizeof(buf), "a %s%s%s\n%s %s", c, c, c, c, word);
			check_wrap_terminates(buf, width);
		}
	}
	alarm(0);
	signal(SIGALRM, SIG_DFL);
}

/* Found by make fuzz: an invalid byte, then a combining mark (U+1BEF), at
 * width 0.  Width 0 wraps as 1, and the mark stays on its base's line. */
static void test_wrap_width_zero_keeps_marks(void **state)
{
	static const char s[] = "\xe1\xe1\xaf\xaf" "E";
	struct wrap_line l[4];

	(void)state;
	for (int width = -1; width <= 1; width++) {
		assert_int_equal(text_wrap(s, width, l, 4), 2);
		assert_int_equal(l[0].start, 0);
		assert_int_equal(l[0].end, 4);
		assert_int_equal(l[0].cells, 1);
		assert_int_equal(l[1].start, 4);
		assert_int_equal(l[1].cells, 1);
		check_wrap_terminates(s, width);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_sanitize_runs_equal_glyphs),
		cmocka_unit_test(test_decode_empty),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogates),
		cmocka_unit_test(test_decode_beyond_unicode),
		cmocka_unit_test(test_decode_truncated),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_encode_decode_roundtrip),
		cmocka_unit_test(test_valid_accepts),
		cmocka_unit_test(test_valid_reports_offset),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_n),
		cmocka_unit_test(test_glyph_plain),
		cmocka_unit_test(test_glyph_c0_controls),
		cmocka_unit_test(test_glyph_c1_controls),
		cmocka_unit_test(test_glyph_bidi),
		cmocka_unit_test(test_glyph_tab),
		cmocka_unit_test(test_glyph_newline_space),
		cmocka_unit_test(test_glyph_newline_stop),
		cmocka_unit_test(test_glyph_invalid_bytes),
		cmocka_unit_test(test_glyph_end),
		cmocka_unit_test(test_glyph_stream_is_safe),
		cmocka_unit_test(test_sanitize_known),
		cmocka_unit_test(test_sanitize_everything),
		cmocka_unit_test(test_crop_japanese),
		cmocka_unit_test(test_crop_ascii),
		cmocka_unit_test(test_crop_escapes),
		cmocka_unit_test(test_crop_never_emits_raw_controls),
		cmocka_unit_test(test_crop_small_buffer),
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_fits),
		cmocka_unit_test(test_wrap_japanese_at_width),
		cmocka_unit_test(test_wrap_japanese_cells),
		cmocka_unit_test(test_wrap_latin_words),
		cmocka_unit_test(test_wrap_kinsoku_keeps_latin_words),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_wrap_final_newline),
		cmocka_unit_test(test_wrap_newline_after_full_line),
		cmocka_unit_test(test_wrap_kinsoku_period),
		cmocka_unit_test(test_wrap_kinsoku_marks),
		cmocka_unit_test(test_wrap_kinsoku_sweep),
		cmocka_unit_test(test_wrap_kinsoku_cannot_move),
		cmocka_unit_test(test_wrap_mixed),
		cmocka_unit_test(test_wrap_count_beyond_max),
		cmocka_unit_test(test_wrap_controls_terminate),
		cmocka_unit_test(test_wrap_width_zero_keeps_marks),
	};

	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
