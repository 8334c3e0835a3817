/* Finding items by id or text, as `/` in the browser does: an exact id
 * first, then ids that start with the query, then any text. */
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

/* How an item matches a query, best last. */
enum search_rank {
	SEARCH_NONE,
	SEARCH_TEXT,       /* somewhere in its id, label, titles or text */
	SEARCH_ID_PREFIX,  /* its id starts with the query: 3.2 -> 3.2.1 */
	SEARCH_ID_EXACT,   /* its id is the query: 3.2 -> 3.2, not 3.1.3.2;
			    * or its number after the section: 6.1 -> 6a-6.1 */
};

/* How well the item matches; ASCII letters without regard to case. */
enum search_rank search_rank(const struct item *it, const char *query);

/* Every matching item, best rank first; within a rank in document order
 * from just after `origin`, wrapping round (origin itself last; from the
 * first item when origin is ITEM_NONE).  Items with hidden[i] set are
 * left out; hidden may be NULL.  *out is malloc'd (NULL when nothing
 * matches) and *count set.  False only when out of memory. */
bool search_collect(const struct catalog *c, const uint8_t *hidden, uint32_t origin,
		    const char *query, uint32_t **out, uint32_t *count);

/* What makes search_collect fast when it is asked again and again, as a
 * search bar does on every key: the items in document order, a folded copy
 * of every field that has ASCII capitals (built on first use; the other
 * fields are read where they stand), a sample of the texts' bytes to pick
 * the query's rarest byte to scan for, and the last query's hits, so a
 * query that extends it looks only among those.  It points into the
 * catalog's strings, so the owner must reset it whenever the catalog
 * changes or is freed; a cache seen with another catalog (or one of
 * another size) builds itself again. */
struct search_cache;

/* NULL when out of memory. */
struct search_cache *search_cache_new(void);
void search_cache_free(struct search_cache *x);
/* The catalog changed: fold again on the next search.  x may be NULL. */
void search_cache_reset(struct search_cache *x);
/* Folds c's texts now, if not done for it yet (tens of milliseconds on
 * 100k items): for a caller about to search, so that no keystroke pays it.
 * False when out of memory. */
bool search_cache_prepare(struct search_cache *x, const struct catalog *c);
/* search_collect through the cache. */
bool search_cache_collect(struct search_cache *x, const struct catalog *c,
			  const uint8_t *hidden, uint32_t origin, const char *query,
			  uint32_t **out, uint32_t *count);

#endif
