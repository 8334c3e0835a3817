/* A mapping table between two catalogs: rows of source id, target id,
 * relationship and note (docs/mapping-format.md).  Held as read; an item
 * finds its rows on either side, so one table serves both catalogs. */
#ifndef KIJUN_MAPPING_H
#define KIJUN_MAPPING_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/arena.h"

/* OSCAL's mapping relationships, plus a looser one for "bears on". */
enum map_relation {
	MAP_EQUIVALENT,    /* equivalent-to */
	MAP_EQUAL,         /* equal-to */
	MAP_SUBSET,        /* subset-of */
	MAP_SUPERSET,      /* superset-of */
	MAP_INTERSECTS,    /* intersects-with */
	MAP_RELATED,       /* related-to: the default */
	MAP_RELATION_COUNT
};

const char *map_relation_name(enum map_relation r);
/* -1 when the word is none of the names above. */
int map_relation_parse(const char *word);
/* The relation read from the target's side: subset-of becomes superset-of. */
enum map_relation map_relation_inverse(enum map_relation r);

enum map_side { MAP_SOURCE, MAP_TARGET };

struct map_row {
	const char *source, *target;
	const char *note;        /* NULL when none */
	uint32_t line;           /* in its file */
	uint8_t relation;
};

struct mapping {
	const char *name;            /* the file, for messages */
	const char *source_catalog;  /* NULL when the file does not say */
	const char *target_catalog;
	struct map_row *rows;
	uint32_t count, capacity;
	struct arena arena;          /* every string above */
};

void mapping_init(struct mapping *m);
void mapping_free(struct mapping *m);

/* Copies the strings in; false when out of memory. */
bool mapping_add(struct mapping *m, const char *source, const char *target,
		 enum map_relation relation, const char *note, uint32_t line);

/* True when the side may be catalog_id's: the file names that catalog,
 * or names none (a CSV table), so ids alone decide. */
bool mapping_side_is(const struct mapping *m, enum map_side side, const char *catalog_id);

/* The first row at or after *at whose `side` is id, with *at moved past
 * it; NULL when there is none.  Start with *at = 0. */
const struct map_row *mapping_next(const struct mapping *m, enum map_side side,
				   const char *id, uint32_t *at);

#endif
