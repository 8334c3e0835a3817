#include "detail.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/attr_value.h"
#include "kijun/csf_map.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"

void detail_init(struct detail *d)
{
	memset(d, 0, sizeof(*d));
	arena_init(&d->arena);
	d->item = ITEM_NONE;
}

void detail_free(struct detail *d)
{
	free(d->lines);
	arena_free(&d->arena);
	memset(d, 0, sizeof(*d));
	d->item = ITEM_NONE;
}

static void push_line(struct detail *d, const char *text, size_t len,
		      const unsigned char *marks, int indent, int style, int mark_style)
{
	if (d->count == d->capacity) {
		size_t cap = d->capacity ? d->capacity * 2 : 64;
		struct detail_line *v = realloc(d->lines, cap * sizeof(*v));

		if (!v)
			return;  /* a shorter pane is better than none */
		d->lines = v;
		d->capacity = cap;
	}
	d->lines[d->count++] = (struct detail_line){
		text, len, marks, (uint16_t)(indent < 0 ? 0 : indent), (uint8_t)style,
		(uint8_t)mark_style,
	};
}

void detail_push(struct detail *d, const char *text, size_t len, int indent, int style)
{
	push_line(d, text, len, NULL, indent, style, style);
}

void detail_push_marked(struct detail *d, const char *s, const unsigned char *marks,
			int indent, int style, int mark_style)
{
	struct wrap_line stack[64], *lines = stack;
	int width = d->width - indent;
	size_t n;

	if (!s)
		return;
	if (width < 2)
		width = 2;
	n = text_wrap(s, width, stack, 64);
	if (n > 64) {
		lines = malloc(n * sizeof(*lines));
		if (!lines)
			return;
		text_wrap(s, width, lines, n);
	}
	for (size_t k = 0; k < n; k++)
		push_line(d, s + lines[k].start, lines[k].end - lines[k].start,
			  marks ? marks + lines[k].start : NULL, indent, style, mark_style);
	if (lines != stack)
		free(lines);
}

void detail_push_wrapped(struct detail *d, const char *s, int indent, int style)
{
	detail_push_marked(d, s, NULL, indent, style, style);
}

void detail_push_blank(struct detail *d)
{
	detail_push(d, "", 0, 0, DETAIL_BODY);
}

void detail_push_heading(struct detail *d, const char *s)
{
	detail_push_blank(d);
	detail_push_wrapped(d, s, 0, DETAIL_HEADING);
}

char *detail_printf(struct detail *d, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	s = arena_alloc(&d->arena, (size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* "a) text" with the text hanging after the label. */
static void push_entry(struct detail *d, const struct item *e, const char *prefix, int indent)
{
	const char *label = e->label ? e->label : "-";
	const char *text = e->text ? e->text : (e->title ? e->title : "");
	char *line = detail_printf(d, "%s%s", prefix, text);
	int lw = text_width(label) + 1;
	struct wrap_line first[1];
	char *row;
	size_t n;

	if (!line)
		return;
	/* The label and the first line share a row. */
	n = text_wrap(line, d->width - indent - lw, first, 1);
	row = detail_printf(d, "%s %.*s", label, (int)(n ? first[0].end : 0), line);
	if (!row)
		return;
	detail_push(d, row, strlen(row), indent, DETAIL_BODY);
	if (n && first[0].end < strlen(line)) {
		const char *rest = line + first[0].end;

		while (*rest == ' ' || *rest == '\n')
			rest++;
		detail_push_wrapped(d, rest, indent + lw, DETAIL_BODY);
	}
}

/* "CSF 2.0: ID, PR": the functions the attributes give (csf_map.h). */
static void push_csf(struct detail *d, const struct catalog *c, const struct item *it)
{
	unsigned set = csf_functions(c, (uint32_t)(it - c->items));
	struct strbuf ids;

	if (!set)
		return;
	strbuf_init(&ids);
	for (int f = 0; f < CSF_FUNCTION_COUNT; f++)
		if (set & (1u << f))
			strbuf_addf(&ids, "%s%s", ids.len ? ", " : "", csf_function_id((enum csf_function)f));
	detail_push_wrapped(d, detail_printf(d, "CSF 2.0: %s", ids.data), 1, DETAIL_VALUE);
	strbuf_free(&ids);
}

static void push_attributes(struct detail *d, const struct catalog *c, const struct item *it)
{
	if (!it->attr_count)
		return;
	detail_push_heading(d, _("Attributes"));
	for (uint32_t t = 0; t < c->type_count; t++) {
		const struct attr_type *type = &c->types[t];
		struct strbuf values;

		strbuf_init(&values);
		for (uint32_t k = 0; k < it->attr_count; k++) {
			char label[256];

			if (it->attrs[k].type != t)
				continue;
			/* 検知 (Detective) and 検知 (Detect), as 表1 tells them apart. */
			strbuf_addf(&values, "%s#%s", values.len ? " " : "",
				    attr_value_display(c, t, it->attrs[k].value, label, sizeof(label)));
		}
		if (values.len) {
			detail_push_wrapped(d, attr_type_label(type), 1, DETAIL_MUTED);
			detail_push_wrapped(d, detail_printf(d, "%s", values.data), 3, DETAIL_VALUE);
		}
		strbuf_free(&values);
	}
	push_csf(d, c, it);
}

void detail_set_mappings(struct detail *d, const struct mapping *maps, size_t count)
{
	d->maps = maps;
	d->map_count = count;
	d->item = ITEM_NONE;  /* built again on the next draw */
}

/* Each row of the tables naming the item, from whichever side it is on:
 * "subset-of GV.PO-01 (csf-2.0)", its note below. */
static void push_mappings(struct detail *d, const struct catalog *c, const struct item *it)
{
	bool first = true;

	for (size_t k = 0; k < d->map_count; k++) {
		const struct mapping *m = &d->maps[k];

		for (int side = MAP_SOURCE; side <= MAP_TARGET; side++) {
			const char *other_cat = side == MAP_SOURCE ? m->target_catalog : m->source_catalog;
			const struct map_row *r;
			uint32_t at = 0;

			if (!mapping_side_is(m, (enum map_side)side, c->id))
				continue;
			while ((r = mapping_next(m, (enum map_side)side, it->id, &at))) {
				enum map_relation rel = (enum map_relation)r->relation;
				const char *other = side == MAP_SOURCE ? r->target : r->source;

				if (side == MAP_TARGET)
					rel = map_relation_inverse(rel);
				if (first)
					detail_push_heading(d, _("Mappings"));
				first = false;
				detail_push_wrapped(d, other_cat ?
					detail_printf(d, "%s %s (%s)", map_relation_name(rel), other, other_cat) :
					detail_printf(d, "%s %s", map_relation_name(rel), other),
					1, DETAIL_VALUE);
				if (r->note)
					detail_push_wrapped(d, r->note, 3, DETAIL_BODY);
			}
		}
	}
}

void detail_build(struct detail *d, const struct catalog *c, uint32_t i, int width,
		  const struct detail_context *ctx)
{
	const struct item *it;
	size_t keep = d->item == i ? d->scroll : 0;
	bool tailoring = ctx && ctx->res;

	d->count = 0;
	arena_free(&d->arena);
	d->item = i;
	d->width = width < 4 ? 4 : width;
	d->lang = (int)i18n_language();
	d->scroll = 0;
	if (i == ITEM_NONE || i >= c->count)
		return;
	it = catalog_item(c, i);

	detail_push_wrapped(d, it->id, 0, DETAIL_ID);
	if (tailoring)
		detail_tailoring_head(d, c, i, ctx);
	else
		detail_push_wrapped(d, item_kind_label((enum item_kind)it->kind), 0, DETAIL_MUTED);
	if (item_title(it)) {
		const char *other = item_title(it) == it->title ? it->title_en : it->title;

		detail_push_wrapped(d, item_title(it), 0, DETAIL_TITLE);
		if (other && *other)
			detail_push_wrapped(d, other, 0, DETAIL_MUTED);
	}
	if (tailoring) {
		detail_tailoring_text(d, c, i, ctx);
	} else if (it->text) {
		detail_push_blank(d);
		if (it->kind == ITEM_ENTRY && it->label)
			push_entry(d, it, "", 0);
		else
			detail_push_wrapped(d, it->text, 0, DETAIL_BODY);
	}
	/* A detailed control reads as one piece with its list entries. */
	if (it->kind != ITEM_ENTRY) {
		bool first = true;

		for (uint32_t k = it->first_child; k != ITEM_NONE; k = catalog_item(c, k)->next_sibling) {
			if (catalog_item(c, k)->kind != ITEM_ENTRY)
				continue;
			if (first)
				detail_push_blank(d);
			first = false;
			push_entry(d, catalog_item(c, k), tailoring ? detail_entry_prefix(ctx, k) : "", 1);
		}
	}
	if (it->ref_count) {
		detail_push_heading(d, _("References"));
		for (uint32_t r = 0; r < it->ref_count; r++)
			detail_push_wrapped(d, it->refs[r], 1, DETAIL_BODY);
	}
	push_attributes(d, c, it);
	push_mappings(d, c, it);
	if (it->child_count && it->kind != ITEM_DETAIL) {
		detail_push_blank(d);
		detail_push_wrapped(d, detail_printf(d, _("%u items below"), it->child_count), 0,
				    DETAIL_MUTED);
	}
	if (tailoring)
		detail_tailoring_tail(d, c, i, ctx);
	d->scroll = keep < d->count ? keep : 0;
}

void detail_scroll(struct detail *d, long delta, size_t height)
{
	long max = (long)d->count - (long)height, s = (long)d->scroll + delta;

	if (max < 0)
		max = 0;
	if (s > max)
		s = max;
	if (s < 0)
		s = 0;
	d->scroll = (size_t)s;
}

void detail_window(const struct detail *d, size_t height, struct detail_window *w)
{
	size_t scroll = d->scroll < d->count ? d->scroll : 0, left;

	memset(w, 0, sizeof(*w));
	w->first = scroll;
	left = d->count - scroll;
	if (height < 3) {
		w->rows = left < height ? left : height;
		return;
	}
	if (scroll > 0) {
		/* The line under the notice counts as hidden: the next scroll
		 * up shows it. */
		w->top = 1;
		w->first = scroll + 1;
		w->above = scroll + 1;
		left--;
	}
	if (left > height - w->top) {
		w->rows = height - w->top - 1;
		w->below = left - w->rows;
	} else {
		w->rows = left;
	}
}
