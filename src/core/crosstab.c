/* Two passes over the items: count each cell, then fill them, so the
 * table is two allocations however large the catalog. */
#include "kijun/crosstab.h"

#include <stdlib.h>
#include <string.h>

/* The cells an item falls in, one per (row value, column value) pair it
 * carries, at most cap of them (a value listed twice counts once). */
static uint32_t pairs(const struct item *it, uint32_t rt, uint32_t ct, uint32_t cols,
		      uint32_t *cells, uint32_t cap)
{
	uint32_t n = 0;

	for (uint32_t a = 0; a < it->attr_count; a++) {
		if (it->attrs[a].type != rt)
			continue;
		for (uint32_t b = 0; b < it->attr_count; b++) {
			uint32_t cell = it->attrs[a].value * cols + it->attrs[b].value;
			bool seen = false;

			if (it->attrs[b].type != ct)
				continue;
			for (uint32_t k = 0; k < n && !seen; k++)
				seen = cells[k] == cell;
			if (!seen && n < cap)
				cells[n++] = cell;
		}
	}
	return n;
}

bool crosstab_build(struct crosstab *x, const struct catalog *c, uint32_t row_type,
		    uint32_t col_type, const uint8_t *skip)
{
	uint32_t ncell, total = 0, *fill, *cells;

	memset(x, 0, sizeof(*x));
	if (row_type >= c->type_count || col_type >= c->type_count)
		return false;
	x->row_type = row_type;
	x->col_type = col_type;
	x->rows = c->types[row_type].value_count;
	x->cols = c->types[col_type].value_count;
	ncell = x->rows * x->cols;
	x->start = calloc(ncell + 1, sizeof(*x->start));
	fill = calloc(ncell + 1, sizeof(*fill));
	cells = malloc((size_t)x->rows * x->cols * sizeof(*cells) + sizeof(*cells));
	if (!x->start || !fill || !cells)
		goto oom;
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		uint32_t n;

		if (skip && skip[i])
			continue;
		n = pairs(catalog_item(c, i), row_type, col_type, x->cols, cells, ncell);
		for (uint32_t k = 0; k < n; k++)
			x->start[cells[k] + 1]++;
		total += n;
		x->total += n > 0;
	}
	for (uint32_t k = 0; k < ncell; k++)
		x->start[k + 1] += x->start[k];
	x->items = malloc((total ? total : 1) * sizeof(*x->items));
	if (!x->items)
		goto oom;
	memcpy(fill, x->start, (ncell + 1) * sizeof(*fill));
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		uint32_t n;

		if (skip && skip[i])
			continue;
		n = pairs(catalog_item(c, i), row_type, col_type, x->cols, cells, ncell);
		for (uint32_t k = 0; k < n; k++)
			x->items[fill[cells[k]]++] = i;
	}
	free(fill);
	free(cells);
	return true;
oom:
	free(fill);
	free(cells);
	crosstab_free(x);
	return false;
}

void crosstab_free(struct crosstab *x)
{
	free(x->start);
	free(x->items);
	memset(x, 0, sizeof(*x));
}
