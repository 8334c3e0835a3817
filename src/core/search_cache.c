/* The search bar's index: search_collect, fast when asked on every key.
 *
 * Nothing of the catalog's text is copied but fields with ASCII capitals
 * (folded, for queries with letters).  A loaded catalog's strings lie
 * packed in its arena in file order, so most of an item's fields, and the
 * next item's, follow one another with only a '\0' between: each such run
 * is scanned as one text with memchr.  A copy of every text, folded, was
 * the largest thing the screen held (30 MB on 100k items). */
#include "kijun/search.h"

#include <stdlib.h>
#include <string.h>

/* The fields item_matches looks at. */
enum { FIELD_ID, FIELD_TITLE, FIELD_TITLE_EN, FIELD_TEXT, FIELD_LABEL, FIELDS };

/* copied[k]: a bit per field with a folded copy, and this one when the id
 * is the position's first field in memory (its rank is read there). */
#define ID_FIRST 0x80u
#define SPLIT UINT32_MAX

struct run {
	const char *p;            /* its first field */
	const char *end;          /* its last field's '\0' */
	uint32_t field;           /* its first field's index */
	uint32_t pos;             /* and that field's position */
};

struct search_cache {
	const struct catalog *c;  /* what it was built from; NULL: not built */
	uint32_t size;            /* c->count then */
	uint32_t n;               /* items in document order */
	uint32_t *item;           /* position in document order -> item */
	uint32_t *pos;            /* item -> position; UINT32_MAX off the tree */
	/* Every position's fields, in memory order, as runs of neighbours. */
	const char **field_at;
	uint32_t *field_len;
	uint32_t *first_field;    /* position -> its first field; [n] = field count */
	/* Position k's fields in one: from its first field to the end of its
	 * last, when they are neighbours (nearly always), else SPLIT.  What a
	 * search bar's next key reads, one place per item. */
	const char **pos_at;
	uint32_t *pos_len;
	struct run *runs;
	uint32_t run_count;
	uint8_t *copied;          /* position -> ID_FIRST and the copied fields */
	uint32_t *copy_at;        /* position -> its first copy in folded */
	char *folded;             /* the copies, each ended by '\0' */
	char *last;               /* the last query, folded; NULL: none */
	uint32_t *hits;           /* positions that held it, ascending */
	uint32_t hit_count;
	uint32_t freq[256];       /* how often each byte stands in text (a sample) */
	/* Every byte some id holds, folded: a query with another byte ranks
	 * no id, and its hits need not be read again to say so. */
	uint8_t id_bytes[256 / 8];
};

static bool is_letter(unsigned char b)
{
	return (unsigned char)((b | 0x20) - 'a') < 26;
}

/* ASCII A-Z to a-z, eight bytes at a time: a byte whose low seven bits
 * lie in 'A'..'Z' and whose top bit is clear gets 0x20 added. */
static uint64_t capitals(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	uint64_t low = w & ~high;

	return (low + (0x80 - 'A') * ones) & ~(low + (0x80 - 'Z' - 1) * ones) & ~w & high;
}

static void fold(char *dst, const char *src, size_t n)
{
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		uint64_t w;

		memcpy(&w, src + k, 8);
		w |= capitals(w) >> 2;
		memcpy(dst + k, &w, 8);
	}
	for (; k < n; k++) {
		unsigned char b = (unsigned char)src[k];

		dst[k] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
	}
}

static bool has_capital(const char *s, size_t n)
{
	size_t k = 0;

	for (; k + 8 <= n; k += 8) {
		uint64_t w;

		memcpy(&w, s + k, 8);
		if (capitals(w))
			return true;
	}
	for (; k < n; k++)
		if (s[k] >= 'A' && s[k] <= 'Z')
			return true;
	return false;
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
	free(x->field_at);
	free(x->field_len);
	free(x->first_field);
	free(x->pos_at);
	free(x->pos_len);
	free(x->runs);
	free(x->copied);
	free(x->copy_at);
	free(x->folded);
	free(x->last);
	free(x->hits);
	memset(x, 0, sizeof(*x));
}

void search_cache_free(struct search_cache *x)
{
	search_cache_reset(x);
	free(x);
}

static void item_fields(const struct item *it, const char *f[FIELDS])
{
	f[FIELD_ID] = it->id ? it->id : "";
	f[FIELD_TITLE] = it->title;
	f[FIELD_TITLE_EN] = it->title_en;
	f[FIELD_TEXT] = it->text;
	f[FIELD_LABEL] = it->label;
}

/* The item's fields in the order they lie in memory (a loaded catalog's
 * in file order, where an entry's label comes before its text); the
 * count. */
static int in_memory_order(const char *const f[FIELDS], const char *m[FIELDS])
{
	int n = 0;

	for (int j = 0; j < FIELDS; j++) {
		int k;

		if (!f[j])
			continue;
		for (k = n++; k > 0 && (uintptr_t)m[k - 1] > (uintptr_t)f[j]; k--)
			m[k] = m[k - 1];
		m[k] = f[j];
	}
	return n;
}

/* Counts position k's fields and the bytes of its folded copies, sets its
 * copied[] bits, and adds every 16th byte of its text to the sample. */
static void survey(struct search_cache *x, uint32_t k, size_t *fields, size_t *bytes)
{
	const char *f[FIELDS];

	item_fields(catalog_item(x->c, x->item[k]), f);
	x->copied[k] = 0;
	for (const unsigned char *b = (const unsigned char *)f[FIELD_ID]; *b; b++) {
		unsigned char folded = *b >= 'A' && *b <= 'Z' ? (unsigned char)(*b + 32) : *b;

		x->id_bytes[folded / 8] |= (uint8_t)(1u << folded % 8);
	}
	for (int j = 0; j < FIELDS; j++) {
		size_t n;

		if (!f[j])
			continue;
		n = strlen(f[j]);
		for (size_t b = 0; b < n; b += 16)
			x->freq[(unsigned char)f[j][b]]++;
		if (has_capital(f[j], n)) {
			x->copied[k] |= (uint8_t)(1u << j);
			*bytes += n + 1;
		}
		++*fields;
	}
}

/* Position k's folded copies at *copy, and its fields into the runs. */
static void lay_out(struct search_cache *x, uint32_t k, uint32_t *field, char **copy)
{
	const char *f[FIELDS], *m[FIELDS];
	int count;

	item_fields(catalog_item(x->c, x->item[k]), f);
	for (int j = 0; j < FIELDS; j++)
		if (x->copied[k] & (1u << j)) {
			size_t n = strlen(f[j]);

			fold(*copy, f[j], n);
			(*copy)[n] = '\0';
			*copy += n + 1;
		}
	count = in_memory_order(f, m);
	if (m[0] == f[FIELD_ID])
		x->copied[k] |= ID_FIRST;
	x->first_field[k] = *field;
	x->pos_at[k] = m[0];
	x->pos_len[k] = 0;
	for (int j = 0; j < count; j++) {
		size_t n = strlen(m[j]);
		struct run *run = x->run_count ? &x->runs[x->run_count - 1] : NULL;

		if (!run || m[j] != run->end + 1) {
			run = &x->runs[x->run_count++];
			*run = (struct run){ .p = m[j], .field = *field, .pos = k };
		}
		run->end = m[j] + n;
		x->field_at[*field] = m[j];
		x->field_len[(*field)++] = (uint32_t)n;
		if (x->pos_len[k] != SPLIT)
			x->pos_len[k] = j && m[j] != m[j - 1] + strlen(m[j - 1]) + 1
				? SPLIT : (uint32_t)(m[j] + n - m[0]);
	}
}

static bool build(struct search_cache *x, const struct catalog *c)
{
	size_t fields = 0, bytes = 0;
	uint32_t n = 0, field = 0;
	char *copy;

	search_cache_reset(x);
	x->c = c;
	x->item = malloc(((size_t)c->count + 1) * sizeof(*x->item));
	x->pos = malloc((size_t)c->count * sizeof(*x->pos));
	x->copied = malloc((size_t)c->count + 1);
	x->copy_at = malloc(((size_t)c->count + 1) * sizeof(*x->copy_at));
	x->first_field = malloc(((size_t)c->count + 1) * sizeof(*x->first_field));
	x->pos_at = malloc(((size_t)c->count + 1) * sizeof(*x->pos_at));
	x->pos_len = malloc(((size_t)c->count + 1) * sizeof(*x->pos_len));
	if (!x->item || !x->pos || !x->copied || !x->copy_at || !x->first_field || !x->pos_at ||
	    !x->pos_len)
		goto oom;
	memset(x->pos, 0xff, (size_t)c->count * sizeof(*x->pos));
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		x->item[n] = i;
		x->pos[i] = n;
		x->copy_at[n] = (uint32_t)bytes;
		survey(x, n++, &fields, &bytes);
		if (bytes > UINT32_MAX || fields > UINT32_MAX)
			goto oom;
	}
	x->folded = malloc(bytes + 1);
	x->field_at = malloc((fields + 1) * sizeof(*x->field_at));
	x->field_len = malloc((fields + 1) * sizeof(*x->field_len));
	x->runs = malloc((fields + 1) * sizeof(*x->runs));  /* touched as used */
	if (!x->folded || !x->field_at || !x->field_len || !x->runs)
		goto oom;
	copy = x->folded;
	for (uint32_t k = 0; k < n; k++)
		lay_out(x, k, &field, &copy);
	x->first_field[n] = field;
	x->n = n;
	x->size = c->count;
	return true;
oom:
	search_cache_reset(x);
	return false;
}

/* Which byte of q to look for first: the rarest in the text.  In Japanese
 * text most bytes of a query are rare (an ASCII letter, the last byte of
 * a character), and memchr runs at memory speed where comparing at every
 * place ran at a twentieth of it. */
static size_t rarest(const struct search_cache *x, const char *q, size_t qn)
{
	size_t best = 0;

	for (size_t k = 1; k < qn; k++)
		if (x->freq[(unsigned char)q[k]] < x->freq[(unsigned char)q[best]])
			best = k;
	return best;
}

/* The first place of q (qn bytes, its byte `anchor` the rarest) in
 * hay[0..len), or NULL.  q holds no '\0', so a place never spans two
 * fields of a run. */
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

/* The folded fields of position k: copies where there are capitals, the
 * item's own text elsewhere. */
static void folded_fields(const struct search_cache *x, uint32_t k, const char *v[FIELDS])
{
	const char *copy = x->folded + x->copy_at[k];

	item_fields(catalog_item(x->c, x->item[k]), v);
	for (int j = 0; j < FIELDS; j++)
		if (x->copied[k] & (1u << j)) {
			v[j] = copy;
			copy += strlen(copy) + 1;
		}
}

/* Position k holds q, which has letters: in its folded fields. */
static bool folded_holds(const struct search_cache *x, uint32_t k, const char *q, size_t qn,
			 size_t anchor)
{
	const char *v[FIELDS];

	folded_fields(x, k, v);
	for (int j = 0; j < FIELDS; j++)
		if (v[j] && find(v[j], strlen(v[j]), q, qn, anchor))
			return true;
	return false;
}

/* Position k holds q, which has no letters: in its fields as they stand,
 * neighbours scanned as one. */
static bool own_holds(const struct search_cache *x, uint32_t k, const char *q, size_t qn,
		      size_t anchor)
{
	uint32_t f, stop;

	if (x->pos_len[k] != SPLIT)
		return find(x->pos_at[k], x->pos_len[k], q, qn, anchor) != NULL;
	for (f = x->first_field[k], stop = x->first_field[k + 1]; f < stop;) {
		const char *p = x->field_at[f], *end = p + x->field_len[f];

		for (f++; f < stop && x->field_at[f] == end + 1; f++)
			end = x->field_at[f] + x->field_len[f];
		if (find(p, (size_t)(end - p), q, qn, anchor))
			return true;
	}
	return false;
}

/* The positions holding q, which has no letters, into v: one scan a run,
 * going on from the next position's first field after a hit. */
static uint32_t scan_runs(const struct search_cache *x, const char *q, size_t qn, size_t anchor,
			  uint32_t *v)
{
	uint32_t n = 0;

	for (uint32_t r = 0; r < x->run_count; r++) {
		const struct run *run = &x->runs[r];
		const char *at = run->p, *m;
		uint32_t f = run->field, k = run->pos;
		uint32_t stop = r + 1 < x->run_count ? x->runs[r + 1].field : x->first_field[x->n];

		while (at < run->end && (m = find(at, (size_t)(run->end - at), q, qn, anchor))) {
			while (x->field_at[f] + x->field_len[f] < m)
				f++;
			while (x->first_field[k + 1] <= f)
				k++;
			if (!n || v[n - 1] != k)
				v[n++] = k;
			f = x->first_field[k + 1];
			if (f >= stop)
				break;
			at = x->field_at[f];
		}
	}
	return n;
}

/* Positions whose fields hold q (folded, qn > 0): every item, or when the
 * last query is the start of this one, only the last one's hits. */
static bool text_hits(struct search_cache *x, const char *q, size_t qn)
{
	size_t anchor = rarest(x, q, qn);
	bool letters = false;
	uint32_t *v, n = 0;

	for (size_t k = 0; k < qn && !letters; k++)
		letters = is_letter((unsigned char)q[k]);
	if (x->last && !strncmp(x->last, q, strlen(x->last))) {
		for (uint32_t h = 0; h < x->hit_count; h++) {
			uint32_t k = x->hits[h];

			if (letters ? folded_holds(x, k, q, qn, anchor) : own_holds(x, k, q, qn, anchor))
				x->hits[n++] = k;
		}
		x->hit_count = n;
		return true;
	}
	v = malloc(((size_t)x->n + 1) * sizeof(*v));
	if (!v)
		return false;
	if (letters) {
		for (uint32_t k = 0; k < x->n; k++)
			if (folded_holds(x, k, q, qn, anchor))
				v[n++] = k;
	} else {
		n = scan_runs(x, q, qn, anchor, v);
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

/* Position k's id, folded: where the scan has just read it when it can
 * be. */
static const char *folded_id(const struct search_cache *x, uint32_t k)
{
	const char *v[FIELDS];

	if ((x->copied[k] & (ID_FIRST | 1u << FIELD_ID)) == ID_FIRST)
		return x->pos_at[k];
	folded_fields(x, k, v);
	return v[FIELD_ID];
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
	bool ok = false, ids = true;

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
	for (size_t k = 0; k < qn && ids; k++)
		ids = x->id_bytes[(unsigned char)q[k] / 8] & 1u << (unsigned char)q[k] % 8;
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
		 * left to tell. */
		r = ids ? folded_id_rank(folded_id(x, k), x->last, qn) : SEARCH_NONE;
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
