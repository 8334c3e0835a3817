/* The layout was learned from the YAML 1.1 spec's block collections and
 * checked against libyaml's emitter as a black box, never from its source:
 * see yaml_direct.h and the tests named in yaml_form.h. */
#include "yaml_direct.h"

#include <stdlib.h>
#include <string.h>

#include "yaml_form.h"

#define BUF_SIZE 65536

enum { MAP, SEQ };
/* Where a collection hangs: the document's root, the value of a key, an
 * item of a sequence. */
enum { ROOT, VALUE, ITEM };

struct yaml_direct_frame {
	unsigned char kind;
	unsigned char place;
	bool empty;       /* nothing written inside yet */
	bool want_key;    /* a mapping's next scalar is a key */
	int indent;       /* column of its keys or dashes, once not empty */
	int owner;        /* column of the key or dash it hangs from */
};

static void flush(struct yaml_direct *d)
{
	if (d->len && !d->failed && !d->sink(d->sink_ctx, d->buf, d->len))
		d->failed = true;
	d->len = 0;
}

static void put(struct yaml_direct *d, const char *s, size_t n)
{
	if (!d->sink || !n)
		return;
	d->column = s[n - 1] != '\n';
	while (n) {
		size_t room = BUF_SIZE - d->len, k = n < room ? n : room;

		memcpy(d->buf + d->len, s, k);
		d->len += k;
		s += k;
		n -= k;
		if (d->len == BUF_SIZE)
			flush(d);
	}
}

static void spaces(struct yaml_direct *d, int n)
{
	static const char blank[] = "                                ";

	for (; n > 0; n -= (int)sizeof(blank) - 1)
		put(d, blank, n < (int)sizeof(blank) - 1 ? (size_t)n : sizeof(blank) - 1);
}

/* To column col of a new line, unless the line is still empty. */
static void line_at(struct yaml_direct *d, int col)
{
	if (d->column)
		put(d, "\n", 1);
	spaces(d, col);
}

bool yaml_direct_open(struct yaml_direct *d, yw_sink sink, void *ctx)
{
	memset(d, 0, sizeof(*d));
	d->sink = sink;
	d->sink_ctx = ctx;
	if (sink && !(d->buf = malloc(BUF_SIZE)))
		d->failed = true;
	return !d->failed;
}

bool yaml_direct_close(struct yaml_direct *d)
{
	if (d->depth)
		d->failed = true;  /* a collection left open */
	if (!d->failed) {
		if (d->column)
			put(d, "\n", 1);
		/* A kept final break would run into whatever followed:
		 * the document's end is marked. */
		if (d->open_ended)
			put(d, "...\n", 4);
		if (d->sink)
			flush(d);
	}
	free(d->buf);
	free(d->stack);
	d->buf = NULL;
	d->stack = NULL;
	return !d->failed;
}

static struct yaml_direct_frame *top(struct yaml_direct *d)
{
	return d->depth ? &d->stack[d->depth - 1] : NULL;
}

/* The first thing inside f decides where f's lines start. */
static void open_frame(struct yaml_direct *d, struct yaml_direct_frame *f)
{
	f->empty = false;
	switch (f->place) {
	case ROOT:
		f->indent = 0;
		break;
	case VALUE:
		/* A sequence under a key starts at the key's column. */
		f->indent = f->kind == MAP ? f->owner + 2 : f->owner;
		line_at(d, f->indent);
		break;
	default:
		f->indent = f->owner + 2;  /* on the line of its "- " */
		break;
	}
}

/* What comes before a node inside the top collection; the place the
 * node takes (VALUE or ITEM), or ROOT with nothing open. */
static int node_start(struct yaml_direct *d, struct yaml_direct_frame *f)
{
	if (!f)
		return ROOT;
	if (f->kind == MAP) {
		f->want_key = true;  /* after this value */
		return VALUE;
	}
	if (f->empty)
		open_frame(d, f);
	else
		line_at(d, f->indent);
	put(d, "- ", 2);
	return ITEM;
}

static void push(struct yaml_direct *d, unsigned char kind)
{
	struct yaml_direct_frame *f = top(d);
	int place, owner;

	if (d->failed)
		return;
	if (f && f->kind == MAP && f->want_key) {
		d->failed = true;  /* a collection as a key */
		return;
	}
	place = node_start(d, f);
	owner = f ? f->indent : 0;  /* f moves if the stack grows */
	if (d->depth == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct yaml_direct_frame *s = realloc(d->stack, cap * sizeof(*s));

		if (!s) {
			d->failed = true;
			return;
		}
		d->stack = s;
		d->cap = cap;
	}
	d->stack[d->depth++] = (struct yaml_direct_frame){
		.kind = kind, .place = (unsigned char)place, .empty = true,
		.want_key = kind == MAP, .owner = owner,
	};
}

void yaml_direct_mapping_begin(struct yaml_direct *d)
{
	push(d, MAP);
}

void yaml_direct_sequence_begin(struct yaml_direct *d)
{
	push(d, SEQ);
}

void yaml_direct_end(struct yaml_direct *d)
{
	struct yaml_direct_frame *f = top(d);

	if (d->failed)
		return;
	if (!f || (f->kind == MAP && !f->want_key)) {
		d->failed = true;  /* nothing open, or a key without value */
		return;
	}
	if (f->empty) {
		const char *flow = f->kind == MAP ? "{}" : "[]";

		if (f->place == VALUE)
			put(d, " ", 1);
		put(d, flow, 2);
	}
	d->depth--;
}

static void literal(struct yaml_direct *d, const char *s, size_t len, int indent)
{
	char head[3] = "|";
	size_t pos = 0;
	bool keep;

	put(d, head, 1 + yaml_form_literal_head(s, len, head + 1, &keep));
	put(d, "\n", 1);
	while (pos < len) {
		const char *nl = memchr(s + pos, '\n', len - pos);
		size_t stop = nl ? (size_t)(nl - s) : len;

		/* Empty lines carry no indentation. */
		if (stop > pos) {
			spaces(d, indent);
			put(d, s + pos, stop - pos);
		}
		put(d, "\n", 1);
		pos = stop + 1;
	}
	d->open_ended = keep;
}

static void single_quoted(struct yaml_direct *d, const char *s, size_t len)
{
	const char *q;

	put(d, "'", 1);
	while ((q = memchr(s, '\'', len))) {
		put(d, s, (size_t)(q - s) + 1);
		put(d, "'", 1);
		len -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	put(d, s, len);
	put(d, "'", 1);
}

/* Numbers and booleans: letters, digits and a leading minus, which
 * the emitter writes plain when asked for plain. */
static bool bare_word(const char *s, size_t len)
{
	if (!len || (s[0] == '-' && len == 1))
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] == '-' && i == 0)))
			return false;
	return true;
}

static void scalar(struct yaml_direct *d, const char *s, size_t len, bool plain)
{
	struct yaml_direct_frame *f = top(d);
	bool key = f && f->kind == MAP && f->want_key;
	enum yaml_form form;

	if (d->failed)
		return;
	form = plain ? (!key && bare_word(s, len) ? YAML_FORM_PLAIN : YAML_FORM_UNSURE)
		     : yaml_form_of(s, len, key);
	if (!f || form == YAML_FORM_UNSURE) {
		d->failed = true;  /* a form or a place not sure of */
		return;
	}
	if (key) {
		if (f->empty)
			open_frame(d, f);
		else
			line_at(d, f->indent);
	} else if (node_start(d, f) == VALUE) {
		put(d, " ", 1);
	}
	if (form == YAML_FORM_PLAIN)
		put(d, s, len);
	else if (form == YAML_FORM_SINGLE)
		single_quoted(d, s, len);
	else
		literal(d, s, len, f->indent + 2);
	if (key) {
		put(d, ":", 1);
		f->want_key = false;
	}
}

void yaml_direct_scalar(struct yaml_direct *d, const char *s, size_t len)
{
	scalar(d, s, len, false);
}

void yaml_direct_plain(struct yaml_direct *d, const char *s, size_t len)
{
	scalar(d, s, len, true);
}
