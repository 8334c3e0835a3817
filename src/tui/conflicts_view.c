/* `!`: the changes that could not apply to the base, each with its place
 * in the file and its reason, so nothing a user recorded goes unseen. */
#include <stdio.h>

#include "kijun/i18n.h"
#include "problem_words.h"
#include "ui.h"

static size_t conflicts_lines(const struct ui *ui)
{
	const struct resolution *r = session_resolution(ui->s);

	return 2 + (r ? (size_t)r->conflict_count * 3 : 0);
}

static void conflicts_draw(struct ui *ui)
{
	const struct resolution *r = session_resolution(ui->s);
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

	snprintf(buf, sizeof(buf), _("Changes that do not apply (%u)"), r ? r->conflict_count : 0);
	ROW(buf, 1, ROLE_HEADING);
	ROW(r && r->conflict_count ? "" : _("none: every change applies to the base"), 1, ROLE_MUTED);
	for (uint32_t k = 0; r && k < r->conflict_count; k++) {
		const struct conflict *x = &r->conflicts[k];
		const struct change *c = &x->from->changes[x->index];

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
