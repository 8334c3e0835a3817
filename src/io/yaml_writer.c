#include "yaml_writer.h"

#include <stdio.h>
#include <string.h>

#include "yaml_form.h"

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	struct ywriter *w = data;

	return w->sink(w->sink_ctx, (const char *)buffer, size);
}

int yw_append(void *ctx, const char *data, size_t len)
{
	struct strbuf *out = ctx;

	strbuf_add(out, data, len);
	return !out->failed;
}

static void emit(struct ywriter *w, yaml_event_t *e, int ok)
{
	if (!ok) {
		w->failed = true;
		return;
	}
	if (w->failed) {
		yaml_event_delete(e);
		return;
	}
	if (!yaml_emitter_emit(&w->emitter, e))
		w->failed = true;  /* the emitter deletes the event itself */
}

bool yw_open_mode(struct ywriter *w, enum yw_mode mode, yw_sink sink, void *ctx)
{
	yaml_event_t e;

	memset(w, 0, sizeof(*w));
	w->mode = mode;
	w->sink = sink;
	w->sink_ctx = ctx;
	if (mode != YW_EMIT) {
		if (!yaml_direct_open(&w->direct, mode == YW_DIRECT ? sink : NULL, ctx))
			w->failed = true;
		return !w->failed;
	}
	if (!yaml_emitter_initialize(&w->emitter)) {
		w->failed = true;
		return false;
	}
	yaml_emitter_set_output(&w->emitter, write_handler, w);
	yaml_emitter_set_unicode(&w->emitter, 1);
	yaml_emitter_set_width(&w->emitter, -1);
	yaml_emitter_set_indent(&w->emitter, 2);
	yaml_emitter_set_break(&w->emitter, YAML_LN_BREAK);
	emit(w, &e, yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING));
	emit(w, &e, yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1));
	return !w->failed;
}

bool yw_open_sink(struct ywriter *w, yw_sink sink, void *ctx)
{
	return yw_open_mode(w, YW_EMIT, sink, ctx);
}

bool yw_open(struct ywriter *w, struct strbuf *out)
{
	bool ok = yw_open_sink(w, yw_append, out);

	w->out = out;
	return ok;
}

bool yw_close(struct ywriter *w)
{
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		if (!yaml_direct_close(&w->direct))
			w->failed = true;
		return !w->failed && !(w->out && w->out->failed);
	}
	emit(w, &e, yaml_document_end_event_initialize(&e, 1));
	emit(w, &e, yaml_stream_end_event_initialize(&e));
	if (!w->failed && !yaml_emitter_flush(&w->emitter))
		w->failed = true;
	yaml_emitter_delete(&w->emitter);
	return !w->failed && !(w->out && w->out->failed);
}

void yw_mapping_begin(struct ywriter *w)
{
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		yaml_direct_mapping_begin(&w->direct);
		return;
	}
	emit(w, &e, yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
							YAML_BLOCK_MAPPING_STYLE));
}

void yw_mapping_end(struct ywriter *w)
{
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		yaml_direct_end(&w->direct);
		return;
	}
	emit(w, &e, yaml_mapping_end_event_initialize(&e));
}

void yw_sequence_begin(struct ywriter *w)
{
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		yaml_direct_sequence_begin(&w->direct);
		return;
	}
	emit(w, &e, yaml_sequence_start_event_initialize(&e, NULL, NULL, 1,
							 YAML_BLOCK_SEQUENCE_STYLE));
}

void yw_sequence_end(struct ywriter *w)
{
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		yaml_direct_end(&w->direct);
		return;
	}
	emit(w, &e, yaml_sequence_end_event_initialize(&e));
}

void yw_string(struct ywriter *w, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	yaml_event_t e;

	if (w->mode != YW_EMIT) {
		yaml_direct_scalar(&w->direct, s, strlen(s));
		return;
	}
	if (strchr(s, '\n'))
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (yaml_form_typed(s))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	/* With plain_implicit set the emitter still falls back to quotes
	 * when the text cannot be plain (leading "- ", ": " inside...). */
	emit(w, &e, yaml_scalar_event_initialize(&e, NULL, NULL,
						 (yaml_char_t *)s, (int)strlen(s),
						 style != YAML_SINGLE_QUOTED_SCALAR_STYLE,
						 1, style));
}

/* A key and a value written plain, so it reads back as a number or a
 * boolean rather than as text. */
static void pair_plain(struct ywriter *w, const char *key, const char *value)
{
	yaml_event_t e;

	yw_string(w, key);
	if (w->mode != YW_EMIT) {
		yaml_direct_plain(&w->direct, value, strlen(value));
		return;
	}
	emit(w, &e, yaml_scalar_event_initialize(&e, NULL, NULL, (yaml_char_t *)value,
						 (int)strlen(value), 1, 1, YAML_PLAIN_SCALAR_STYLE));
}

void yw_int(struct ywriter *w, const char *key, long value)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", value);
	pair_plain(w, key, num);
}

void yw_bool(struct ywriter *w, const char *key, bool value)
{
	pair_plain(w, key, value ? "true" : "false");
}

void yw_pair(struct ywriter *w, const char *key, const char *value)
{
	if (!value)
		return;
	yw_string(w, key);
	yw_string(w, value);
}

void yw_attr_types(struct ywriter *w, const struct attr_type *types, uint32_t count)
{
	yw_string(w, "attribute_types");
	yw_sequence_begin(w);
	for (uint32_t t = 0; t < count; t++) {
		yw_mapping_begin(w);
		yw_pair(w, "id", types[t].id);
		yw_pair(w, "label", types[t].label);
		yw_pair(w, "label_en", types[t].label_en);
		yw_string(w, "values");
		yw_sequence_begin(w);
		for (uint32_t v = 0; v < types[t].value_count; v++) {
			yw_mapping_begin(w);
			yw_pair(w, "id", types[t].values[v].id);
			yw_pair(w, "label", types[t].values[v].label);
			yw_pair(w, "label_en", types[t].values[v].label_en);
			yw_mapping_end(w);
		}
		yw_sequence_end(w);
		yw_mapping_end(w);
	}
	yw_sequence_end(w);
}
