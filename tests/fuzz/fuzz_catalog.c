/* libFuzzer target: the catalog reader, and for what it accepts, a write
 * and a second read that must give the same canonical text; the reader of
 * a catalog's first items (the screen's early first frame), whose items
 * must be the whole catalog's first ones; and the search bar's cache,
 * whose hits must be the items item_matches takes (make fuzz). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/catalog_io.h"
#include "kijun/search.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The cache's hits for q, and then for q one byte longer (the next key of
 * a search bar, looked for among the last hits), are what item_matches
 * takes. */
static void check_search(struct search_cache *x, const struct catalog *c, char *q, size_t qn,
			 char next, struct diag_list *d)
{
	for (int round = 0; round < 2; round++) {
		uint32_t *hits, count, taken = 0;

		q[qn] = '\0';
		if (!search_cache_collect(x, c, NULL, ITEM_NONE, q, &hits, &count))
			return;
		for (uint32_t k = 0; k < count; k++)
			if (!item_matches(&c->items[hits[k]], q))
				fuzz_fail("the search cache takes an item that does not match", d);
		for (uint32_t i = 1; i < c->count; i++)
			taken += item_matches(&c->items[i], q);
		if (taken != count)
			fuzz_fail("the search cache misses an item that matches", d);
		free(hits);
		q[qn++] = next ? next : 'x';
	}
}

/* Queries cut from the catalog's own fields, at places the input picks,
 * in the case it has and the other. */
static void fuzz_search(const struct catalog *c, const uint8_t *data, size_t size,
			struct diag_list *d)
{
	struct search_cache *x = search_cache_new();

	for (size_t k = 0; x && k < 6 && k < size && c->count > 1; k++) {
		const struct item *it = &c->items[1 + data[k] % (c->count - 1)];
		const char *f[] = { it->id, it->title, it->title_en, it->text, it->label };
		const char *s = f[data[size - 1 - k] % 5];
		char q[16];
		size_t len, at, qn;

		if (!s || !*s)
			continue;
		len = strlen(s);
		at = (size_t)data[k] * 7 % len;
		qn = 1 + (size_t)data[size - 1 - k] % 8;
		if (qn > len - at)
			qn = len - at;
		memcpy(q, s + at, qn);
		for (size_t b = 0; k % 2 && b < qn; b++)
			if ((q[b] | 0x20) >= 'a' && (q[b] | 0x20) <= 'z')
				q[b] ^= 0x20;
		check_search(x, c, q, qn, s[at + qn], d);
	}
	search_cache_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog c, back;
	struct diag_list d;
	struct strbuf once, twice;

	fuzz_init();
	diag_list_init(&d);
	if (!catalog_read(&c, "fuzz.yaml", (const char *)data, size, &d)) {
		/* A head of a broken text may read (the problem is past
		 * it); it must not crash. */
		if (catalog_read_head(&back, "head.yaml", (const char *)data, size / 2))
			catalog_free(&back);
		fuzz_check_diags(&d);
		diag_list_free(&d);
		return 0;
	}
	for (size_t part = 1; part <= 3; part++) {
		if (!catalog_read_head(&back, "head.yaml", (const char *)data, size * part / 4))
			continue;
		if (back.count > c.count)
			fuzz_fail("a catalog's first items are more than its items", &d);
		for (uint32_t i = 1; i < back.count && i < c.count; i++)
			if (strcmp(back.items[i].id, c.items[i].id) != 0 ||
			    back.items[i].parent != c.items[i].parent)
				fuzz_fail("a catalog's first items are not its first items", &d);
		catalog_free(&back);
	}
	fuzz_search(&c, data, size, &d);
	strbuf_init(&once);
	strbuf_init(&twice);
	if (catalog_write(&c, &once)) {
		/* What kijun writes, kijun reads, and writes the same way. */
		if (!catalog_read(&back, "round.yaml", once.data, once.len, &d))
			fuzz_fail("a written catalog does not read back", &d);
		if (!catalog_write(&back, &twice) || twice.len != once.len ||
		    memcmp(twice.data, once.data, once.len) != 0)
			fuzz_fail("writing a catalog read back gives other text", &d);
		catalog_free(&back);
	}
	strbuf_free(&once);
	strbuf_free(&twice);
	catalog_free(&c);
	diag_list_free(&d);
	return 0;
}
