/* The start question (guard.h): a view, not a prompt on the terminal
 * before curses, so it is drawn and answered the same way under tmux and
 * under kijun --script, and has room to say who holds the file and what
 * a journal holds. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/text.h"
#include "ui.h"

static const char *file_of(const struct ui *ui)
{
	return session_workspace(ui->s)->path;
}

static int line(struct ui *ui, int y, enum draw_role role, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int line(struct ui *ui, int y, enum draw_role role, const char *fmt, ...)
{
	char text[1024];
	struct wrap_line rows[8];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	n = text_wrap(text, ui->cols - 2, rows, 8);
	for (size_t k = 0; k < n && k < 8 && y < ui->body_y + ui->body_h; k++, y++) {
		draw_blank(y, 0, 1, ROLE_NORMAL);
		draw_text(y, 1, ui->cols - 1, text + rows[k].start, rows[k].end - rows[k].start, role, true);
	}
	return y;
}

static void guard_draw(struct ui *ui)
{
	struct guard *g = &ui->guard;
	const struct lock_info *h = &g->holder;
	const struct journal_info *i = &g->info;
	int y = ui->body_y, last = ui->body_y + ui->body_h;

	draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
	if (g->asking == GUARD_ASK_JOURNAL) {
		y = line(ui, y, ROLE_HEADING, _("%s has unsaved changes from a kijun that did not end cleanly"),
			 file_of(ui));
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
		y = line(ui, y, ROLE_NORMAL, _("%u changes, %u undos, %u redos, by %s"),
			 i->changes, i->undos, i->redos, i->author);
		y = line(ui, y, ROLE_NORMAL, _("written by %s@%s (pid %ld) from %s to %s"),
			 i->user, i->host, i->pid, i->started, i->last[0] ? i->last : "-");
		if (i->file_changed)
			y = line(ui, y, ROLE_ERROR, "%s",
				 _("the file changed since the journal was written: it cannot be recovered into it (kijun recover FILE shows what it holds)"));
		if (i->damaged)
			y = line(ui, y, ROLE_ERROR, "%s", _("the journal is damaged and cannot be replayed"));
		if (i->torn)
			y = line(ui, y, ROLE_MUTED, "%s", _("its last record was cut short (killed while writing) and is left out"));
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
		y = line(ui, y, ROLE_HEADING, "%s",
			 _("r: recover the changes  d: discard them  o: open read-only  q: quit"));
	} else {
		y = line(ui, y, ROLE_HEADING,
			 g->asking == GUARD_ASK_HELD ? _("%s is open in another kijun")
						     : _("%s has a lock from a kijun that is no longer running"),
			 file_of(ui));
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
		y = line(ui, y, ROLE_NORMAL, _("held by %s@%s (pid %ld) since %s"), h->user, h->host,
			 h->pid, h->since);
		y = line(ui, y, ROLE_MUTED, "%s",
			 g->asking == GUARD_ASK_HELD
			 ? _("two kijun saving the same file would lose each other's changes")
			 : _("its work, if any, is in the journal: taking the lock over offers it next"));
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
		y = line(ui, y, ROLE_HEADING, "%s",
			 g->asking == GUARD_ASK_HELD ? _("o: open read-only  q: quit")
						     : _("t: take the lock over  o: open read-only  q: quit"));
	}
	if (g->problem[0]) {
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
		y = line(ui, y, ROLE_ERROR, "%s", g->problem);
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
	ui->cursor_y = ui->body_y;
}

static bool guard_key(struct ui *ui, bool is_key, wint_t ch)
{
	if (!is_key && ch < 0x80 && ch && strchr("qotrd", (int)ch))
		guard_answer(ui, (int)ch);
	return !ui->quitting;
}

static const char *guard_status(const struct ui *ui)
{
	(void)ui;
	return _("START");
}

const struct view_ops guard_view = {
	.name = "guard",
	.draw = guard_draw,
	.key = guard_key,
	.status = guard_status,
};
