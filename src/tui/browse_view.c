/* The main screen: the tree on the left, the selected item's detail on
 * the right (or the tree alone), and the keys that move, open, search and
 * start the editing operations. */
#include <curses.h>
#include <stdio.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "ui.h"

static void browse_draw(struct ui *ui)
{
	tree_view_draw(ui);
	if (ui->panes == PANES_BOTH)
		detail_view_draw(ui);
	/* Park the cursor on the selected row: terminals that cannot hide
	 * it, and screen readers, then point at the right place. */
	ui->cursor_y = ui->body_y + (int)(ui->tree.cursor - ui->tree.top);
}

static void detail_key(struct ui *ui, enum action a)
{
	size_t h = (size_t)ui->body_h;

	switch (a) {
	case ACT_DOWN: detail_scroll(&ui->detail, 1, h); break;
	case ACT_UP: detail_scroll(&ui->detail, -1, h); break;
	case ACT_PAGE_DOWN: detail_scroll(&ui->detail, (long)h - 1, h); break;
	case ACT_PAGE_UP: detail_scroll(&ui->detail, -(long)h + 1, h); break;
	case ACT_HALF_DOWN: detail_scroll(&ui->detail, (long)h / 2, h); break;
	case ACT_HALF_UP: detail_scroll(&ui->detail, -(long)h / 2, h); break;
	case ACT_FIRST: detail_scroll(&ui->detail, -(long)ui->detail.count, h); break;
	case ACT_LAST: detail_scroll(&ui->detail, (long)ui->detail.count, h); break;
	default: break;
	}
}

/* v: tailored, base, changes only, and round again.  The changes-only
 * view opens everything; coming back from it restores what was open
 * before it, with the cursor's item shown. */
static void switch_view(struct ui *ui)
{
	enum session_view from = session_view(ui->s);
	enum session_view to = (enum session_view)((from + 1) % SESSION_VIEW_COUNT);
	char cursor[256] = "";
	uint32_t cur = outline_current(&ui->tree);

	if (!ui_editing(ui)) {
		ui_edit_key(ui, ACT_VIEW);  /* says why not */
		return;
	}
	if (to == SESSION_VIEW_CHANGES) {
		if (ui->have_before_changes)
			outline_state_free(&ui->before_changes);
		ui->have_before_changes = outline_state_save(&ui->tree, &ui->before_changes);
	} else if (from == SESSION_VIEW_CHANGES && ui->have_before_changes) {
		if (cur != ITEM_NONE)
			snprintf(cursor, sizeof(cursor), "%s", catalog_item(ui->tree.c, cur)->id);
		if (ui->have_remembered)
			outline_state_free(&ui->remembered);
		ui->remembered = ui->before_changes;
		ui->have_remembered = true;
		ui->have_before_changes = false;
	}
	if (!ui->have_remembered)
		ui_remember(ui);  /* before the view's filter is recomputed */
	if (session_set_view(ui->s, to) != SESSION_OK || !ui_reload(ui, cursor[0] ? cursor : NULL)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	if (to == SESSION_VIEW_CHANGES)
		outline_expand_all(&ui->tree);
	ui_message(ui, ROLE_NORMAL, _("view: %s"), ui_view_label(to));
}

static bool browse_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	struct outline *o = &ui->tree;
	long half = ui->body_h / 2 > 0 ? ui->body_h / 2 : 1;

	if (a != ACT_NONE && a != ACT_REDRAW)
		ui->message[0] = '\0';
	if (ui->focus == FOCUS_DETAIL && a >= ACT_DOWN && a <= ACT_LAST) {
		detail_key(ui, a);
		return true;
	}
	switch (a) {
	case ACT_DOWN: outline_move(o, 1); break;
	case ACT_UP: outline_move(o, -1); break;
	case ACT_PAGE_DOWN: outline_page(o, 1); break;
	case ACT_PAGE_UP: outline_page(o, -1); break;
	case ACT_HALF_DOWN: outline_move(o, half); break;
	case ACT_HALF_UP: outline_move(o, -half); break;
	case ACT_FIRST: outline_first(o); break;
	case ACT_LAST: outline_last(o); break;
	case ACT_TOGGLE: outline_toggle(o); break;
	case ACT_EXPAND: outline_expand(o); break;
	case ACT_COLLAPSE: outline_collapse(o); break;
	case ACT_EXPAND_ALL: outline_expand_all(o); break;
	case ACT_COLLAPSE_ALL: outline_collapse_all(o); break;
	case ACT_SEARCH: search_bar_begin(ui); break;
	case ACT_SEARCH_NEXT: search_bar_again(ui, true); break;
	case ACT_SEARCH_PREV: search_bar_again(ui, false); break;
	case ACT_FILTER: filter_bar_begin(ui); break;
	case ACT_CROSSTAB: view_open(ui, &crosstab_view); break;
	case ACT_BALANCE: view_open(ui, &balance_view); break;
	case ACT_RISKS:
		if (!ui_editing(ui))
			ui_edit_key(ui, a);  /* says why not */
		else
			view_open(ui, &risk_view);
		break;
	case ACT_SCOPE: filter_bar_scope(ui); break;
	case ACT_FOCUS:
		if (ui->panes == PANES_BOTH)
			ui->focus = ui->focus == FOCUS_TREE ? FOCUS_DETAIL : FOCUS_TREE;
		break;
	case ACT_PANES:
		ui->panes = ui->panes == PANES_BOTH ? PANES_TREE : PANES_BOTH;
		ui->focus = FOCUS_TREE;
		ui_layout(ui);
		break;
	case ACT_LANGUAGE:
		i18n_set_language(i18n_language() == LANGUAGE_JA ? LANGUAGE_EN : LANGUAGE_JA);
		ui_message(ui, ROLE_NORMAL, "%s", _("language: English"));
		break;
	case ACT_HELP: view_open(ui, &help_view); break;
	case ACT_MESSAGES: view_open(ui, &messages_view); break;
	case ACT_REDRAW: clearok(curscr, TRUE); break;
	case ACT_QUIT: return !ui_quit_request(ui);
	case ACT_VIEW: switch_view(ui); break;
	case ACT_WIZARD:
		if (!ui_editing(ui)) {
			ui_edit_key(ui, a);  /* says why not */
			break;
		}
		if (ui->view != &wizard_view)
			view_open(ui, &wizard_view);
		break;
	case ACT_CONFLICTS:
		if (!ui_editing(ui)) {
			ui_edit_key(ui, a);  /* says why not */
			break;
		}
		view_open(ui, &conflicts_view);
		break;
	case ACT_NONE:
		if (!is_key && ch == 27 && session_filter(ui->s))
			filter_bar_clear(ui);
		else if (!is_key && ch == 27)
			ui->message[0] = '\0';
		else if (!is_key || ch != KEY_RESIZE)
			ui_message(ui, ROLE_NORMAL, "%s", _("unknown key: press ? for help"));
		break;
	default:
		ui_edit_key(ui, a);
		break;
	}
	return true;
}

static const char *browse_status(const struct ui *ui)
{
	return ui->focus == FOCUS_DETAIL ? _("DETAIL") : _("BROWSE");
}

const struct view_ops browse_view = {
	.name = "browse",
	.draw = browse_draw,
	.key = browse_key,
	.status = browse_status,
};
