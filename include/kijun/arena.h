/* A bump allocator for the many small strings of a catalog: one free()
 * releases them all, and 100,000 items do not mean 500,000 mallocs. */
#ifndef KIJUN_ARENA_H
#define KIJUN_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;       /* bytes used in head */
	size_t total;      /* bytes handed out, for memory reports */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);

/* Returns size bytes aligned for any object, or NULL when out of memory. */
void *arena_alloc(struct arena *a, size_t size);

/* Copies s[0..len) and a terminating NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

#endif
