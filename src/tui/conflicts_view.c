/* `!`: the changes that could not apply to the base, each with its place
 * in the file and its reason, so nothing a user recorded goes unseen; a
 * cursor over them goes to the item one is aimed at (Enter), withdraws
 * it (d) or retargets it (t), each a new change with its reason. */
#include <stdio.h>
#include <string.h>

#include "edit.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "problem_words.h"
#include "ui.h"

/* Rows before the first change, and per change. */
enum { CONFLICTS_HEAD = 3, CONFLICTS_ROWS = 3 };

static size_t conflicts_lines(const struct ui *ui)
{
	return CONFLICTS_HEAD + (size_t)session_conflict_count(ui->s) * CONFLICTS_ROWS;
}

/* Keeps the cursor on a change (the list shrinks as they are dealt
 * with) and its rows on the screen. */
static void conflicts_settle(struct ui *ui)
{
	uint32_t count = session_conflict_count(ui->s);
	size_t first, h = ui->body_h > 0 ? (size_t)ui->body_h : 1;

	if (ui->conflict_cursor >= count)
		ui->conflict_cursor = count ? count - 1 : 0;
	first = CONFLICTS_HEAD + (size_t)ui->conflict_cursor * CONFLICTS_ROWS;
	if (ui->conflict_cursor == 0)
		first = 0;  /* the heading and the keys with the first */
	if (first < ui->help_scroll)
		ui->help_scroll = first;
	else if (CONFLICTS_HEAD + ((size_t)ui->conflict_cursor + 1) * CONFLICTS_ROWS >
		 ui->help_scroll + h)
		ui->help_scroll = CONFLICTS_HEAD + ((size_t)ui->conflict_cursor + 1) * CONFLICTS_ROWS - h;
}

static void conflicts_draw(struct ui *ui)
{
	uint32_t count = session_conflict_count(ui->s);
	int y = ui->body_y, last = ui->body_y + ui->body_h, w = ui->cols;
	size_t line = 0, skip;
	char buf[1024];

	conflicts_settle(ui);
	skip = ui->help_scroll;
	ui->cursor_y = ui->body_y;
#define ROW(text, indent, role)                                                   \
	do {                                                                      \
		if (line++ >= skip && y < last) {                                 \
			draw_blank(y, 0, (indent), ROLE_NORMAL);                  \
			draw_str(y++, (indent), w - (indent), (text), (role), true); \
		}                                                                 \
	} while (0)

	snprintf(buf, sizeof(buf), _("Changes that do not apply (%u)"), count);
	ROW(buf, 1, ROLE_HEADING);
	ROW(count ? _("Enter: go to its item  d: withdraw it  t: retarget it  q: back")
		  : _("none: every change applies to the base"),
	    1, ROLE_MUTED);
	ROW("", 1, ROLE_NORMAL);
	for (uint32_t k = 0; k < count; k++) {
		const struct conflict *x = session_conflict(ui->s, k);
		const struct change *c = session_conflict_change(ui->s, k);
		bool on = k == ui->conflict_cursor;

		snprintf(buf, sizeof(buf), _("change %u (%s, line %u, step %u, %s %s)"), x->index + 1,
			 change_op_label(c->op), c->line, c->step, c->date ? c->date : "",
			 c->author ? c->author : "");
		if (on && line >= skip && y < last)
			ui->cursor_y = y;
		/* The selected change is marked in a dump and on a terminal
		 * without reverse video too, as mutt's arrow cursor. */
		if (line++ >= skip && y < last) {
			draw_str(y, 0, 1, on ? ">" : " ", ROLE_NORMAL, true);
			draw_str(y++, 1, w - 1, buf, on ? ROLE_CURSOR : ROLE_VALUE, true);
		}
		problem_describe(&x->problem, buf, sizeof(buf));
		ROW(buf, 3, ROLE_ERROR);
		snprintf(buf, sizeof(buf), _("reason: %s"), c->reason ? c->reason : "");
		ROW(buf, 3, ROLE_NORMAL);
	}
#undef ROW
	while (y < last)
		draw_blank(y++, 0, w, ROLE_NORMAL);
}

/* Enter: the tree, its cursor on what the change is aimed at, and the
 * message saying where it landed when that is not the item itself. */
static void conflicts_jump(struct ui *ui)
{
	uint32_t k = ui->conflict_cursor, i;
	const struct conflict *x = session_conflict(ui->s, k);
	const char *aim, *moved, *at;

	if (!x) {
		view_close(ui);
		return;
	}
	i = session_conflict_focus(ui->s, k);
	aim = edit_conflict_aim(ui, k, &moved);
	view_close(ui);
	ui->focus = FOCUS_TREE;
	if (i == ITEM_NONE) {
		ui_message(ui, ROLE_ERROR, _("change %u: %s is not in the tree, nor any item it lies in"),
			   x->index + 1, aim ? aim : "");
		return;
	}
	outline_reveal(&ui->tree, i);
	at = catalog_item(session_shown(ui->s), i)->id;
	if (aim && strcmp(aim, at) == 0)
		ui_message(ui, ROLE_NORMAL, _("change %u is aimed at %s"), x->index + 1, at);
	else if (moved && strcmp(moved, at) == 0)
		ui_message(ui, ROLE_NORMAL,
			   _("change %u: %s is not in the tree: at %s, where the change it moves is aimed"),
			   x->index + 1, aim ? aim : "", at);
	else
		ui_message(ui, ROLE_NORMAL, _("change %u: %s is not in the tree: at %s, the nearest item"),
			   x->index + 1, aim ? aim : "", at);
}

/* The cursor stays where it was, as mutt's index does: after Enter and a
 * look at the item, `!` comes back to the same change. */
static void conflicts_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static void conflicts_move(struct ui *ui, long delta)
{
	uint32_t count = session_conflict_count(ui->s);
	long to = (long)ui->conflict_cursor + delta;

	if (to >= (long)count)
		to = (long)count - 1;
	if (to < 0)
		to = 0;
	ui->conflict_cursor = (uint32_t)to;
}

static bool conflicts_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup_in(conflict_keymap, (int)ch, is_key);
	long page = ui->body_h / CONFLICTS_ROWS > 1 ? ui->body_h / CONFLICTS_ROWS : 1;

	if (a == ACT_NONE)
		a = keymap_lookup((int)ch, is_key);
	if (a != ACT_NONE)
		ui->message[0] = '\0';
	switch (a) {
	case ACT_JUMP: conflicts_jump(ui); return true;
	case ACT_WITHDRAW: edit_conflict_withdraw(ui, ui->conflict_cursor); return true;
	case ACT_RETARGET: edit_conflict_retarget(ui, ui->conflict_cursor); return true;
	case ACT_DOWN: conflicts_move(ui, 1); return true;
	case ACT_UP: conflicts_move(ui, -1); return true;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN: conflicts_move(ui, page); return true;
	case ACT_PAGE_UP:
	case ACT_HALF_UP: conflicts_move(ui, -page); return true;
	case ACT_FIRST: conflicts_move(ui, -(long)ui->conflict_cursor); return true;
	case ACT_LAST: conflicts_move(ui, (long)session_conflict_count(ui->s)); return true;
	/* What was just done here can be taken back or saved here. */
	case ACT_UNDO:
	case ACT_REDO:
	case ACT_SAVE: ui_edit_key(ui, a); return true;
	default: return view_scroll_key(ui, is_key, ch, conflicts_lines(ui));
	}
}

static const char *conflicts_status(const struct ui *ui)
{
	(void)ui;
	return _("CONFLICTS");
}

const struct view_ops conflicts_view = {
	.name = "conflicts",
	.enter = conflicts_enter,
	.draw = conflicts_draw,
	.key = conflicts_key,
	.status = conflicts_status,
};
