#include "yaml_reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/text.h"

struct yr_anchor {
	char *name;
	char *value;   /* NULL: the anchor marks a mapping or a list */
	size_t len;
};

enum { YR_MAX_ANCHORS = 10000 };

static struct yr_mark mark_of(yaml_mark_t m)
{
	struct yr_mark at = { (unsigned)m.line + 1, (unsigned)m.column + 1 };

	return at;
}

void yr_error(struct yreader *r, struct yr_mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(r->diags, r->file, at.line, at.column, fmt, ap);
	va_end(ap);
}

/* Line and column (in characters) of a byte offset. */
static struct yr_mark mark_of_offset(const char *buf, size_t offset)
{
	struct yr_mark at = { 1, 1 };

	for (size_t i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			at.line++;
			at.column = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			at.column++;
		}
	}
	return at;
}

bool yr_utf8_check(const char *file, const char *buf, size_t len, struct diag_list *diags)
{
	size_t bad;

	if (utf8_valid(buf, len, &bad))
		return true;
	{
		struct yr_mark at = mark_of_offset(buf, bad);

		diag_add(diags, file, at.line, at.column,
			 _("invalid UTF-8 (byte 0x%02X); kijun files must be saved as UTF-8"),
			 (unsigned)(unsigned char)buf[bad]);
	}
	return false;
}

bool yr_open_unchecked(struct yreader *r, const char *file, const char *buf, size_t len,
		       unsigned max_depth, struct diag_list *diags)
{
	memset(r, 0, sizeof(*r));
	r->file = file;
	r->input = buf;
	r->input_len = len;
	r->diags = diags;
	r->max_depth = max_depth;
	/* Aliases may repeat plain values, within reason: never more than
	 * the file itself several times over. */
	r->alias_budget = len * 4 > (1u << 20) ? len * 4 : (1u << 20);
	if (!yaml_parser_initialize(&r->parser)) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		r->broken = true;
		return false;
	}
	r->fd = -1;
	if (buf)
		yaml_parser_set_input_string(&r->parser, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&r->parser, YAML_UTF8_ENCODING);
	return true;
}

static int read_fd(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
	struct yreader *r = data;
	ssize_t n;

	do
		n = read(r->fd, buffer, size);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return 0;
	/* Bounded as file_read_all bounds it, should the file grow. */
	r->fd_bytes += (size_t)n;
	if (r->fd_bytes > FILE_MAX_BYTES)
		return 0;
	*size_read = (size_t)n;
	return 1;
}

bool yr_open_fd(struct yreader *r, const char *file, int fd, size_t len,
		unsigned max_depth, struct diag_list *diags)
{
	if (!yr_open_unchecked(r, file, NULL, 0, max_depth, diags))
		return false;
	r->alias_budget = len * 4 > (1u << 20) ? len * 4 : (1u << 20);
	r->fd = fd;
	yaml_parser_set_input(&r->parser, read_fd, r);
	return true;
}

bool yr_open(struct yreader *r, const char *file, const char *buf, size_t len,
	     unsigned max_depth, struct diag_list *diags)
{
	if (!yr_open_unchecked(r, file, buf, len, max_depth, diags))
		return false;
	if (!yr_utf8_check(file, buf, len, diags)) {
		r->broken = true;
		return false;
	}
	return true;
}

void yr_close(struct yreader *r)
{
	if (r->have_event)
		yaml_event_delete(&r->event);
	if (r->have_last)
		yaml_event_delete(&r->last);
	for (size_t i = 0; i < r->anchor_count; i++) {
		free(r->anchors[i].name);
		free(r->anchors[i].value);
	}
	free(r->anchors);
	free(r->anchor_index);
	r->anchor_index = NULL;
	r->anchor_slots = 0;
	yaml_parser_delete(&r->parser);
	r->have_event = r->have_last = false;
	r->anchors = NULL;
	r->anchor_count = 0;
}

static void report_syntax(struct yreader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "unknown problem";

	if (p->error == YAML_MEMORY_ERROR) {
		diag_add(r->diags, r->file, 0, 0, "%s", _("out of memory"));
	} else if (p->error == YAML_READER_ERROR && !r->input) {
		/* yr_open_fd: located when the file is read again whole */
		yr_error(r, (struct yr_mark){ 0, 0 }, _("unreadable character: %s"), _(problem));
	} else if (p->error == YAML_READER_ERROR) {
		/* Control characters and the like: libyaml gives only the
		 * byte offset. */
		size_t at = p->problem_offset < r->input_len ? p->problem_offset : r->input_len;

		yr_error(r, mark_of_offset(r->input, at), _("unreadable character: %s"),
			 _(problem));
	} else if (p->context) {
		yr_error(r, mark_of(p->problem_mark),
			 _("YAML syntax error: %s (%s, which began at line %u)"),
			 _(problem), _(p->context), (unsigned)p->context_mark.line + 1);
	} else {
		yr_error(r, mark_of(p->problem_mark), _("YAML syntax error: %s"),
			 _(problem));
	}
	r->broken = true;
}

/* FNV-1a: anchors are short names; the table only needs a spread. */
static size_t anchor_hash(const char *name)
{
	size_t h = (size_t)14695981039346656037ull;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * (size_t)1099511628211ull;
	return h;
}

/* The slot of name in the open-addressed table (SIZE_MAX in a slot is
 * empty): where it is, or the empty slot where it would go. */
static size_t anchor_slot(const struct yreader *r, const char *name)
{
	size_t mask = r->anchor_slots - 1, i = anchor_hash(name) & mask;

	while (r->anchor_index[i] != SIZE_MAX &&
	       strcmp(r->anchors[r->anchor_index[i]].name, name) != 0)
		i = (i + 1) & mask;
	return i;
}

/* Keeps the table at most half full, so lookups stay short: a file with
 * thousands of anchors and many aliases once took seconds to read when
 * each alias searched the anchors one by one. */
static bool anchor_table_grow(struct yreader *r)
{
	size_t slots = r->anchor_slots ? r->anchor_slots * 2 : 64;
	size_t *index = malloc(slots * sizeof(*index)), *old = r->anchor_index;

	if (!index)
		return false;
	for (size_t i = 0; i < slots; i++)
		index[i] = SIZE_MAX;
	r->anchor_index = index;
	r->anchor_slots = slots;
	/* Later anchors with the same name replace earlier ones (YAML 1.2):
	 * inserting in order leaves each name on its last anchor. */
	for (size_t k = 0; k < r->anchor_count; k++)
		r->anchor_index[anchor_slot(r, r->anchors[k].name)] = k;
	free(old);
	return true;
}

static bool anchor_add(struct yreader *r, const char *name, const char *value,
		       size_t len, struct yr_mark at)
{
	struct yr_anchor *a;

	if (r->anchor_count >= YR_MAX_ANCHORS) {
		yr_error(r, at, _("more than %u anchors"), (unsigned)YR_MAX_ANCHORS);
		r->broken = true;
		return false;
	}
	if (r->anchor_count == r->anchor_capacity) {
		size_t cap = r->anchor_capacity ? r->anchor_capacity * 2 : 16;
		struct yr_anchor *v = realloc(r->anchors, cap * sizeof(*v));

		if (!v)
			goto oom;
		r->anchors = v;
		r->anchor_capacity = cap;
	}
	if ((r->anchor_count + 1) * 2 > r->anchor_slots && !anchor_table_grow(r))
		goto oom;
	a = &r->anchors[r->anchor_count];
	a->name = strdup(name);
	a->value = NULL;
	a->len = len;
	if (!a->name)
		goto oom;
	if (value) {
		a->value = malloc(len + 1);
		if (!a->value) {
			free(a->name);
			goto oom;
		}
		memcpy(a->value, value, len);
		a->value[len] = '\0';
	}
	r->anchor_index[anchor_slot(r, name)] = r->anchor_count;
	r->anchor_count++;
	return true;
oom:
	diag_add(r->diags, r->file, 0, 0, "%s", _("out of memory"));
	r->broken = true;
	return false;
}

static const struct yr_anchor *anchor_find(const struct yreader *r, const char *name)
{
	size_t i;

	if (!r->anchor_slots)
		return NULL;
	i = r->anchor_index[anchor_slot(r, name)];
	return i == SIZE_MAX ? NULL : &r->anchors[i];
}

/* Loads the next event under the cursor. */
static bool fetch(struct yreader *r)
{
	yaml_event_t *e = &r->event;
	const char *anchor = NULL;

	if (r->have_event)
		return true;
	if (r->broken)
		return false;
	if (!yaml_parser_parse(&r->parser, e)) {
		report_syntax(r);
		return false;
	}
	r->have_event = true;
	switch (e->type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (r->depth + 1 > r->max_depth) {
			yr_error(r, mark_of(e->start_mark),
				 _("nesting deeper than %u levels"), r->max_depth);
			r->broken = true;
			return false;
		}
		anchor = (const char *)(e->type == YAML_MAPPING_START_EVENT
						? e->data.mapping_start.anchor
						: e->data.sequence_start.anchor);
		if (anchor && !anchor_add(r, anchor, NULL, 0, mark_of(e->start_mark)))
			return false;
		break;
	case YAML_SCALAR_EVENT:
		anchor = (const char *)e->data.scalar.anchor;
		if (anchor && !anchor_add(r, anchor, (const char *)e->data.scalar.value,
					  e->data.scalar.length, mark_of(e->start_mark)))
			return false;
		break;
	default:
		break;
	}
	return true;
}

/* Drops the event under the cursor, keeping count of nesting. */
static void consume(struct yreader *r)
{
	if (!r->have_event)
		return;
	switch (r->event.type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		r->depth++;
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		r->depth--;
		break;
	default:
		break;
	}
	yaml_event_delete(&r->event);
	r->have_event = false;
}

struct yr_mark yr_here(struct yreader *r)
{
	struct yr_mark none = { 0, 0 };

	if (!fetch(r))
		return none;
	return mark_of(r->event.start_mark);
}

static const char *node_name(const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_MAPPING_START_EVENT: return _("a mapping");
	case YAML_SEQUENCE_START_EVENT: return _("a list");
	case YAML_SCALAR_EVENT: return _("a single value");
	case YAML_ALIAS_EVENT: return _("an alias");
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT: return _("nothing");
	default: return _("something else");
	}
}

void yr_skip(struct yreader *r)
{
	unsigned nesting = 0;

	do {
		if (!fetch(r))
			return;
		switch (r->event.type) {
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			nesting++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			if (nesting == 0)
				return;  /* nothing to skip: leave the end alone */
			nesting--;
			break;
		default:
			break;
		}
		consume(r);
	} while (nesting > 0);
}

bool yr_document_begin(struct yreader *r)
{
	if (!fetch(r))
		return false;
	if (r->event.type == YAML_STREAM_START_EVENT) {
		consume(r);
		if (!fetch(r))
			return false;
	}
	if (r->event.type != YAML_DOCUMENT_START_EVENT) {
		yr_error(r, (struct yr_mark){ 0, 0 }, "%s", _("the file is empty"));
		r->broken = true;
		return false;
	}
	consume(r);
	return true;
}

bool yr_document_end(struct yreader *r)
{
	if (!fetch(r))
		return false;
	if (r->event.type != YAML_DOCUMENT_END_EVENT) {
		yr_error(r, mark_of(r->event.start_mark), "%s",
			 _("unexpected content after the end of the document"));
		return false;
	}
	consume(r);
	if (!fetch(r))
		return false;
	if (r->event.type == YAML_DOCUMENT_START_EVENT) {
		yr_error(r, mark_of(r->event.start_mark), "%s",
			 _("only one YAML document is allowed in a file"));
		return false;
	}
	consume(r);
	return true;
}

static bool expect_start(struct yreader *r, yaml_event_type_t type,
			 const char *fmt, const char *what, struct yr_mark *at)
{
	if (!fetch(r))
		return false;
	if (at)
		*at = mark_of(r->event.start_mark);
	if (r->event.type == type) {
		consume(r);
		return true;
	}
	if (r->event.type == YAML_ALIAS_EVENT) {
		const struct yr_anchor *a =
			anchor_find(r, (const char *)r->event.data.alias.anchor);

		if (!a || !a->value) {
			yr_error(r, mark_of(r->event.start_mark),
				 _("alias *%s stands for a mapping or a list; only single values may be aliased"),
				 (const char *)r->event.data.alias.anchor);
			consume(r);
			return false;
		}
	}
	yr_error(r, mark_of(r->event.start_mark), fmt, what, node_name(&r->event));
	yr_skip(r);
	return false;
}

bool yr_mapping_begin(struct yreader *r, const char *what, struct yr_mark *at)
{
	return expect_start(r, YAML_MAPPING_START_EVENT,
			    _("%s must be a mapping (lines of \"key: value\"), but is %s"),
			    what, at);
}

bool yr_sequence_begin(struct yreader *r, const char *what, struct yr_mark *at)
{
	return expect_start(r, YAML_SEQUENCE_START_EVENT,
			    _("%s must be a list (lines starting with \"- \"), but is %s"),
			    what, at);
}

bool yr_sequence_next(struct yreader *r)
{
	if (!fetch(r))
		return false;
	if (r->event.type == YAML_SEQUENCE_END_EVENT) {
		consume(r);
		return false;
	}
	return true;
}

static bool plain_is_null(const yaml_event_t *e)
{
	const char *v = (const char *)e->data.scalar.value;

	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE &&
	    e->data.scalar.style != YAML_ANY_SCALAR_STYLE)
		return false;
	return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* Byte offset of a line and column (1-based, columns in characters). */
static size_t offset_of_mark(const char *buf, size_t len, struct yr_mark at)
{
	size_t i = 0;

	for (unsigned line = 1; line < at.line && i < len; i++)
		if (buf[i] == '\n')
			line++;
	for (unsigned col = 1; col < at.column && i < len && buf[i] != '\n'; col++) {
		i++;
		while (i < len && ((unsigned char)buf[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* Where in a double-quoted scalar starting at `at` the escape that makes a
 * NUL is (\0, \x00, \u0000 or \U00000000); `at` itself if none is found. */
static struct yr_mark nul_escape_mark(const struct yreader *r, struct yr_mark at)
{
	static const char *const forms[] = { "\\0", "\\x00", "\\u0000", "\\U00000000" };
	const char *buf = r->input;
	size_t len = r->input_len, i;

	if (!buf)
		return at;  /* yr_open_fd: located when read again whole */
	i = offset_of_mark(buf, len, at);

	while (i < len && buf[i] != '"')  /* past an anchor or a tag */
		i++;
	i++;
	for (; i < len && buf[i] != '"'; i++) {
		if (buf[i] != '\\')
			continue;
		for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
			size_t n = strlen(forms[k]);

			if (len - i >= n && memcmp(buf + i, forms[k], n) == 0)
				return mark_of_offset(buf, i);
		}
		i++;  /* the escaped character, which may be a quote */
	}
	return at;
}

/* kijun's text is C strings: a NUL would silently cut it, so what the
 * screen shows and `format` writes would be less than the file says. */
static bool has_nul(struct yreader *r, const char *value, size_t len, struct yr_mark at,
		    bool alias)
{
	if (!memchr(value, '\0', len))
		return false;
	yr_error(r, alias ? at : nul_escape_mark(r, at), "%s",
		 _("a value contains a NUL character (\\0), which kijun cannot keep; remove it"));
	return true;
}

/* Hands out the scalar or scalar alias under the cursor. */
static bool take_scalar(struct yreader *r, struct yr_scalar *out)
{
	yaml_event_t *e = &r->event;

	out->mark = mark_of(e->start_mark);
	if (e->type == YAML_ALIAS_EVENT) {
		const char *name = (const char *)e->data.alias.anchor;
		const struct yr_anchor *a = anchor_find(r, name);

		if (!a) {
			yr_error(r, out->mark, _("alias *%s does not refer to an anchor defined before it"),
				 name);
			consume(r);
			return false;
		}
		if (!a->value) {
			yr_error(r, out->mark,
				 _("alias *%s stands for a mapping or a list; only single values may be aliased"),
				 name);
			consume(r);
			return false;
		}
		if (has_nul(r, a->value, a->len, out->mark, true)) {
			consume(r);
			return false;
		}
		r->alias_bytes += a->len + 1;
		if (r->alias_bytes > r->alias_budget) {
			yr_error(r, out->mark, _("aliases expand to more than %zu bytes"),
				 r->alias_budget);
			r->broken = true;
			return false;
		}
		out->value = a->value;
		out->len = a->len;
		out->is_null = false;
		consume(r);
		return true;
	}
	if (has_nul(r, (const char *)e->data.scalar.value, e->data.scalar.length, out->mark,
		    false)) {
		consume(r);
		return false;
	}
	if (r->have_last)
		yaml_event_delete(&r->last);
	r->last = *e;  /* keep the value alive for the caller */
	r->have_last = true;
	r->have_event = false;
	out->value = (const char *)r->last.data.scalar.value;
	out->len = r->last.data.scalar.length;
	out->is_null = plain_is_null(&r->last);
	return true;
}

bool yr_at_scalar(struct yreader *r)
{
	return fetch(r) && (r->event.type == YAML_SCALAR_EVENT ||
			    r->event.type == YAML_ALIAS_EVENT);
}

bool yr_scalar(struct yreader *r, const char *what, struct yr_scalar *out)
{
	if (!fetch(r))
		return false;
	if (r->event.type == YAML_SCALAR_EVENT || r->event.type == YAML_ALIAS_EVENT)
		return take_scalar(r, out);
	yr_error(r, mark_of(r->event.start_mark),
		 _("%s must be a single value, but is %s"), what,
		 node_name(&r->event));
	yr_skip(r);
	return false;
}

bool yr_mapping_next(struct yreader *r, struct yr_scalar *key)
{
	while (fetch(r)) {
		if (r->event.type == YAML_MAPPING_END_EVENT) {
			consume(r);
			return false;
		}
		if (r->event.type == YAML_SCALAR_EVENT ||
		    r->event.type == YAML_ALIAS_EVENT) {
			if (take_scalar(r, key))
				return true;
			yr_skip(r);  /* the value of a key we could not read */
			continue;
		}
		yr_error(r, mark_of(r->event.start_mark), "%s",
			 _("a key must be a single value"));
		yr_skip(r);
		yr_skip(r);
	}
	return false;
}

void yr_fields_init(struct yr_fields *f, const char *const *names,
		    unsigned count, const char *what, struct yr_mark at)
{
	f->names = names;
	f->count = count > 64 ? 64 : count;
	f->seen = 0;
	f->at = at;
	f->what = what;
}

/* Edit distance, for "did you mean"; keys are short ASCII. */
static unsigned distance(const char *a, size_t la, const char *b)
{
	size_t lb = strlen(b);
	unsigned row[40];

	if (la >= 39 || lb >= 39)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned diag = row[0];

		row[0] = (unsigned)i;
		for (size_t j = 1; j <= lb; j++) {
			unsigned up = row[j];
			unsigned best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

int yr_field(struct yreader *r, struct yr_fields *f, const struct yr_scalar *key)
{
	for (unsigned i = 0; i < f->count; i++) {
		if (strlen(f->names[i]) != key->len ||
		    memcmp(f->names[i], key->value, key->len) != 0)
			continue;
		if (f->seen & (UINT64_C(1) << i)) {
			yr_error(r, key->mark, _("key \"%s\" appears twice in %s"),
				 f->names[i], f->what);
			yr_skip(r);
			return -1;
		}
		f->seen |= UINT64_C(1) << i;
		return (int)i;
	}
	{
		const char *best = NULL;
		unsigned best_d = 3;
		char known[512];
		size_t n = 0;

		known[0] = '\0';
		for (unsigned i = 0; i < f->count; i++) {
			unsigned d = distance(key->value, key->len, f->names[i]);
			int w;

			/* Close, but not everything changed ("a" vs "id"). */
			if (d < best_d && d < key->len) {
				best_d = d;
				best = f->names[i];
			}
			w = snprintf(known + n, sizeof(known) - n, "%s%s",
				     i ? ", " : "", f->names[i]);
			if (w > 0 && (size_t)w < sizeof(known) - n)
				n += (size_t)w;
		}
		if (best)
			yr_error(r, key->mark, _("unknown key \"%.*s\" in %s; did you mean \"%s\"?"),
				 (int)key->len, key->value, f->what, best);
		else
			yr_error(r, key->mark, _("unknown key \"%.*s\" in %s; known keys: %s"),
				 (int)key->len, key->value, f->what, known);
	}
	yr_skip(r);
	return -1;
}

void yr_fields_require(struct yreader *r, const struct yr_fields *f,
		       uint64_t required)
{
	if (r->broken)
		return;  /* after a syntax error, "missing" would be noise */
	for (unsigned i = 0; i < f->count; i++)
		if ((required & (UINT64_C(1) << i)) && !(f->seen & (UINT64_C(1) << i)))
			yr_error(r, f->at, _("%s has no \"%s\""), f->what, f->names[i]);
}
