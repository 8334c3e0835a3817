/* The balance view's lines (B), laid out without curses so they can be
 * unit-tested: a heading, a warning when no kept control is corrective,
 * then per dimension its type and one line per value with the count, a
 * bar and, for empty or thin cells, a word that says so. */
#ifndef KIJUN_BALANCE_PAGE_H
#define KIJUN_BALANCE_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/balance.h"
#include "kijun/catalog.h"

enum balance_line_kind {
	BLINE_BLANK,
	BLINE_HEADING,
	BLINE_NOTE,      /* the keys, the filter */
	BLINE_WARNING,   /* no 是正 control, no attribute types */
	BLINE_TYPE,      /* a dimension's type label */
	BLINE_COUNT,     /* one value and its count: Enter filters by it */
};

struct balance_line {
	char text[320];
	uint8_t kind;        /* enum balance_line_kind */
	uint8_t dim;         /* enum balance_dim, for count lines */
	bool thin;           /* empty or thin: it stands out */
	uint32_t value;      /* the value's index in its type */
	uint32_t count;
};

struct balance_page {
	struct balance_line *lines;
	size_t count;
};

/* Lays out b (counted over c) for `width` cells.  False when out of
 * memory (p is then safe to free). */
bool balance_page_build(struct balance_page *p, const struct catalog *c,
			const struct balance *b, int width);
void balance_page_free(struct balance_page *p);

/* The query that picks the controls behind count line k, as the filter
 * takes it: in the interface language's labels (管理策タイプ:是正, spaces
 * as _), or with by_id the ids (control_type:Corrective), which always
 * parse where a label might not (an organization's label with a colon).
 * False for other lines. */
bool balance_page_query(const struct balance_page *p, const struct catalog *c,
			const struct balance *b, size_t k, bool by_id, char *out, size_t size);

#endif
