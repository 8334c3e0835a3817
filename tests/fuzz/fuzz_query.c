/* libFuzzer target: the query parser (make fuzz).  Any input either
 * compiles, and then matches every item of the built-in catalog without
 * fault, or is refused with a code and a column inside the text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/catalog_io.h"
#include "kijun/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalog cat;
	static bool loaded;
	struct query_error e;
	struct query *q;
	char *text;

	fuzz_init();
	if (!loaded) {
		struct diag_list d;

		diag_list_init(&d);
		if (!catalog_load_builtin(&cat, &d))
			fuzz_fail("the built-in catalog does not load", &d);
		diag_list_free(&d);
		loaded = true;
	}
	text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	q = query_compile(text, &cat, &e);
	if (q) {
		if (e.code != QUERY_OK || strcmp(query_text(q), text) != 0)
			fuzz_fail("a compiled query with an error, or another text", NULL);
		for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i))
			(void)query_match(q, &cat, i, NULL);
		query_free(q);
	} else if (e.code == QUERY_OK || e.code >= QUERY_CODE_COUNT || e.column < 1 ||
		   e.column > strlen(text) + 1 || e.length < 1) {
		fuzz_fail("a refused query without a code, or a column outside it", NULL);
	} else if (strlen(e.word) >= sizeof(e.word)) {
		fuzz_fail("the error's word is not terminated", NULL);
	}
	free(text);
	return 0;
}
