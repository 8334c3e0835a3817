/* Opening and closing views, the overlays on the message line, and the
 * scrolling that read-only pages (help, conflicts) share. */
#include <curses.h>

#include "keymap.h"
#include "kijun/i18n.h"
#include "ui.h"

void view_open(struct ui *ui, const struct view_ops *v)
{
	ui->parent = ui->view;
	ui->view = v;
	if (v->enter)
		v->enter(ui);
}

void view_close(struct ui *ui)
{
	if (ui->view->leave)
		ui->view->leave(ui);
	ui->view = ui->parent && ui->parent != ui->view ? ui->parent : &browse_view;
	ui->parent = NULL;
}

static const char *prompt_status(const struct ui *ui)
{
	(void)ui;
	return _("EDIT");
}

const struct overlay_ops prompt_overlay = {
	.key = prompt_input,
	.draw = prompt_draw,
	.status = prompt_status,
};

const struct overlay_ops *view_overlay(const struct ui *ui)
{
	if (ui->prompt.active)
		return &prompt_overlay;
	if (ui->searching)
		return &search_overlay;
	return NULL;
}

bool view_scroll_key(struct ui *ui, bool is_key, wint_t ch, size_t total)
{
	enum action a = keymap_lookup((int)ch, is_key);
	size_t h = (size_t)ui->body_h, max = total > h ? total - h : 0;

	if ((!is_key && (ch == 27 || ch == 'q')) || a == ACT_HELP || a == ACT_TOGGLE ||
	    a == ACT_CONFLICTS || a == ACT_MESSAGES) {
		view_close(ui);
		return true;
	}
	if (a == ACT_DOWN && ui->help_scroll < max)
		ui->help_scroll++;
	else if (a == ACT_UP && ui->help_scroll > 0)
		ui->help_scroll--;
	else if (a == ACT_PAGE_DOWN || a == ACT_LAST)
		ui->help_scroll = max;
	else if (a == ACT_PAGE_UP || a == ACT_FIRST)
		ui->help_scroll = 0;
	return true;
}
