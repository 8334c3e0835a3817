/* kijun import csv: a spreadsheet's rows into a catalog, or its wording
 * onto an existing one.  The CSV reader (csv_read.c) gives cells with
 * their places; this file gives them meaning. */
#include "kijun/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kijun/i18n.h"
#include "kijun/strbuf.h"

enum field { F_ID, F_PARENT, F_KIND, F_LABEL, F_TITLE, F_TITLE_EN, F_TEXT, F_REFS, F_COUNT };

static const char *const field_names[F_COUNT] = {
	"id", "parent", "kind", "label", "title", "title_en", "text", "references",
};

/* What a column gives: a field, an attribute type (F_COUNT + its index),
 * or nothing (-1). */
struct importer {
	const char *name;
	struct catalog *c;
	const struct import_csv_options *o;
	struct import_report *rep;
	struct diag_list *diags;
	const struct csv_table *t;
	int *target;         /* per header column */
	size_t ncols;
	int by_field[F_COUNT];  /* the column giving each field, or -1 */
	unsigned *seen_at;   /* --onto: the line that named each item, or 0 */
	bool used_types;
};

void import_report_init(struct import_report *r)
{
	memset(r, 0, sizeof(*r));
	diag_list_init(&r->notes);
}

void import_report_free(struct import_report *r)
{
	diag_list_free(&r->notes);
	free(r->untouched);
	memset(r, 0, sizeof(*r));
}

/* The file's name without its directories, for notices that should not
 * depend on where the import ran. */
static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* s without surrounding white space, copied into the catalog's arena;
 * NULL when nothing is left. */
static const char *trimmed(struct importer *im, const char *s)
{
	size_t len = strlen(s);

	while (len && is_space(*s)) {
		s++;
		len--;
	}
	while (len && is_space(s[len - 1]))
		len--;
	return len ? arena_strndup(&im->c->arena, s, len) : NULL;
}

static const struct catalog *types_source(const struct importer *im)
{
	return im->o->onto ? im->o->onto : im->o->types;
}

/* The Japanese of an English message, whatever the interface language. */
static const char *japanese_of(const char *english)
{
	const char *en, *ja;

	for (unsigned k = 0; i18n_entry(k, &en, &ja); k++)
		if (strcmp(en, english) == 0)
			return ja;
	return english;
}

/* s names `english`: as written in either language, English in any case. */
static bool names(const char *s, const char *english)
{
	return strcasecmp(s, english) == 0 || strcmp(s, japanese_of(english)) == 0;
}

/* The headers kijun export --format csv writes (export_csv.c), in either
 * language, so an export imports back without --map. */
static const char *const export_headers[F_COUNT] = {
	[F_ID] = "item id", [F_PARENT] = "parent id", [F_KIND] = "item kind",
	[F_LABEL] = "list label", [F_TITLE] = "item title", [F_TEXT] = "item text",
};

static int field_parse(const struct importer *im, const char *s)
{
	const struct catalog *ts = types_source(im);

	for (int f = 0; f < F_COUNT; f++)
		if (strcasecmp(s, field_names[f]) == 0 ||
		    (export_headers[f] && names(s, export_headers[f])))
			return f;
	if (ts) {
		int t = catalog_type_find(ts, s);

		/* The export heads attribute columns with the type's label. */
		for (uint32_t k = 0; t < 0 && k < ts->type_count; k++)
			if ((ts->types[k].label && strcmp(s, ts->types[k].label) == 0) ||
			    (ts->types[k].label_en && strcasecmp(s, ts->types[k].label_en) == 0))
				t = (int)k;
		if (t >= 0)
			return F_COUNT + t;
	}
	return -1;
}

/* A kind as the catalog format names it, or as the export words it. */
static int kind_parse(const char *s, enum item_kind *out)
{
	static const char *const words[] = {
		[ITEM_PART] = "part", [ITEM_SECTION] = "section", [ITEM_CONTROL] = "control",
		[ITEM_DETAIL] = "detailed control", [ITEM_ENTRY] = "list entry",
	};

	if (item_kind_parse(s, out) == 0)
		return 0;
	for (int k = ITEM_PART; k < ITEM_KIND_COUNT; k++) {
		if (k < (int)(sizeof(words) / sizeof(*words)) && words[k] && names(s, words[k])) {
			*out = (enum item_kind)k;
			return 0;
		}
	}
	return -1;
}

/* The field --map gives header column `column`, or NULL. */
static const char *mapped(const char *map, const char *column, char *buf, size_t size)
{
	const char *p = map;

	while (p && *p) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);

		eq = memchr(p, '=', len);
		if (eq && (size_t)(eq - p) == strlen(column) &&
		    strncmp(p, column, (size_t)(eq - p)) == 0 &&
		    (size_t)(p + len - eq - 1) < size) {
			memcpy(buf, eq + 1, (size_t)(p + len - eq - 1));
			buf[p + len - eq - 1] = '\0';
			return buf;
		}
		p = end ? end + 1 : NULL;
	}
	return NULL;
}

/* Checks every COLUMN=FIELD of --map names a header column and a field. */
static void check_map(struct importer *im, const struct csv_row *head)
{
	const char *p = im->o->map;

	while (p && *p) {
		const char *end = strchr(p, ','), *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char field[128];
		bool found = false;

		eq = memchr(p, '=', len);
		if (!eq || eq == p || eq + 1 == p + len) {
			diag_add(im->diags, "--map", 0, 0,
				 _("\"%.*s\" is not COLUMN=FIELD"), (int)len, p);
		} else {
			for (size_t k = 0; k < head->count; k++)
				if (strlen(head->cells[k].text) == (size_t)(eq - p) &&
				    strncmp(head->cells[k].text, p, (size_t)(eq - p)) == 0)
					found = true;
			if (!found)
				diag_add(im->diags, "--map", 0, 0,
					 _("the header has no column \"%.*s\""), (int)(eq - p), p);
			snprintf(field, sizeof(field), "%.*s", (int)(p + len - eq - 1), eq + 1);
			if (field_parse(im, field) < 0)
				diag_add(im->diags, "--map", 0, 0,
					 _("unknown field \"%s\"; use %s, or an attribute type's id"),
					 field, IMPORT_CSV_FIELDS);
		}
		p = end ? end + 1 : NULL;
	}
}

static bool read_header(struct importer *im)
{
	const struct csv_row *head = &im->t->rows[0];

	im->ncols = head->count;
	im->target = calloc(head->count, sizeof(*im->target));
	if (!im->target)
		return false;
	for (int f = 0; f < F_COUNT; f++)
		im->by_field[f] = -1;
	check_map(im, head);
	for (size_t k = 0; k < head->count; k++) {
		const struct csv_cell *h = &head->cells[k];
		char buf[128];
		const char *as = mapped(im->o->map, h->text, buf, sizeof(buf));
		int f = field_parse(im, as ? as : h->text);

		im->target[k] = f;
		if (f < 0) {
			if (!as)
				diag_add(&im->rep->notes, im->name, h->line, h->column,
					 _("column \"%s\" is not used (fields: %s, or an attribute type's id; see --map)"),
					 h->text, IMPORT_CSV_FIELDS);
			continue;
		}
		for (size_t j = 0; j < k; j++) {
			if (im->target[j] == f) {
				diag_add(im->diags, im->name, h->line, h->column,
					 _("columns \"%s\" and \"%s\" give the same field"),
					 head->cells[j].text, h->text);
				im->target[k] = -1;
			}
		}
		if (f < F_COUNT && im->target[k] == f)
			im->by_field[f] = (int)k;
		if (f >= F_COUNT)
			im->used_types = true;
	}
	if (im->by_field[F_ID] < 0)
		diag_add(im->diags, im->name, head->line, 1, "%s",
			 _("no column gives the id: name one \"id\", or use --map COLUMN=id"));
	return true;
}

static const struct csv_cell *cell(const struct importer *im, const struct csv_row *row, int f)
{
	int k = im->by_field[f];

	return k >= 0 && (size_t)k < row->count ? &row->cells[k] : NULL;
}

/* Control characters would make a file no YAML reader takes; line breaks
 * only where the field is text. */
static bool clean(struct importer *im, const struct csv_cell *c, bool multi_line)
{
	for (const unsigned char *p = (const unsigned char *)c->text; *p; p++) {
		if ((*p < 0x20 && !(multi_line && (*p == '\n' || *p == '\t'))) || *p == 0x7F) {
			diag_add(im->diags, im->name, c->line, c->column,
				 multi_line ? _("a control character (U+%04X) in this cell") :
				 _("a line break, tab or control character (U+%04X) in this cell"),
				 (unsigned)*p);
			return false;
		}
	}
	return true;
}

/* The cell's text without the `'` that kijun's export (doc_text.h,
 * csv_cell) puts before a cell a spreadsheet would run as a formula. */
static const char *undisarmed(const char *s)
{
	return s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]) ? s + 1 : s;
}

static const char *text_of(struct importer *im, const struct csv_row *row, int f)
{
	const struct csv_cell *c = cell(im, row, f);
	bool multi = f == F_TITLE || f == F_TITLE_EN || f == F_TEXT;
	const char *s;

	if (!c || !clean(im, c, multi))
		return NULL;
	s = undisarmed(c->text);
	if (!multi) {
		/* Ids, kinds and labels: one line, no surrounding spaces. */
		return trimmed(im, s);
	} else {
		size_t len = strlen(s);

		while (len && is_space(s[len - 1]))
			len--;
		return len ? arena_strndup(&im->c->arena, s, len) : NULL;
	}
}

/* Splits a cell at commas, semicolons and white space. */
static uint32_t split_words(struct importer *im, const char *s, const char ***out)
{
	uint32_t n = 0, cap = 0;
	const char **v = NULL;

	for (const char *p = s; *p;) {
		size_t len;

		while (*p && (is_space(*p) || *p == ',' || *p == ';'))
			p++;
		len = strcspn(p, " \t\r\n,;");
		if (!len)
			break;
		if (n == cap) {
			uint32_t ncap = cap ? cap * 2 : 4;
			const char **nv = arena_alloc(&im->c->arena, ncap * sizeof(*nv));

			if (!nv)
				break;
			if (n)
				memcpy(nv, v, n * sizeof(*nv));
			v = nv;
			cap = ncap;
		}
		v[n++] = arena_strndup(&im->c->arena, p, len);
		p += len;
	}
	*out = v;
	return n;
}

static void read_attrs(struct importer *im, const struct csv_row *row, uint32_t i)
{
	struct attr_ref *refs = NULL;
	uint32_t n = 0;

	for (size_t k = 0; k < row->count && k < im->ncols; k++) {
		int t = im->target[k] - F_COUNT;
		const char **words;
		uint32_t count;

		if (t < 0 || !clean(im, &row->cells[k], false))
			continue;
		count = split_words(im, row->cells[k].text, &words);
		if (count) {
			struct attr_ref *nv = arena_alloc(&im->c->arena, (n + count) * sizeof(*nv));

			if (!nv)
				return;
			if (n)
				memcpy(nv, refs, n * sizeof(*nv));
			refs = nv;
		}
		for (uint32_t w = 0; w < count; w++) {
			const struct attr_type *ty = &im->c->types[t];
			int v = attr_type_value_find(ty, words[w]);

			if (v < 0) {
				diag_add(im->diags, im->name, row->cells[k].line, row->cells[k].column,
					 _("\"%s\" is not a value of attribute type \"%s\""),
					 words[w], ty->id);
				continue;
			}
			refs[n].type = (uint16_t)t;
			refs[n].value = (uint16_t)v;
			n++;
		}
	}
	im->c->items[i].attrs = refs;
	im->c->items[i].attr_count = n;
}

/* The kind an item gets when its row does not say. */
static enum item_kind kind_below(enum item_kind parent, bool labelled)
{
	if (labelled)
		return ITEM_ENTRY;
	switch (parent) {
	case ITEM_ROOT: return ITEM_PART;
	case ITEM_PART: return ITEM_SECTION;
	case ITEM_SECTION: return ITEM_CONTROL;
	default: return ITEM_DETAIL;
	}
}

static void check_required(struct importer *im, const struct csv_cell *at, uint32_t i)
{
	const struct item *it = &im->c->items[i];
	enum item_kind kind = (enum item_kind)it->kind;

	if (kind <= ITEM_CONTROL && !it->title)
		diag_add(im->diags, im->name, at->line, at->column, _("%s \"%s\" needs a title"),
			 item_kind_label(kind), it->id);
	if (kind >= ITEM_DETAIL && !it->text)
		diag_add(im->diags, im->name, at->line, at->column, _("%s \"%s\" needs a text"),
			 item_kind_label(kind), it->id);
	if (kind != ITEM_ENTRY && it->label)
		diag_add(im->diags, im->name, at->line, at->column, "%s",
			 _("only list entries have a label"));
}

static void new_item(struct importer *im, const struct csv_row *row, const char *id,
		     const struct csv_cell *id_cell)
{
	const char *parent = text_of(im, row, F_PARENT), *kind_name = text_of(im, row, F_KIND);
	const char *label = text_of(im, row, F_LABEL);
	uint32_t p = ITEM_ROOT_INDEX, i, dup;
	enum item_kind kind;
	bool oom = false;

	if (parent) {
		p = catalog_find(im->c, parent);
		if (p == ITEM_NONE) {
			const struct csv_cell *c = cell(im, row, F_PARENT);

			diag_add(im->diags, im->name, c->line, c->column,
				 _("parent \"%s\" is not the id of a record above"), parent);
			return;
		}
	}
	kind = kind_below((enum item_kind)im->c->items[p].kind, label != NULL);
	if (kind_name) {
		const struct csv_cell *c = cell(im, row, F_KIND);

		if (kind_parse(kind_name, &kind) != 0 || kind == ITEM_ROOT) {
			diag_add(im->diags, im->name, c->line, c->column,
				 _("unknown kind \"%s\"; use part, section, control, detail or entry"),
				 kind_name);
			return;
		}
	}
	/* A kind the row gives, or the one it gets below its parent (under
	 * a list entry nothing fits): either way, where the catalog's reader
	 * would take it.  Said at the cell that decided it. */
	if (!item_kind_may_hold((enum item_kind)im->c->items[p].kind, kind)) {
		const struct csv_cell *c = cell(im, row, kind_name ? F_KIND : parent ? F_PARENT : F_ID);

		diag_add(im->diags, im->name, c->line, c->column,
			 _("a %s cannot be placed inside a %s"), item_kind_label(kind),
			 p == ITEM_ROOT_INDEX ? _("the top level") :
			 item_kind_label((enum item_kind)im->c->items[p].kind));
		return;
	}
	i = catalog_append(im->c, p, kind);
	if (i == ITEM_NONE)
		return;
	im->c->items[i].id = id;
	im->c->items[i].line = row->line;
	dup = catalog_index_id(im->c, i, &oom);
	if (dup != ITEM_NONE)
		diag_add(im->diags, im->name, id_cell->line, id_cell->column,
			 _("id \"%s\" is used twice; first at line %u"), id, im->c->items[dup].line);
	im->c->items[i].label = label;
	im->c->items[i].title = text_of(im, row, F_TITLE);
	im->c->items[i].title_en = text_of(im, row, F_TITLE_EN);
	im->c->items[i].text = text_of(im, row, F_TEXT);
	if (cell(im, row, F_REFS) && clean(im, cell(im, row, F_REFS), false))
		im->c->items[i].ref_count = split_words(im, cell(im, row, F_REFS)->text,
							 &im->c->items[i].refs);
	read_attrs(im, row, i);
	check_required(im, id_cell, i);
}

static void onto_item(struct importer *im, const struct csv_row *row, const char *id,
		      const struct csv_cell *id_cell)
{
	uint32_t i = catalog_find(im->c, id);
	const char *v;
	bool any = false;
	struct item *it;

	if (i == ITEM_NONE) {
		diag_add(&im->rep->notes, im->name, id_cell->line, id_cell->column,
			 _("\"%s\" is not in catalog %s; the record is left out"), id, im->c->id);
		im->rep->unknown_count++;
		return;
	}
	if (im->seen_at[i]) {
		diag_add(im->diags, im->name, id_cell->line, id_cell->column,
			 _("id \"%s\" is used twice; first at line %u"), id, im->seen_at[i]);
		return;
	}
	im->seen_at[i] = row->line;
	it = &im->c->items[i];
	if ((v = text_of(im, row, F_TITLE))) {
		it->title = v;
		any = true;
	}
	if ((v = text_of(im, row, F_TITLE_EN))) {
		it->title_en = v;
		any = true;
	}
	if ((v = text_of(im, row, F_TEXT))) {
		it->text = v;
		any = true;
	}
	if ((v = text_of(im, row, F_LABEL))) {
		if (it->kind == ITEM_ENTRY) {
			it->label = v;
			any = true;
		} else {
			const struct csv_cell *c = cell(im, row, F_LABEL);

			diag_add(im->diags, im->name, c->line, c->column, "%s",
				 _("only list entries have a label"));
		}
	}
	if (any)
		im->rep->replaced++;
}

static bool blank(const struct csv_row *row)
{
	for (size_t k = 0; k < row->count; k++)
		for (const char *p = row->cells[k].text; *p; p++)
			if (!is_space(*p))
				return false;
	return true;
}

static bool copy_types(struct catalog *c, const struct catalog *from)
{
	if (!from || !from->type_count)
		return true;
	c->types = arena_alloc(&c->arena, from->type_count * sizeof(*c->types));
	if (!c->types)
		return false;
	c->type_count = from->type_count;
	/* The strings stay in `from`, which outlives the output. */
	memcpy(c->types, from->types, from->type_count * sizeof(*c->types));
	return true;
}

static bool start(struct importer *im)
{
	const struct import_csv_options *o = im->o;
	struct catalog *c = im->c;
	struct strbuf b;

	if (o->onto) {
		if (!catalog_clone(c, o->onto))
			return false;
		im->seen_at = calloc(c->count, sizeof(*im->seen_at));
		return im->seen_at != NULL;
	}
	if (!catalog_init(c))
		return false;
	c->id = arena_strdup(&c->arena, o->id ? o->id : "imported");
	c->title = arena_strdup(&c->arena, o->title ? o->title : c->id);
	c->edition = arena_strdup(&c->arena, base_of(im->name));
	strbuf_init(&b);
	strbuf_addf(&b, "Made by kijun import csv from %s.", base_of(im->name));
	c->notice = b.data ? arena_strdup(&c->arena, b.data) : NULL;
	strbuf_free(&b);
	return c->id && c->title && c->edition;
}

/* --onto: the catalog's notice no longer tells the whole story. */
static void finish_onto(struct importer *im)
{
	struct catalog *c = im->c;
	struct strbuf b;
	uint32_t n = 0;

	for (uint32_t i = 1; i < c->count; i++)
		if (!im->seen_at[i])
			n++;
	im->rep->untouched = malloc((n ? n : 1) * sizeof(uint32_t));
	if (im->rep->untouched)
		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
			if (!im->seen_at[i])
				im->rep->untouched[im->rep->untouched_count++] = i;
	strbuf_init(&b);
	strbuf_addf(&b, "The titles and texts of %u items come from %s (kijun import csv --onto %s).",
		    im->rep->replaced, base_of(im->name), c->id);
	if (c->notice)
		strbuf_addf(&b, " The other items are as in %s, whose notice says:\n%s", c->id, c->notice);
	if (b.data)
		c->notice = arena_strdup(&c->arena, b.data);
	strbuf_free(&b);
}

bool import_csv(struct catalog *out, const char *name, const char *buf, size_t len,
		const struct import_csv_options *o, struct import_report *rep,
		struct diag_list *diags)
{
	struct importer im = { .name = name, .c = out, .o = o, .rep = rep, .diags = diags };
	struct csv_table t;
	size_t before = diags->count + diags->dropped;
	bool ok;

	if (!csv_read(&t, name, buf, len, o->sep, o->encoding, diags)) {
		memset(out, 0, sizeof(*out));
		return false;
	}
	im.t = &t;
	if (!start(&im)) {
		diag_add(diags, name, 0, 0, "%s", _("out of memory"));
	} else if (!t.count) {
		diag_add(diags, name, 0, 0, "%s", _("the file has no header record"));
	} else if (read_header(&im) && diags->count + diags->dropped == before) {
		if (!o->onto && im.used_types && !copy_types(out, o->types))
			diag_add(diags, name, 0, 0, "%s", _("out of memory"));
		for (size_t r = 1; r < t.count; r++) {
			const struct csv_row *row = &t.rows[r];
			const struct csv_cell *id_cell = cell(&im, row, F_ID);
			const char *id;

			if (blank(row))
				continue;
			rep->rows++;
			if (row->count > im.ncols) {
				diag_add(diags, name, row->cells[im.ncols].line,
					 row->cells[im.ncols].column,
					 _("this record has %zu cells; the header has %zu"),
					 row->count, im.ncols);
				continue;
			}
			id = text_of(&im, row, F_ID);
			if (!id) {
				diag_add(diags, name, row->line, id_cell ? id_cell->column : 0,
					 "%s", _("this record has no id"));
				continue;
			}
			if (o->onto)
				onto_item(&im, row, id, id_cell);
			else
				new_item(&im, row, id, id_cell);
		}
		if (o->onto)
			finish_onto(&im);
	}
	ok = diags->count + diags->dropped == before;
	diag_list_sort(diags, before);
	free(im.target);
	free(im.seen_at);
	csv_free(&t);
	if (!ok)
		catalog_free(out);
	return ok;
}
