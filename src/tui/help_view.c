/* `?`: every key from the keymap, with what it does. */
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "ui.h"

enum { HELP_INTRO_LINES = 4 };

/* Lines the help has, for scrolling. */
static size_t help_lines(void)
{
	size_t n = 0;

	while (keymap[n].keys)
		n++;
	/* The bindings, the editing heading, and the three closing lines. */
	return n + 1 + HELP_INTRO_LINES + 3;
}

static void help_draw(struct ui *ui)
{
	int keys_w = 16, w = ui->cols, y = ui->body_y, last = ui->body_y + ui->body_h;
	size_t line = 0, skip = ui->help_scroll;
	const char *intro[HELP_INTRO_LINES] = {
		_("Keys"),
		"",
		_("The tree is on the left; the selected item's text and attributes on the right."),
		_("+ marks an item that opens, - one that is open."),
	};

	for (int k = 0; k < HELP_INTRO_LINES && y < last; k++, line++) {
		if (line < skip)
			continue;
		draw_str(y++, 1, w - 1, intro[k], k == 0 ? ROLE_HEADING : ROLE_NORMAL, true);
		draw_blank(y - 1, 0, 1, ROLE_NORMAL);
	}
	for (const struct binding *b = keymap; b->keys && y < last; b++, line++) {
		if (b->editing && !b[-1].editing && line++ >= skip && y < last)
			draw_str(y++, 1, w - 1, _("Editing a tailoring (kijun FILE.yaml)"), ROLE_HEADING, true);
		if (line < skip || y >= last)
			continue;
		draw_blank(y, 0, 2, ROLE_NORMAL);
		draw_str(y, 2, keys_w, b->keys, ROLE_ID, true);
		draw_str(y, 2 + keys_w, w - 2 - keys_w, _(b->what), ROLE_NORMAL, true);
		y++;
	}
	if (y < last && line++ >= skip)
		draw_blank(y++, 0, w, ROLE_NORMAL);
	if (y < last && line++ >= skip)
		draw_str(y++, 1, w - 1, _("In a search: type to jump as you go, Enter keeps the match, Esc goes back."),
			 ROLE_MUTED, true);
	if (y < last && line++ >= skip)
		draw_str(y++, 1, w - 1, _("Press q, Esc or ? to close this help."), ROLE_MUTED, true);
	while (y < last)
		draw_blank(y++, 0, w, ROLE_NORMAL);
	ui->cursor_y = ui->body_y;
}

static void help_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static bool help_key(struct ui *ui, bool is_key, wint_t ch)
{
	return view_scroll_key(ui, is_key, ch, help_lines());
}

static const char *help_status(const struct ui *ui)
{
	(void)ui;
	return _("HELP");
}

const struct view_ops help_view = {
	.name = "help",
	.enter = help_enter,
	.draw = help_draw,
	.key = help_key,
	.status = help_status,
};
