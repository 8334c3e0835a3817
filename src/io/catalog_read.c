/* Reads kijun-catalog/1 files (docs/catalog-format.md) into a catalog,
 * reporting every problem with its line and column. */
#include "kijun/catalog_io.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "yaml_reader.h"

/* The words that name what is read, translated once per file: looked up
 * for each of 100k items they were a tenth of a load. */
struct words {
	const char *references, *attr_value_what, *attr_value, *attributes,
		*attr_values, *an_item, *item, *id, *kind, *label, *title,
		*title_en, *text, *items;
};

struct loader {
	struct yreader *r;
	struct catalog *c;
	struct words w;
};

static void words_init(struct words *w)
{
	w->references = _("references");
	w->attr_value_what = _("an attribute value");
	w->attr_value = _("attribute value");
	w->attributes = _("attributes");
	w->attr_values = _("the values of an attribute");
	w->an_item = _("an item");
	w->item = _("item");
	w->id = _("id");
	w->kind = _("kind");
	w->label = _("label");
	w->title = _("title");
	w->title_en = _("title_en");
	w->text = _("text");
	w->items = _("items");
}

/* ---- items -------------------------------------------------------------- */

static void read_refs(struct loader *l, uint32_t i)
{
	yr_token_list(l->r, l->w.references, &l->c->items[i].refs, &l->c->items[i].ref_count);
}

/* Lists the allowed values of a type for a "not allowed" message. */
static void list_values(const struct attr_type *t, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (uint32_t v = 0; v < t->value_count; v++) {
		int w = snprintf(buf + n, size - n, "%s%s", v ? ", " : "", t->values[v].id);

		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
}

static void list_types(const struct catalog *c, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (uint32_t t = 0; t < c->type_count; t++) {
		int w = snprintf(buf + n, size - n, "%s%s", t ? ", " : "", c->types[t].id);

		if (w < 0 || (size_t)w >= size - n)
			break;
		n += (size_t)w;
	}
}

static bool attrs_push(struct loader *l, struct attr_ref **v, uint32_t *n,
		       uint32_t *cap, struct attr_ref ref)
{
	if (*n == *cap) {
		uint32_t ncap = *cap ? *cap * 2 : 8;
		struct attr_ref *nv = arena_alloc(&l->c->arena, ncap * sizeof(*nv));

		if (!nv) {
			l->r->oom = true;
			return false;
		}
		if (*n)
			memcpy(nv, *v, *n * sizeof(*nv));
		*v = nv;
		*cap = ncap;
	}
	(*v)[(*n)++] = ref;
	return true;
}

static void read_attr_value(struct loader *l, int type, struct attr_ref **v,
			    uint32_t *n, uint32_t *cap, uint32_t first)
{
	const struct attr_type *t = &l->c->types[type];
	struct yr_scalar s;
	char allowed[1024];
	int value;

	if (!yr_scalar(l->r, l->w.attr_value_what, &s))
		return;
	if (!yr_check_token(l->r, &s, l->w.attr_value))
		return;
	for (value = 0; value < (int)t->value_count; value++)
		if (strlen(t->values[value].id) == s.len &&
		    memcmp(t->values[value].id, s.value, s.len) == 0)
			break;
	if (value == (int)t->value_count) {
		list_values(t, allowed, sizeof(allowed));
		yr_error(l->r, s.mark, _("\"%.*s\" is not a value of attribute type \"%s\"; allowed: %s"),
			 (int)s.len, s.value, t->id, allowed);
		return;
	}
	for (uint32_t k = first; k < *n; k++) {
		if ((*v)[k].value == value) {
			yr_error(l->r, s.mark, _("\"%s\" is listed twice for \"%s\""),
				 t->values[value].id, t->id);
			return;
		}
	}
	attrs_push(l, v, n, cap, (struct attr_ref){ (uint16_t)type, (uint16_t)value });
}

static void read_attrs(struct loader *l, uint32_t i)
{
	struct attr_ref *v = NULL;
	uint32_t n = 0, cap = 0;
	struct yr_scalar key;
	uint16_t seen[64];  /* types met so far; real items use five */
	unsigned seen_count = 0;
	char known[512];

	if (!yr_mapping_begin(l->r, l->w.attributes, NULL))
		return;
	while (yr_mapping_next(l->r, &key)) {
		int type = -1;
		bool repeated = false;

		for (uint32_t t = 0; t < l->c->type_count; t++)
			if (strlen(l->c->types[t].id) == key.len &&
			    memcmp(l->c->types[t].id, key.value, key.len) == 0)
				type = (int)t;
		if (type < 0) {
			list_types(l->c, known, sizeof(known));
			yr_error(l->r, key.mark,
				 _("unknown attribute type \"%.*s\"; defined in attribute_types (which must come before items): %s"),
				 (int)key.len, key.value, known);
			yr_skip(l->r);
			continue;
		}
		for (unsigned k = 0; k < seen_count; k++)
			repeated |= seen[k] == type;
		if (repeated) {
			yr_error(l->r, key.mark, _("key \"%s\" appears twice in %s"),
				 l->c->types[type].id, l->w.attributes);
			yr_skip(l->r);
			continue;
		}
		if (seen_count < 64)
			seen[seen_count++] = (uint16_t)type;
		if (yr_at_scalar(l->r)) {
			read_attr_value(l, type, &v, &n, &cap, n);
			continue;
		}
		if (!yr_sequence_begin(l->r, l->w.attr_values, NULL))
			continue;
		{
			uint32_t first = n;

			while (yr_sequence_next(l->r))
				read_attr_value(l, type, &v, &n, &cap, first);
		}
	}
	l->c->items[i].attrs = v;
	l->c->items[i].attr_count = n;
}

static void read_items(struct loader *l, uint32_t parent);

/* Indexed as soon as read, so the first of two equal ids is the one kept
 * and the second is reported. */
static void index_item(struct loader *l, uint32_t i, struct yr_mark at)
{
	struct catalog *c = l->c;
	bool oom;
	uint32_t other = catalog_index_id(c, i, &oom);

	if (oom)
		l->r->oom = true;
	else if (other != ITEM_NONE)
		yr_error(l->r, at, _("id \"%s\" is used twice; first at line %u"),
			 c->items[i].id, c->items[other].line);
}

static const char *const item_fields[] = {
	"id", "kind", "label", "title", "title_en", "text", "references",
	"attributes", "items",
};
enum {
	F_ID, F_KIND, F_LABEL, F_TITLE, F_TITLE_EN, F_TEXT, F_REFS, F_ATTRS, F_ITEMS,
};

static void read_item(struct loader *l, uint32_t parent)
{
	struct catalog *c = l->c;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at, id_at = { 0, 0 }, kind_at = { 0, 0 };
	enum item_kind kind = ITEM_CONTROL;
	bool kind_ok = false;
	uint32_t i;

	if (!yr_mapping_begin(l->r, l->w.an_item, &at))
		return;
	/* The kind is known only once read; the item is typed afterwards. */
	i = catalog_append(c, parent, ITEM_CONTROL);
	if (i == ITEM_NONE) {
		l->r->oom = true;
		yr_skip(l->r);
		return;
	}
	c->items[i].line = at.line;
	yr_fields_init(&f, item_fields, 9, l->w.item, at);
	while (yr_mapping_next(l->r, &key)) {
		switch (yr_field(l->r, &f, &key)) {
		case F_ID:
			if (yr_token(l->r, l->w.id, &c->items[i].id, &id_at))
				index_item(l, i, id_at);
			break;
		case F_KIND: {
			char name[16];

			if (!yr_word(l->r, l->w.kind, name, sizeof(name), &s))
				break;
			kind_at = s.mark;
			kind_ok = item_kind_parse(name, &kind) == 0;
			if (!kind_ok)
				yr_error(l->r, s.mark,
					 _("unknown kind \"%.*s\"; use part, section, control, detail or entry"),
					 (int)s.len, s.value);
			else
				c->items[i].kind = (uint8_t)kind;
			break;
		}
		case F_LABEL: yr_text(l->r, l->w.label, &c->items[i].label); break;
		case F_TITLE: yr_text(l->r, l->w.title, &c->items[i].title); break;
		case F_TITLE_EN: yr_text(l->r, l->w.title_en, &c->items[i].title_en); break;
		case F_TEXT: yr_text(l->r, l->w.text, &c->items[i].text); break;
		case F_REFS: read_refs(l, i); break;
		case F_ATTRS: read_attrs(l, i); break;
		case F_ITEMS:
			if (!kind_ok && (f.seen & (1u << F_KIND)) == 0)
				yr_error(l->r, key.mark, "%s",
					 _("write \"kind\" before \"items\""));
			read_items(l, i);
			break;
		default: break;
		}
	}
	yr_fields_require(l->r, &f, 1u << F_ID | 1u << F_KIND);
	if (kind_ok) {
		const struct item *it = &c->items[i];
		enum item_kind pk = (enum item_kind)c->items[parent].kind;

		if (!item_kind_may_hold(pk, kind))
			yr_error(l->r, kind_at, _("a %s cannot be placed inside a %s"),
				 item_kind_label(kind), item_kind_label(pk));
		if (kind <= ITEM_CONTROL && !it->title && !it->title_en)
			yr_error(l->r, at, _("%s \"%s\" needs a title"), item_kind_label(kind),
				 it->id ? it->id : "?");
		if (kind >= ITEM_DETAIL && !it->text && !it->title)
			yr_error(l->r, at, _("%s \"%s\" needs a text"), item_kind_label(kind),
				 it->id ? it->id : "?");
		if (it->label && kind != ITEM_ENTRY)
			yr_error(l->r, at, "%s", _("only list entries have a label"));
	}
}

static void read_items(struct loader *l, uint32_t parent)
{
	if (!yr_sequence_begin(l->r, l->w.items, NULL))
		return;
	while (yr_sequence_next(l->r) && !l->r->oom)
		read_item(l, parent);
}

/* ---- the document ------------------------------------------------------- */

static const char *const top_fields[] = {
	"format", "id", "title", "title_en", "edition", "publisher", "notice",
	"attribute_types", "items",
};
enum { T_FORMAT, T_ID, T_TITLE, T_TITLE_EN, T_EDITION, T_PUBLISHER, T_NOTICE,
       T_TYPES, T_ITEMS };

static void read_document(struct yreader *r, void *ctx)
{
	struct loader *l = ctx;
	struct catalog *c = l->c;
	struct yr_fields f;
	struct yr_scalar key, s;
	struct yr_mark at;

	l->r = r;
	if (!yr_document_begin(l->r))
		return;
	if (!yr_mapping_begin(l->r, _("a catalog"), &at))
		return;
	yr_fields_init(&f, top_fields, 9, _("the catalog"), at);
	while (yr_mapping_next(l->r, &key) && !l->r->oom) {
		switch (yr_field(l->r, &f, &key)) {
		case T_FORMAT:
			if (!yr_scalar(l->r, _("format"), &s))
				break;
			if (s.len != strlen(CATALOG_FORMAT) ||
			    memcmp(s.value, CATALOG_FORMAT, s.len) != 0)
				yr_error(l->r, s.mark,
					 _("format \"%.*s\" is not one this kijun reads; expected \"%s\""),
					 (int)s.len, s.value, CATALOG_FORMAT);
			break;
		case T_ID: yr_token(l->r, _("id"), &c->id, NULL); break;
		case T_TITLE: yr_text(l->r, _("title"), &c->title); break;
		case T_TITLE_EN: yr_text(l->r, _("title_en"), &c->title_en); break;
		case T_EDITION: yr_text(l->r, _("edition"), &c->edition); break;
		case T_PUBLISHER: yr_text(l->r, _("publisher"), &c->publisher); break;
		case T_NOTICE: yr_text(l->r, _("notice"), &c->notice); break;
		case T_TYPES: yr_attr_types(l->r, &c->types, &c->type_count); break;
		case T_ITEMS: read_items(l, ITEM_ROOT_INDEX); break;
		default: break;
		}
	}
	/* "edition:" with nothing after it is no edition: the catalog would
	 * be written without one, and not read back. */
	if (!c->title)
		f.seen &= ~(1u << T_TITLE);
	if (!c->edition)
		f.seen &= ~(1u << T_EDITION);
	yr_fields_require(l->r, &f, 1u << T_FORMAT | 1u << T_ID | 1u << T_TITLE |
				     1u << T_EDITION | 1u << T_ITEMS);
	if (!l->r->oom)
		yr_document_end(l->r);
}

bool catalog_read(struct catalog *c, const char *name, const char *buf,
		  size_t len, struct diag_list *diags)
{
	struct loader l = { NULL, c, { 0 } };

	if (!catalog_init(c)) {
		catalog_free(c);
		diag_add(diags, name, 0, 0, "%s", _("out of memory"));
		return false;
	}
	words_init(&l.w);
	if (yr_run(name, buf, len, CATALOG_MAX_DEPTH, &c->arena, diags, read_document, &l))
		return true;
	catalog_free(c);
	return false;
}

/* Reads the file as the parser asks for it, never whole: holding the
 * text beside the catalog made a load cost twice the file's size.  Any
 * problem, or a file that is not a plain one, and the caller reads it
 * again whole, which locates and reports every problem as before. */
static bool load_streamed(struct catalog *c, const char *path)
{
	struct loader l = { NULL, c, { 0 } };
	struct diag_list quiet;
	struct stat st;
	bool ok;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > FILE_MAX_BYTES || !catalog_init(c)) {
		close(fd);
		return false;
	}
	diag_list_init(&quiet);
	words_init(&l.w);
	ok = yr_run_fd(path, fd, (size_t)st.st_size, CATALOG_MAX_DEPTH, &c->arena, &quiet,
		       read_document, &l);
	diag_list_free(&quiet);
	close(fd);
	if (!ok)
		catalog_free(c);
	return ok;
}

bool catalog_load_file(struct catalog *c, const char *path, struct diag_list *diags)
{
	char *buf;
	size_t len;
	bool ok;

	if (load_streamed(c, path))
		return true;
	if (!file_read_all(path, &buf, &len, diags)) {
		memset(c, 0, sizeof(*c));
		return false;
	}
	ok = catalog_read(c, path, buf, len, diags);
	free(buf);
	return ok;
}
