/* libFuzzer target: the evaluation reader, and for what it accepts, the
 * rules it must hold (no result better than its findings allow) and a
 * byte-identical write-read-write round trip (make fuzz). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "kijun/evaluation_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct evaluation e, back;
	struct diag_list d;
	struct strbuf once, twice;

	fuzz_init();
	diag_list_init(&d);
	if (!evaluation_read(&e, "fuzz.yaml", (const char *)data, size, &d)) {
		fuzz_check_diags(&d);
		diag_list_free(&d);
		evaluation_free(&e);
		return 0;
	}
	for (uint32_t k = 0; k < e.count; k++)
		if (!evaluation_result_allowed(&e.items[k], (enum eval_result)e.items[k].result))
			fuzz_fail("an evaluation read with a result its findings forbid", &d);
	strbuf_init(&once);
	strbuf_init(&twice);
	if (evaluation_write(&e, &once)) {
		if (!evaluation_read(&back, "round.yaml", once.data, once.len, &d))
			fuzz_fail("a written evaluation does not read back", &d);
		if (!evaluation_write(&back, &twice) || twice.len != once.len ||
		    memcmp(twice.data, once.data, once.len) != 0)
			fuzz_fail("writing an evaluation read back gives other text", &d);
		evaluation_free(&back);
	}
	strbuf_free(&once);
	strbuf_free(&twice);
	evaluation_free(&e);
	diag_list_free(&d);
	return 0;
}
