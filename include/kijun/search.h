/* Finding items by id or text, as `/` in the browser does. */
#ifndef KIJUN_SEARCH_H
#define KIJUN_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"

/* True when query occurs in the item's id, label, titles or text.  ASCII
 * letters match without regard to case. */
bool item_matches(const struct item *it, const char *query);

/* The next (or previous) matching item after `from` in document order,
 * wrapping around the end once (then *wrapped is set); `from` itself is
 * tried last.  With from == ITEM_NONE the search starts at the first (or
 * last) item and includes it.  ITEM_NONE when nothing matches. */
uint32_t catalog_search(const struct catalog *c, uint32_t from, const char *query,
			bool forward, bool *wrapped);

#endif
