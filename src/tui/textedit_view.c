/* The view of kijun's own editor: the text wrapped at the screen's width,
 * the keys of the line editor plus Up, Down, PgUp, PgDn and Enter for a
 * new line; Ctrl-S saves, Esc cancels (asking first when something was
 * typed, as nano does). */
#include "textedit_view.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "textedit.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

/* One editor is open at a time: the operations wait for it. */
static struct {
	struct textedit text;
	textedit_done_fn done;
	size_t top;        /* the first row shown */
	bool asking;       /* "discard the text you wrote?" is open */
} ed;

static int text_width_of(const struct ui *ui)
{
	return ui->cols > 1 ? ui->cols : 1;
}

static void textedit_view_draw(struct ui *ui)
{
	int width = text_width_of(ui), y = ui->body_y + 1, last = ui->body_y + ui->body_h, col;
	size_t h = (size_t)(last - y > 0 ? last - y : 1), row, start = 0, end, next, r = 0;
	bool in_comment = false;

	/* The keys, always in sight: this editor is met by surprise. */
	draw_str(ui->body_y, 0, ui->cols,
		 _("kijun's editor (no VISUAL, EDITOR, vi or nano): Ctrl-S saves, Esc cancels"),
		 ROLE_HEADING, true);
	textedit_cursor_at(&ed.text, width, &row, &col);
	if (row < ed.top)
		ed.top = row;
	else if (row >= ed.top + h)
		ed.top = row - h + 1;
	for (next = 0; next != TEXTEDIT_LAST && y < last; r++, start = next) {
		next = textedit_row(&ed.text, start, width, &end);
		/* The template's # lines are dimmed; a wrapped row goes on
		 * as the line it belongs to. */
		if (start == 0 || ed.text.buf[start - 1] == '\n')
			in_comment = ed.text.buf[start] == '#';
		if (r < ed.top)
			continue;
		draw_text(y++, 0, ui->cols, ed.text.buf + start, end - start,
			  in_comment ? ROLE_MUTED : ROLE_NORMAL, true);
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
	ui->cursor_y = ui->body_y + 1 + (int)(row - ed.top);
	ui->cursor_x = col < ui->cols ? col : ui->cols - 1;
}

static const char *textedit_view_status(const struct ui *ui)
{
	(void)ui;
	return _("TEXT");
}

/* Closes the view and hands the outcome on (text NULL: cancelled). */
static void textedit_view_finish(struct ui *ui, bool save)
{
	textedit_done_fn done = ed.done;
	char *text = NULL;

	if (save) {
		size_t len = ed.text.len;

		text = malloc(len + 1);
		if (text) {
			memcpy(text, ed.text.buf, len + 1);
			while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
				text[--len] = '\0';
		}
	}
	textedit_free(&ed.text);
	ed.asking = false;
	curs_set(0);
	view_close(ui);
	if (save && !text) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		ui_flow_cancel(ui);
		return;
	}
	if (!save)
		ui_message(ui, ROLE_NORMAL, "%s", _("cancelled"));
	done(ui, text);
}

static bool answer(struct ui *ui, bool is_key, wint_t ch)
{
	if (!is_key && (ch == 'y' || ch == 'Y')) {
		textedit_view_finish(ui, false);
		return true;
	}
	if (!is_key && (ch == 'n' || ch == 'N' || ch == 27 || ch == 7)) {
		ed.asking = false;
		ui->message[0] = '\0';
	}
	return true;
}

static bool textedit_view_key(struct ui *ui, bool is_key, wint_t ch)
{
	int width = text_width_of(ui), page = ui->body_h > 2 ? ui->body_h - 2 : 1;

	if (ed.asking)
		return answer(ui, is_key, ch);
	ui->message[0] = '\0';
	if (!is_key && ch == CTRL('s')) {
		textedit_view_finish(ui, true);
		return true;
	}
	if (is_key) {
		switch (ch) {
		case KEY_UP: textedit_up(&ed.text, width); return true;
		case KEY_DOWN: textedit_down(&ed.text, width); return true;
		case KEY_PPAGE:
			for (int k = 0; k < page && textedit_up(&ed.text, width); k++)
				;
			return true;
		case KEY_NPAGE:
			for (int k = 0; k < page && textedit_down(&ed.text, width); k++)
				;
			return true;
		default: break;
		}
	}
	switch (keymap_line_key((int)ch, is_key)) {
	case LINEKEY_CHAR:
		if (!textedit_insert(&ed.text, (uint32_t)ch) && ch >= 0x20)
			ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		break;
	case LINEKEY_SUBMIT: textedit_insert(&ed.text, '\n'); break;
	case LINEKEY_BACKSPACE: textedit_backspace(&ed.text); break;
	case LINEKEY_DELETE: textedit_delete(&ed.text); break;
	case LINEKEY_LEFT: textedit_left(&ed.text); break;
	case LINEKEY_RIGHT: textedit_right(&ed.text); break;
	case LINEKEY_HOME: textedit_home(&ed.text); break;
	case LINEKEY_END: textedit_end(&ed.text); break;
	case LINEKEY_CANCEL:
		if (!ed.text.modified) {
			textedit_view_finish(ui, false);
			break;
		}
		ed.asking = true;
		ui_message(ui, ROLE_ERROR, "%s", _("discard the text you wrote? y/n "));
		break;
	default: break;
	}
	return true;
}

static const struct view_ops textedit_view = {
	.name = "textedit",
	.draw = textedit_view_draw,
	.key = textedit_view_key,
	.status = textedit_view_status,
};

void textedit_view_open(struct ui *ui, const char *text, textedit_done_fn done)
{
	if (!textedit_init(&ed.text, text)) {
		textedit_free(&ed.text);
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		done(ui, NULL);
		return;
	}
	/* At the end, where a template leaves room for the text. */
	ed.text.cursor = ed.text.len;
	ed.done = done;
	ed.top = 0;
	ed.asking = false;
	view_open(ui, &textedit_view);
	curs_set(1);
}
