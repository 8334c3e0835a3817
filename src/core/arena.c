#include "kijun/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

/* size bytes at a multiple of align (a power of two) within a block. */
static void *arena_take(struct arena *a, size_t size, size_t align)
{
	size_t offset = (a->used + align - 1) & ~(align - 1);

	if (!a->head || offset > a->head->size || size > a->head->size - offset) {
		/* Large requests get a block of their own, so a big text
		 * does not waste the rest of the current block. */
		size_t want = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		struct arena_block *b;

		if (want > (size_t)-1 - sizeof(*b))
			return NULL;
		b = malloc(sizeof(*b) + want);
		if (!b)
			return NULL;
		b->size = want;
		if (size > ARENA_BLOCK / 4 && a->head) {
			/* Keep filling the current block afterwards. */
			b->next = a->head->next;
			a->head->next = b;
			a->total += size;
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		offset = 0;
	}
	a->used = offset + size;
	a->total += size;
	return a->head->data + offset;
}

void *arena_alloc(struct arena *a, size_t size)
{
	return arena_take(a, size, alignof(max_align_t));
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p;

	if (len == (size_t)-1)
		return NULL;
	/* Packed: aligning each of a catalog's strings to 16 bytes wasted
	 * 7.5 bytes a string on average. */
	p = arena_take(a, len + 1, 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
