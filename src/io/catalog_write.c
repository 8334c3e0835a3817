/* Writes a catalog in its canonical form: fixed key order, block style,
 * attribute values in the order of their types.  Loading and saving a
 * canonical file gives back the same bytes. */
#include "kijun/catalog_io.h"

#include <stdlib.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/sha256.h"
#include "catalog_write.h"
#include "yaml_writer.h"

static void write_attrs(struct ywriter *w, const struct catalog *c, const struct item *it)
{
	if (!it->attr_count)
		return;
	yw_string(w, "attributes");
	yw_mapping_begin(w);
	for (uint32_t t = 0; t < c->type_count; t++) {
		bool any = false;

		for (uint32_t k = 0; k < it->attr_count; k++) {
			if (it->attrs[k].type != t)
				continue;
			if (!any) {
				yw_string(w, c->types[t].id);
				yw_sequence_begin(w);
				any = true;
			}
			yw_string(w, c->types[t].values[it->attrs[k].value].id);
		}
		if (any)
			yw_sequence_end(w);
	}
	yw_mapping_end(w);
}

/* Iterative, so a deep catalog cannot exhaust the stack. */
static void write_items(struct ywriter *w, const struct catalog *c)
{
	uint32_t i = c->items[ITEM_ROOT_INDEX].first_child;

	yw_string(w, "items");
	yw_sequence_begin(w);
	while (i != ITEM_NONE) {
		const struct item *it = &c->items[i];

		yw_mapping_begin(w);
		yw_pair(w, "id", it->id);
		yw_pair(w, "kind", item_kind_name((enum item_kind)it->kind));
		yw_pair(w, "label", it->label);
		yw_pair(w, "title", it->title);
		yw_pair(w, "title_en", it->title_en);
		yw_pair(w, "text", it->text);
		if (it->ref_count) {
			yw_string(w, "references");
			yw_sequence_begin(w);
			for (uint32_t r = 0; r < it->ref_count; r++)
				yw_string(w, it->refs[r]);
			yw_sequence_end(w);
		}
		write_attrs(w, c, it);
		if (it->first_child != ITEM_NONE) {
			yw_string(w, "items");
			yw_sequence_begin(w);
			i = it->first_child;
			continue;
		}
		yw_mapping_end(w);
		/* Close every item and list we are leaving. */
		while (i != ITEM_NONE && c->items[i].next_sibling == ITEM_NONE) {
			i = c->items[i].parent;
			if (i == ITEM_ROOT_INDEX || i == ITEM_NONE) {
				i = ITEM_NONE;
				break;
			}
			yw_sequence_end(w);
			yw_mapping_end(w);
		}
		if (i != ITEM_NONE)
			i = c->items[i].next_sibling;
	}
	yw_sequence_end(w);
}

static bool write_catalog(struct ywriter *w, const struct catalog *c)
{
	yw_mapping_begin(w);
	yw_pair(w, "format", CATALOG_FORMAT);
	yw_pair(w, "id", c->id);
	yw_pair(w, "title", c->title);
	yw_pair(w, "title_en", c->title_en);
	yw_pair(w, "edition", c->edition);
	yw_pair(w, "publisher", c->publisher);
	yw_pair(w, "notice", c->notice);
	if (c->type_count)
		yw_attr_types(w, c->types, c->type_count);
	write_items(w, c);
	yw_mapping_end(w);
	return yw_close(w);
}

/* kijun's own writer when it is sure of every text in c, else libyaml's
 * emitter: the bytes are the same, the first is several times faster.
 * Decided before the first byte, since a file or a hash cannot take
 * bytes back. */
static enum yw_mode pick_mode(const struct catalog *c)
{
	struct ywriter w;

	if (!yw_open_mode(&w, YW_PROBE, NULL, NULL)) {
		yw_close(&w);
		return YW_EMIT;
	}
	return write_catalog(&w, c) ? YW_DIRECT : YW_EMIT;
}

static bool write_to(const struct catalog *c, yw_sink sink, void *ctx)
{
	struct ywriter w;

	if (!yw_open_mode(&w, pick_mode(c), sink, ctx)) {
		yw_close(&w);
		return false;
	}
	return write_catalog(&w, c);
}

bool catalog_write(const struct catalog *c, struct strbuf *out)
{
	return write_to(c, yw_append, out) && !out->failed;
}

bool catalog_writes_direct(const struct catalog *c)
{
	return pick_mode(c) == YW_DIRECT;
}

bool catalog_write_mode(const struct catalog *c, struct strbuf *out, enum yw_mode mode)
{
	struct ywriter w;

	if (mode == YW_DIRECT && !catalog_writes_direct(c))
		return false;
	if (!yw_open_mode(&w, mode, yw_append, out)) {
		yw_close(&w);
		return false;
	}
	return write_catalog(&w, c) && !out->failed;
}

static int put_file(void *ctx, const char *data, size_t len)
{
	return fwrite(data, 1, len, ctx) == len;
}

bool catalog_write_file(const struct catalog *c, FILE *out)
{
	return write_to(c, put_file, out);
}

bool catalog_save_file(const struct catalog *c, const char *path, struct diag_list *diags)
{
	struct strbuf out;
	bool ok;

	strbuf_init(&out);
	if (!catalog_write(c, &out)) {
		diag_add(diags, path, 0, 0, "%s", _("cannot write the catalog: out of memory"));
		strbuf_free(&out);
		return false;
	}
	ok = file_write_atomic(path, out.data, out.len, true, diags);
	strbuf_free(&out);
	return ok;
}

static int put_hash(void *ctx, const char *data, size_t len)
{
	sha256_update(ctx, data, len);
	return 1;
}

/* Hashed as it is written: the canonical form is never held whole. */
bool catalog_hash(const struct catalog *c, char out[72])
{
	struct sha256 h;

	sha256_init(&h);
	if (!write_to(c, put_hash, &h))
		return false;
	sha256_final_tag(&h, out);
	return true;
}
