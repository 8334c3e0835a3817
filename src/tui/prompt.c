#include "prompt.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "keymap.h"
#include "kijun/i18n.h"
#include "kijun/tailoring.h"
#include "kijun/text.h"
#include "ui.h"

static void prompt_open(struct ui *ui, enum prompt_type type, const char *label,
			prompt_done_fn done)
{
	struct prompt *p = &ui->prompt;

	memset(p, 0, sizeof(*p));
	p->active = true;
	p->type = type;
	p->done = done;
	snprintf(p->label, sizeof(p->label), "%s", label);
	lineedit_clear(&p->edit);
	ui->message[0] = '\0';
	curs_set(1);
}

void prompt_line(struct ui *ui, const char *label, const char *initial,
		 bool allow_empty, prompt_done_fn done)
{
	prompt_open(ui, PROMPT_LINE, label, done);
	ui->prompt.allow_empty = allow_empty;
	if (initial)
		lineedit_set(&ui->prompt.edit, initial);
}

void prompt_key(struct ui *ui, const char *label, const char *keys, prompt_done_fn done)
{
	prompt_open(ui, PROMPT_KEY, label, done);
	snprintf(ui->prompt.keys, sizeof(ui->prompt.keys), "%s", keys);
	curs_set(0);
}

void prompt_reason(struct ui *ui, unsigned step, prompt_done_fn done)
{
	prompt_open(ui, PROMPT_REASON, _("reason: "), done);
	/* Step 0, the risk basis, only for the basis's own changes and for
	 * accepting the basis page's warnings. */
	ui->prompt.step = step <= STEP_MAX && (step >= STEP_MIN || change_op_is_basis(ui->flow.c.op) ||
					       ui->flow.c.op == OP_ACKNOWLEDGE)
				  ? step : STEP_MIN;
}

static void prompt_close(struct ui *ui)
{
	ui->prompt.active = false;
	curs_set(0);
}

static void finish(struct ui *ui)
{
	struct prompt *p = &ui->prompt;
	char answer[LINEEDIT_MAX];
	prompt_done_fn done = p->done;

	if (p->type == PROMPT_REASON && text_is_blank(p->edit.buf)) {
		ui_message(ui, ROLE_ERROR, "%s", _("a change needs a reason: type why, or Esc to cancel"));
		return;
	}
	if (p->type == PROMPT_LINE && !p->allow_empty && text_is_blank(p->edit.buf)) {
		ui_message(ui, ROLE_ERROR, "%s", _("this cannot be empty: type a value, or Esc to cancel"));
		return;
	}
	memcpy(answer, p->edit.buf, p->edit.len + 1);
	prompt_close(ui);
	done(ui, answer, 0);
}

/* y drops the operation and the text written for it; n (or Esc) goes
 * back to the question it interrupted. */
static void discard_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'y') {
		ui_flow_cancel(ui);
		ui_message(ui, ROLE_NORMAL, "%s", _("cancelled"));
		return;
	}
	ui->prompt = ui->flow.held;
	curs_set(ui->prompt.type == PROMPT_KEY ? 0 : 1);
}

static void cancel(struct ui *ui)
{
	if (ui->prompt.done == discard_done) {
		discard_done(ui, NULL, 'n');
		return;
	}
	/* Text written in an editor is not dropped by one key. */
	if (ui->flow.active && ui->flow.typed) {
		ui->flow.held = ui->prompt;
		prompt_key(ui, _("discard the text you wrote? y/n "), "yn", discard_done);
		return;
	}
	prompt_close(ui);
	ui_flow_cancel(ui);
	ui_message(ui, ROLE_NORMAL, "%s", _("cancelled"));
}

void prompt_input(struct ui *ui, bool is_key, wint_t ch)
{
	struct prompt *p = &ui->prompt;

	ui->message[0] = '\0';
	if (!is_key && (ch == 27 || ch == 7)) {  /* Esc, Ctrl-G */
		cancel(ui);
		return;
	}
	if (p->type == PROMPT_KEY) {
		prompt_done_fn done = p->done;

		if (is_key || ch >= 0x80 || !strchr(p->keys, (int)ch) || ch == 0)
			return;
		prompt_close(ui);
		done(ui, NULL, (int)ch);
		return;
	}
	if (p->type == PROMPT_REASON && ((!is_key && ch == '\t') || (is_key && ch == KEY_BTAB))) {
		/* Tab and Shift-Tab choose the guideline step; the risk
		 * basis has its own. */
		if (p->step != STEP_BASIS)
			p->step = ch == '\t' ? p->step % STEP_MAX + 1
					     : (p->step + STEP_MAX - 2) % STEP_MAX + 1;
		return;
	}
	switch (lineedit_key(&p->edit, keymap_line_key((int)ch, is_key), (uint32_t)ch)) {
	case LINEEDIT_SUBMIT: finish(ui); break;
	case LINEEDIT_CANCEL: cancel(ui); break;
	default: break;
	}
}

void prompt_draw(struct ui *ui, int y)
{
	struct prompt *p = &ui->prompt;
	char label[320];
	int lw, x;
	size_t start;
	int col;

	if (p->type == PROMPT_REASON)
		snprintf(label, sizeof(label), _("[step %u] reason: "), p->step);
	else
		snprintf(label, sizeof(label), "%s", p->label);
	lw = text_width(label);
	/* Keep room for typing: a long label gives way first.  A menu of
	 * keys has nothing to type and takes the whole line. */
	if (p->type != PROMPT_KEY && lw > ui->cols / 2)
		lw = ui->cols / 2;
	if (lw > ui->cols)
		lw = ui->cols;
	x = draw_str(y, 0, lw, label, ROLE_HEADING, false);
	if (p->type == PROMPT_KEY) {
		draw_blank(y, x, ui->cols - x, ROLE_NORMAL);
		return;
	}
	lineedit_view(&p->edit, ui->cols - x - 1, &start, &col);
	draw_text(y, x, ui->cols - x, p->edit.buf + start, p->edit.len - start, ROLE_NORMAL, true);
	move(y, x + col);
}
