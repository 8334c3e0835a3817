/* `?`: every key from the keymap, with what it does. */
#include <string.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "ui.h"

enum { HELP_INTRO_LINES = 7, HELP_KEYS_W = 16 };

static size_t count_bindings(const struct binding *map)
{
	size_t n = 0;

	while (map[n].keys)
		n++;
	return n;
}

/* Lines the help has, for scrolling. */
static size_t help_lines(void)
{
	/* The intro, the bindings with the editing, the `!` list's and the
	 * wizard's headings, and the three closing lines. */
	return HELP_INTRO_LINES + count_bindings(keymap) + 1 + 1 + count_bindings(conflict_keymap) +
	       1 + count_bindings(wizard_keymap) + 3;
}

/* One row of the help from line `*line` on, when scrolled into view. */
static void help_row(struct ui *ui, int *y, size_t *line, const char *text, enum draw_role role)
{
	int last = ui->body_y + ui->body_h;

	if ((*line)++ < ui->help_scroll || *y >= last)
		return;
	draw_blank(*y, 0, 1, ROLE_NORMAL);
	draw_str((*y)++, 1, ui->cols - 1, text, role, true);
}

static void help_binding(struct ui *ui, int *y, size_t *line, const struct binding *b)
{
	int w = ui->cols, last = ui->body_y + ui->body_h;

	if ((*line)++ < ui->help_scroll || *y >= last)
		return;
	draw_blank(*y, 0, 2, ROLE_NORMAL);
	draw_str(*y, 2, HELP_KEYS_W, b->keys, ROLE_ID, true);
	draw_str(*y, 2 + HELP_KEYS_W, w - 2 - HELP_KEYS_W, _(b->what), ROLE_NORMAL, true);
	(*y)++;
}

static void help_draw(struct ui *ui)
{
	int y = ui->body_y, last = ui->body_y + ui->body_h;
	size_t line = 0;
	const char *intro[HELP_INTRO_LINES] = {
		_("Keys"),
		"",
		_("The tree is on the left; the selected item's text and attributes on the right."),
		_("+ marks an item that opens, - one that is open."),
		_("Marks in a tailoring: * changed, A added, x excluded, s split, m merged,"),
		_("~ changes inside a closed branch, M mandatory, R recommended, T technical,"),
		_("! the sentence ending contradicts the level."),
	};

	for (int k = 0; k < HELP_INTRO_LINES; k++)
		help_row(ui, &y, &line, intro[k], k == 0 ? ROLE_HEADING : ROLE_NORMAL);
	for (const struct binding *b = keymap; b->keys; b++) {
		if (b->editing && !b[-1].editing)
			help_row(ui, &y, &line, _("Editing a tailoring (kijun FILE.yaml)"), ROLE_HEADING);
		help_binding(ui, &y, &line, b);
	}
	help_row(ui, &y, &line, _("In the list of changes that do not apply (!)"), ROLE_HEADING);
	for (const struct binding *b = conflict_keymap; b->keys; b++)
		help_binding(ui, &y, &line, b);
	help_row(ui, &y, &line, _("In the wizard (w)"), ROLE_HEADING);
	for (const struct binding *b = wizard_keymap; b->keys; b++)
		help_binding(ui, &y, &line, b);
	help_row(ui, &y, &line, "", ROLE_NORMAL);
	help_row(ui, &y, &line,
		 _("In a search: type to jump as you go, Enter keeps the match, Esc goes back."),
		 ROLE_MUTED);
	help_row(ui, &y, &line, _("Press q, Esc or ? to close this help."), ROLE_MUTED);
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
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
