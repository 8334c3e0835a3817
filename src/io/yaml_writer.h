/* Deterministic YAML output: block style, UTF-8 as is, no line folding,
 * multi-line text as literal blocks, and quotes only where a reader would
 * otherwise take the text for a number, a date, a boolean or nothing.  The
 * same model always gives the same bytes.
 *
 * The bytes are libyaml's emitter's; YW_DIRECT writes the same bytes
 * without it (yaml_direct.h, several times faster) for documents a YW_PROBE
 * pass over the same calls accepted. */
#ifndef KIJUN_YAML_WRITER_H
#define KIJUN_YAML_WRITER_H

#include <stdbool.h>
#include <yaml.h>

#include "kijun/catalog.h"
#include "kijun/strbuf.h"
#include "yaml_direct.h"

enum yw_mode {
	YW_EMIT,    /* through libyaml's emitter */
	YW_DIRECT,  /* kijun's own writer: only after a probe said yes */
	YW_PROBE,   /* writes nothing; yw_close is true when every call
		     * could be written YW_DIRECT */
};

struct ywriter {
	enum yw_mode mode;
	yaml_emitter_t emitter;
	struct yaml_direct direct;
	struct strbuf *out;      /* yw_open's, or NULL */
	yw_sink sink;
	void *sink_ctx;
	bool failed;
};

/* A sink that appends to the struct strbuf at ctx. */
int yw_append(void *ctx, const char *data, size_t len);

/* Appends to out. */
bool yw_open(struct ywriter *w, struct strbuf *out);
/* Hands the text to sink piece by piece, so it is never held whole (a
 * catalog's canonical form is as large as its file). */
bool yw_open_sink(struct ywriter *w, yw_sink sink, void *ctx);
/* Either, in a mode (sink is not used by YW_PROBE). */
bool yw_open_mode(struct ywriter *w, enum yw_mode mode, yw_sink sink, void *ctx);
/* Ends the document; false if anything failed on the way. */
bool yw_close(struct ywriter *w);

void yw_mapping_begin(struct ywriter *w);
void yw_mapping_end(struct ywriter *w);
void yw_sequence_begin(struct ywriter *w);
void yw_sequence_end(struct ywriter *w);
void yw_string(struct ywriter *w, const char *s);
/* A key and a whole number, written plain so it reads back as one. */
void yw_int(struct ywriter *w, const char *key, long value);
/* A key and true or false, plain. */
void yw_bool(struct ywriter *w, const char *key, bool value);
/* A key and its text value; nothing when value is NULL. */
void yw_pair(struct ywriter *w, const char *key, const char *value);

/* The attribute_types list of catalogs and tailorings. */
void yw_attr_types(struct ywriter *w, const struct attr_type *types, uint32_t count);

#endif
