/* Typed values on top of the pull reader: texts, words, numbers, dates and
 * the attribute types both catalogs and tailorings declare.  Values are
 * copied into the reader's arena; problems are reported where they are. */
#include <stdlib.h>
#include <string.h>

#include "kijun/change_check.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "yaml_reader.h"

static const char *copy(struct yreader *r, const struct yr_scalar *s)
{
	const char *p = arena_strndup(r->arena, s->value, s->len);

	if (!p)
		r->oom = true;
	return p;
}

bool yr_check_token(struct yreader *r, const struct yr_scalar *s, const char *what)
{
	if (s->is_null || s->len == 0) {
		yr_error(r, s->mark, _("%s is empty"), what);
		return false;
	}
	for (size_t i = 0; i < s->len; i++) {
		unsigned char ch = (unsigned char)s->value[i];

		if (ch < 0x20 || ch == 0x7F || (ch == ' ' && (i == 0 || i + 1 == s->len))) {
			yr_error(r, s->mark,
				 _("%s \"%.*s\" must be one line without tabs or surrounding spaces"),
				 what, (int)s->len, s->value);
			return false;
		}
	}
	return true;
}

bool yr_word(struct yreader *r, const char *what, char *buf, size_t size, struct yr_scalar *s)
{
	if (!yr_scalar(r, what, s))
		return false;
	if (s->len < size) {
		memcpy(buf, s->value, s->len);
		buf[s->len] = '\0';
	} else {
		buf[0] = '\0';
	}
	return true;
}

/* Drops the problems reported after the first `count` (and `dropped`). */
static void drop_problems_after(struct diag_list *diags, size_t count, size_t dropped)
{
	for (size_t i = count; i < diags->count; i++) {
		free(diags->items[i].file);
		free(diags->items[i].message);
	}
	diags->count = count;
	diags->dropped = dropped;
}

bool yr_run(const char *name, const char *buf, size_t len, unsigned max_depth,
	    struct arena *arena, struct diag_list *diags,
	    void (*read)(struct yreader *r, void *ctx), void *ctx)
{
	size_t before = diags->count + diags->dropped;
	size_t before_count = diags->count, before_dropped = diags->dropped;
	struct yreader r;

	if (len > FILE_MAX_BYTES) {
		diag_add(diags, name, 0, 0, _("is larger than %zu MiB; kijun does not open files this large"),
			 FILE_MAX_BYTES >> 20);
		return false;
	}
	if (yr_open_unchecked(&r, name, buf, len, max_depth, diags)) {
		r.arena = arena;
		read(&r, ctx);
	}
	/* Invalid UTF-8 is the one problem reported alone: what libyaml
	 * made of the bytes before it would only confuse. */
	if ((r.oom || r.broken || diags->count + diags->dropped != before ||
	     !r.parser.stream_end_produced) && !utf8_valid(buf, len, NULL)) {
		drop_problems_after(diags, before_count, before_dropped);
		yr_utf8_check(name, buf, len, diags);
		yr_close(&r);
		return false;
	}
	yr_close(&r);
	diag_list_sort(diags, before);
	if (r.oom)
		diag_add(diags, name, 0, 0, "%s", _("out of memory"));
	return diags->count + diags->dropped == before;
}

bool yr_run_fd(const char *name, int fd, size_t len, unsigned max_depth,
	       struct arena *arena, struct diag_list *diags,
	       void (*read)(struct yreader *r, void *ctx), void *ctx)
{
	size_t before = diags->count + diags->dropped;
	struct yreader r;
	bool ok;

	if (len > FILE_MAX_BYTES)
		return false;
	if (yr_open_fd(&r, name, fd, len, max_depth, diags)) {
		r.arena = arena;
		read(&r, ctx);
	}
	ok = !r.oom && !r.broken && r.parser.stream_end_produced &&
	     diags->count + diags->dropped == before;
	yr_close(&r);
	return ok;
}

bool yr_text(struct yreader *r, const char *what, const char **out)
{
	struct yr_scalar s;

	if (!yr_scalar(r, what, &s))
		return false;
	*out = s.is_null ? NULL : copy(r, &s);
	return true;
}

bool yr_token(struct yreader *r, const char *what, const char **out, struct yr_mark *at)
{
	struct yr_scalar s;

	if (!yr_scalar(r, what, &s))
		return false;
	if (at)
		*at = s.mark;
	if (!yr_check_token(r, &s, what))
		return false;
	*out = copy(r, &s);
	return *out != NULL;
}

void yr_token_list(struct yreader *r, const char *what, const char ***out, uint32_t *count)
{
	const char **v = NULL;
	uint32_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (!yr_sequence_begin(r, what, NULL))
		return;
	while (yr_sequence_next(r)) {
		const char *word;

		if (!yr_token(r, what, &word, NULL))
			continue;
		if (n == cap) {
			uint32_t ncap = cap ? cap * 2 : 4;
			const char **nv = arena_alloc(r->arena, ncap * sizeof(*nv));

			if (!nv) {
				r->oom = true;
				yr_skip(r);
				continue;
			}
			if (n)
				memcpy(nv, v, n * sizeof(*nv));
			v = nv;
			cap = ncap;
		}
		v[n++] = word;
	}
	*out = v;
	*count = n;
}

bool yr_int(struct yreader *r, const char *what, long min, long max, long *out)
{
	struct yr_scalar s;
	char buf[32], *end;
	long v;

	if (!yr_scalar(r, what, &s))
		return false;
	if (s.len == 0 || s.len >= sizeof(buf))
		goto bad;
	memcpy(buf, s.value, s.len);
	buf[s.len] = '\0';
	v = strtol(buf, &end, 10);
	if (*end || buf[0] == '+' || buf[0] == ' ' || v < min || v > max)
		goto bad;
	*out = v;
	return true;
bad:
	yr_error(r, s.mark, _("%s must be a whole number from %ld to %ld, not \"%.*s\""),
		 what, min, max, (int)s.len, s.value);
	return false;
}

bool yr_bool(struct yreader *r, const char *what, bool *out)
{
	struct yr_scalar s;

	if (!yr_scalar(r, what, &s))
		return false;
	if (s.len == 4 && memcmp(s.value, "true", 4) == 0) {
		*out = true;
		return true;
	}
	if (s.len == 5 && memcmp(s.value, "false", 5) == 0) {
		*out = false;
		return true;
	}
	yr_error(r, s.mark, _("%s must be true or false, not \"%.*s\""), what,
		 (int)s.len, s.value);
	return false;
}

bool yr_date(struct yreader *r, const char *what, const char **out)
{
	struct yr_scalar s;

	if (!yr_scalar(r, what, &s))
		return false;
	if (s.len != 10 || !change_check_date(s.value)) {
		yr_error(r, s.mark, _("%s must be a date written YYYY-MM-DD, not \"%.*s\""),
			 what, (int)s.len, s.value);
		return false;
	}
	*out = copy(r, &s);
	return *out != NULL;
}

/* ---- attribute types ---------------------------------------------------- */

static const char *const value_fields[] = { "id", "label", "label_en" };
enum { VALUE_ID, VALUE_LABEL, VALUE_LABEL_EN };

static bool read_value(struct yreader *r, struct attr_type *t, struct attr_value *v)
{
	struct yr_fields f;
	struct yr_scalar key;
	struct yr_mark at, id_at = { 0, 0 };

	memset(v, 0, sizeof(*v));
	if (!yr_mapping_begin(r, _("an attribute value"), &at))
		return false;
	yr_fields_init(&f, value_fields, 3, _("attribute value"), at);
	while (yr_mapping_next(r, &key)) {
		switch (yr_field(r, &f, &key)) {
		case VALUE_ID: yr_token(r, _("attribute value id"), &v->id, &id_at); break;
		case VALUE_LABEL: yr_text(r, _("label"), &v->label); break;
		case VALUE_LABEL_EN: yr_text(r, _("label_en"), &v->label_en); break;
		default: break;
		}
	}
	/* "label:" with nothing after it is no label: it would be
	 * written without one, and not read back. */
	if (!v->label)
		f.seen &= ~(1u << VALUE_LABEL);
	yr_fields_require(r, &f, 1u << VALUE_ID | 1u << VALUE_LABEL);
	if (!v->id)
		return false;
	for (uint32_t i = 0; i < t->value_count; i++) {
		if (strcmp(t->values[i].id, v->id) == 0) {
			yr_error(r, id_at, _("attribute value \"%s\" is defined twice in \"%s\""),
				 v->id, t->id ? t->id : "");
			return false;
		}
	}
	return true;
}

/* Grows an array kept in the arena (the old copy stays, unused). */
static void *arena_grow(struct yreader *r, void *old, uint32_t count, uint32_t *cap,
			size_t size)
{
	uint32_t ncap = *cap ? *cap * 2 : 8;
	void *v;

	if (count < *cap)
		return old;
	v = arena_alloc(r->arena, ncap * size);
	if (!v) {
		r->oom = true;
		return NULL;
	}
	if (count)
		memcpy(v, old, count * size);
	*cap = ncap;
	return v;
}

static void read_values(struct yreader *r, struct attr_type *t)
{
	uint32_t cap = 0;

	if (!yr_sequence_begin(r, _("values"), NULL))
		return;
	while (yr_sequence_next(r)) {
		struct attr_value v, *nv;

		if (!read_value(r, t, &v))
			continue;
		if (t->value_count >= UINT16_MAX) {
			yr_error(r, yr_here(r), _("more than %u values"), UINT16_MAX);
			continue;
		}
		nv = arena_grow(r, t->values, t->value_count, &cap, sizeof(*nv));
		if (!nv)
			continue;
		t->values = nv;
		t->values[t->value_count++] = v;
	}
}

static const char *const type_fields[] = { "id", "label", "label_en", "values" };
enum { TYPE_ID, TYPE_LABEL, TYPE_LABEL_EN, TYPE_VALUES };

void yr_attr_types(struct yreader *r, struct attr_type **types, uint32_t *count)
{
	uint32_t cap = 0;

	if (!yr_sequence_begin(r, _("attribute_types"), NULL))
		return;
	while (yr_sequence_next(r)) {
		struct attr_type t, *nt;
		struct yr_fields f;
		struct yr_scalar key;
		struct yr_mark at, id_at = { 0, 0 };
		bool dup = false;

		memset(&t, 0, sizeof(t));
		if (!yr_mapping_begin(r, _("an attribute type"), &at))
			continue;
		yr_fields_init(&f, type_fields, 4, _("attribute type"), at);
		while (yr_mapping_next(r, &key)) {
			switch (yr_field(r, &f, &key)) {
			case TYPE_ID: yr_token(r, _("attribute type id"), &t.id, &id_at); break;
			case TYPE_LABEL: yr_text(r, _("label"), &t.label); break;
			case TYPE_LABEL_EN: yr_text(r, _("label_en"), &t.label_en); break;
			case TYPE_VALUES: read_values(r, &t); break;
			default: break;
			}
		}
		yr_fields_require(r, &f, 1u << TYPE_ID | 1u << TYPE_LABEL | 1u << TYPE_VALUES);
		if (!t.id)
			continue;
		for (uint32_t i = 0; i < *count; i++)
			dup |= strcmp((*types)[i].id, t.id) == 0;
		if (dup) {
			yr_error(r, id_at, _("attribute type \"%s\" is defined twice"), t.id);
			continue;
		}
		if (*count >= UINT16_MAX) {
			yr_error(r, at, _("more than %u attribute types"), UINT16_MAX);
			continue;
		}
		nt = arena_grow(r, *types, *count, &cap, sizeof(*nt));
		if (!nt)
			continue;
		*types = nt;
		(*types)[(*count)++] = t;
	}
}
