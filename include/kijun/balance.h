/* The balance of the kept controls (guideline III.2, 表1): how many carry
 * each control type (予防/検知/是正), each of C/I/A, each concept and each
 * security domain, so that an empty or thin cell shows: a catalog with
 * no 是正 control, or one domain with a single control.  Counting only;
 * the views word and draw it. */
#ifndef KIJUN_BALANCE_H
#define KIJUN_BALANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"

/* The four ISO/IEC 27002:2022 types the balance counts, by their ids. */
enum balance_dim {
	BALANCE_CONTROL_TYPE,  /* control_type */
	BALANCE_PROPERTIES,    /* properties: C/I/A */
	BALANCE_CONCEPTS,      /* concepts */
	BALANCE_DOMAINS,       /* domains */
	BALANCE_DIM_COUNT
};

/* A cell below this share of the counted controls (percent), or below
 * BALANCE_THIN_MIN controls, is thin: 5% of ISO's 93 is 4 controls. */
#define BALANCE_THIN_PERCENT 5
#define BALANCE_THIN_MIN 1

struct balance {
	uint32_t total;                    /* controls counted */
	int type[BALANCE_DIM_COUNT];       /* index into the catalog's types; -1: absent */
	uint32_t *count[BALANCE_DIM_COUNT];  /* per value of that type; NULL when absent */
	uint32_t value_count[BALANCE_DIM_COUNT];
};

/* The type id a dimension counts ("control_type" ...). */
const char *balance_dim_type_id(enum balance_dim d);

/* Counts c's items that carry any attribute value, leaving out those
 * with skip[i] set (skip may be NULL).  False when out of memory (b is
 * then safe to free). */
bool balance_build(struct balance *b, const struct catalog *c, const uint8_t *skip);
void balance_free(struct balance *b);

/* True when n of the counted controls is a thin cell (0 is empty, and
 * thin too).  Never thin when nothing was counted. */
bool balance_is_thin(const struct balance *b, uint32_t n);

/* True when the catalog has the control type Corrective and no counted
 * control carries it: the guideline's balance is then worth a warning. */
bool balance_lacks_corrective(const struct balance *b, const struct catalog *c);

#endif
