/* `M`: the messages the message line has shown, newest first and whole,
 * wrapped to the screen: what was cut at the edge of the line (a failed
 * save's cause, a long path) can be read here. */
#include <stdio.h>

#include "kijun/i18n.h"
#include "kijun/text.h"
#include "ui.h"

enum { MESSAGES_INDENT = 2, MESSAGES_MAX_LINES = 64 };

/* The rows message k takes at width w. */
static size_t entry_lines(const struct msglog_entry *e, int w)
{
	struct wrap_line lines[MESSAGES_MAX_LINES];
	size_t n = text_wrap(e->text, w, lines, MESSAGES_MAX_LINES);

	return n < MESSAGES_MAX_LINES ? n : MESSAGES_MAX_LINES;
}

static int text_cols(const struct ui *ui)
{
	int w = ui->cols - MESSAGES_INDENT - 1;

	return w > 1 ? w : 1;
}

static size_t messages_lines(const struct ui *ui)
{
	size_t n = 2;  /* the heading and a blank */

	for (size_t k = 0; msglog_get(&ui->messages, k); k++)
		n += entry_lines(msglog_get(&ui->messages, k), text_cols(ui));
	return n;
}

static void messages_draw(struct ui *ui)
{
	int y = ui->body_y, last = ui->body_y + ui->body_h, w = text_cols(ui);
	size_t line = 0, skip = ui->help_scroll;
	char heading[256];

	snprintf(heading, sizeof(heading), _("Messages (%zu, newest first)"), ui->messages.count);
	if (line++ >= skip && y < last)
		draw_str(y++, 0, ui->cols, heading, ROLE_HEADING, true);
	if (line++ >= skip && y < last)
		draw_str(y++, 0, ui->cols,
			 ui->messages.count ? "" : _("none yet"), ROLE_MUTED, true);
	for (size_t k = 0; y < last; k++) {
		const struct msglog_entry *e = msglog_get(&ui->messages, k);
		struct wrap_line lines[MESSAGES_MAX_LINES];
		size_t n;

		if (!e)
			break;
		n = text_wrap(e->text, w, lines, MESSAGES_MAX_LINES);
		for (size_t l = 0; l < n && l < MESSAGES_MAX_LINES && y < last; l++) {
			if (line++ < skip)
				continue;
			/* A message's first row starts at the margin, the rest
			 * hang under it. */
			draw_blank(y, 0, MESSAGES_INDENT, ROLE_NORMAL);
			draw_text(y, l ? MESSAGES_INDENT : 0, ui->cols - (l ? MESSAGES_INDENT : 0),
				  e->text + lines[l].start, lines[l].end - lines[l].start,
				  (enum draw_role)e->role, true);
			y++;
		}
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
	ui->cursor_y = ui->body_y;
}

static void messages_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static bool messages_key(struct ui *ui, bool is_key, wint_t ch)
{
	return view_scroll_key(ui, is_key, ch, messages_lines(ui));
}

static const char *messages_status(const struct ui *ui)
{
	(void)ui;
	return _("MESSAGES");
}

const struct view_ops messages_view = {
	.name = "messages",
	.enter = messages_enter,
	.draw = messages_draw,
	.key = messages_key,
	.status = messages_status,
};
