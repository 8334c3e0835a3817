/* O: the items that treat a risk, as a flat list ordered by the highest
 * level among their risks (highest first, the tree's order within a
 * level; risks not on the scale last), since the tree keeps the
 * standard's numbering.  Enter goes to the item in the tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/risk.h"
#include "ui.h"

/* Rows before the first item. */
enum { RISKS_HEAD = 3 };

struct risk_row {
	int rank;
	uint32_t pos, item;
};

static int risk_row_cmp(const void *a, const void *b)
{
	const struct risk_row *x = a, *y = b;
	unsigned rx = (unsigned)x->rank, ry = (unsigned)y->rank;  /* -1 last */

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The rows, sorted; NULL with *n 0 when there are none (or no memory). */
static struct risk_row *risk_rows(const struct ui *ui, uint32_t *n)
{
	const struct catalog *c = session_shown(ui->s);
	const struct risk_basis *b = session_basis(ui->s);
	struct risk_row *v;

	*n = 0;
	if (!b || !c->count || !(v = malloc(c->count * sizeof(*v))))
		return NULL;
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		const struct resolved *info = session_info(ui->s, i);

		if (!info || !resolved_extra(info)->risk_count)
			continue;
		v[*n].rank = risk_basis_item_rank(b, info);
		v[*n].pos = *n;
		v[*n].item = i;
		(*n)++;
	}
	qsort(v, *n, sizeof(*v), risk_row_cmp);
	return v;
}

static void risks_settle(struct ui *ui, uint32_t count)
{
	size_t h = ui->body_h > RISKS_HEAD ? (size_t)ui->body_h - RISKS_HEAD : 1;

	if (ui->risk_cursor >= count)
		ui->risk_cursor = count ? count - 1 : 0;
	if (ui->risk_cursor < ui->help_scroll)
		ui->help_scroll = ui->risk_cursor;
	else if (ui->risk_cursor >= ui->help_scroll + h)
		ui->help_scroll = ui->risk_cursor + 1 - h;
}

static void risks_draw(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	const struct risk_basis *b = session_basis(ui->s);
	int y = ui->body_y, last = ui->body_y + ui->body_h, w = ui->cols;
	uint32_t n;
	struct risk_row *v = risk_rows(ui, &n);
	char buf[1024];

	risks_settle(ui, n);
	ui->cursor_y = ui->body_y;
	snprintf(buf, sizeof(buf), _("Items by the level of the risks they treat (%u)"), n);
	draw_str(y++, 1, w - 1, buf, ROLE_HEADING, true);
	draw_str(y++, 1, w - 1, n ? _("Enter: go to the item  q: back")
				  : _("none: no item treats a risk (T links one)"),
		 ROLE_MUTED, true);
	draw_blank(y++, 0, w, ROLE_NORMAL);
	for (uint32_t k = (uint32_t)ui->help_scroll; v && k < n && y < last; k++) {
		const struct item *it = catalog_item(c, v[k].item);
		const struct resolved *info = session_info(ui->s, v[k].item);
		bool on = k == ui->risk_cursor;
		size_t len;

		len = (size_t)snprintf(buf, sizeof(buf), "%s  %s %s  (",
				       v[k].rank >= 0 ? b->scale[v[k].rank] : "-", it->id,
				       it->title ? it->title : "");
		for (uint32_t r = 0; r < resolved_extra(info)->risk_count && len < sizeof(buf) - 2; r++)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s", r ? " " : "",
						resolved_extra(info)->risks[r]);
		if (len < sizeof(buf) - 1)
			strcat(buf, ")");
		if (on)
			ui->cursor_y = y;
		draw_str(y, 0, 1, on ? ">" : " ", ROLE_NORMAL, true);
		draw_str(y++, 1, w - 1, buf, on ? ROLE_CURSOR : ROLE_NORMAL, true);
	}
	while (y < last)
		draw_blank(y++, 0, w, ROLE_NORMAL);
	free(v);
}

static void risks_jump(struct ui *ui)
{
	uint32_t n;
	struct risk_row *v = risk_rows(ui, &n);
	uint32_t i = v && ui->risk_cursor < n ? v[ui->risk_cursor].item : ITEM_NONE;

	free(v);
	view_close(ui);
	if (i == ITEM_NONE)
		return;
	ui->focus = FOCUS_TREE;
	if (session_hidden(ui->s)[i]) {
		ui_message(ui, ROLE_ERROR, _("%s is not shown in this view (v, or Esc for the filter)"),
			   catalog_item(session_shown(ui->s), i)->id);
		return;
	}
	outline_reveal(&ui->tree, i);
}

static void risks_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static bool risks_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	uint32_t n;
	struct risk_row *v = risk_rows(ui, &n);
	long to = (long)ui->risk_cursor, page = ui->body_h > 4 ? ui->body_h - RISKS_HEAD : 1;

	free(v);
	if (a != ACT_NONE)
		ui->message[0] = '\0';
	switch (a) {
	case ACT_TOGGLE: risks_jump(ui); return true;
	case ACT_DOWN: to++; break;
	case ACT_UP: to--; break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN: to += page; break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP: to -= page; break;
	case ACT_FIRST: to = 0; break;
	case ACT_LAST: to = (long)n; break;
	case ACT_RISKS: view_close(ui); return true;
	default: return view_scroll_key(ui, is_key, ch, RISKS_HEAD + n);
	}
	if (to >= (long)n)
		to = (long)n - 1;
	ui->risk_cursor = to < 0 ? 0 : (uint32_t)to;
	return true;
}

static const char *risks_status(const struct ui *ui)
{
	(void)ui;
	return _("RISKS");
}

const struct view_ops risk_view = {
	.name = "risks",
	.enter = risks_enter,
	.draw = risks_draw,
	.key = risks_key,
	.status = risks_status,
};
