/* The search as it is typed: an overlay on the message line that moves
 * the tree to the best match as the user types (Enter keeps it, Esc goes
 * back), and n and N afterwards.  Matching and ranking are the session's
 * (an exact id first, then ids that start with the query, then text). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "ui.h"

void search_bar_begin(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);

	ui->searching = true;
	ui->search_found = false;
	lineedit_clear(&ui->query);
	snprintf(ui->old_query, sizeof(ui->old_query), "%s", session_search_query(ui->s));
	ui->search_origin = outline_current(&ui->tree);
	free(ui->saved_expanded);
	ui->saved_expanded = malloc(c->count);
	if (ui->saved_expanded)
		memcpy(ui->saved_expanded, ui->tree.expanded, c->count);
	ui->message[0] = '\0';
	/* Fold the texts now, before the first key is typed: on 100k items
	 * that is 30-60 ms, which / can take and a keystroke should not. */
	session_search_prepare(ui->s);
	curs_set(1);
}

static void search_restore(struct ui *ui)
{
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, session_shown(ui->s)->count);
	outline_reveal(&ui->tree, ui->search_origin);
}

/* Jumps to the best match after where / was pressed, as the user types. */
static void search_update(struct ui *ui)
{
	uint32_t hit;

	ui->search_found = false;
	if (ui->query.len == 0) {
		search_restore(ui);
		ui->message[0] = '\0';
		return;
	}
	if (session_search(ui->s, ui->query.buf, ui->search_origin, &hit) != SESSION_OK) {
		search_restore(ui);
		return;
	}
	ui->search_found = true;
	if (ui->saved_expanded)
		memcpy(ui->tree.expanded, ui->saved_expanded, session_shown(ui->s)->count);
	outline_reveal(&ui->tree, hit);
}

static void search_end(struct ui *ui, bool keep)
{
	uint32_t hit;

	ui->searching = false;
	curs_set(0);
	if (!keep || !ui->query.len) {
		/* n and N go on with the search before this one. */
		if (strcmp(ui->old_query, session_search_query(ui->s)) != 0)
			session_search(ui->s, ui->old_query, outline_current(&ui->tree), &hit);
	}
	if (!keep) {
		search_restore(ui);
		ui->message[0] = '\0';
	} else if (ui->query.len) {
		if (!ui->search_found)
			ui_message(ui, ROLE_ERROR, _("not found: %s"), ui->query.buf);
		else
			ui_message(ui, ROLE_NORMAL, "/%s", ui->query.buf);
	}
	free(ui->saved_expanded);
	ui->saved_expanded = NULL;
}

void search_bar_again(struct ui *ui, bool forward)
{
	const char *query = session_search_query(ui->s);
	enum session_code code;
	bool wrapped;
	uint32_t hit;

	code = session_search_next(ui->s, outline_current(&ui->tree), forward, &hit, &wrapped);
	if (code == SESSION_NOT_FOUND) {
		ui_message(ui, ROLE_ERROR, _("not found: %s"), query);
		return;
	}
	if (code != SESSION_OK) {
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(code)));
		return;
	}
	outline_reveal(&ui->tree, hit);
	if (wrapped)
		ui_message(ui, ROLE_NORMAL, forward ? _("search hit the end, continued from the top: %s")
						    : _("search hit the top, continued from the end: %s"),
			   query);
	else
		ui_message(ui, ROLE_NORMAL, "%s%s", forward ? "/" : "?", query);
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
