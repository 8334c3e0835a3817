/* A cross-tabulation of items by two attribute types, as the guideline's
 * 表2 sets concepts against operational capabilities: one row per value of
 * the row type, one column per value of the column type, each cell the
 * items carrying both values, in catalog order.  An item with two values
 * of a type sits in both rows (or columns). */
#ifndef KIJUN_CROSSTAB_H
#define KIJUN_CROSSTAB_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"

struct crosstab {
	uint32_t row_type, col_type;   /* indexes into the catalog's types */
	uint32_t rows, cols;           /* their value counts */
	uint32_t *start;               /* rows * cols + 1 offsets into items */
	uint32_t *items;               /* item indexes, cell after cell */
	uint32_t total;                /* distinct items counted */
};

/* Builds the table over c's items, leaving out those with skip[i] set
 * (skip may be NULL: every item).  False when out of memory or when a
 * type index is out of range (x is then safe to free). */
bool crosstab_build(struct crosstab *x, const struct catalog *c, uint32_t row_type,
		    uint32_t col_type, const uint8_t *skip);
void crosstab_free(struct crosstab *x);

/* The items of cell (row value r, column value k), and how many. */
static inline const uint32_t *crosstab_cell(const struct crosstab *x, uint32_t r,
					    uint32_t k, uint32_t *count)
{
	uint32_t cell = r * x->cols + k;

	*count = x->start[cell + 1] - x->start[cell];
	return x->items + x->start[cell];
}

#endif
