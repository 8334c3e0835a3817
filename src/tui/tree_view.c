/* The left pane: one row per visible item, indented by depth, with a
 * marker for items that open.  The selected row shows its marker and id
 * in reverse video rather than the whole row: a cursor move then rewrites
 * a few cells instead of two rows of Japanese text, which matters on a
 * slow SSH link (as mutt's arrow_cursor does).
 *
 * With a tailoring open, three columns on the left say what changed:
 * status (* changed, A added, x excluded, s split, m merged; ~ on a closed
 * branch with changes inside), level (M mandatory, R
 * recommended, ! a sentence ending that contradicts it) and T for a
 * technical verification item. */
#include <string.h>

#include "kijun/text.h"
#include "marks.h"
#include "ui.h"

enum { MARK_COLS = 4 };

static void draw_marks(struct ui *ui, int y, uint32_t i)
{
	const struct resolved *info = session_info(ui->s, i);
	char marks[MARK_COLS + 1] = "    ";

	if (info) {
		const struct item *it = catalog_item(ui->tree.c, i);

		marks[0] = marks_status_char(info);
		/* A closed branch says that changes are inside it. */
		if (marks[0] == ' ' && it->first_child != ITEM_NONE &&
		    !outline_is_expanded(&ui->tree, i) &&
		    marks_changes_below(ui->tree.c, session_resolution(ui->s), i))
			marks[0] = MARKS_CHANGES_BELOW;
		if (info->wording_conflict)
			marks[1] = '!';
		else if (info->level == LEVEL_MANDATORY)
			marks[1] = 'M';
		else if (info->level == LEVEL_RECOMMENDED)
			marks[1] = 'R';
		if (info->technical)
			marks[2] = 'T';
	}
	/* Blank columns in normal attributes: a row span that crosses them
	 * then needs no colour switch (a green space looks like any other). */
	for (int k = 0; k < MARK_COLS; k++)
		draw_text(y, k, 1, &marks[k], 1,
			  marks[k] == ' ' ? ROLE_NORMAL
			  : info && info->status == STATUS_EXCLUDED ? ROLE_MUTED : ROLE_VALUE,
			  false);
}


/* An item opens only when the view or the filter leaves a child shown. */
static bool shows_children(const struct ui *ui, const struct item *it)
{
	const uint8_t *hidden = ui->tree.hidden;

	for (uint32_t k = it->first_child; k != ITEM_NONE; k = ui->tree.c->items[k].next_sibling)
		if (!hidden || !hidden[k])
			return true;
	return false;
}

static void draw_row(struct ui *ui, int y, uint32_t row)
{
	const struct catalog *c = ui->tree.c;
	uint32_t i = ui->tree.rows[row];
	const struct item *it = catalog_item(c, i);
	const struct resolved *info = session_info(ui->s, i);
	bool selected = row == ui->tree.cursor;
	bool out = info && session_view(ui->s) != SESSION_VIEW_BASE && resolved_is_out(session_resolution(ui->s), i);
	/* The id in the row's own attributes: a coloured one costs two
	 * attribute changes a row on every page (docs/decisions.md). */
	enum draw_role base = out ? ROLE_MUTED : ROLE_NORMAL, idrole = base;
	int w = ui->tree_w, x = 0, indent = (it->depth - 1) * 2;
	const char *marker = "  ", *name;

	if (selected)
		idrole = ui->focus == FOCUS_TREE ? ROLE_CURSOR : ROLE_CURSOR_DIM;
	if (ui_editing(ui)) {
		draw_marks(ui, y, i);
		x = MARK_COLS;
	}
	/* Deep items keep at least half the pane for their text. */
	if (indent > (w - x) / 2)
		indent = (w - x) / 2;
	if (shows_children(ui, it))
		marker = outline_is_expanded(&ui->tree, i) ? "- " : "+ ";
	draw_blank(y, x, indent, base);
	x += indent;
	/* The cursor is parked on the selected row's marker, where the next
	 * move's first change is, so that change needs no cursor address. */
	if (selected)
		ui->cursor_x = x;
	x += draw_str(y, x, w - x, marker, selected ? idrole : base, false);
	/* Entries read better by their label ("f)") than by their id. */
	name = it->kind == ITEM_ENTRY && it->label ? it->label : it->id;
	x += draw_str(y, x, w - x, name, idrole, false);
	if (info && resolved_extra(info)->mark_count && session_view(ui->s) != SESSION_VIEW_BASE)
		for (uint32_t k = 0; k < resolved_extra(info)->mark_count && x < w; k++)
			x += draw_str(y, x, w - x, resolved_extra(info)->marks[k], idrole, false);
	if (x < w)
		x += draw_str(y, x, w - x, " ", base, false);
	{
		const char *title = item_display_title(it);
		const char *nl = strchr(title, '\n');

		x += draw_text(y, x, w - x, title, nl ? (size_t)(nl - title) : strlen(title),
			       base, false);
	}
	if (x < w)
		draw_blank(y, x, w - x, base);
}

void tree_view_draw(struct ui *ui)
{
	struct outline *o = &ui->tree;

	for (int r = 0; r < ui->body_h; r++) {
		uint32_t row = o->top + (uint32_t)r;

		if (row < o->row_count)
			draw_row(ui, ui->body_y + r, row);
		else
			draw_blank(ui->body_y + r, 0, ui->tree_w, ROLE_NORMAL);
	}
	/* The separator between the panes: plain ASCII, because the line
	 * drawing set is lost in some setups (xterm's TERM inside tmux) and
	 * box drawing characters are two cells wide in CJK-width terminals.
	 * Normal attributes: ncurses re-sends it inside every row span that
	 * crosses it, and a dim one cost two attribute changes each time. */
	if (ui->panes == PANES_BOTH)
		for (int r = 0; r < ui->body_h; r++)
			draw_str(ui->body_y + r, ui->tree_w, 1, "|", ROLE_NORMAL, false);
}
