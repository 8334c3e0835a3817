#include "kijun/diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/text.h"

/* Past these the differing middle is reported as one deletion and one
 * insertion: texts that far apart gain nothing from a character diff, and
 * the bounds keep the work near 16M comparisons and the trace under 8 MB
 * even for two unrelated 100 KB texts. */
#define DIFF_MAX_CELLS ((size_t)4000 * 4000)
#define DIFF_MAX_EDITS 2000

/* A text as characters: their code points and where each starts (off[n] is
 * the length).  A byte that is not UTF-8 gets a value past U+10FFFF of its
 * own, so two different bad bytes never compare equal. */
struct chars {
	uint32_t *cp;
	size_t *off;
	size_t n;
};

static bool chars_split(struct chars *c, const char *s)
{
	size_t len = strlen(s), pos = 0;

	c->n = 0;
	if (len >= SIZE_MAX / sizeof(*c->off) - 1)
		return false;
	c->cp = malloc((len + 1) * sizeof(*c->cp));
	c->off = malloc((len + 1) * sizeof(*c->off));
	if (!c->cp || !c->off)
		return false;
	while (pos < len) {
		uint32_t cp;
		size_t used = utf8_decode(s + pos, len - pos, &cp);

		if (cp == 0xFFFD && used == 1)
			cp = 0x110000 + (unsigned char)s[pos];
		c->cp[c->n] = cp;
		c->off[c->n++] = pos;
		pos += used;
	}
	c->off[c->n] = len;
	return true;
}

static void chars_free(struct chars *c)
{
	free(c->cp);
	free(c->off);
}

/* Equal characters: old [x, x + len) matches new [y, y + len). */
struct run {
	size_t x;
	size_t y;
	size_t len;
};

enum myers_result { MYERS_OK, MYERS_TOO_FAR, MYERS_NOMEM };

/* Round d of the search keeps the furthest x reached on each diagonal
 * k = x - y in [-d, d] of d's parity: d + 1 values, stored row after row. */
static size_t row_start(ptrdiff_t d)
{
	return (size_t)d * (size_t)(d + 1) / 2;
}

static uint32_t *trace_at(uint32_t *trace, ptrdiff_t d, ptrdiff_t k)
{
	return &trace[row_start(d) + (size_t)((k + d) / 2)];
}

/* Walks back from (n, m) through the trace of rounds 0..d, writing the
 * snakes it crosses into runs in reading order; returns how many. */
static size_t myers_walk_back(uint32_t *trace, ptrdiff_t d, ptrdiff_t n,
			      ptrdiff_t m, struct run *runs)
{
	ptrdiff_t x = n, y = m;
	size_t count = 0;

	for (; d > 0; d--) {
		ptrdiff_t k = x - y, pk, px, sx;

		if (k == -d || (k != d && *trace_at(trace, d - 1, k - 1) <
					  *trace_at(trace, d - 1, k + 1)))
			pk = k + 1;
		else
			pk = k - 1;
		px = *trace_at(trace, d - 1, pk);
		sx = pk == k + 1 ? px : px + 1;  /* where the snake began */
		if (x > sx)
			runs[count++] = (struct run){ (size_t)sx, (size_t)(sx - k),
						      (size_t)(x - sx) };
		x = px;
		y = px - pk;
	}
	if (x > 0)
		runs[count++] = (struct run){ 0, 0, (size_t)x };
	for (size_t i = 0; i < count / 2; i++) {
		struct run t = runs[i];

		runs[i] = runs[count - 1 - i];
		runs[count - 1 - i] = t;
	}
	return count;
}

/* Myers' O(ND) greedy search (1986) for a shortest edit script of a[0..n)
 * into b[0..m), giving up after DIFF_MAX_EDITS edits.  On MYERS_OK, *runs
 * (to free) holds the matching stretches in order. */
static enum myers_result myers(const uint32_t *a, ptrdiff_t n, const uint32_t *b,
			       ptrdiff_t m, struct run **runs, size_t *count)
{
	ptrdiff_t max = n + m < DIFF_MAX_EDITS ? n + m : DIFF_MAX_EDITS;
	uint32_t *trace = NULL;
	size_t cap = 0;

	for (ptrdiff_t d = 0; d <= max; d++) {
		if (row_start(d + 1) > cap) {
			size_t want = cap * 2 > row_start(d + 1) ? cap * 2 : row_start(d + 1);
			uint32_t *t = realloc(trace, want * sizeof(*t));

			if (!t) {
				free(trace);
				return MYERS_NOMEM;
			}
			trace = t;
			cap = want;
		}
		for (ptrdiff_t k = -d; k <= d; k += 2) {
			ptrdiff_t x, y;

			if (d == 0)
				x = 0;
			else if (k == -d || (k != d && *trace_at(trace, d - 1, k - 1) <
						       *trace_at(trace, d - 1, k + 1)))
				x = *trace_at(trace, d - 1, k + 1);      /* insert */
			else
				x = *trace_at(trace, d - 1, k - 1) + 1;  /* delete */
			y = x - k;
			while (x < n && y < m && a[x] == b[y]) {
				x++;
				y++;
			}
			*trace_at(trace, d, k) = (uint32_t)x;
			if (x >= n && y >= m) {
				*runs = malloc(((size_t)d + 1) * sizeof(**runs));
				if (!*runs) {
					free(trace);
					return MYERS_NOMEM;
				}
				*count = myers_walk_back(trace, d, n, m, *runs);
				free(trace);
				return MYERS_OK;
			}
		}
	}
	free(trace);
	return MYERS_TOO_FAR;
}

/* Appends a span, joining it to the last one when they touch. */
static bool diff_push(struct diff *d, enum diff_kind kind, size_t start, size_t end)
{
	struct diff_span *last = d->count ? &d->spans[d->count - 1] : NULL;

	if (start == end)
		return true;
	if (last && last->kind == kind && last->end == start) {
		last->end = end;
		return true;
	}
	if (d->count == d->capacity) {
		size_t cap = d->capacity ? d->capacity * 2 : 8;
		struct diff_span *spans = realloc(d->spans, cap * sizeof(*spans));

		if (!spans)
			return false;
		d->spans = spans;
		d->capacity = cap;
	}
	d->spans[d->count++] = (struct diff_span){ kind, start, end };
	return true;
}

/* Emits the middle, characters [p, a->n - s) of old and [p, b->n - s) of
 * new, given its matching stretches (counted from p). */
static bool diff_emit_middle(struct diff *out, const struct chars *a,
			     const struct chars *b, size_t p, size_t s,
			     const struct run *runs, size_t count)
{
	size_t x = p, y = p;
	bool ok = true;

	for (size_t i = 0; i <= count; i++) {
		size_t rx = i < count ? p + runs[i].x : a->n - s;
		size_t ry = i < count ? p + runs[i].y : b->n - s;
		size_t len = i < count ? runs[i].len : 0;

		ok = ok && diff_push(out, DIFF_DELETED, a->off[x], a->off[rx]);
		ok = ok && diff_push(out, DIFF_INSERTED, b->off[y], b->off[ry]);
		ok = ok && diff_push(out, DIFF_SAME, a->off[rx], a->off[rx + len]);
		x = rx + len;
		y = ry + len;
	}
	return ok;
}

bool diff_compute(const char *old_text, const char *new_text, struct diff *out)
{
	struct chars a = { 0 }, b = { 0 };
	struct run *runs = NULL;
	size_t p = 0, s = 0, n, m, count = 0;
	bool ok = false;

	out->count = 0;
	if (!chars_split(&a, old_text ? old_text : "") ||
	    !chars_split(&b, new_text ? new_text : ""))
		goto done;
	/* The common prefix and suffix first: most rewordings touch a few
	 * words, and this keeps the search to the part that changed. */
	while (p < a.n && p < b.n && a.cp[p] == b.cp[p])
		p++;
	while (s < a.n - p && s < b.n - p && a.cp[a.n - 1 - s] == b.cp[b.n - 1 - s])
		s++;
	n = a.n - p - s;
	m = b.n - p - s;
	if (n && m && n <= DIFF_MAX_CELLS / m) {
		switch (myers(a.cp + p, (ptrdiff_t)n, b.cp + p, (ptrdiff_t)m, &runs, &count)) {
		case MYERS_NOMEM:
			goto done;
		case MYERS_TOO_FAR:
			count = 0;  /* the whole middle, deleted and inserted */
			break;
		case MYERS_OK:
			break;
		}
	}
	ok = diff_push(out, DIFF_SAME, 0, a.off[p]) &&
	     diff_emit_middle(out, &a, &b, p, s, runs, count) &&
	     diff_push(out, DIFF_SAME, a.off[a.n - s], a.off[a.n]);
done:
	free(runs);
	chars_free(&a);
	chars_free(&b);
	if (!ok)
		diff_free(out);
	return ok;
}

void diff_free(struct diff *d)
{
	free(d->spans);
	d->spans = NULL;
	d->count = 0;
	d->capacity = 0;
}

static void diff_mark(const struct diff *d, bool new_side, unsigned char *marks,
		      size_t len)
{
	enum diff_kind want = new_side ? DIFF_INSERTED : DIFF_DELETED;

	memset(marks, 0, len);
	for (size_t i = 0; i < d->count; i++) {
		const struct diff_span *sp = &d->spans[i];

		if (sp->kind != want)
			continue;
		for (size_t j = sp->start; j < sp->end && j < len; j++)
			marks[j] = 1;
	}
}

void diff_mark_old(const struct diff *d, unsigned char *marks, size_t len)
{
	diff_mark(d, false, marks, len);
}

void diff_mark_new(const struct diff *d, unsigned char *marks, size_t len)
{
	diff_mark(d, true, marks, len);
}
