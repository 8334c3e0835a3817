/* libFuzzer target: kijun's own YAML writer against libyaml's emitter
 * (make fuzz).  The first byte picks where the texts sit (and how deep);
 * the rest, split at NULs, is up to three texts.  Whenever the direct
 * writer claims the document, its bytes must be the emitter's. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "../../src/io/yaml_writer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void write_shape(struct ywriter *w, unsigned shape, const char *const s[3])
{
	yw_mapping_begin(w);
	switch (shape % 5) {
	case 0:  /* values beside each other: kept breaks before others */
		yw_pair(w, "a", s[0]);
		yw_pair(w, "b", s[1]);
		yw_pair(w, "c", s[2]);
		break;
	case 1:  /* deep in items, as a catalog holds them */
		yw_string(w, "items");
		yw_sequence_begin(w);
		yw_mapping_begin(w);
		yw_pair(w, "text", s[0]);
		yw_string(w, "items");
		yw_sequence_begin(w);
		yw_mapping_begin(w);
		yw_pair(w, "title", s[1]);
		yw_string(w, "references");
		yw_sequence_begin(w);
		yw_string(w, s[2]);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_sequence_end(w);
		break;
	case 2:  /* keys */
		yw_pair(w, s[0], s[1]);
		yw_string(w, "attributes");
		yw_mapping_begin(w);
		yw_string(w, s[2]);
		yw_sequence_begin(w);
		yw_string(w, s[0]);
		yw_sequence_end(w);
		yw_mapping_end(w);
		break;
	case 4:  /* items in items, up to 50 deep */
		yw_string(w, "items");
		yw_sequence_begin(w);
		for (unsigned k = 0; k < shape / 5; k++) {
			yw_mapping_begin(w);
			yw_pair(w, "text", s[k % 3]);
			yw_string(w, "items");
			yw_sequence_begin(w);
		}
		yw_string(w, s[2]);
		for (unsigned k = 0; k < shape / 5; k++) {
			yw_sequence_end(w);
			yw_mapping_end(w);
		}
		yw_sequence_end(w);
		break;
	default:  /* items of a sequence, beside empty collections */
		yw_string(w, "seq");
		yw_sequence_begin(w);
		yw_string(w, s[0]);
		yw_sequence_begin(w);
		yw_sequence_end(w);
		yw_string(w, s[1]);
		yw_mapping_begin(w);
		yw_mapping_end(w);
		yw_string(w, s[2]);
		yw_sequence_end(w);
		break;
	}
	yw_mapping_end(w);
}

static bool write_doc(enum yw_mode mode, unsigned shape, const char *const s[3],
		      struct strbuf *out)
{
	struct ywriter w;

	if (!yw_open_mode(&w, mode, yw_append, out)) {
		yw_close(&w);
		return false;
	}
	write_shape(&w, shape, s);
	return yw_close(&w) && !out->failed;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf probe, emitted, direct;
	const char *s[3] = { "", "", "" };
	char *text;
	size_t at = 0;

	fuzz_init();
	if (size < 1)
		return 0;
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	for (int k = 0; k < 3 && at < size; k++) {
		s[k] = text + at;
		at += strlen(text + at) + 1;
	}
	strbuf_init(&probe);
	strbuf_init(&emitted);
	strbuf_init(&direct);
	if (write_doc(YW_PROBE, data[0], s, &probe)) {
		bool emitted_ok = write_doc(YW_EMIT, data[0], s, &emitted);

		if (probe.len)
			fuzz_fail("the probe wrote", NULL);
		if (!write_doc(YW_DIRECT, data[0], s, &direct))
			fuzz_fail("the direct writer failed on what its probe claimed", NULL);
		if (!emitted_ok)
			fuzz_fail("the direct writer claimed what the emitter refuses", NULL);
		if (direct.len != emitted.len || memcmp(direct.data, emitted.data, direct.len) != 0)
			fuzz_fail("the direct writer differs from the emitter", NULL);
	}
	strbuf_free(&probe);
	strbuf_free(&emitted);
	strbuf_free(&direct);
	free(text);
	return 0;
}
