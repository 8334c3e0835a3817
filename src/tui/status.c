/* The header bar, the status bar and the message line. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/tailoring.h"
#include "kijun/text.h"
#include "eval_view.h"
#include "status_text.h"
#include "ui.h"

const char *ui_view_label(enum session_view v)
{
	switch (v) {
	case SESSION_VIEW_BASE: return _("base");
	case SESSION_VIEW_CHANGES: return _("changes only");
	default: return _("tailored");
	}
}

void ui_message(struct ui *ui, enum draw_role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof(ui->message), fmt, ap);
	va_end(ap);
	ui->message_role = role;
	msglog_add(&ui->messages, ui->message, (int)role);
}

static void draw_header(struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	const struct workspace *w = session_workspace(ui->s);
	const struct risk_basis *b = session_basis(ui->s);
	char line[512];
	const char *title = i18n_language() == LANGUAGE_EN && c->title_en ? c->title_en
									     : c->title;

	if (w && b && b->title)
		/* The tailoring's own name (as the wizard last set it), and
		 * what it tailors. */
		snprintf(line, sizeof(line), " kijun | %s  (%s %s)", b->title,
			 title ? title : "", c->edition ? c->edition : "");
	else
		snprintf(line, sizeof(line), " kijun | %s%s%s", title ? title : "",
			 c->edition ? "  " : "", c->edition ? c->edition : "");
	draw_str(0, 0, ui->cols, line, ROLE_HEADER, true);
}

static const char *mode_name(const struct ui *ui)
{
	const struct overlay_ops *o = view_overlay(ui);

	return o ? o->status(ui) : ui->view->status(ui);
}

static void draw_status(struct ui *ui)
{
	char left[512], right[128];
	int y = ui->rows - 2, rw;
	struct status_fields f = {
		mode_name(ui), ui->name, ui_editing(ui), ui_modified(ui),
		ui_editing(ui) ? ui_view_label(session_view(ui->s)) : "",
		ui->tree.row_count ? ui->tree.cursor + 1 : 0, ui->tree.row_count,
		ui->guard.read_only,
		session_filter(ui->s) ? query_text(session_filter(ui->s)) : NULL,
		session_filter_count(ui->s),
	};

	/* The auditor's screen: nothing of the tailoring is edited there;
	 * the position is the evaluation's. */
	if (ui->eval) {
		f.editing = false;
		f.cursor = ui->eval->e->count ? ui->eval->cur + 1 : 0;
		f.count = ui->eval->e->count;
	}
	if (ui->prompt.active && ui->message[0]) {
		/* The message line holds the question; its complaint goes here. */
		draw_str(y, 0, ui->cols, ui->message, ROLE_BAR, true);
		return;
	}
	if (ui->prompt.active && ui->prompt.type == PROMPT_REASON) {
		const struct change *c = &ui->flow.c;
		const char *what = c->target ? c->target : c->item.id ? c->item.id : "";

		/* Say what the reason is for, and which step it files under. */
		snprintf(left, sizeof(left), _(" %s %s | step %u: %s  (Tab changes the step, Esc cancels)"),
			 change_op_label(c->op), what, ui->prompt.step, step_label(ui->prompt.step));
		draw_str(y, 0, ui->cols, left, ROLE_BAR, true);
		return;
	}
	snprintf(right, sizeof(right), "%s ", _("?:help  q:quit"));
	rw = text_width(right);
	/* The keys hint gives way first, then the start of the path. */
	if (status_format(&f, INT_MAX / 2, left, sizeof(left)) + rw + 1 > ui->cols) {
		status_format(&f, ui->cols, left, sizeof(left));
		draw_str(y, 0, ui->cols, left, ROLE_BAR, true);
		return;
	}
	draw_str(y, 0, ui->cols - rw, left, ROLE_BAR, true);
	draw_str(y, ui->cols - rw, rw, right, ROLE_BAR, true);
}

/* A message wider than the line ends in ">" and the key that shows it
 * whole, rather than being cut without a sign. */
static void draw_message(int y, int cols, const char *text, enum draw_role role)
{
	const char *hint = _("> M: whole message");
	int hw = text_width(hint);

	if (text_width(text) <= cols || hw >= cols / 2) {
		draw_str(y, 0, cols, text, role, true);
		return;
	}
	draw_str(y, 0, cols - hw, text, role, true);
	draw_str(y, cols - hw, hw, hint, ROLE_MUTED, true);
}

static void draw_message_line(struct ui *ui)
{
	int y = ui->rows - 1;
	const struct overlay_ops *o = view_overlay(ui);

	if (o) {
		o->draw(ui, y);
		return;
	}
	draw_message(y, ui->cols, ui->message, ui->message_role);
}

void status_draw(struct ui *ui)
{
	draw_header(ui);
	draw_status(ui);
	draw_message_line(ui);
}
