/* Counting the kept controls by four attribute types; see balance.h. */
#include "kijun/balance.h"

#include <stdlib.h>

static const char *const dim_ids[BALANCE_DIM_COUNT] = {
	"control_type", "properties", "concepts", "domains",
};

const char *balance_dim_type_id(enum balance_dim d)
{
	return d < BALANCE_DIM_COUNT ? dim_ids[d] : "";
}

bool balance_build(struct balance *b, const struct catalog *c, const uint8_t *skip)
{
	*b = (struct balance){ 0 };
	for (int d = 0; d < BALANCE_DIM_COUNT; d++) {
		int t = catalog_type_find(c, dim_ids[d]);

		b->type[d] = t;
		if (t < 0)
			continue;
		b->value_count[d] = c->types[t].value_count;
		b->count[d] = calloc(b->value_count[d] ? b->value_count[d] : 1, sizeof(uint32_t));
		if (!b->count[d])
			return false;
	}
	for (uint32_t i = 1; i < c->count; i++) {
		const struct item *it = catalog_item(c, i);

		if ((skip && skip[i]) || it->attr_count == 0)
			continue;
		b->total++;
		for (uint32_t k = 0; k < it->attr_count; k++) {
			const struct attr_ref *a = &it->attrs[k];

			for (int d = 0; d < BALANCE_DIM_COUNT; d++)
				if (b->type[d] == (int)a->type && a->value < b->value_count[d])
					b->count[d][a->value]++;
		}
	}
	return true;
}

void balance_free(struct balance *b)
{
	for (int d = 0; d < BALANCE_DIM_COUNT; d++) {
		free(b->count[d]);
		b->count[d] = NULL;
	}
}

bool balance_is_thin(const struct balance *b, uint32_t n)
{
	if (b->total == 0)
		return false;
	return n < BALANCE_THIN_MIN ||
	       (uint64_t)n * 100 < (uint64_t)b->total * BALANCE_THIN_PERCENT;
}

bool balance_lacks_corrective(const struct balance *b, const struct catalog *c)
{
	int t = b->type[BALANCE_CONTROL_TYPE], v;

	if (t < 0 || b->total == 0)
		return false;
	v = attr_type_value_find(&c->types[t], "Corrective");
	return v >= 0 && b->count[BALANCE_CONTROL_TYPE][v] == 0;
}
