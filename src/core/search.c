#include "kijun/search.h"

#include <stdlib.h>
#include <string.h>

static bool is_upper(unsigned char b)
{
	return b >= 'A' && b <= 'Z';
}

static bool is_letter(unsigned char b)
{
	return is_upper(b) || (b >= 'a' && b <= 'z');
}

/* The n bytes at a and b are the same but for the case of ASCII letters. */
static bool same_folded(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];

		if (is_upper(x))
			x = (unsigned char)(x + 32);
		if (is_upper(y))
			y = (unsigned char)(y + 32);
		if (x != y)
			return false;
	}
	return true;
}

/* ASCII letters compare without case; everything else byte for byte, so
 * Japanese matches exactly and no locale tables are needed.  A needle
 * without letters (most Japanese) is found by strstr; one with letters
 * is looked for only where its first letter stands, in either case (the
 * filter reads every text of 100k items: byte by byte that was 0.1 s). */
static bool contains(const char *hay, const char *needle, size_t nlen)
{
	unsigned char c0 = (unsigned char)needle[0];
	char first[3] = { needle[0], '\0', '\0' };
	bool letters = false;

	if (!hay)
		return false;
	for (size_t k = 0; k < nlen && !letters; k++)
		letters = is_letter((unsigned char)needle[k]);
	if (!letters)
		return strstr(hay, needle) != NULL;
	if (is_letter(c0)) {
		first[0] = (char)(c0 | 0x20);
		first[1] = (char)(c0 & ~0x20u);
	}
	for (const char *p = strpbrk(hay, first); p; p = strpbrk(p + 1, first))
		if (strnlen(p, nlen) == nlen && same_folded(p, needle, nlen))
			return true;
	return false;
}

bool item_matches(const struct item *it, const char *query)
{
	size_t n = strlen(query);

	if (n == 0)
		return false;
	return contains(it->id, query, n) || contains(it->title, query, n) ||
	       contains(it->title_en, query, n) || contains(it->text, query, n) ||
	       contains(it->label, query, n);
}

static uint32_t step(const struct catalog *c, uint32_t i, bool forward)
{
	return forward ? catalog_next(c, i) : catalog_prev(c, i);
}

uint32_t catalog_search(const struct catalog *c, uint32_t from, const char *query,
			bool forward, bool *wrapped)
{
	uint32_t first = forward ? catalog_first(c) : catalog_last(c), i;

	*wrapped = false;
	if (!query[0] || first == ITEM_NONE)
		return ITEM_NONE;
	if (from == ITEM_NONE) {
		for (i = first; i != ITEM_NONE; i = step(c, i, forward))
			if (item_matches(catalog_item(c, i), query))
				return i;
		return ITEM_NONE;
	}
	for (i = step(c, from, forward); i != ITEM_NONE; i = step(c, i, forward))
		if (item_matches(catalog_item(c, i), query))
			return i;
	*wrapped = true;
	for (i = first; i != ITEM_NONE; i = step(c, i, forward)) {
		if (item_matches(catalog_item(c, i), query))
			return i;
		if (i == from)
			break;
	}
	return ITEM_NONE;
}

/* a and b equal for their first n bytes, ASCII letters without case. */
static bool same_prefix(const char *a, const char *b, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y + 32);
		if (x != y || !x)
			return x == y;
	}
	return true;
}

/* How the query stands to one id: the id itself, or its start. */
static enum search_rank id_rank(const char *id, const char *query, size_t n)
{
	if (!id || strlen(id) < n || !same_prefix(id, query, n))
		return SEARCH_NONE;
	return id[n] ? SEARCH_ID_PREFIX : SEARCH_ID_EXACT;
}

/* The rank the item's id alone gives it. */
static enum search_rank search_rank_id(const struct item *it, const char *query, size_t n)
{
	enum search_rank r, own;
	const char *dash;

	r = id_rank(it->id, query, n);
	/* Part V's controls are "6a-6.1": the guideline numbers them 6.1,
	 * and that is what a user types. */
	dash = it->id ? strchr(it->id, '-') : NULL;
	own = dash ? id_rank(dash + 1, query, n) : SEARCH_NONE;
	return own > r ? own : r;
}

enum search_rank search_rank(const struct item *it, const char *query)
{
	size_t n = strlen(query);
	enum search_rank r;

	if (n == 0)
		return SEARCH_NONE;
	r = search_rank_id(it, query, n);
	if (r != SEARCH_NONE)
		return r;
	return item_matches(it, query) ? SEARCH_TEXT : SEARCH_NONE;
}

/* ---- the folded texts ------------------------------------------------------ */

struct search_cache {
	const struct catalog *c;  /* what it was built from; NULL: not built */
	uint32_t size;            /* c->count then */
	uint32_t n;               /* items in document order */
	uint32_t *item;           /* position in document order -> item */
	uint32_t *pos;            /* item -> position; UINT32_MAX off the tree */
	size_t *start;            /* position k's fields: text[start[k], start[k + 1]) */
	char *text;               /* each field folded and ended by '\0' */
	char *last;               /* the last query, folded; NULL: none */
	uint32_t *hits;           /* positions that held it, ascending */
	uint32_t hit_count;
	uint32_t freq[256];       /* how often each byte stands in text (a sample) */
};

/* ASCII A-Z to a-z, eight bytes at a time: a byte whose low seven bits
 * lie in 'A'..'Z' and whose top bit is clear gets 0x20 added. */
static void fold(char *dst, const char *src, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		uint64_t w, low, ge_a, gt_z;

		memcpy(&w, src + k, 8);
		low = w & ~high;
		ge_a = low + (0x80 - 'A') * ones;
		gt_z = low + (0x80 - 'Z' - 1) * ones;
		w |= (ge_a & ~gt_z & ~w & high) >> 2;
		memcpy(dst + k, &w, 8);
	}
	for (; k < n; k++) {
		unsigned char b = (unsigned char)src[k];

		dst[k] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
	}
}

struct search_cache *search_cache_new(void)
{
	return calloc(1, sizeof(struct search_cache));
}

void search_cache_reset(struct search_cache *x)
{
	if (!x)
		return;
	free(x->item);
	free(x->pos);
	free(x->start);
	free(x->text);
	free(x->last);
	free(x->hits);
	memset(x, 0, sizeof(*x));
}

void search_cache_free(struct search_cache *x)
{
	search_cache_reset(x);
	free(x);
}

static size_t field_len(const char *f)
{
	return f ? strlen(f) + 1 : 0;
}

static char *put_field(char *p, const char *f)
{
	size_t n;

	if (!f)
		return p;
	n = strlen(f);
	fold(p, f, n);
	p[n] = '\0';
	return p + n + 1;
}

/* The fields item_matches looks at, in document order; '\0' after each,
 * so a match never runs from one field (or item) into the next. */
static bool build(struct search_cache *x, const struct catalog *c)
{
	size_t total = 0;
	uint32_t n = 0;
	char *p;

	search_cache_reset(x);
	x->item = malloc(((size_t)c->count + 1) * sizeof(*x->item));
	x->pos = malloc((size_t)c->count * sizeof(*x->pos));
	x->start = malloc(((size_t)c->count + 1) * sizeof(*x->start));
	if (!x->item || !x->pos || !x->start)
		goto oom;
	memset(x->pos, 0xff, (size_t)c->count * sizeof(*x->pos));
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		const struct item *it = catalog_item(c, i);

		x->item[n] = i;
		x->pos[i] = n;
		x->start[n++] = total;
		total += strlen(it->id ? it->id : "") + 1 + field_len(it->title) + field_len(it->title_en) +
			 field_len(it->text) + field_len(it->label);
	}
	x->start[n] = total;
	x->text = malloc(total + 1);
	if (!x->text)
		goto oom;
	p = x->text;
	for (uint32_t k = 0; k < n; k++) {
		const struct item *it = catalog_item(c, x->item[k]);

		p = put_field(p, it->id ? it->id : "");  /* always first: its rank */
		p = put_field(p, it->title);
		p = put_field(p, it->title_en);
		p = put_field(p, it->text);
		p = put_field(p, it->label);
	}
	/* Every 16th byte is enough to tell a rare byte from a common one. */
	for (size_t k = 0; k < total; k += 16)
		x->freq[(unsigned char)x->text[k]]++;
	x->n = n;
	x->c = c;
	x->size = c->count;
	return true;
oom:
	search_cache_reset(x);
	return false;
}

/* Positions whose fields hold q (folded, qn > 0): every item, or when the
 * last query is the start of this one, only the last one's hits. */
/* Which byte of q to look for first: the rarest in the text.  In Japanese
 * text most bytes of a query are rare (an ASCII letter, the last byte of
 * a character), and memchr runs at memory speed where memmem, comparing
 * at every place, ran at a twentieth of it. */
static size_t rarest(const struct search_cache *x, const char *q, size_t qn)
{
	size_t best = 0;

	for (size_t k = 1; k < qn; k++)
		if (x->freq[(unsigned char)q[k]] < x->freq[(unsigned char)q[best]])
			best = k;
	return best;
}

/* The first place of q (qn bytes, its byte `anchor` the rarest) in
 * hay[0..len), or NULL. */
static const char *find(const char *hay, size_t len, const char *q, size_t qn, size_t anchor)
{
	const char *p, *last;

	if (qn > len)
		return NULL;
	/* Where q[anchor] may stand with the whole of q inside hay. */
	p = hay + anchor;
	last = hay + len - qn + anchor;
	while (p <= last && (p = memchr(p, q[anchor], (size_t)(last - p) + 1)) != NULL) {
		if (memcmp(p - anchor, q, qn) == 0)
			return p - anchor;
		p++;
	}
	return NULL;
}

static bool text_hits(struct search_cache *x, const char *q, size_t qn)
{
	size_t anchor = rarest(x, q, qn);

	uint32_t *v, n = 0;

	if (x->last && !strncmp(x->last, q, strlen(x->last))) {
		for (uint32_t h = 0; h < x->hit_count; h++) {
			uint32_t k = x->hits[h];

			if (find(x->text + x->start[k], x->start[k + 1] - x->start[k], q, qn, anchor))
				x->hits[n++] = k;
		}
		x->hit_count = n;
		return true;
	}
	v = malloc(((size_t)x->n + 1) * sizeof(*v));
	if (!v)
		return false;
	/* One scan over everything; on a hit, on to the next item. */
	for (size_t at = 0, end = x->start[x->n]; at < end;) {
		const char *m = find(x->text + at, end - at, q, qn, anchor);
		uint32_t k = n ? v[n - 1] + 1 : 0;

		if (!m)
			break;
		while (x->start[k + 1] <= (size_t)(m - x->text))
			k++;
		v[n++] = k;
		at = x->start[k + 1];
	}
	free(x->hits);
	x->hits = v;
	x->hit_count = n;
	return true;
}

/* The hits of one rank, in document order from just after position o
 * (o itself last), appended to out. */
static uint32_t rotate(const uint32_t *b, uint32_t bn, uint32_t o, uint32_t *out)
{
	uint32_t lo = 0, hi = bn, n = 0;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (o != UINT32_MAX && b[mid] <= o)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (uint32_t k = lo; k < bn; k++)
		out[n++] = b[k];
	for (uint32_t k = 0; k < lo; k++)
		out[n++] = b[k];
	return n;
}

/* search_rank_id on a folded id and query. */
static int folded_id_rank(const char *id, const char *q, size_t n)
{
	const char *dash = strchr(id, '-');
	int r = SEARCH_NONE;

	if (!strncmp(id, q, n))
		r = id[n] ? SEARCH_ID_PREFIX : SEARCH_ID_EXACT;
	if (dash && !strncmp(dash + 1, q, n) && r != SEARCH_ID_EXACT)
		r = dash[1 + n] ? SEARCH_ID_PREFIX : SEARCH_ID_EXACT;
	return r;
}

bool search_cache_prepare(struct search_cache *x, const struct catalog *c)
{
	return (x->c == c && x->size == c->count) || build(x, c);
}

bool search_cache_collect(struct search_cache *x, const struct catalog *c,
			  const uint8_t *hidden, uint32_t origin, const char *query,
			  uint32_t **out, uint32_t *count)
{
	size_t qn = strlen(query);
	uint32_t *bucket[SEARCH_ID_EXACT + 1] = { NULL }, bn[SEARCH_ID_EXACT + 1] = { 0 };
	uint32_t o, n = 0, *v = NULL;
	char *q;
	bool ok = false;

	*out = NULL;
	*count = 0;
	if (!qn)
		return true;
	if (!search_cache_prepare(x, c))
		return false;
	q = malloc(qn + 1);
	if (!q)
		return false;
	fold(q, query, qn + 1);
	if (!text_hits(x, q, qn)) {
		free(q);
		return false;
	}
	free(x->last);
	x->last = q;
	if (!x->hit_count)
		return true;
	for (int r = SEARCH_TEXT; r <= SEARCH_ID_EXACT; r++) {
		bucket[r] = malloc(x->hit_count * sizeof(*bucket[r]));
		if (!bucket[r])
			goto done;
	}
	for (uint32_t h = 0; h < x->hit_count; h++) {
		uint32_t k = x->hits[h], i = x->item[k];
		int r;

		if (hidden && hidden[i])
			continue;
		/* Every hit holds the query somewhere: only the id's rank is
		 * left to tell, from the folded id (the first field), which
		 * the scan has just read. */
		r = folded_id_rank(x->text + x->start[k], x->last, qn);
		if (r == SEARCH_NONE)
			r = SEARCH_TEXT;
		bucket[r][bn[r]++] = k;
	}
	ok = true;
	if (!bn[SEARCH_TEXT] && !bn[SEARCH_ID_PREFIX] && !bn[SEARCH_ID_EXACT])
		goto done;
	v = malloc(x->hit_count * sizeof(*v));
	if (!v) {
		ok = false;
		goto done;
	}
	o = origin < x->size ? x->pos[origin] : UINT32_MAX;
	for (int r = SEARCH_ID_EXACT; r > SEARCH_NONE; r--)
		n += rotate(bucket[r], bn[r], o, v + n);
	for (uint32_t k = 0; k < n; k++)
		v[k] = x->item[v[k]];
	*out = v;
	*count = n;
done:
	for (int r = SEARCH_TEXT; r <= SEARCH_ID_EXACT; r++)
		free(bucket[r]);
	return ok;
}

bool search_collect(const struct catalog *c, const uint8_t *hidden, uint32_t origin,
		    const char *query, uint32_t **out, uint32_t *count)
{
	struct search_cache *x = search_cache_new();
	bool ok;

	*out = NULL;
	*count = 0;
	if (!x)
		return false;
	ok = search_cache_collect(x, c, hidden, origin, query, out, count);
	search_cache_free(x);
	return ok;
}
