/* Mapping tables between catalogs (mapping.h). */
#include "kijun/mapping.h"

#include <stdlib.h>
#include <string.h>

static const char *const relation_names[MAP_RELATION_COUNT] = {
	[MAP_EQUIVALENT] = "equivalent-to",
	[MAP_EQUAL] = "equal-to",
	[MAP_SUBSET] = "subset-of",
	[MAP_SUPERSET] = "superset-of",
	[MAP_INTERSECTS] = "intersects-with",
	[MAP_RELATED] = "related-to",
};

const char *map_relation_name(enum map_relation r)
{
	return (unsigned)r < MAP_RELATION_COUNT ? relation_names[r] : "";
}

int map_relation_parse(const char *word)
{
	for (int r = 0; word && r < MAP_RELATION_COUNT; r++)
		if (!strcmp(word, relation_names[r]))
			return r;
	return -1;
}

enum map_relation map_relation_inverse(enum map_relation r)
{
	if (r == MAP_SUBSET)
		return MAP_SUPERSET;
	if (r == MAP_SUPERSET)
		return MAP_SUBSET;
	return r;
}

void mapping_init(struct mapping *m)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
}

void mapping_free(struct mapping *m)
{
	free(m->rows);
	arena_free(&m->arena);
	memset(m, 0, sizeof(*m));
}

bool mapping_add(struct mapping *m, const char *source, const char *target,
		 enum map_relation relation, const char *note, uint32_t line)
{
	struct map_row *r;

	if (m->count == m->capacity) {
		uint32_t cap = m->capacity ? m->capacity * 2 : 64;
		struct map_row *v = realloc(m->rows, cap * sizeof(*v));

		if (!v)
			return false;
		m->rows = v;
		m->capacity = cap;
	}
	r = &m->rows[m->count];
	r->source = arena_strdup(&m->arena, source);
	r->target = arena_strdup(&m->arena, target);
	r->note = note && *note ? arena_strdup(&m->arena, note) : NULL;
	r->line = line;
	r->relation = (uint8_t)relation;
	if (!r->source || !r->target || (note && *note && !r->note))
		return false;
	m->count++;
	return true;
}

bool mapping_side_is(const struct mapping *m, enum map_side side, const char *catalog_id)
{
	const char *named = side == MAP_SOURCE ? m->source_catalog : m->target_catalog;

	return !named || (catalog_id && !strcmp(named, catalog_id));
}

const struct map_row *mapping_next(const struct mapping *m, enum map_side side,
				   const char *id, uint32_t *at)
{
	for (; id && *at < m->count; (*at)++) {
		const struct map_row *r = &m->rows[*at];

		if (!strcmp(side == MAP_SOURCE ? r->source : r->target, id)) {
			(*at)++;
			return r;
		}
	}
	return NULL;
}
