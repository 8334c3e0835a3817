/* Deterministic YAML output through libyaml's emitter: block style, UTF-8
 * as is, no line folding, multi-line text as literal blocks, and quotes only
 * where a reader would otherwise take the text for a number, a date, a
 * boolean or nothing.  The same model always gives the same bytes. */
#ifndef KIJUN_YAML_WRITER_H
#define KIJUN_YAML_WRITER_H

#include <stdbool.h>
#include <yaml.h>

#include "kijun/catalog.h"
#include "kijun/strbuf.h"

/* Where the bytes go as the emitter hands them out: 0 to stop. */
typedef int (*yw_sink)(void *ctx, const char *data, size_t len);

struct ywriter {
	yaml_emitter_t emitter;
	struct strbuf *out;      /* yw_open's, or NULL */
	yw_sink sink;
	void *sink_ctx;
	bool failed;
};

/* Appends to out. */
bool yw_open(struct ywriter *w, struct strbuf *out);
/* Hands the text to sink piece by piece, so it is never held whole (a
 * catalog's canonical form is as large as its file). */
bool yw_open_sink(struct ywriter *w, yw_sink sink, void *ctx);
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
