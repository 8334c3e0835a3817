#include "kijun/search.h"

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
