#include "kijun/catalog.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"

static const char *const kind_names[ITEM_KIND_COUNT] = {
	[ITEM_ROOT] = NULL,
	[ITEM_PART] = "part",
	[ITEM_SECTION] = "section",
	[ITEM_CONTROL] = "control",
	[ITEM_DETAIL] = "detail",
	[ITEM_ENTRY] = "entry",
};

const char *item_kind_name(enum item_kind kind)
{
	return (unsigned)kind < ITEM_KIND_COUNT ? kind_names[kind] : NULL;
}

int item_kind_parse(const char *name, enum item_kind *out)
{
	for (int k = ITEM_PART; k < ITEM_KIND_COUNT; k++) {
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (enum item_kind)k;
			return 0;
		}
	}
	return -1;
}

bool item_kind_may_hold(enum item_kind parent, enum item_kind child)
{
	if (child == ITEM_PART)
		return parent == ITEM_ROOT;
	if (parent == ITEM_ENTRY)
		return false;
	if (child == parent)
		return child == ITEM_SECTION || child == ITEM_DETAIL;
	return child > parent;
}

const char *item_kind_label(enum item_kind kind)
{
	switch (kind) {
	case ITEM_PART: return _("part");
	case ITEM_SECTION: return _("section");
	case ITEM_CONTROL: return _("control");
	case ITEM_DETAIL: return _("detailed control");
	case ITEM_ENTRY: return _("list entry");
	default: return "";
	}
}

/* Each slot of the id index is two words: the item's index (ITEM_NONE
 * when empty) and its id's hash.  Probes compare hashes first, so a probe
 * that misses touches neither the item nor its id (cache misses were most
 * of the indexing cost at 100k items), and growing never hashes again. */
enum { SLOT_WORDS = 2 };

static void item_clear(struct item *it, enum item_kind kind)
{
	memset(it, 0, sizeof(*it));
	it->parent = ITEM_NONE;
	it->first_child = ITEM_NONE;
	it->last_child = ITEM_NONE;
	it->next_sibling = ITEM_NONE;
	it->prev_sibling = ITEM_NONE;
	it->kind = (uint8_t)kind;
}

bool catalog_init(struct catalog *c)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
	c->items = malloc(64 * sizeof(*c->items));
	if (!c->items)
		return false;
	c->capacity = 64;
	c->count = 1;
	item_clear(&c->items[0], ITEM_ROOT);
	return true;
}

void catalog_free(struct catalog *c)
{
	free(c->items);
	free(c->slots);
	arena_free(&c->arena);
	memset(c, 0, sizeof(*c));
}

bool catalog_clone(struct catalog *dst, const struct catalog *src)
{
	*dst = *src;
	arena_init(&dst->arena);
	dst->items = malloc((size_t)src->capacity * sizeof(*dst->items));
	dst->slots = src->slot_count
		? malloc((size_t)src->slot_count * SLOT_WORDS * sizeof(*dst->slots)) : NULL;
	if (!dst->items || (src->slot_count && !dst->slots)) {
		free(dst->items);
		free(dst->slots);
		dst->items = NULL;
		dst->slots = NULL;
		dst->count = dst->capacity = dst->slot_count = 0;
		return false;
	}
	memcpy(dst->items, src->items, (size_t)src->count * sizeof(*dst->items));
	if (src->slot_count)
		memcpy(dst->slots, src->slots,
		       (size_t)src->slot_count * SLOT_WORDS * sizeof(*dst->slots));
	return true;
}

void catalog_take(struct catalog *dst, struct catalog *src)
{
	*dst = *src;
	arena_init(&dst->arena);
	src->items = NULL;
	src->slots = NULL;
	src->count = src->capacity = src->slot_count = src->indexed = 0;
}

static uint32_t catalog_new_item(struct catalog *c, enum item_kind kind)
{
	if (c->count == c->capacity) {
		uint32_t cap;
		struct item *items;

		if (c->capacity >= UINT32_MAX / 2)
			return ITEM_NONE;
		cap = c->capacity * 2;
		items = realloc(c->items, (size_t)cap * sizeof(*items));
		if (!items)
			return ITEM_NONE;
		c->items = items;
		c->capacity = cap;
	}
	item_clear(&c->items[c->count], kind);
	return c->count++;
}

uint32_t catalog_append(struct catalog *c, uint32_t parent, enum item_kind kind)
{
	uint32_t i = catalog_new_item(c, kind);
	struct item *it, *p;

	if (i == ITEM_NONE)
		return ITEM_NONE;
	it = &c->items[i];
	p = &c->items[parent];
	it->parent = parent;
	it->depth = (uint16_t)(p->depth + 1);
	it->prev_sibling = p->last_child;
	if (p->last_child != ITEM_NONE)
		c->items[p->last_child].next_sibling = i;
	else
		p->first_child = i;
	p->last_child = i;
	p->child_count++;
	return i;
}

uint32_t catalog_insert_after(struct catalog *c, uint32_t sibling, enum item_kind kind)
{
	uint32_t i = catalog_new_item(c, kind);
	struct item *it, *s, *p;

	if (i == ITEM_NONE)
		return ITEM_NONE;
	it = &c->items[i];
	s = &c->items[sibling];
	p = &c->items[s->parent];
	it->parent = s->parent;
	it->depth = s->depth;
	it->prev_sibling = sibling;
	it->next_sibling = s->next_sibling;
	if (s->next_sibling != ITEM_NONE)
		c->items[s->next_sibling].prev_sibling = i;
	else
		p->last_child = i;
	s->next_sibling = i;
	p->child_count++;
	return i;
}

/* FNV-1a: short ids, few collisions, no setup. */
static uint32_t hash_id(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static bool index_grow(struct catalog *c)
{
	uint32_t n = c->slot_count ? c->slot_count * 2 : 256;
	uint32_t *slots;

	if (c->slot_count >= UINT32_MAX / 8)
		return false;
	slots = malloc((size_t)n * SLOT_WORDS * sizeof(*slots));
	if (!slots)
		return false;
	memset(slots, 0xFF, (size_t)n * SLOT_WORDS * sizeof(*slots));
	for (uint32_t s = 0; s < c->slot_count; s++) {
		uint32_t i = c->slots[SLOT_WORDS * s], hash = c->slots[SLOT_WORDS * s + 1], h;

		if (i == ITEM_NONE)
			continue;
		h = hash & (n - 1);
		while (slots[SLOT_WORDS * h] != ITEM_NONE)
			h = (h + 1) & (n - 1);
		slots[SLOT_WORDS * h] = i;
		slots[SLOT_WORDS * h + 1] = hash;
	}
	free(c->slots);
	c->slots = slots;
	c->slot_count = n;
	return true;
}

/* The slot holding id, or the empty slot where it would go. */
static uint32_t index_probe(const struct catalog *c, const char *id, uint32_t hash)
{
	uint32_t mask = c->slot_count - 1, h = hash & mask;

	for (;; h = (h + 1) & mask) {
		uint32_t other = c->slots[SLOT_WORDS * h];

		if (other == ITEM_NONE)
			return h;
		if (c->slots[SLOT_WORDS * h + 1] == hash && strcmp(c->items[other].id, id) == 0)
			return h;
	}
}

uint32_t catalog_index_id(struct catalog *c, uint32_t i, bool *oom)
{
	const char *id = c->items[i].id;
	uint32_t hash, h;

	*oom = false;
	if (!id)
		return ITEM_NONE;
	/* Keep the table at most half full so probes stay short. */
	if ((c->indexed + 1) * 2 > c->slot_count && !index_grow(c)) {
		*oom = true;
		return ITEM_NONE;
	}
	hash = hash_id(id);
	h = index_probe(c, id, hash);
	if (c->slots[SLOT_WORDS * h] != ITEM_NONE)
		return c->slots[SLOT_WORDS * h];
	c->slots[SLOT_WORDS * h] = i;
	c->slots[SLOT_WORDS * h + 1] = hash;
	c->indexed++;
	return ITEM_NONE;
}

uint32_t catalog_find(const struct catalog *c, const char *id)
{
	if (!c->slot_count || !id)
		return ITEM_NONE;
	return c->slots[SLOT_WORDS * index_probe(c, id, hash_id(id))];
}

uint32_t catalog_next(const struct catalog *c, uint32_t i)
{
	const struct item *it = &c->items[i];

	if (it->first_child != ITEM_NONE)
		return it->first_child;
	while (i != ITEM_ROOT_INDEX && i != ITEM_NONE) {
		if (c->items[i].next_sibling != ITEM_NONE)
			return c->items[i].next_sibling;
		i = c->items[i].parent;
	}
	return ITEM_NONE;
}

static uint32_t deepest_last(const struct catalog *c, uint32_t i)
{
	while (c->items[i].last_child != ITEM_NONE)
		i = c->items[i].last_child;
	return i;
}

uint32_t catalog_prev(const struct catalog *c, uint32_t i)
{
	const struct item *it = &c->items[i];

	if (it->prev_sibling != ITEM_NONE)
		return deepest_last(c, it->prev_sibling);
	if (it->parent == ITEM_ROOT_INDEX || it->parent == ITEM_NONE)
		return ITEM_NONE;
	return it->parent;
}

uint32_t catalog_last(const struct catalog *c)
{
	return c->count > 1 ? deepest_last(c, ITEM_ROOT_INDEX) : ITEM_NONE;
}

bool catalog_is_within(const struct catalog *c, uint32_t i, uint32_t ancestor)
{
	while (i != ITEM_NONE) {
		if (i == ancestor)
			return true;
		i = c->items[i].parent;
	}
	return false;
}

int catalog_type_find(const struct catalog *c, const char *id)
{
	for (uint32_t t = 0; t < c->type_count; t++)
		if (strcmp(c->types[t].id, id) == 0)
			return (int)t;
	return -1;
}

int attr_type_value_find(const struct attr_type *t, const char *id)
{
	for (uint32_t v = 0; v < t->value_count; v++)
		if (strcmp(t->values[v].id, id) == 0)
			return (int)v;
	return -1;
}

static const char *pick(const char *ja, const char *en)
{
	if (i18n_language() == LANGUAGE_EN && en && *en)
		return en;
	return ja && *ja ? ja : en;
}

const char *attr_type_label(const struct attr_type *t)
{
	return pick(t->label, t->label_en);
}

const char *attr_value_label(const struct attr_value *v)
{
	return pick(v->label, v->label_en);
}

const char *item_title(const struct item *it)
{
	return pick(it->title, it->title_en);
}

const char *item_display_title(const struct item *it)
{
	const char *t = item_title(it);

	if (t && *t)
		return t;
	return it->text ? it->text : "";
}
