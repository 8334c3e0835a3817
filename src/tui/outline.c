#include "outline.h"

#include <stdlib.h>
#include <string.h>

static bool rebuild(struct outline *o)
{
	const struct catalog *c = o->c;
	uint32_t n = 0, i = catalog_first(c);

	while (i != ITEM_NONE) {
		const struct item *it = catalog_item(c, i);
		bool shown = !o->hidden || !o->hidden[i];

		if (shown)
			o->rows[n++] = i;
		if (shown && it->first_child != ITEM_NONE && o->expanded[i]) {
			i = it->first_child;
			continue;
		}
		/* Next sibling, or the next sibling of the nearest ancestor. */
		while (i != ITEM_NONE && catalog_item(c, i)->next_sibling == ITEM_NONE) {
			i = catalog_item(c, i)->parent;
			if (i == ITEM_ROOT_INDEX)
				i = ITEM_NONE;
		}
		if (i != ITEM_NONE)
			i = catalog_item(c, i)->next_sibling;
	}
	o->row_count = n;
	return true;
}

bool outline_init(struct outline *o, const struct catalog *c)
{
	memset(o, 0, sizeof(*o));
	o->c = c;
	o->height = 1;
	o->expanded = calloc(c->count ? c->count : 1, 1);
	o->rows = malloc((c->count ? c->count : 1) * sizeof(*o->rows));
	if (!o->expanded || !o->rows) {
		outline_free(o);
		return false;
	}
	rebuild(o);
	return true;
}

void outline_free(struct outline *o)
{
	free(o->expanded);
	free(o->rows);
	o->expanded = NULL;
	o->rows = NULL;
	o->row_count = 0;
}

uint32_t outline_current(const struct outline *o)
{
	return o->row_count ? o->rows[o->cursor] : ITEM_NONE;
}

static void keep_visible(struct outline *o)
{
	uint32_t h = o->height ? o->height : 1;

	if (o->row_count == 0) {
		o->cursor = o->top = 0;
		return;
	}
	if (o->cursor >= o->row_count)
		o->cursor = o->row_count - 1;
	if (o->cursor < o->top)
		o->top = o->cursor;
	if (o->cursor >= o->top + h)
		o->top = o->cursor - h + 1;
	/* Do not leave empty rows at the bottom when rows could fill them. */
	if (o->top + h > o->row_count)
		o->top = o->row_count > h ? o->row_count - h : 0;
}

void outline_set_height(struct outline *o, uint32_t height)
{
	o->height = height ? height : 1;
	keep_visible(o);
}

void outline_move(struct outline *o, long delta)
{
	long target = (long)o->cursor + delta;

	if (o->row_count == 0)
		return;
	if (target < 0)
		target = 0;
	if (target >= (long)o->row_count)
		target = (long)o->row_count - 1;
	o->cursor = (uint32_t)target;
	keep_visible(o);
}

void outline_page(struct outline *o, int direction)
{
	uint32_t h = o->height > 1 ? o->height - 1 : 1;  /* keep one row of context */

	if (o->row_count == 0)
		return;
	if (direction > 0) {
		if (o->top + o->height >= o->row_count) {
			o->cursor = o->row_count - 1;  /* already at the end */
		} else {
			o->top += h;
			o->cursor += h;
		}
	} else {
		if (o->top == 0) {
			o->cursor = 0;
		} else {
			o->top = o->top > h ? o->top - h : 0;
			o->cursor = o->cursor > h ? o->cursor - h : 0;
		}
	}
	keep_visible(o);
}

void outline_first(struct outline *o)
{
	o->cursor = 0;
	keep_visible(o);
}

void outline_last(struct outline *o)
{
	if (o->row_count)
		o->cursor = o->row_count - 1;
	keep_visible(o);
}

bool outline_is_expanded(const struct outline *o, uint32_t item)
{
	return o->expanded[item] != 0;
}

/* Rebuilds the rows and puts the cursor back on `item`, keeping its
 * screen row where possible so the view does not jump. */
static void refresh_on(struct outline *o, uint32_t item)
{
	uint32_t screen_row = o->cursor >= o->top ? o->cursor - o->top : 0;

	rebuild(o);
	o->cursor = 0;
	for (uint32_t r = 0; r < o->row_count; r++) {
		if (o->rows[r] == item) {
			o->cursor = r;
			break;
		}
	}
	o->top = o->cursor > screen_row ? o->cursor - screen_row : 0;
	keep_visible(o);
}

void outline_toggle(struct outline *o)
{
	uint32_t i = outline_current(o);

	if (i == ITEM_NONE || catalog_item(o->c, i)->first_child == ITEM_NONE)
		return;
	o->expanded[i] = !o->expanded[i];
	refresh_on(o, i);
}

void outline_expand(struct outline *o)
{
	uint32_t i = outline_current(o);

	if (i == ITEM_NONE || catalog_item(o->c, i)->first_child == ITEM_NONE)
		return;
	if (o->expanded[i]) {
		outline_move(o, 1);
		return;
	}
	o->expanded[i] = 1;
	refresh_on(o, i);
}

void outline_collapse(struct outline *o)
{
	uint32_t i = outline_current(o), parent;

	if (i == ITEM_NONE)
		return;
	if (o->expanded[i] && catalog_item(o->c, i)->first_child != ITEM_NONE) {
		o->expanded[i] = 0;
		refresh_on(o, i);
		return;
	}
	parent = catalog_item(o->c, i)->parent;
	if (parent != ITEM_ROOT_INDEX && parent != ITEM_NONE)
		refresh_on(o, parent);
}

/* The item itself, or its nearest collapsed ancestor when it is hidden. */
static uint32_t visible_holder(const struct outline *o, uint32_t i)
{
	uint32_t holder = i;

	for (uint32_t p = catalog_item(o->c, i)->parent;
	     p != ITEM_ROOT_INDEX && p != ITEM_NONE; p = catalog_item(o->c, p)->parent)
		if (!o->expanded[p])
			holder = p;
	return holder;
}

void outline_expand_to(struct outline *o, unsigned depth)
{
	uint32_t cur = outline_current(o);

	for (uint32_t i = 1; i < o->c->count; i++)
		o->expanded[i] = catalog_item(o->c, i)->depth <= depth &&
				 catalog_item(o->c, i)->first_child != ITEM_NONE;
	refresh_on(o, cur == ITEM_NONE ? ITEM_NONE : visible_holder(o, cur));
}

void outline_expand_all(struct outline *o)
{
	outline_expand_to(o, UINT16_MAX);
}

void outline_collapse_all(struct outline *o)
{
	outline_expand_to(o, 0);
}

void outline_reveal(struct outline *o, uint32_t item)
{
	if (item == ITEM_NONE)
		return;
	for (uint32_t p = catalog_item(o->c, item)->parent;
	     p != ITEM_ROOT_INDEX && p != ITEM_NONE; p = catalog_item(o->c, p)->parent)
		o->expanded[p] = 1;
	refresh_on(o, item);
}

void outline_set_hidden(struct outline *o, const uint8_t *hidden)
{
	uint32_t cur = outline_current(o);

	o->hidden = hidden;
	/* A hidden cursor item moves to the shown item before it. */
	while (cur != ITEM_NONE && hidden && hidden[cur])
		cur = catalog_prev(o->c, cur);
	if (cur == ITEM_NONE)
		cur = catalog_first(o->c);
	refresh_on(o, cur == ITEM_NONE ? ITEM_NONE : visible_holder(o, cur));
}

bool outline_state_save(const struct outline *o, struct outline_state *s)
{
	uint32_t cur = outline_current(o);

	memset(s, 0, sizeof(*s));
	for (uint32_t i = 1; i < o->c->count; i++)
		s->count += o->expanded[i] != 0;
	s->expanded = calloc(s->count ? s->count : 1, sizeof(*s->expanded));
	if (!s->expanded)
		return false;
	s->count = 0;
	for (uint32_t i = 1; i < o->c->count; i++) {
		if (!o->expanded[i] || !o->c->items[i].id)
			continue;
		s->expanded[s->count] = strdup(o->c->items[i].id);
		if (!s->expanded[s->count]) {
			outline_state_free(s);
			return false;
		}
		s->count++;
	}
	if (cur != ITEM_NONE && o->c->items[cur].id)
		s->cursor = strdup(o->c->items[cur].id);
	s->cursor_row_on_screen = o->cursor >= o->top ? o->cursor - o->top : 0;
	return true;
}

void outline_state_restore(struct outline *o, const struct outline_state *s)
{
	uint32_t cur = s->cursor ? catalog_find(o->c, s->cursor) : ITEM_NONE;

	memset(o->expanded, 0, o->c->count ? o->c->count : 1);
	for (uint32_t k = 0; k < s->count; k++) {
		uint32_t i = catalog_find(o->c, s->expanded[k]);

		if (i != ITEM_NONE)
			o->expanded[i] = 1;
	}
	rebuild(o);
	o->cursor = 0;
	o->top = 0;
	if (cur != ITEM_NONE) {
		while (cur != ITEM_NONE && o->hidden && o->hidden[cur])
			cur = catalog_prev(o->c, cur);
		if (cur != ITEM_NONE)
			cur = visible_holder(o, cur);
		for (uint32_t r = 0; cur != ITEM_NONE && r < o->row_count; r++) {
			if (o->rows[r] == cur) {
				o->cursor = r;
				break;
			}
		}
	}
	o->top = o->cursor > s->cursor_row_on_screen ? o->cursor - s->cursor_row_on_screen : 0;
	keep_visible(o);
}

void outline_state_free(struct outline_state *s)
{
	for (uint32_t k = 0; k < s->count; k++)
		free(s->expanded[k]);
	free(s->expanded);
	free(s->cursor);
	memset(s, 0, sizeof(*s));
}
