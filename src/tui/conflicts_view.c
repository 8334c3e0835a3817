/* `!`: the changes that could not apply to the base, each with its place
 * in the file and its reason, so nothing a user recorded goes unseen. */
#include <stdio.h>

#include "kijun/i18n.h"
#include "problem_words.h"
#include "ui.h"

static size_t conflicts_lines(const struct ui *ui)
{
	return 2 + (size_t)session_conflict_count(ui->s) * 3;
}

static void conflicts_draw(struct ui *ui)
{
	uint32_t count = session_conflict_count(ui->s);
	int y = ui->body_y, last = ui->body_y + ui->body_h, w = ui->cols;
	size_t line = 0, skip = ui->help_scroll;
	char buf[1024];

#define ROW(text, indent, role)                                                   \
	do {                                                                      \
		if (line++ >= skip && y < last) {                                 \
			draw_blank(y, 0, (indent), ROLE_NORMAL);                  \
			draw_str(y++, (indent), w - (indent), (text), (role), true); \
		}                                                                 \
	} while (0)

	snprintf(buf, sizeof(buf), _("Changes that do not apply (%u)"), count);
	ROW(buf, 1, ROLE_HEADING);
	ROW(count ? "" : _("none: every change applies to the base"), 1, ROLE_MUTED);
	for (uint32_t k = 0; k < count; k++) {
		const struct conflict *x = session_conflict(ui->s, k);
		const struct change *c = session_conflict_change(ui->s, k);

		snprintf(buf, sizeof(buf), _("change %u (%s, line %u, step %u, %s %s)"), x->index + 1,
			 change_op_label(c->op), c->line, c->step, c->date ? c->date : "",
			 c->author ? c->author : "");
		ROW(buf, 1, ROLE_VALUE);
		problem_describe(&x->problem, buf, sizeof(buf));
		ROW(buf, 3, ROLE_ERROR);
		snprintf(buf, sizeof(buf), _("reason: %s"), c->reason ? c->reason : "");
		ROW(buf, 3, ROLE_NORMAL);
	}
#undef ROW
	while (y < last)
		draw_blank(y++, 0, w, ROLE_NORMAL);
	ui->cursor_y = ui->body_y;
}

static void conflicts_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static bool conflicts_key(struct ui *ui, bool is_key, wint_t ch)
{
	return view_scroll_key(ui, is_key, ch, conflicts_lines(ui));
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
