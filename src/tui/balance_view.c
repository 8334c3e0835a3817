/* B: the balance of the kept controls (guideline III.2): counts by
 * control type, C/I/A, concept and security domain, empty and thin cells
 * in the error colour, a warning when no control is corrective.  Enter
 * on a count sets the filter f to the query that picks those controls,
 * so the tree lists them, the status bar shows the query and Esc clears
 * it.  The counts are over what the standard holds (excluded, split and
 * merged items left out), whatever the view or the filter shows: the
 * balance is the standard's, not the screen's. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "balance_page.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/query.h"
#include "ui.h"

struct balance_view_state {
	struct balance b;
	struct balance_page page;
	size_t cursor, top;
};

static void state_free(struct balance_view_state *st)
{
	if (!st)
		return;
	balance_free(&st->b);
	balance_page_free(&st->page);
	free(st);
}

static void build(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	const struct resolution *r = session_resolution(ui->s);
	struct balance_view_state *st = calloc(1, sizeof(*st));
	uint8_t *skip = calloc(c->count ? c->count : 1, 1);
	bool ok;

	state_free(ui->balance);
	ui->balance = st;
	if (!st || !skip) {
		free(skip);
		return;
	}
	for (uint32_t i = 1; i < c->count; i++)
		skip[i] = r && session_view(ui->s) != SESSION_VIEW_BASE && resolved_is_out(r, i);
	ok = balance_build(&st->b, c, skip) &&
	     balance_page_build(&st->page, c, &st->b, ui->cols);
	free(skip);
	if (!ok) {
		state_free(st);
		ui->balance = NULL;
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	for (size_t k = 0; k < st->page.count; k++) {
		if (st->page.lines[k].kind == BLINE_COUNT) {
			st->cursor = k;
			break;
		}
	}
}

static void balance_enter(struct ui *ui)
{
	build(ui);
}

static void balance_leave(struct ui *ui)
{
	state_free(ui->balance);
	ui->balance = NULL;
}

static enum draw_role line_role(const struct balance_line *l)
{
	switch (l->kind) {
	case BLINE_HEADING: return ROLE_HEADING;
	case BLINE_NOTE: return ROLE_MUTED;
	case BLINE_WARNING: return ROLE_ERROR;
	case BLINE_TYPE: return ROLE_TITLE;
	case BLINE_COUNT: return l->thin ? ROLE_ERROR : ROLE_NORMAL;
	default: return ROLE_NORMAL;
	}
}

static void balance_draw(struct ui *ui)
{
	struct balance_view_state *st;
	int y = ui->body_y, last = ui->body_y + ui->body_h;
	size_t h = ui->body_h > 0 ? (size_t)ui->body_h : 1;

	ui->cursor_y = ui->body_y;
	if (!ui->balance)
		build(ui);
	st = ui->balance;
	if (st) {
		if (st->cursor < st->top)
			st->top = st->cursor;
		else if (st->cursor >= st->top + h)
			st->top = st->cursor - h + 1;
		/* The heading stays in sight while it can. */
		if (st->cursor < h)
			st->top = 0;
		for (size_t k = st->top; k < st->page.count && y < last; k++, y++) {
			const struct balance_line *l = &st->page.lines[k];
			int x = l->kind == BLINE_COUNT ? 3 : 1;
			enum draw_role role = k == st->cursor ? ROLE_CURSOR : line_role(l);

			if (k == st->cursor)
				ui->cursor_y = y;
			draw_blank(y, 0, x, ROLE_NORMAL);
			draw_str(y, x, ui->cols - x, l->text, role, true);
		}
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
}

/* The count lines only: the cursor skips headings and blanks. */
static void step_counts(struct balance_view_state *st, long by)
{
	size_t k = st->cursor;
	long step = by < 0 ? -1 : 1;

	for (long n = by < 0 ? -by : by; n > 0; n--) {
		size_t j = k;

		do {
			if ((step < 0 && j == 0) || (step > 0 && j + 1 >= st->page.count))
				goto done;
			j = (size_t)((long)j + step);
		} while (st->page.lines[j].kind != BLINE_COUNT);
		k = j;
	}
done:
	st->cursor = k;
}

/* True when "TYPE:VALUE" names type t's value v and nothing else. */
static bool names_cell(const struct catalog *c, const char *q, int t, uint32_t v)
{
	char type[256];
	const char *colon = strchr(q, ':');
	int found;

	if (!colon || (size_t)(colon - q) >= sizeof(type) || strchr(colon + 1, ':'))
		return false;
	memcpy(type, q, (size_t)(colon - q));
	type[colon - q] = '\0';
	found = query_find_type(c, type);
	return found == t && query_find_value(&c->types[t], colon + 1) == (int)v;
}

static void filter_by(struct ui *ui)
{
	struct balance_view_state *st = ui->balance;
	const struct catalog *c = session_shown(ui->s);
	struct query_error e;
	struct query *probe;
	char q[256];

	if (!balance_page_query(&st->page, c, &st->b, st->cursor, false, q, sizeof(q)))
		return;
	/* Labels read best on the status bar; ids when a label does not parse
	 * back to the one type and value (a type's label shared, a colon). */
	probe = query_compile(q, c, &e);
	if (!probe || !names_cell(c, q, st->b.type[st->page.lines[st->cursor].dim],
				  st->page.lines[st->cursor].value))
		balance_page_query(&st->page, c, &st->b, st->cursor, true, q, sizeof(q));
	query_free(probe);
	if (st->page.lines[st->cursor].count == 0) {
		ui_message(ui, ROLE_ERROR, "%s", _("no kept control carries this value"));
		return;
	}
	view_close(ui);
	filter_bar_set(ui, q);
}

static bool balance_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	struct balance_view_state *st = ui->balance;
	long h = ui->body_h > 1 ? ui->body_h - 1 : 1;

	if (a == ACT_HELP) {
		view_open(ui, &help_view);
		return true;
	}
	if ((!is_key && (ch == 27 || ch == 'q')) || a == ACT_BALANCE) {
		view_close(ui);
		return true;
	}
	if (!st)
		return true;
	switch (a) {
	case ACT_DOWN: step_counts(st, 1); break;
	case ACT_UP: step_counts(st, -1); break;
	case ACT_PAGE_DOWN: step_counts(st, h); break;
	case ACT_PAGE_UP: step_counts(st, -h); break;
	case ACT_HALF_DOWN: step_counts(st, h / 2); break;
	case ACT_HALF_UP: step_counts(st, -h / 2); break;
	case ACT_FIRST: step_counts(st, -(long)st->page.count); break;
	case ACT_LAST: step_counts(st, (long)st->page.count); break;
	case ACT_TOGGLE: filter_by(ui); break;
	default: break;
	}
	return true;
}

static const char *balance_status(const struct ui *ui)
{
	(void)ui;
	return _("BALANCE");
}

const struct view_ops balance_view = {
	.name = "balance",
	.enter = balance_enter,
	.leave = balance_leave,
	.draw = balance_draw,
	.key = balance_key,
	.status = balance_status,
};
