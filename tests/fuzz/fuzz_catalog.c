/* libFuzzer target: the catalog reader, and for what it accepts, a write
 * and a second read that must give the same canonical text; and the
 * reader of a catalog's first items (the screen's early first frame), whose
 * items must be the whole catalog's first ones (make fuzz). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/catalog_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
