/* libFuzzer target: the tailoring reader, and for what it accepts, its
 * resolution against the built-in catalog, a write-read round trip, and
 * the diff of every reworded text against its base (make fuzz). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/catalog_io.h"
#include "kijun/diff.h"
#include "kijun/problem.h"
#include "kijun/resolve.h"
#include "kijun/tailoring_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalog base;

static void resolve_and_walk(const struct tailoring *t)
{
	struct resolution r;
	struct diff d;

	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	if (!resolve_apply(&r, &base, NULL, t))
		return;
	for (uint32_t i = catalog_first(&r.cat); i != ITEM_NONE; i = catalog_next(&r.cat, i)) {
		const struct item *now = catalog_item(&r.cat, i);
		uint32_t was = catalog_find(&base, now->id);

		(void)resolved_status_mark(&r, i);
		(void)resolved_is_out(&r, i);
		if (was != ITEM_NONE && now->text && catalog_item(&base, was)->text)
			diff_compute(catalog_item(&base, was)->text, now->text, &d);
	}
	/* Conflicts are codes: each must have a name, and its words come
	 * from the file, which the views sanitize. */
	for (uint32_t k = 0; k < r.conflict_count; k++)
		if (!problem_code_name(r.conflicts[k].problem.code))
			__builtin_trap();
	diff_free(&d);
	resolution_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tailoring t, back;
	struct diag_list d;
	struct strbuf once, twice;

	fuzz_init();
	diag_list_init(&d);
	if (!base.count && !catalog_load_builtin(&base, &d))
		fuzz_fail("the built-in catalog does not load", &d);
	if (!tailoring_read(&t, "fuzz.yaml", (const char *)data, size, &d)) {
		fuzz_check_diags(&d);
		diag_list_free(&d);
		return 0;
	}
	resolve_and_walk(&t);
	strbuf_init(&once);
	strbuf_init(&twice);
	if (tailoring_write(&t, &once)) {
		if (!tailoring_read(&back, "round.yaml", once.data, once.len, &d))
			fuzz_fail("a written tailoring does not read back", &d);
		if (!tailoring_write(&back, &twice) || twice.len != once.len ||
		    memcmp(twice.data, once.data, once.len) != 0)
			fuzz_fail("writing a tailoring read back gives other text", &d);
		tailoring_free(&back);
	}
	strbuf_free(&once);
	strbuf_free(&twice);
	tailoring_free(&t);
	diag_list_free(&d);
	return 0;
}
