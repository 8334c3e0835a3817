/* X: two attribute types cross-tabulated, as the guideline's 表2 sets
 * concepts against operational capabilities.  80 columns cannot hold a
 * grid of cells with titles, so the table reads as a list: each row
 * value, under it each column value with its count, under that the
 * items (id and title) in catalog order; an empty cell shows —, as 表2
 * does.  A cursor moves over the lines; Enter on an item goes to it in
 * the tree.  r and c choose the row and the column type, t swaps them.
 * The items are those the tree shows (the view and the filter f), less
 * what is out of the standard (excluded, split, merged). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "kijun/arena.h"
#include "kijun/crosstab.h"
#include "kijun/i18n.h"
#include "kijun/query.h"
#include "ui.h"

struct xline {
	const char *text;
	uint32_t item;        /* an item line: where Enter goes; else ITEM_NONE */
	uint8_t role;         /* enum draw_role */
	uint8_t indent;
};

struct crosstab_page {
	struct arena arena;   /* the lines' texts */
	struct xline *lines;
	size_t count, capacity;
	size_t cursor, top;
};

static void add_line(struct crosstab_page *p, int indent, enum draw_role role, uint32_t item,
		     const char *text)
{
	if (p->count == p->capacity) {
		size_t cap = p->capacity ? p->capacity * 2 : 256;
		struct xline *v = realloc(p->lines, cap * sizeof(*v));

		if (!v)
			return;
		p->lines = v;
		p->capacity = cap;
	}
	p->lines[p->count].text = arena_strdup(&p->arena, text);
	if (!p->lines[p->count].text)
		return;
	p->lines[p->count].item = item;
	p->lines[p->count].role = (uint8_t)role;
	p->lines[p->count].indent = (uint8_t)indent;
	p->count++;
}

static void page_free(struct crosstab_page *p)
{
	if (!p)
		return;
	arena_free(&p->arena);
	free(p->lines);
	free(p);
}

/* What the tree shows and the standard holds. */
static uint8_t *skipped(const struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	const struct resolution *r = session_resolution(ui->s);
	const uint8_t *hidden = session_hidden(ui->s);
	uint8_t *skip = calloc(c->count ? c->count : 1, 1);

	for (uint32_t i = 1; skip && i < c->count; i++)
		skip[i] = hidden[i] ||
			  (r && session_view(ui->s) != SESSION_VIEW_BASE && resolved_is_out(r, i));
	return skip;
}

static void build(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	struct crosstab_page *p = calloc(1, sizeof(*p));
	const struct query *f = session_filter(ui->s);
	const struct attr_type *rt, *ct;
	struct crosstab x;
	char buf[1024], label[256];
	uint8_t *skip;

	page_free(ui->xtab);
	ui->xtab = p;
	if (!p)
		return;
	arena_init(&p->arena);
	if (c->type_count == 0) {
		add_line(p, 1, ROLE_MUTED, ITEM_NONE, _("This catalog has no attribute types."));
		return;
	}
	if (ui->xtab_rows >= c->type_count)
		ui->xtab_rows = 0;
	if (ui->xtab_cols >= c->type_count)
		ui->xtab_cols = 0;
	rt = &c->types[ui->xtab_rows];
	ct = &c->types[ui->xtab_cols];
	skip = skipped(ui);
	if (!skip || !crosstab_build(&x, c, ui->xtab_rows, ui->xtab_cols, skip)) {
		free(skip);
		add_line(p, 1, ROLE_ERROR, ITEM_NONE, _("out of memory"));
		return;
	}
	free(skip);
	snprintf(buf, sizeof(buf), _("%s × %s: %u items"), attr_type_label(rt),
		 attr_type_label(ct), x.total);
	add_line(p, 1, ROLE_HEADING, ITEM_NONE, buf);
	add_line(p, 1, ROLE_MUTED, ITEM_NONE,
		 _("r: row type  c: column type  t: swap  Enter: go to the item  q: back"));
	if (f) {
		snprintf(buf, sizeof(buf), _("filter: %s"), query_text(f));
		add_line(p, 1, ROLE_MUTED, ITEM_NONE, buf);
	}
	for (uint32_t r = 0; r < x.rows; r++) {
		add_line(p, 1, ROLE_NORMAL, ITEM_NONE, "");
		add_line(p, 1, ROLE_TITLE, ITEM_NONE,
			 attr_value_display(c, x.row_type, r, label, sizeof(label)));
		for (uint32_t k = 0; k < x.cols; k++) {
			uint32_t n;
			const uint32_t *v = crosstab_cell(&x, r, k, &n);

			snprintf(buf, sizeof(buf), "%s (%u)",
				 attr_value_display(c, x.col_type, k, label, sizeof(label)), n);
			add_line(p, 3, ROLE_VALUE, ITEM_NONE, buf);
			if (!n)
				add_line(p, 5, ROLE_MUTED, ITEM_NONE, "—");
			for (uint32_t m = 0; m < n; m++) {
				const struct item *it = catalog_item(c, v[m]);

				snprintf(buf, sizeof(buf), "%s  %s", it->id, item_display_title(it));
				add_line(p, 5, ROLE_NORMAL, v[m], buf);
			}
		}
	}
	crosstab_free(&x);
	/* The cursor starts on the first item. */
	for (size_t k = 0; k < p->count; k++) {
		if (p->lines[k].item != ITEM_NONE) {
			p->cursor = k;
			break;
		}
	}
}

static void crosstab_enter(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);

	/* First time: 表2's concepts by operational capabilities. */
	if (ui->xtab_rows == ui->xtab_cols) {
		int r = catalog_type_find(c, "concepts"), k = catalog_type_find(c, "capabilities");

		ui->xtab_rows = r >= 0 ? (uint32_t)r : 0;
		ui->xtab_cols = k >= 0 ? (uint32_t)k : c->type_count > 1;
	}
	build(ui);
}

static void crosstab_leave(struct ui *ui)
{
	page_free(ui->xtab);
	ui->xtab = NULL;
}

static void settle(struct crosstab_page *p, size_t h)
{
	if (p->cursor >= p->count)
		p->cursor = p->count ? p->count - 1 : 0;
	/* The heading stays in sight while the first items are. */
	if (p->cursor < h && p->cursor < p->top)
		p->top = 0;
	if (p->cursor < p->top)
		p->top = p->cursor;
	else if (p->cursor >= p->top + h)
		p->top = p->cursor - h + 1;
}

static void crosstab_draw(struct ui *ui)
{
	struct crosstab_page *p = ui->xtab;
	int y = ui->body_y, last = ui->body_y + ui->body_h;
	size_t h = ui->body_h > 0 ? (size_t)ui->body_h : 1;

	ui->cursor_y = ui->body_y;
	if (!p)
		build(ui);
	p = ui->xtab;
	if (p) {
		settle(p, h);
		for (size_t k = p->top; k < p->count && y < last; k++, y++) {
			const struct xline *l = &p->lines[k];
			enum draw_role role = (enum draw_role)l->role;
			int x = l->indent;

			if (k == p->cursor) {
				role = ROLE_CURSOR;
				ui->cursor_y = y;
			}
			draw_blank(y, 0, x, ROLE_NORMAL);
			if (l->item != ITEM_NONE && role != ROLE_CURSOR) {
				/* The id stands out as in the tree. */
				const char *id = catalog_item(session_shown(ui->s), l->item)->id;
				size_t n = strlen(id);

				x += draw_text(y, x, ui->cols - x, l->text, n, ROLE_ID, false);
				draw_str(y, x, ui->cols - x, l->text + n, role, true);
			} else {
				draw_str(y, x, ui->cols - x, l->text, role, true);
			}
		}
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
}

/* The next attribute type after t (or before it). */
static uint32_t cycle(const struct ui *ui, uint32_t t, bool forward)
{
	uint32_t n = session_shown(ui->s)->type_count;

	if (!n)
		return 0;
	return forward ? (t + 1) % n : (t + n - 1) % n;
}

static void go_to_item(struct ui *ui)
{
	struct crosstab_page *p = ui->xtab;
	uint32_t i;

	if (!p || p->cursor >= p->count || p->lines[p->cursor].item == ITEM_NONE)
		return;
	i = p->lines[p->cursor].item;
	view_close(ui);
	outline_reveal(&ui->tree, i);
	ui->detail.item = ITEM_NONE;
}

static bool crosstab_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	struct crosstab_page *p = ui->xtab;
	long h = ui->body_h > 1 ? ui->body_h - 1 : 1;

	if (!is_key && (ch == 'r' || ch == 'c' || ch == 't' || ch == 'R' || ch == 'C')) {
		if (ch == 'r' || ch == 'R')
			ui->xtab_rows = cycle(ui, ui->xtab_rows, ch == 'r');
		else if (ch == 'c' || ch == 'C')
			ui->xtab_cols = cycle(ui, ui->xtab_cols, ch == 'c');
		else {
			uint32_t t = ui->xtab_rows;

			ui->xtab_rows = ui->xtab_cols;
			ui->xtab_cols = t;
		}
		build(ui);
		return true;
	}
	if (a == ACT_HELP) {
		view_open(ui, &help_view);  /* back here when it closes */
		return true;
	}
	if ((!is_key && (ch == 27 || ch == 'q')) || a == ACT_CROSSTAB) {
		view_close(ui);
		return true;
	}
	if (!p)
		return true;
	switch (a) {
	case ACT_DOWN: p->cursor += p->cursor + 1 < p->count; break;
	case ACT_UP: p->cursor -= p->cursor > 0; break;
	case ACT_PAGE_DOWN: p->cursor += (size_t)h; break;
	case ACT_PAGE_UP: p->cursor = p->cursor > (size_t)h ? p->cursor - (size_t)h : 0; break;
	case ACT_HALF_DOWN: p->cursor += (size_t)h / 2; break;
	case ACT_HALF_UP: p->cursor = p->cursor > (size_t)h / 2 ? p->cursor - (size_t)h / 2 : 0; break;
	case ACT_FIRST: p->cursor = 0; break;
	case ACT_LAST: p->cursor = p->count ? p->count - 1 : 0; break;
	case ACT_TOGGLE: go_to_item(ui); break;
	default: break;
	}
	return true;
}

static const char *crosstab_status(const struct ui *ui)
{
	(void)ui;
	return _("CROSS-TAB");
}

const struct view_ops crosstab_view = {
	.name = "crosstab",
	.enter = crosstab_enter,
	.leave = crosstab_leave,
	.draw = crosstab_draw,
	.key = crosstab_key,
	.status = crosstab_status,
};
