#include "kijun/search.h"

#include <stdlib.h>
#include <string.h>

/* ASCII letters compare without case; everything else byte for byte, so
 * Japanese matches exactly and no locale tables are needed. */
static bool contains(const char *hay, const char *needle, size_t nlen)
{
	if (!hay)
		return false;
	for (; *hay; hay++) {
		size_t k = 0;

		while (k < nlen && hay[k]) {
			unsigned char a = (unsigned char)hay[k], b = (unsigned char)needle[k];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a + 32);
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b + 32);
			if (a != b)
				break;
			k++;
		}
		if (k == nlen)
			return true;
	}
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

enum search_rank search_rank(const struct item *it, const char *query)
{
	size_t n = strlen(query);
	enum search_rank r, own;
	const char *dash;

	if (n == 0)
		return SEARCH_NONE;
	r = id_rank(it->id, query, n);
	/* Part V's controls are "6a-6.1": the guideline numbers them 6.1,
	 * and that is what a user types. */
	dash = it->id ? strchr(it->id, '-') : NULL;
	own = dash ? id_rank(dash + 1, query, n) : SEARCH_NONE;
	if (own > r)
		r = own;
	if (r != SEARCH_NONE)
		return r;
	return item_matches(it, query) ? SEARCH_TEXT : SEARCH_NONE;
}

bool search_collect(const struct catalog *c, const uint8_t *hidden, uint32_t origin,
		    const char *query, uint32_t **out, uint32_t *count)
{
	uint32_t start, n = 0, *v;
	uint8_t *rank;

	*out = NULL;
	*count = 0;
	start = origin == ITEM_NONE ? ITEM_NONE : catalog_next(c, origin);
	if (start == ITEM_NONE)
		start = catalog_first(c);
	if (!query[0] || start == ITEM_NONE)
		return true;
	/* One pass to rank every item, then one per rank to list them. */
	rank = calloc(c->count, 1);
	v = malloc(c->count * sizeof(*v));
	if (!rank || !v) {
		free(rank);
		free(v);
		return false;
	}
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
		if (!hidden || !hidden[i])
			rank[i] = (uint8_t)search_rank(catalog_item(c, i), query);
	for (int r = SEARCH_ID_EXACT; r > SEARCH_NONE; r--) {
		uint32_t i = start;

		do {
			if (rank[i] == r)
				v[n++] = i;
			i = catalog_next(c, i);
			if (i == ITEM_NONE)
				i = catalog_first(c);
		} while (i != start);
	}
	free(rank);
	if (!n) {
		free(v);
		return true;
	}
	*out = v;
	*count = n;
	return true;
}
