/* Reads spreadsheet exports: decoding (UTF-8 with or without BOM, or
 * CP932 through iconv), then RFC 4180 records and cells with their
 * places.  Lenient where Excel and LibreOffice are (a stray quote inside
 * an unquoted cell is text), strict where data would be lost. */
#include "kijun/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"

int csv_encoding_parse(const char *name, enum csv_encoding *out)
{
	static const struct { const char *name; enum csv_encoding e; } names[] = {
		{ "utf-8", CSV_ENCODING_UTF8 }, { "utf8", CSV_ENCODING_UTF8 },
		{ "cp932", CSV_ENCODING_CP932 }, { "shift_jis", CSV_ENCODING_CP932 },
		{ "shift-jis", CSV_ENCODING_CP932 }, { "sjis", CSV_ENCODING_CP932 },
		{ "windows-31j", CSV_ENCODING_CP932 },
	};

	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strcasecmp(name, names[k].name) == 0) {
			*out = names[k].e;
			return 0;
		}
	}
	return -1;
}

/* Line and column (in characters) of byte `off` of UTF-8 text s, counting
 * CRLF, LF and CR each as one line break. */
static void place_of(const char *s, size_t off, unsigned *line, unsigned *column)
{
	unsigned l = 1, c = 1;

	for (size_t p = 0; p < off;) {
		if (s[p] == '\r' || s[p] == '\n') {
			p += (s[p] == '\r' && p + 1 < off && s[p + 1] == '\n') ? 2 : 1;
			l++;
			c = 1;
		} else {
			uint32_t cp;

			p += utf8_decode(s + p, off - p, &cp);
			c++;
		}
	}
	*line = l;
	*column = c;
}

/* CP932 to UTF-8.  On a byte CP932 does not have, *bad_out is how much
 * was converted before it (so the place can be counted there). */
static char *from_cp932(const char *buf, size_t len, size_t *out_len,
			size_t *bad_out, bool *bad)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	size_t cap = len * 3 + 16;
	char *out, *in = (char *)buf, *o;
	size_t left = len, room = cap;

	*bad = false;
	if (cd == (iconv_t)-1)
		return NULL;
	out = malloc(cap + 1);
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	o = out;
	/* Each CP932 byte makes at most 3 UTF-8 bytes, so room never runs out. */
	if (iconv(cd, &in, &left, &o, &room) == (size_t)-1) {
		*bad = errno == EILSEQ || errno == EINVAL;
		*bad_out = (size_t)(o - out);
	}
	iconv_close(cd);
	*out_len = (size_t)(o - out);
	out[*out_len] = '\0';
	return out;
}

/* The file as NUL-terminated UTF-8 without a BOM, or NULL after reporting
 * why not. */
static char *decode(struct csv_table *t, const char *name, const char *buf,
		    size_t len, enum csv_encoding enc, size_t *out_len,
		    struct diag_list *diags)
{
	unsigned line, column;
	size_t bad = 0;
	char *out;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 && enc != CSV_ENCODING_CP932) {
		buf += 3;
		len -= 3;
		enc = CSV_ENCODING_UTF8;
	}
	if (enc != CSV_ENCODING_CP932) {
		if (utf8_valid(buf, len, &bad)) {
			enc = CSV_ENCODING_UTF8;
		} else if (enc == CSV_ENCODING_UTF8) {
			place_of(buf, bad, &line, &column);
			diag_add(diags, name, line, column, "%s",
				 _("invalid UTF-8 (give --encoding cp932 for a Shift_JIS file)"));
			return NULL;
		}
	}
	t->encoding = enc == CSV_ENCODING_UTF8 ? CSV_ENCODING_UTF8 : CSV_ENCODING_CP932;
	if (t->encoding == CSV_ENCODING_UTF8) {
		out = malloc(len + 1);
		if (!out) {
			diag_add(diags, name, 0, 0, "%s", _("out of memory"));
			return NULL;
		}
		memcpy(out, buf, len);
		out[len] = '\0';
		*out_len = len;
	} else {
		bool invalid;
		size_t done = 0;

		out = from_cp932(buf, len, out_len, &done, &invalid);
		if (!out) {
			diag_add(diags, name, 0, 0, "%s",
				 _("cannot convert from CP932 (iconv has no CP932 here)"));
			return NULL;
		}
		if (invalid) {
			place_of(out, done, &line, &column);
			diag_add(diags, name, line, column, "%s", enc == CSV_ENCODING_AUTO ?
				 _("neither UTF-8 nor Shift_JIS (CP932)") :
				 _("invalid Shift_JIS (CP932)"));
			free(out);
			return NULL;
		}
	}
	if (memchr(out, '\0', *out_len)) {
		size_t at = (size_t)((char *)memchr(out, '\0', *out_len) - out);

		place_of(out, at, &line, &column);
		diag_add(diags, name, line, column, "%s", _("a NUL byte: this is not a text file"));
		free(out);
		return NULL;
	}
	return out;
}

struct scan {
	const char *d;
	size_t n, p;
	unsigned line, column;
	char sep;
};

static bool at_break(const struct scan *s)
{
	return s->p < s->n && (s->d[s->p] == '\r' || s->d[s->p] == '\n');
}

static void skip_break(struct scan *s)
{
	s->p += (s->d[s->p] == '\r' && s->p + 1 < s->n && s->d[s->p + 1] == '\n') ? 2 : 1;
	s->line++;
	s->column = 1;
}

/* Moves over one character, appending it to b when b is not NULL. */
static void take_char(struct scan *s, struct strbuf *b)
{
	uint32_t cp;
	size_t used = utf8_decode(s->d + s->p, s->n - s->p, &cp);

	if (b)
		strbuf_add(b, s->d + s->p, used);
	s->p += used;
	s->column++;
}

struct rows {
	struct csv_row *v;
	size_t n, cap;
};

static bool push_cell(struct csv_table *t, struct csv_cell **cells, size_t *n,
		      size_t *cap, const struct strbuf *b, unsigned line, unsigned column)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct csv_cell *nv = realloc(*cells, ncap * sizeof(*nv));

		if (!nv)
			return false;
		*cells = nv;
		*cap = ncap;
	}
	(*cells)[*n].text = arena_strndup(&t->arena, b->data ? b->data : "", b->len);
	(*cells)[*n].line = line;
	(*cells)[*n].column = column;
	if (!(*cells)[*n].text)
		return false;
	(*n)++;
	return true;
}

/* One cell from s->p; false when the file ends inside quotes. */
static bool read_cell(struct scan *s, struct strbuf *b, const char *name,
		      struct diag_list *diags)
{
	unsigned line = s->line, column = s->column;

	strbuf_reset(b);
	if (s->p < s->n && s->d[s->p] == '"') {
		s->p++;
		s->column++;
		for (;;) {
			if (s->p >= s->n) {
				diag_add(diags, name, line, column, "%s",
					 _("this quoted cell never ends: a closing \" is missing"));
				return false;
			}
			if (s->d[s->p] == '"') {
				if (s->p + 1 < s->n && s->d[s->p + 1] == '"') {
					strbuf_addc(b, '"');
					s->p += 2;
					s->column += 2;
					continue;
				}
				s->p++;
				s->column++;
				break;
			}
			if (at_break(s)) {
				strbuf_addc(b, '\n');
				skip_break(s);
			} else {
				take_char(s, b);
			}
		}
		if (s->p < s->n && s->d[s->p] != s->sep && !at_break(s)) {
			diag_add(diags, name, s->line, s->column, "%s",
				 _("text after a closing quote (write a quote inside a quoted cell as \"\")"));
			while (s->p < s->n && s->d[s->p] != s->sep && !at_break(s))
				take_char(s, NULL);
		}
		return true;
	}
	while (s->p < s->n && s->d[s->p] != s->sep && !at_break(s))
		take_char(s, b);
	return true;
}

static bool split(struct csv_table *t, const char *name, struct scan *s,
		  struct rows *rows, struct diag_list *diags)
{
	struct strbuf b;
	bool ok = true, oom = false;

	strbuf_init(&b);
	while (s->p < s->n && !oom) {
		struct csv_cell *cells = NULL;
		size_t n = 0, cap = 0;
		unsigned start = s->line;
		bool more = true;

		if (at_break(s)) {
			skip_break(s);  /* an empty line is no record */
			continue;
		}
		while (more) {
			unsigned line = s->line, column = s->column;

			if (!read_cell(s, &b, name, diags)) {
				ok = false;
				s->p = s->n;
			}
			if (!push_cell(t, &cells, &n, &cap, &b, line, column) || b.failed) {
				oom = true;
				break;
			}
			if (s->p < s->n && s->d[s->p] == s->sep) {
				s->p++;
				s->column++;
			} else {
				if (at_break(s))
					skip_break(s);
				more = false;
			}
		}
		if (!oom && rows->n == rows->cap) {
			size_t ncap = rows->cap ? rows->cap * 2 : 64;
			struct csv_row *nv = realloc(rows->v, ncap * sizeof(*nv));

			if (nv) {
				rows->v = nv;
				rows->cap = ncap;
			} else {
				oom = true;
			}
		}
		if (!oom) {
			struct csv_cell *kept = arena_alloc(&t->arena, (n ? n : 1) * sizeof(*kept));

			if (kept) {
				memcpy(kept, cells, n * sizeof(*kept));
				rows->v[rows->n].cells = kept;
				rows->v[rows->n].count = n;
				rows->v[rows->n].line = start;
				rows->n++;
			} else {
				oom = true;
			}
		}
		free(cells);
	}
	strbuf_free(&b);
	if (oom) {
		diag_add(diags, name, 0, 0, "%s", _("out of memory"));
		ok = false;
	}
	return ok;
}

bool csv_read(struct csv_table *t, const char *name, const char *buf, size_t len,
	      char sep, enum csv_encoding encoding, struct diag_list *diags)
{
	struct rows rows = { 0 };
	struct scan s;
	size_t before = diags->count + diags->dropped;
	size_t n;
	char *d;

	memset(t, 0, sizeof(*t));
	arena_init(&t->arena);
	d = decode(t, name, buf, len, encoding, &n, diags);
	if (!d) {
		csv_free(t);
		return false;
	}
	s = (struct scan){ .d = d, .n = n, .line = 1, .column = 1, .sep = sep };
	split(t, name, &s, &rows, diags);
	free(d);
	t->rows = rows.v;
	t->count = rows.n;
	if (diags->count + diags->dropped != before) {
		enum csv_encoding e = t->encoding;

		csv_free(t);
		t->encoding = e;
		return false;
	}
	return true;
}

void csv_free(struct csv_table *t)
{
	free(t->rows);
	arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}
