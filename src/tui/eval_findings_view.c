/* `F` on the auditor's screen: every finding not closed yet, worst first
 * as they stand in the file (item order), with its owner and due date;
 * Enter goes to its item, x moves it on (open, remediating, closed).
 * And `?`: the auditor's keys, from the one table. */
#include <curses.h>
#include <stdio.h>

#include "eval_view.h"
#include "kijun/eval_words.h"
#include "kijun/i18n.h"
#include "ui.h"

struct open_finding {
	uint32_t item, finding;
};

/* The k-th finding not closed, in item order; false past the end. */
static bool nth_open(const struct evaluation *e, uint32_t n, struct open_finding *out)
{
	for (uint32_t i = 0; i < e->count; i++)
		for (uint32_t f = 0; f < e->items[i].finding_count; f++)
			if (e->items[i].findings[f].state != FSTATE_CLOSED && n-- == 0) {
				out->item = i;
				out->finding = f;
				return true;
			}
	return false;
}

static uint32_t count_open(const struct evaluation *e)
{
	struct eval_counts c;

	evaluation_count(e, &c);
	return c.open_findings;
}

static void findings_draw(struct ui *ui)
{
	struct eval_ui *x = ui->eval;
	uint32_t n = count_open(x->e), rows = ui->body_h > 2 ? (uint32_t)ui->body_h - 2 : 1;
	uint32_t top = x->findings_cursor >= rows ? x->findings_cursor - rows + 1 : 0;
	int y = ui->body_y, last = ui->body_y + ui->body_h;
	char line[1024];

	if (x->findings_cursor >= n && n)
		x->findings_cursor = n - 1;
	snprintf(line, sizeof(line), _("Open findings (%u): Enter goes to the item, x moves it on, q goes back"), n);
	draw_str(y++, 0, ui->cols, line, ROLE_HEADING, true);
	if (!n)
		draw_str(y++, 0, ui->cols, _("none: every finding is closed"), ROLE_MUTED, true);
	for (uint32_t k = top; k < n && y < last; k++) {
		struct open_finding o;
		const struct eval_finding *f;

		if (!nth_open(x->e, k, &o))
			break;
		f = &x->e->items[o.item].findings[o.finding];
		/* Who and by when first: the text is what gets cut at 80. */
		snprintf(line, sizeof(line), "%s %s %s [%s][%s][%s] %s", x->e->items[o.item].id,
			 f->due ? f->due : "----------", f->owner ? f->owner : "-",
			 eval_words_grade((enum finding_grade)f->grade),
			 eval_words_urgency((enum finding_urgency)f->urgency),
			 eval_words_fstate((enum finding_state)f->state), f->text ? f->text : "");
		if (k == x->findings_cursor)
			ui->cursor_y = y;
		draw_str(y++, 0, ui->cols, line, k == x->findings_cursor ? ROLE_CURSOR : ROLE_NORMAL,
			 true);
	}
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
}

static bool findings_key(struct ui *ui, bool is_key, wint_t ch)
{
	struct eval_ui *x = ui->eval;
	uint32_t n = count_open(x->e);
	struct open_finding o;

	ui->message[0] = '\0';
	if (!is_key && (ch == 'q' || ch == 27 || ch == 'F')) {
		view_close(ui);
		return true;
	}
	if ((!is_key && ch == 'j') || (is_key && ch == KEY_DOWN)) {
		if (x->findings_cursor + 1 < n)
			x->findings_cursor++;
	} else if ((!is_key && ch == 'k') || (is_key && ch == KEY_UP)) {
		if (x->findings_cursor > 0)
			x->findings_cursor--;
	} else if (((!is_key && (ch == '\n' || ch == '\r')) || (is_key && ch == KEY_ENTER)) &&
		   nth_open(x->e, x->findings_cursor, &o)) {
		view_close(ui);
		x->cur = o.item;
		x->page_stale = true;
	} else if (!is_key && ch == 'x' && nth_open(x->e, x->findings_cursor, &o)) {
		struct eval_item *it = &x->e->items[o.item];
		struct eval_finding *f = &it->findings[o.finding];

		f->state = (uint8_t)(f->state + 1 < FSTATE_COUNT ? f->state + 1 : FSTATE_OPEN);
		it->updated = evaluation_strdup(x->e, session_date(ui->s));
		if (eval_save(ui))
			ui_message(ui, ROLE_NORMAL, _("%s: finding %s (saved)"), it->id,
				   eval_words_fstate((enum finding_state)f->state));
	}
	return true;
}

static const char *findings_status(const struct ui *ui)
{
	(void)ui;
	return _("FINDINGS");
}

static void findings_enter(struct ui *ui)
{
	ui->eval->findings_cursor = 0;
}

const struct view_ops eval_findings_view = {
	.name = "findings",
	.enter = findings_enter,
	.draw = findings_draw,
	.key = findings_key,
	.status = findings_status,
};

/* ---- the auditor's keys ---------------------------------------------------- */

enum { EVAL_HELP_KEYS_W = 18 };

static size_t help_count(void)
{
	size_t n = 2;

	for (const struct eval_binding *b = eval_keymap; b->keys; b++)
		n += b->keys[0] != '\0';
	return n + 2;
}

static void help_draw(struct ui *ui)
{
	int y = ui->body_y, last = ui->body_y + ui->body_h;
	size_t line = 0;

	if (line++ >= ui->help_scroll && y < last)
		draw_str(y++, 0, ui->cols, _("Keys of the auditor's screen"), ROLE_HEADING, true);
	if (line++ >= ui->help_scroll && y < last)
		draw_str(y++, 0, ui->cols, _("Every result and addition is saved to the file at once."),
			 ROLE_MUTED, true);
	for (const struct eval_binding *b = eval_keymap; b->keys && y < last; b++) {
		if (!b->keys[0] || line++ < ui->help_scroll)
			continue;
		draw_blank(y, 0, 2, ROLE_NORMAL);
		draw_str(y, 2, EVAL_HELP_KEYS_W, b->keys, ROLE_ID, true);
		draw_str(y, 2 + EVAL_HELP_KEYS_W, ui->cols - 2 - EVAL_HELP_KEYS_W, _(b->what),
			 ROLE_NORMAL, true);
		y++;
	}
	if (line++ >= ui->help_scroll && y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
	if (line++ >= ui->help_scroll && y < last)
		draw_str(y++, 0, ui->cols, _("Press q, Esc or ? to close this help."), ROLE_MUTED, true);
	while (y < last)
		draw_blank(y++, 0, ui->cols, ROLE_NORMAL);
}

static void help_enter(struct ui *ui)
{
	ui->help_scroll = 0;
}

static bool help_key(struct ui *ui, bool is_key, wint_t ch)
{
	return view_scroll_key(ui, is_key, ch, help_count());
}

static const char *help_status(const struct ui *ui)
{
	(void)ui;
	return _("HELP");
}

const struct view_ops eval_help_view = {
	.name = "evaluation help",
	.enter = help_enter,
	.draw = help_draw,
	.key = help_key,
	.status = help_status,
};
