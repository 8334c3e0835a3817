/* Mapping tables from YAML or CSV/TSV (mapping_io.h), each problem at its
 * line and column. */
#include "kijun/mapping_io.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/csv.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "yaml_reader.h"

#define F(x) (1u << (x))
#define MAPPING_MAX_DEPTH 8

/* A relationship word, or related-to when there is none. */
static bool relation_of(const char *word, enum map_relation *out)
{
	int r = word && *word ? map_relation_parse(word) : (int)MAP_RELATED;

	if (r < 0)
		return false;
	*out = (enum map_relation)r;
	return true;
}

static const char relation_list[] =
	"equivalent-to, equal-to, subset-of, superset-of, intersects-with, related-to";

/* ---- YAML ----------------------------------------------------------------- */

static const char *const row_fields[] = { "source", "target", "relationship", "note" };

static void read_row(struct yreader *r, struct mapping *m)
{
	const char *source = NULL, *target = NULL, *note = NULL;
	enum map_relation rel = MAP_RELATED;
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at;
	bool ok = true;

	if (!yr_mapping_begin(r, _("a mapping row"), &at))
		return;
	yr_fields_init(&f, row_fields, 4, _("a mapping row"), at);
	while (yr_mapping_next(r, &key)) {
		switch (yr_field(r, &f, &key)) {
		case 0: ok &= yr_token(r, _("source"), &source, NULL); break;
		case 1: ok &= yr_token(r, _("target"), &target, NULL); break;
		case 2: {
			char word[32];
			struct yr_scalar s;

			if (!yr_word(r, _("relationship"), word, sizeof(word), &s))
				break;
			if (!relation_of(word, &rel)) {
				yr_error(r, s.mark, _("unknown relationship \"%.*s\"; use %s"),
					 (int)s.len, s.value, relation_list);
				ok = false;
			}
			break;
		}
		case 3: yr_text(r, _("note"), &note); break;
		default: break;
		}
	}
	yr_fields_require(r, &f, F(0) | F(1));
	if (ok && source && target && !mapping_add(m, source, target, rel, note, at.line))
		r->oom = true;
}

static const char *const top_fields[] = {
	"format", "source_catalog", "target_catalog", "mappings",
};

static void read_document(struct yreader *r, void *ctx)
{
	struct mapping *m = ctx;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;

	if (!yr_document_begin(r) || !yr_mapping_begin(r, _("a mapping table"), &at))
		return;
	yr_fields_init(&f, top_fields, 4, _("the mapping table"), at);
	while (yr_mapping_next(r, &key) && !r->oom) {
		switch (yr_field(r, &f, &key)) {
		case 0:
			if (!yr_scalar(r, _("format"), &s))
				break;
			if (s.len != strlen(MAPPING_FORMAT) || memcmp(s.value, MAPPING_FORMAT, s.len))
				yr_error(r, s.mark,
					 _("format \"%.*s\" is not one this kijun reads; expected \"%s\""),
					 (int)s.len, s.value, MAPPING_FORMAT);
			break;
		case 1: yr_token(r, _("source_catalog"), &m->source_catalog, NULL); break;
		case 2: yr_token(r, _("target_catalog"), &m->target_catalog, NULL); break;
		case 3:
			if (!yr_sequence_begin(r, _("mappings"), NULL))
				break;
			while (yr_sequence_next(r) && !r->oom)
				read_row(r, m);
			break;
		default: break;
		}
	}
	yr_fields_require(r, &f, F(0) | F(3));
	if (!r->oom)
		yr_document_end(r);
}

/* ---- CSV ------------------------------------------------------------------ */

static bool read_csv(struct mapping *m, const char *name, const char *buf, size_t len,
		     struct diag_list *diags)
{
	struct csv_table t;
	const struct csv_row *head;
	int col[4] = { -1, -1, -1, -1 };
	size_t before = diags->count + diags->dropped;
	const char *eol = memchr(buf, '\n', len);
	char sep = memchr(buf, '\t', eol ? (size_t)(eol - buf) : len) ? '\t' : ',';

	if (!csv_read(&t, name, buf, len, sep, CSV_ENCODING_AUTO, diags))
		return false;
	if (!t.count) {
		diag_add(diags, name, 0, 0, "%s", _("the table is empty: it needs a header line"));
		csv_free(&t);
		return false;
	}
	head = &t.rows[0];
	for (size_t c = 0; c < head->count; c++) {
		const struct csv_cell *h = &head->cells[c];
		int k = -1;

		for (int n = 0; n < 4; n++)
			if (!strcmp(h->text, row_fields[n]))
				k = n;
		if (k < 0 || col[k] >= 0)
			diag_add(diags, name, h->line, h->column,
				 _("unknown or repeated column \"%s\"; use source, target, relationship, note"),
				 h->text);
		else
			col[k] = (int)c;
	}
	for (int n = 0; n < 2; n++)
		if (col[n] < 0)
			diag_add(diags, name, head->line, 1, _("the header has no column \"%s\""),
				 row_fields[n]);
	for (size_t i = 1; i < t.count && col[0] >= 0 && col[1] >= 0; i++) {
		const struct csv_row *row = &t.rows[i];
		const struct csv_cell *cell[4] = { NULL, NULL, NULL, NULL };
		enum map_relation rel = MAP_RELATED;
		bool ok = true;

		for (int n = 0; n < 4; n++)
			if (col[n] >= 0 && (size_t)col[n] < row->count)
				cell[n] = &row->cells[col[n]];
		for (int n = 0; n < 2; n++) {
			const char *id = cell[n] ? cell[n]->text : "";
			size_t n_id = strlen(id);

			/* As a YAML token: one line, no spaces around it. */
			if (!n_id || strpbrk(id, "\t\n") || id[0] == ' ' || id[n_id - 1] == ' ') {
				diag_add(diags, name, cell[n] ? cell[n]->line : row->line,
					 cell[n] ? cell[n]->column : 1,
					 _("%s must be one id on one line, with no spaces around it"),
					 row_fields[n]);
				ok = false;
			}
		}
		if (cell[2] && !relation_of(cell[2]->text, &rel)) {
			diag_add(diags, name, cell[2]->line, cell[2]->column,
				 _("unknown relationship \"%s\"; use %s"), cell[2]->text, relation_list);
			ok = false;
		}
		if (ok && !mapping_add(m, cell[0]->text, cell[1]->text, rel,
				       cell[3] ? cell[3]->text : NULL, row->line)) {
			diag_add(diags, name, 0, 0, "%s", _("out of memory"));
			break;
		}
	}
	csv_free(&t);
	return diags->count + diags->dropped == before;
}

/* YAML when the first line that says anything is `format: ...`. */
static bool looks_like_yaml(const char *buf, size_t len)
{
	size_t k = 0;

	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		k = 3;
	while (k < len) {
		size_t end = k;

		while (end < len && buf[end] != '\n')
			end++;
		if (end > k && buf[k] != '#' && buf[k] != '\r')
			return end - k >= 7 && !memcmp(buf + k, "format:", 7);
		k = end + 1;
	}
	return false;
}

bool mapping_read(struct mapping *m, const char *name, const char *buf, size_t len,
		  struct diag_list *diags)
{
	bool ok;

	mapping_init(m);
	m->name = arena_strdup(&m->arena, name);
	if (looks_like_yaml(buf, len))
		ok = yr_run(name, buf, len, MAPPING_MAX_DEPTH, &m->arena, diags, read_document, m);
	else
		ok = read_csv(m, name, buf, len, diags);
	if (!ok) {
		mapping_free(m);
		mapping_init(m);
	}
	return ok;
}

bool mapping_load_file(struct mapping *m, const char *path, struct diag_list *diags)
{
	char *buf;
	size_t len;
	bool ok;

	if (!file_read_all(path, &buf, &len, diags)) {
		mapping_init(m);
		return false;
	}
	ok = mapping_read(m, path, buf, len, diags);
	free(buf);
	return ok;
}
