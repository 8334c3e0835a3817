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
