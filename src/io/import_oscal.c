/* kijun import oscal: an OSCAL catalog (JSON or YAML; libyaml reads both,
 * JSON being a flow-style YAML) into a kijun catalog.  The document is
 * read into a small tree first, since OSCAL does not fix the order of a
 * control's keys and params must be known before prose uses them.
 * docs/interop.md lists what maps. */
#include "kijun/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
#include "export_oscal.h"
#include "kijun/strbuf.h"
#include "yaml_reader.h"

/* OSCAL nests deeper than a catalog (assessment parts in parts). */
#define OSCAL_MAX_DEPTH 128

enum onode_type { O_SCALAR, O_MAP, O_SEQ };

struct onode {
	enum onode_type type;
	const char *key;      /* its key in the mapping holding it */
	const char *value;    /* scalars */
	struct onode *child, *last, *next;
	struct yr_mark mark;
};

struct tree {
	struct arena arena;
	struct onode *root;
};

static struct onode *node_new(struct yreader *r, enum onode_type type, struct yr_mark at)
{
	struct onode *n = arena_alloc(r->arena, sizeof(*n));

	if (!n) {
		r->oom = true;
		return NULL;
	}
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->mark = at;
	return n;
}

static void node_add(struct onode *parent, struct onode *n)
{
	if (parent->last)
		parent->last->next = n;
	else
		parent->child = n;
	parent->last = n;
}

/* Recursion is bounded by the reader's depth limit. */
static struct onode *read_node(struct yreader *r)
{
	struct yr_mark at = yr_here(r);
	struct yr_scalar s;
	struct onode *n;

	if (r->broken || r->oom)
		return NULL;
	if (yr_at_scalar(r)) {
		if (!yr_scalar(r, "", &s))
			return NULL;
		n = node_new(r, O_SCALAR, s.mark);
		if (n && !s.is_null && !(n->value = arena_strndup(r->arena, s.value, s.len)))
			r->oom = true;
		return n;
	}
	if (r->event.type == YAML_MAPPING_START_EVENT) {
		if (!yr_mapping_begin(r, "", NULL) || !(n = node_new(r, O_MAP, at)))
			return NULL;
		while (yr_mapping_next(r, &s)) {
			const char *key = arena_strndup(r->arena, s.value, s.len);
			struct onode *v = read_node(r);

			if (!key)
				r->oom = true;
			if (!v)
				continue;
			v->key = key;
			node_add(n, v);
		}
		return n;
	}
	if (!yr_sequence_begin(r, "", NULL) || !(n = node_new(r, O_SEQ, at)))
		return NULL;
	while (yr_sequence_next(r)) {
		struct onode *v = read_node(r);

		if (v)
			node_add(n, v);
		else if (r->broken || r->oom)
			break;
	}
	return n;
}

static void read_tree(struct yreader *r, void *ctx)
{
	struct tree *t = ctx;

	if (!yr_document_begin(r))
		return;
	t->root = read_node(r);
	if (!r->oom && !r->broken)
		yr_document_end(r);
}

static struct onode *get(const struct onode *map, const char *key)
{
	if (!map || map->type != O_MAP)
		return NULL;
	for (struct onode *n = map->child; n; n = n->next)
		if (strcmp(n->key, key) == 0)
			return n;
	return NULL;
}

static const char *get_text(const struct onode *map, const char *key)
{
	const struct onode *n = get(map, key);

	return n && n->type == O_SCALAR ? n->value : NULL;
}

/* The file's name without its directories, for notices that should not
 * depend on where the import ran. */
static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* ---- JSON's surrogate pairs ---------------------------------------------- */

static int hex4(const char *s)
{
	int v = 0;

	for (int k = 0; k < 4; k++) {
		char ch = s[k];

		v <<= 4;
		if (ch >= '0' && ch <= '9')
			v |= ch - '0';
		else if (ch >= 'a' && ch <= 'f')
			v |= ch - 'a' + 10;
		else if (ch >= 'A' && ch <= 'F')
			v |= ch - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* JSON writes a character beyond U+FFFF as two escapes ("\ud83d\ude00"),
 * which libyaml refuses; YAML's own "\U0001F600" says the same in fewer
 * bytes.  Only for JSON, where every backslash is inside a string.  NULL
 * when there is nothing to change (or no memory: libyaml then reports). */
static char *join_surrogates(const char *buf, size_t len, size_t *out_len)
{
	size_t p = 0, o = 0, run = 0;
	char *out = NULL;

	while (p < len && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r' || buf[p] == '\n'))
		p++;
	if (p == len || buf[p] != '{')
		return NULL;
	for (p = 0; p < len; p++) {
		int hi, lo;

		run = buf[p] == '\\' ? run + 1 : 0;
		if (run % 2 == 1 && p + 12 <= len && buf[p + 1] == 'u' && buf[p + 6] == '\\' &&
		    buf[p + 7] == 'u' && (hi = hex4(buf + p + 2)) >= 0xD800 && hi <= 0xDBFF &&
		    (lo = hex4(buf + p + 8)) >= 0xDC00 && lo <= 0xDFFF) {
			if (!out) {
				if (!(out = malloc(len + 1)))
					return NULL;
				memcpy(out, buf, p);
				o = p;
			}
			o += (size_t)snprintf(out + o, 11, "\\U%08X",
					      0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
			p += 11;
			run = 0;
		} else if (out) {
			out[o++] = buf[p];
		}
	}
	if (out)
		*out_len = o;
	return out;
}

/* ---- params ------------------------------------------------------------- */

struct param {
	const char *id;
	const struct onode *node;
};

struct props {
	uint32_t item;
	const char *name;
	const char *value;
	const char *remarks;
};

struct mapper {
	const char *name;
	struct catalog *c;
	struct import_report *rep;
	struct diag_list *diags;
	struct param *params;
	size_t param_count, param_cap;
	struct props *props;
	size_t prop_count, prop_cap;
	bool kijun;          /* kijun's own export: its ids are escaped */
	bool oom;
};

static void collect_params(struct mapper *m, const struct onode *n)
{
	if (!n)
		return;
	if (n->type == O_MAP && n->key && strcmp(n->key, "params") != 0) {
		/* fall through to children */
	}
	for (const struct onode *k = n->child; k; k = k->next) {
		if (k->type == O_SEQ && k->key && strcmp(k->key, "params") == 0) {
			for (const struct onode *p = k->child; p; p = p->next) {
				const char *id = get_text(p, "id");

				if (!id)
					continue;
				if (m->param_count == m->param_cap) {
					size_t ncap = m->param_cap ? m->param_cap * 2 : 256;
					struct param *nv = realloc(m->params, ncap * sizeof(*nv));

					if (!nv) {
						m->oom = true;
						return;
					}
					m->params = nv;
					m->param_cap = ncap;
				}
				m->params[m->param_count].id = id;
				m->params[m->param_count].node = p;
				m->param_count++;
			}
		} else if (k->type != O_SCALAR) {
			collect_params(m, k);
		}
	}
}

static int param_cmp(const void *a, const void *b)
{
	return strcmp(((const struct param *)a)->id, ((const struct param *)b)->id);
}

static const struct onode *param_find(const struct mapper *m, const char *id, size_t len)
{
	char key[256];
	struct param probe = { key, NULL }, *hit;

	if (len >= sizeof(key) || !m->param_count)
		return NULL;
	memcpy(key, id, len);
	key[len] = '\0';
	hit = bsearch(&probe, m->params, m->param_count, sizeof(*m->params), param_cmp);
	return hit ? hit->node : NULL;
}

static void add_prose(const struct mapper *m, struct strbuf *b, const char *s, int depth);

/* What a param says in prose: its values, else its choices, else its
 * label, in the brackets NIST's own renderings use. */
static void add_param(const struct mapper *m, struct strbuf *b, const struct onode *p, int depth)
{
	const struct onode *values = get(p, "values"), *select = get(p, "select");
	const char *label = get_text(p, "label");
	bool first = true;

	if (values && values->type == O_SEQ && values->child) {
		for (const struct onode *v = values->child; v; v = v->next) {
			if (v->type != O_SCALAR || !v->value)
				continue;
			if (!first)
				strbuf_adds(b, ", ");
			add_prose(m, b, v->value, depth + 1);
			first = false;
		}
		if (!first)
			return;
	}
	if (select) {
		const char *how = get_text(select, "how-many");
		const struct onode *choice = get(select, "choice");

		strbuf_adds(b, how && strcmp(how, "one-or-more") == 0 ?
			    "[Selection (one or more): " : "[Selection: ");
		for (const struct onode *v = choice ? choice->child : NULL; v; v = v->next) {
			if (v->type != O_SCALAR || !v->value)
				continue;
			if (!first)
				strbuf_adds(b, "; ");
			add_prose(m, b, v->value, depth + 1);
			first = false;
		}
		strbuf_addc(b, ']');
		return;
	}
	strbuf_addf(b, "[Assignment: %s]", label ? label : get_text(p, "id"));
}

/* Prose with every {{ insert: param, ID }} set. */
static void add_prose(const struct mapper *m, struct strbuf *b, const char *s, int depth)
{
	while (*s) {
		const char *open = strstr(s, "{{"), *close, *p;
		const struct onode *param = NULL;

		if (!open) {
			strbuf_adds(b, s);
			return;
		}
		strbuf_add(b, s, (size_t)(open - s));
		close = strstr(open, "}}");
		if (!close) {
			strbuf_adds(b, open);
			return;
		}
		p = open + 2;
		while (*p == ' ')
			p++;
		if (depth < 4 && strncmp(p, "insert:", 7) == 0) {
			p += 7;
			while (*p == ' ')
				p++;
			if (strncmp(p, "param", 5) == 0) {
				const char *id, *end;

				p += 5;
				while (*p == ' ' || *p == ',')
					p++;
				id = p;
				end = close;
				while (end > id && end[-1] == ' ')
					end--;
				param = param_find(m, id, (size_t)(end - id));
			}
		}
		if (param)
			add_param(m, b, param, depth);
		else
			strbuf_add(b, open, (size_t)(close + 2 - open));
		s = close + 2;
	}
}

static const char *prose_of(struct mapper *m, const char *s)
{
	struct strbuf b;
	const char *out = NULL;

	if (!s)
		return NULL;
	strbuf_init(&b);
	add_prose(m, &b, s, 0);
	if (b.failed)
		m->oom = true;
	else if (b.len)
		out = arena_strdup(&m->c->arena, b.data);
	strbuf_free(&b);
	return out;
}

/* ---- items -------------------------------------------------------------- */

/* What kijun's export says of an item that the tailoring, not the catalog,
 * gave it (oscal_item_props): not a classification of the catalog. */
static bool tailoring_fact(const char *name)
{
	static const char *const facts[] = {
		"level", "technical-verification", "review-months", "mark", "source",
		"source-reference", "internal-rule",
	};

	for (size_t k = 0; k < sizeof(facts) / sizeof(facts[0]); k++)
		if (strcmp(name, facts[k]) == 0)
			return true;
	return false;
}

static void keep_props(struct mapper *m, uint32_t i, const struct onode *n)
{
	const struct onode *props = get(n, "props");

	for (const struct onode *p = props ? props->child : NULL; p; p = p->next) {
		const char *name = get_text(p, "name"), *value = get_text(p, "value");

		if (!name || !value || (m->kijun && tailoring_fact(name))) {
			m->rep->dropped++;
			continue;
		}
		if (m->prop_count == m->prop_cap) {
			size_t ncap = m->prop_cap ? m->prop_cap * 2 : 256;
			struct props *nv = realloc(m->props, ncap * sizeof(*nv));

			if (!nv) {
				m->oom = true;
				return;
			}
			m->props = nv;
			m->prop_cap = ncap;
		}
		m->props[m->prop_count++] = (struct props){ i, name, value, get_text(p, "remarks") };
	}
}

static int hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The kijun id behind an OSCAL token of kijun's export (oscal_token in
 * export_oscal.c): one leading "k-" dropped, _XX bytes decoded.  Tokens
 * that are not of that form stay as they are. */
static const char *kijun_id(struct mapper *m, const char *token)
{
	const char *p = token;
	char buf[512];
	size_t n = 0;

	if (!m->kijun)
		return token;
	if (p[0] == 'k' && p[1] == '-')
		p += 2;
	for (; *p && n + 1 < sizeof(buf); p++) {
		if (*p == '_') {
			int hi = hex_digit(p[1]), lo = hi < 0 ? -1 : hex_digit(p[2]);

			if (lo < 0 || (hi << 4 | lo) == 0)
				return token;
			buf[n++] = (char)(hi << 4 | lo);
			p += 2;
		} else {
			buf[n++] = *p;
		}
	}
	if (*p || !n)
		return token;
	buf[n] = '\0';
	return arena_strdup(&m->c->arena, buf);
}

static uint32_t add_item(struct mapper *m, uint32_t parent, enum item_kind kind,
			 const struct onode *n, const char *id)
{
	uint32_t i = catalog_append(m->c, parent, kind), dup;
	bool oom = false;

	if (i == ITEM_NONE) {
		m->oom = true;
		return ITEM_NONE;
	}
	m->c->items[i].id = arena_strdup(&m->c->arena, id);
	m->c->items[i].line = n->mark.line;
	dup = catalog_index_id(m->c, i, &oom);
	if (oom || !m->c->items[i].id)
		m->oom = true;
	else if (dup != ITEM_NONE)
		diag_add(m->diags, m->name, n->mark.line, n->mark.column,
			 _("id \"%s\" is used twice; first at line %u"), id, m->c->items[dup].line);
	return i;
}

/* An id for a node without one: its parent's and its place. */
static const char *id_or(struct mapper *m, const struct onode *n, const char *parent_id,
			 const char *what, unsigned k)
{
	const char *id = get_text(n, "id");
	char buf[512];

	if (id)
		return id;
	snprintf(buf, sizeof(buf), "%s%s%s-%u", parent_id ? parent_id : "",
		 parent_id ? "_" : "", what, k);
	return arena_strdup(&m->c->arena, buf);
}

/* Statement items become list entries under the control; items within
 * items follow their parent with both labels ("h.1."), since entries
 * hold nothing. */
static void add_entries(struct mapper *m, uint32_t owner, const struct onode *part,
			const char *prefix, unsigned level)
{
	const struct onode *parts = get(part, "parts");
	unsigned k = 0;

	for (const struct onode *p = parts ? parts->child : NULL; p; p = p->next) {
		const char *name = get_text(p, "name"), *label = NULL, *text;
		const struct onode *props = get(p, "props");
		char full[256];
		uint32_t i;

		k++;
		if (!name || strcmp(name, "item") != 0 || level > 8) {
			m->rep->dropped++;
			continue;
		}
		for (const struct onode *q = props ? props->child : NULL; q; q = q->next) {
			const char *pn = get_text(q, "name");

			if (pn && strcmp(pn, "label") == 0)
				label = get_text(q, "value");
			else
				m->rep->dropped++;
		}
		snprintf(full, sizeof(full), "%s%s", prefix, label ? label : "");
		text = prose_of(m, get_text(p, "prose"));
		i = add_item(m, owner, ITEM_ENTRY, p,
			     kijun_id(m, id_or(m, p, m->c->items[owner].id, "item", k)));
		if (i == ITEM_NONE)
			return;
		m->c->items[i].label = full[0] ? arena_strdup(&m->c->arena, full) : "・";
		m->c->items[i].text = text ? text : m->c->items[i].label;
		add_entries(m, owner, p, full, level + 1);
	}
}

/* A control's or group's own parts: a statement gives the text and the
 * entries; a group's overview its text; the rest (guidance, examples,
 * assessment) has no place in a catalog and is counted. */
static void add_parts(struct mapper *m, uint32_t i, const struct onode *n, bool group)
{
	const struct onode *parts = get(n, "parts");
	struct strbuf text;

	strbuf_init(&text);
	for (const struct onode *p = parts ? parts->child : NULL; p; p = p->next) {
		const char *name = get_text(p, "name");
		const char *prose = prose_of(m, get_text(p, "prose"));

		if (name && (strcmp(name, "statement") == 0 ||
			     (group && strcmp(name, "overview") == 0))) {
			if (prose) {
				if (text.len)
					strbuf_adds(&text, "\n\n");
				strbuf_adds(&text, prose);
			}
			add_entries(m, i, p, "", 0);
		} else {
			m->rep->dropped++;
		}
	}
	if (text.failed)
		m->oom = true;
	else if (text.len)
		m->c->items[i].text = arena_strdup(&m->c->arena, text.data);
	strbuf_free(&text);
}

static bool withdrawn(const struct onode *n)
{
	const struct onode *props = get(n, "props");

	for (const struct onode *p = props ? props->child : NULL; p; p = p->next) {
		const char *name = get_text(p, "name"), *value = get_text(p, "value");

		if (name && value && strcmp(name, "status") == 0 &&
		    (strcmp(value, "withdrawn") == 0 || strcmp(value, "Withdrawn") == 0))
			return true;
	}
	return false;
}

static void add_controls(struct mapper *m, uint32_t parent, const struct onode *seq, unsigned depth);

static void add_control(struct mapper *m, uint32_t parent, const struct onode *n,
			unsigned depth)
{
	enum item_kind pk = (enum item_kind)m->c->items[parent].kind;
	enum item_kind kind = pk >= ITEM_CONTROL ? ITEM_DETAIL : ITEM_CONTROL;
	const char *title = get_text(n, "title"), *token = get_text(n, "id");
	uint32_t i;

	/* OSCAL requires it; one made up would not match the source's. */
	if (!token) {
		diag_add(m->diags, m->name, n->mark.line, n->mark.column, "%s",
			 _("this control has no id"));
		return;
	}
	i = add_item(m, parent, kind, n, kijun_id(m, token));
	if (i == ITEM_NONE)
		return;
	m->rep->controls++;
	/* kijun's export titles an untitled item with its id. */
	if (m->kijun && kind == ITEM_DETAIL && title && strcmp(title, m->c->items[i].id) == 0)
		title = NULL;
	else if (!title)
		title = m->c->items[i].id;
	if (title && withdrawn(n)) {
		char buf[1024];

		snprintf(buf, sizeof(buf), "%s (withdrawn)", title);
		title = arena_strdup(&m->c->arena, buf);
	}
	m->c->items[i].title = title ? arena_strdup(&m->c->arena, title) : NULL;
	if (title && !m->c->items[i].title)
		m->oom = true;
	keep_props(m, i, n);
	add_parts(m, i, n, false);
	/* A detailed control needs a text; an enhancement without a
	 * statement (a withdrawn one) says its title. */
	if (kind == ITEM_DETAIL && !m->c->items[i].text)
		m->c->items[i].text = m->c->items[i].title;
	add_controls(m, i, get(n, "controls"), depth + 1);
}

static void add_controls(struct mapper *m, uint32_t parent, const struct onode *seq, unsigned depth)
{
	if (!seq || seq->type != O_SEQ || depth > 32)
		return;
	for (const struct onode *n = seq->child; n && !m->oom; n = n->next)
		if (n->type == O_MAP)
			add_control(m, parent, n, depth);
}

static void add_groups(struct mapper *m, uint32_t parent, const struct onode *seq, unsigned depth)
{
	unsigned k = 0;

	if (!seq || seq->type != O_SEQ || depth > 32)
		return;
	for (const struct onode *n = seq->child; n && !m->oom; n = n->next) {
		const char *title = get_text(n, "title");
		uint32_t i;

		if (n->type != O_MAP)
			continue;
		i = add_item(m, parent, parent == ITEM_ROOT_INDEX ? ITEM_PART : ITEM_SECTION, n,
			     kijun_id(m, id_or(m, n, parent == ITEM_ROOT_INDEX ? NULL :
					       m->c->items[parent].id, "group", ++k)));
		if (i == ITEM_NONE)
			return;
		m->rep->groups++;
		m->c->items[i].title = arena_strdup(&m->c->arena, title ? title : m->c->items[i].id);
		keep_props(m, i, n);
		add_parts(m, i, n, true);
		add_groups(m, i, get(n, "groups"), depth + 1);
		add_controls(m, i, get(n, "controls"), depth + 1);
	}
}

/* ---- props as attribute types ------------------------------------------- */

/* Props that are not a classification: a name, an order, an identifier. */
static bool prop_is_attribute(const char *name)
{
	static const char *const not_attrs[] = {
		"label", "sort-id", "alt-identifier", "alt-label", "status", "keywords",
	};

	for (size_t k = 0; k < sizeof(not_attrs) / sizeof(not_attrs[0]); k++)
		if (strcmp(name, not_attrs[k]) == 0)
			return false;
	return true;
}

static bool token_ok(const char *s)
{
	size_t len = strlen(s);

	if (!len || len > 64 || s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return false;
	return true;
}

enum { ATTR_MAX_VALUES = 32, ATTR_MAX_TYPES = 32 };

/* A prop becomes an attribute type when its values are a short list of
 * words (CSF's risk-party 1st/3rd, 800-53's implementation-level);
 * otherwise it is counted as left out. */
static void make_attrs(struct mapper *m)
{
	struct catalog *c = m->c;
	struct attr_type *types = arena_alloc(&c->arena, ATTR_MAX_TYPES * sizeof(*types));
	uint32_t ntypes = 0;
	uint32_t *counts;

	if (!types || !m->prop_count) {
		m->oom = m->oom || !types;
		m->rep->dropped += (uint32_t)m->prop_count;
		return;
	}
	for (size_t k = 0; k < m->prop_count; k++) {
		const struct props *p = &m->props[k];
		struct attr_type *t = NULL;
		int v = -1;
		bool ok = prop_is_attribute(p->name) && token_ok(p->name) && token_ok(p->value);

		for (uint32_t j = 0; ok && j < ntypes; j++)
			if (strcmp(types[j].id, p->name) == 0)
				t = &types[j];
		if (ok && !t && ntypes < ATTR_MAX_TYPES) {
			t = &types[ntypes++];
			memset(t, 0, sizeof(*t));
			/* The tree's strings go when the import ends. */
			t->id = arena_strdup(&c->arena, p->name);
			t->label = t->id;
			t->label_en = t->id;
			t->values = arena_alloc(&c->arena, ATTR_MAX_VALUES * sizeof(*t->values));
			if (!t->values) {
				m->oom = true;
				return;
			}
		}
		if (t)
			v = attr_type_value_find(t, p->value);
		if (t && v < 0 && t->value_count < ATTR_MAX_VALUES) {
			v = (int)t->value_count++;
			t->values[v].id = arena_strdup(&c->arena, p->value);
			t->values[v].label = arena_strdup(&c->arena, p->remarks &&
				token_ok(p->remarks) ? p->remarks : p->value);
			t->values[v].label_en = t->values[v].label;
			if (!t->id || !t->values[v].id || !t->values[v].label)
				m->oom = true;
		} else if (t && v < 0) {
			t->value_count = ATTR_MAX_VALUES + 1;  /* too many: not a classification */
		}
	}
	/* Drop the types that turned out not to be short lists. */
	counts = calloc(ntypes ? ntypes : 1, sizeof(*counts));
	if (!counts) {
		m->oom = true;
		return;
	}
	{
		uint32_t kept = 0;

		for (uint32_t j = 0; j < ntypes; j++)
			if (types[j].value_count <= ATTR_MAX_VALUES)
				types[kept++] = types[j];
		ntypes = kept;
	}
	c->types = types;
	c->type_count = ntypes;
	for (size_t k = 0; k < m->prop_count; k++) {
		const struct props *p = &m->props[k];
		int t = catalog_type_find(c, p->name);
		struct item *it = &c->items[p->item];
		struct attr_ref *nv;
		int v;

		if (t < 0 || (v = attr_type_value_find(&c->types[t], p->value)) < 0) {
			m->rep->dropped++;
			continue;
		}
		nv = arena_alloc(&c->arena, (it->attr_count + 1) * sizeof(*nv));
		if (!nv) {
			m->oom = true;
			break;
		}
		if (it->attr_count)
			memcpy(nv, it->attrs, it->attr_count * sizeof(*nv));
		nv[it->attr_count].type = (uint16_t)t;
		nv[it->attr_count].value = (uint16_t)v;
		it->attrs = nv;
		it->attr_count++;
	}
	free(counts);
}

/* ---- the catalog -------------------------------------------------------- */

/* A catalog id from the title: lower-case words joined by '-'. */
static const char *id_from(struct mapper *m, const char *title)
{
	char buf[49];
	size_t n = 0;

	for (const char *p = title ? title : ""; *p && n < sizeof(buf) - 1; p++) {
		char ch = *p;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			buf[n++] = ch;
		else if (n && buf[n - 1] != '-')
			buf[n++] = '-';
	}
	while (n && buf[n - 1] == '-')
		n--;
	if (!n)
		return "oscal-catalog";
	buf[n] = '\0';
	return arena_strdup(&m->c->arena, buf);
}

/* The OSCAL model other than catalog and profile at the top, or NULL. */
static const char *other_model(const struct onode *root)
{
	static const char *const models[] = {
		"system-security-plan", "component-definition", "assessment-plan",
		"assessment-results", "plan-of-action-and-milestones", "mapping-collection",
	};

	for (size_t k = 0; k < sizeof(models) / sizeof(*models); k++)
		if (get(root, models[k]))
			return models[k];
	return NULL;
}

/* kijun's own export: a metadata prop in kijun's namespace. */
static bool from_kijun(const struct onode *meta)
{
	const struct onode *props = get(meta, "props");

	for (const struct onode *p = props ? props->child : NULL; p; p = p->next) {
		const char *ns = get_text(p, "ns");

		if (ns && strcmp(ns, OSCAL_NS) == 0)
			return true;
	}
	return false;
}

static void make_catalog(struct mapper *m, const struct onode *cat)
{
	const struct onode *meta = get(cat, "metadata");
	const char *title = get_text(meta, "title"), *version = get_text(meta, "version");
	const char *oscal = get_text(meta, "oscal-version"), *uuid = get_text(cat, "uuid");
	struct strbuf b;

	m->c->id = id_from(m, title);
	m->c->title = arena_strdup(&m->c->arena, title ? title : m->name);
	m->c->title_en = m->c->title;
	m->c->edition = arena_strdup(&m->c->arena, version ? version : "?");
	strbuf_init(&b);
	strbuf_addf(&b, "Made by kijun import oscal from %s (OSCAL %s catalog%s%s). "
		    "Guidance, examples and assessment parts are not carried over.",
		    base_of(m->name), oscal ? oscal : "?", uuid ? " " : "", uuid ? uuid : "");
	m->c->notice = b.data ? arena_strdup(&m->c->arena, b.data) : NULL;
	strbuf_free(&b);
	m->kijun = from_kijun(meta);
	collect_params(m, cat);
	if (m->param_count)
		qsort(m->params, m->param_count, sizeof(*m->params), param_cmp);
	add_groups(m, ITEM_ROOT_INDEX, get(cat, "groups"), 0);
	add_controls(m, ITEM_ROOT_INDEX, get(cat, "controls"), 0);
	make_attrs(m);
}

bool import_oscal(struct catalog *out, const char *name, const char *buf, size_t len,
		  struct import_report *rep, struct diag_list *diags)
{
	struct tree t = { .root = NULL };
	struct mapper m = { .name = name, .c = out, .rep = rep, .diags = diags };
	size_t before = diags->count + diags->dropped;
	const struct onode *cat;
	size_t joined_len = 0;
	char *joined;
	bool ok;

	arena_init(&t.arena);
	if (!catalog_init(out)) {
		diag_add(diags, name, 0, 0, "%s", _("out of memory"));
		catalog_free(out);
		arena_free(&t.arena);
		return false;
	}
	joined = join_surrogates(buf, len, &joined_len);
	if (joined) {
		buf = joined;
		len = joined_len;
	}
	ok = yr_run(name, buf, len, OSCAL_MAX_DEPTH, &t.arena, diags, read_tree, &t);
	cat = ok ? get(t.root, "catalog") : NULL;
	if (ok && !cat) {
		const char *model = other_model(t.root);

		if (get(t.root, "profile"))
			diag_add(diags, name, 1, 1, "%s",
				 _("this is an OSCAL profile: resolve it into a catalog first"));
		else if (model)
			diag_add(diags, name, 1, 1, _("this is an OSCAL %s, not a catalog"), model);
		else
			diag_add(diags, name, 1, 1, "%s",
				 _("not an OSCAL catalog: no \"catalog\" at the top"));
	} else if (ok && cat->type != O_MAP) {
		diag_add(diags, name, cat->mark.line, cat->mark.column, "%s",
			 _("not an OSCAL catalog: no \"catalog\" at the top"));
	} else if (ok) {
		make_catalog(&m, cat);
		if (m.oom)
			diag_add(diags, name, 0, 0, "%s", _("out of memory"));
	}
	free(m.params);
	free(m.props);
	free(joined);
	arena_free(&t.arena);
	ok = diags->count + diags->dropped == before;
	if (!ok)
		catalog_free(out);
	return ok;
}
