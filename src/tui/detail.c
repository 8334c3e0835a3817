#include "detail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
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

static void push(struct detail *d, const char *text, size_t len, int indent, int style)
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
		text, len, (uint16_t)(indent < 0 ? 0 : indent), (uint8_t)style,
	};
}

/* Adds s wrapped to the pane width, each line indented. */
static void push_wrapped(struct detail *d, const char *s, int indent, int style)
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
		push(d, s + lines[k].start, lines[k].end - lines[k].start, indent, style);
	if (lines != stack)
		free(lines);
}

static void push_blank(struct detail *d)
{
	push(d, "", 0, 0, DETAIL_BODY);
}

/* "a) text" with the text hanging after the label. */
static void push_entry(struct detail *d, const struct item *e, int indent)
{
	const char *label = e->label ? e->label : "-";
	int lw = text_width(label) + 1;
	struct wrap_line first[1];
	const char *text = e->text ? e->text : (e->title ? e->title : "");
	char *line;
	size_t n;

	/* The label and the first line share a row. */
	n = text_wrap(text, d->width - indent - lw, first, 1);
	line = arena_alloc(&d->arena, strlen(label) + 1 + (n ? first[0].end : 0) + 1);
	if (!line)
		return;
	strcpy(line, label);
	strcat(line, " ");
	if (n)
		strncat(line, text, first[0].end);
	push(d, line, strlen(line), indent, DETAIL_BODY);
	if (n && first[0].end < strlen(text)) {
		const char *rest = text + first[0].end;

		while (*rest == ' ' || *rest == '\n')
			rest++;
		push_wrapped(d, rest, indent + lw, DETAIL_BODY);
	}
}

static void push_attributes(struct detail *d, const struct catalog *c, const struct item *it)
{
	if (!it->attr_count)
		return;
	push_blank(d);
	push(d, _("Attributes"), strlen(_("Attributes")), 0, DETAIL_HEADING);
	for (uint32_t t = 0; t < c->type_count; t++) {
		const struct attr_type *type = &c->types[t];
		size_t total = 0;
		char *values;

		for (uint32_t k = 0; k < it->attr_count; k++)
			if (it->attrs[k].type == t)
				total += strlen(attr_value_label(&type->values[it->attrs[k].value])) + 2;
		if (!total)
			continue;
		values = arena_alloc(&d->arena, total + 1);
		if (!values)
			return;
		values[0] = '\0';
		for (uint32_t k = 0; k < it->attr_count; k++) {
			if (it->attrs[k].type != t)
				continue;
			if (values[0])
				strcat(values, " ");
			strcat(values, "#");
			strcat(values, attr_value_label(&type->values[it->attrs[k].value]));
		}
		push_wrapped(d, attr_type_label(type), 1, DETAIL_MUTED);
		push_wrapped(d, values, 3, DETAIL_VALUE);
	}
}

void detail_build(struct detail *d, const struct catalog *c, uint32_t i, int width)
{
	const struct item *it;
	const char *other;
	size_t keep = d->item == i ? d->scroll : 0;

	d->count = 0;
	arena_free(&d->arena);
	d->item = i;
	d->width = width < 4 ? 4 : width;
	d->lang = (int)i18n_language();
	d->scroll = 0;
	if (i == ITEM_NONE || i >= c->count)
		return;
	it = catalog_item(c, i);

	push_wrapped(d, it->id, 0, DETAIL_ID);
	push_wrapped(d, item_kind_label((enum item_kind)it->kind), 0, DETAIL_MUTED);
	if (item_title(it)) {
		push_wrapped(d, item_title(it), 0, DETAIL_TITLE);
		other = item_title(it) == it->title ? it->title_en : it->title;
		if (other && *other)
			push_wrapped(d, other, 0, DETAIL_MUTED);
	}
	if (it->text) {
		push_blank(d);
		if (it->kind == ITEM_ENTRY && it->label) {
			push_entry(d, it, 0);
		} else {
			push_wrapped(d, it->text, 0, DETAIL_BODY);
		}
	}
	/* A detailed control reads as one piece with its list entries. */
	if (it->kind != ITEM_ENTRY) {
		bool first = true;

		for (uint32_t k = it->first_child; k != ITEM_NONE;
		     k = catalog_item(c, k)->next_sibling) {
			if (catalog_item(c, k)->kind != ITEM_ENTRY)
				continue;
			if (first)
				push_blank(d);
			first = false;
			push_entry(d, catalog_item(c, k), 1);
		}
	}
	if (it->ref_count) {
		push_blank(d);
		push(d, _("References"), strlen(_("References")), 0, DETAIL_HEADING);
		for (uint32_t r = 0; r < it->ref_count; r++)
			push_wrapped(d, it->refs[r], 1, DETAIL_BODY);
	}
	push_attributes(d, c, it);
	if (it->child_count && it->kind != ITEM_DETAIL) {
		char *line = arena_alloc(&d->arena, 64);

		if (line) {
			snprintf(line, 64, _("%u items below"), it->child_count);
			push_blank(d);
			push_wrapped(d, line, 0, DETAIL_MUTED);
		}
	}
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
