/* The search as it is typed: an overlay on the message line that moves
 * the tree to the first match as the user types (Enter keeps it, Esc goes
 * back), and n and N afterwards.  Matching is the core's: the calls to it
 * stay thin so the session's search can take their place. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/search.h"
#include "ui.h"

/* Searches past items the view leaves out. */
static uint32_t search_shown(struct ui *ui, uint32_t from, const char *query, bool forward,
			     bool *wrapped)
{
	const struct catalog *c = doc_shown(&ui->doc);
	uint32_t hit = catalog_search(c, from, query, forward, wrapped), first = hit;
	bool w2;

	while (hit != ITEM_NONE && ui->doc.hidden && ui->doc.hidden[hit]) {
		hit = catalog_search(c, hit, query, forward, &w2);
		*wrapped |= w2;
		if (hit == first)
			return ITEM_NONE;
	}
	return hit;
}

void search_bar_begin(struct ui *ui)
{
	const struct catalog *c = doc_shown(&ui->doc);

	ui->searching = true;
	lineedit_clear(&ui->query);
	ui->search_origin = outline_current(&ui->tree);
	free(ui->saved_expanded);
	ui->saved_expanded = malloc(c->count);
	if (ui->saved_expanded)
		memcpy(ui->saved_expanded, ui->tree.expanded, c->count);
	ui->message[0] = '\0';
	curs_set(1);
}

static void search_restore(struct ui *ui)
{
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, doc_shown(&ui->doc)->count);
	outline_reveal(&ui->tree, ui->search_origin);
}

/* Jumps to the first match after where / was pressed, as the user types. */
static void search_update(struct ui *ui)
{
	bool wrapped;
	uint32_t hit;

	if (ui->query.len == 0) {
		search_restore(ui);
		ui->message[0] = '\0';
		return;
	}
	hit = search_shown(ui, ui->search_origin, ui->query.buf, true, &wrapped);
	if (hit == ITEM_NONE) {
		search_restore(ui);
		return;
	}
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, doc_shown(&ui->doc)->count);
	outline_reveal(&ui->tree, hit);
}

static void search_end(struct ui *ui, bool keep)
{
	ui->searching = false;
	curs_set(0);
	if (!keep) {
		search_restore(ui);
		ui->message[0] = '\0';
	} else if (ui->query.len) {
		uint32_t cur = outline_current(&ui->tree);

		snprintf(ui->last_query, sizeof(ui->last_query), "%s", ui->query.buf);
		if (cur == ITEM_NONE ||
		    !item_matches(catalog_item(doc_shown(&ui->doc), cur), ui->query.buf))
			ui_message(ui, ROLE_ERROR, _("not found: %s"), ui->query.buf);
		else
			ui_message(ui, ROLE_NORMAL, "/%s", ui->query.buf);
	}
	free(ui->saved_expanded);
	ui->saved_expanded = NULL;
}

void search_bar_again(struct ui *ui, bool forward)
{
	bool wrapped;
	uint32_t hit;

	if (!ui->last_query[0]) {
		ui_message(ui, ROLE_ERROR, "%s", _("no search yet: press / to search"));
		return;
	}
	hit = search_shown(ui, outline_current(&ui->tree), ui->last_query, forward, &wrapped);
	if (hit == ITEM_NONE) {
		ui_message(ui, ROLE_ERROR, _("not found: %s"), ui->last_query);
		return;
	}
	outline_reveal(&ui->tree, hit);
	if (wrapped)
		ui_message(ui, ROLE_NORMAL, forward ? _("search hit the end, continued from the top: %s")
						    : _("search hit the top, continued from the end: %s"),
			   ui->last_query);
	else
		ui_message(ui, ROLE_NORMAL, "%s%s", forward ? "/" : "?", ui->last_query);
}

static void search_key(struct ui *ui, bool is_key, wint_t ch)
{
	switch (lineedit_key(&ui->query, keymap_line_key((int)ch, is_key), (uint32_t)ch)) {
	case LINEEDIT_SUBMIT: search_end(ui, true); break;
	case LINEEDIT_CANCEL:
	case LINEEDIT_ERASE_EMPTY: search_end(ui, false); break;
	case LINEEDIT_CHANGED: search_update(ui); break;
	default: break;
	}
}

static void search_draw(struct ui *ui, int y)
{
	size_t start;
	int col;

	lineedit_view(&ui->query, ui->cols - 2, &start, &col);
	draw_str(y, 0, 1, "/", ROLE_NORMAL, false);
	draw_text(y, 1, ui->cols - 1, ui->query.buf + start, ui->query.len - start,
		  ROLE_NORMAL, true);
	move(y, 1 + col);
}

static const char *search_status(const struct ui *ui)
{
	(void)ui;
	return _("SEARCH");
}

const struct overlay_ops search_overlay = {
	.key = search_key,
	.draw = search_draw,
	.status = search_status,
};
