/* The auditor's page: the progress bar and counts on top, the item (its
 * tailored text, reasons for change, links and attributes, as the detail
 * pane shows them) and its evaluation below, scrolled as one. */
#include "eval_view.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval_page.h"
#include "kijun/eval_words.h"
#include "kijun/evaluation_io.h"
#include "kijun/i18n.h"
#include "kijun/tailoring_io.h"
#include "kijun/text.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

/* Rows above the page: the bar, the states, the item line. */
enum { EVAL_TOP_ROWS = 3 };

/* One table: dispatch and the help (eval_findings_view.c) read it. */
const struct eval_binding eval_keymap[] = {
	{ "1", N_("result: effective"), EACT_EFFECTIVE, { '1' } },
	{ "2", N_("result: partly effective"), EACT_PARTLY, { '2' } },
	{ "3", N_("result: not effective"), EACT_NOT_EFFECTIVE, { '3' } },
	{ "4", N_("result: not applicable"), EACT_NA, { '4' } },
	{ "0", N_("result: not evaluated (take the result back)"), EACT_UNEVALUATED, { '0' } },
	{ "n, Tab", N_("next item not evaluated yet"), EACT_NEXT_OPEN, { 'n', '\t' } },
	{ "N, Shift-Tab", N_("previous item not evaluated yet"), EACT_PREV_OPEN, { 'N', KEY_BTAB } },
	{ "l, Right, ]", N_("next item"), EACT_NEXT, { 'l', KEY_RIGHT, ']' } },
	{ "h, Left, [", N_("previous item"), EACT_PREV, { 'h', KEY_LEFT, '[' } },
	{ "g, G", N_("first, last item"), EACT_FIRST, { 'g', KEY_HOME } },
	{ "", "", EACT_LAST, { 'G', KEY_END } },
	{ "j, k, PgDn, PgUp", N_("scroll the page"), EACT_DOWN, { 'j', KEY_DOWN } },
	{ "", "", EACT_UP, { 'k', KEY_UP } },
	{ "", "", EACT_PAGE_DOWN, { KEY_NPAGE, ' ', CTRL('f') } },
	{ "", "", EACT_PAGE_UP, { KEY_PPAGE, CTRL('b') } },
	{ "w", N_("workflow state: not started, in progress, awaiting review, complete"), EACT_STATE, { 'w' } },
	{ "p", N_("add a procedure (inspection, inquiry, observation, reperformance)"), EACT_PROCEDURE, { 'p' } },
	{ "e", N_("add evidence (a file beside the evaluation is hashed)"), EACT_EVIDENCE, { 'e' } },
	{ "f", N_("add a finding (grade, root cause, owner, due date, urgency)"), EACT_FINDING, { 'f' } },
	{ "m", N_("sampling: frequency, population, size, samples, deviations"), EACT_SAMPLING, { 'm' } },
	{ "d", N_("the decision that takes a partly effective design to operation"), EACT_DECISION, { 'd' } },
	{ "c", N_("write or change the comment"), EACT_COMMENT, { 'c' } },
	{ "o", N_("sign off as preparer or reviewer"), EACT_SIGNOFF, { 'o' } },
	{ "F", N_("the open findings of the whole evaluation"), EACT_FINDINGS, { 'F' } },
	{ "?", N_("this help"), EACT_HELP, { '?', KEY_F(1) } },
	{ "M", N_("the messages so far, whole, newest first"), EACT_MESSAGES, { 'M' } },
	{ "L", N_("switch language (日本語 / English)"), EACT_LANGUAGE, { 'L' } },
	{ "Ctrl-L", N_("redraw the screen"), EACT_REDRAW, { CTRL('l') } },
	{ "q", N_("quit (everything is saved already)"), EACT_QUIT, { 'q' } },
	{ NULL, NULL, EACT_NONE, { 0 } },
};

static enum eval_action lookup(int code, bool is_key)
{
	if (code == 0 || (is_key ? code < KEY_MIN : code >= KEY_MIN))
		return EACT_NONE;
	for (const struct eval_binding *b = eval_keymap; b->keys; b++)
		for (int k = 0; k < 4 && b->codes[k]; k++)
			if (b->codes[k] == code && (is_key ? code >= KEY_MIN : true))
				return b->action;
	return EACT_NONE;
}

void eval_ui_init(struct eval_ui *x, struct evaluation *e, const char *path)
{
	struct diag_list quiet;

	memset(x, 0, sizeof(*x));
	x->e = e;
	x->path = path;
	detail_init(&x->page);
	arena_init(&x->scratch);
	x->page_stale = true;
	diag_list_init(&quiet);
	if (!evaluation_files_hash(path, x->disk_hash, &quiet))
		x->disk_hash[0] = '\0';
	diag_list_free(&quiet);
	/* Start where the work is: the first item without a result. */
	if (e->count && e->items[0].result != RESULT_NONE) {
		uint32_t k = eval_page_next_open(e, 0, true);

		x->cur = k == UINT32_MAX ? 0 : k;
	}
}

void eval_ui_free(struct eval_ui *x)
{
	detail_free(&x->page);
	arena_free(&x->scratch);
}

bool eval_save(struct ui *ui)
{
	struct eval_ui *x = ui->eval;
	struct diag_list diags;
	char now[72];
	bool ok;

	diag_list_init(&diags);
	/* Someone else's save (a git pull, an editor) is never overwritten. */
	if (x->disk_hash[0] && evaluation_files_hash(x->path, now, &diags) &&
	    strcmp(now, x->disk_hash) != 0) {
		ui_message(ui, ROLE_ERROR, "%s",
			   _("NOT SAVED: the file changed on disk since it was opened; quit, and open it again"));
		diag_list_free(&diags);
		x->page_stale = true;
		return false;
	}
	diag_list_clear(&diags);
	ok = evaluation_save_file(x->e, x->path, &diags) &&
	     evaluation_files_hash(x->path, x->disk_hash, &diags);
	if (!ok)
		ui_message(ui, ROLE_ERROR, _("NOT SAVED: %s (the change is kept: it is saved with the next one)"),
			   diags.count ? diags.items[0].message : "");
	diag_list_free(&diags);
	ui->eval->page_stale = true;
	return ok;
}

void eval_announce(struct ui *ui)
{
	const struct evaluation *e = ui->eval->e;
	const struct resolution *res = session_resolution(ui->s);
	uint32_t changed = 0, gone = 0;
	struct eval_counts c;
	char hash[72];

	for (uint32_t k = 0; k < e->count; k++) {
		enum eval_drift d = evaluation_scope_drift(&e->items[k], res);

		changed += d == DRIFT_CHANGED;
		gone += d == DRIFT_GONE;
	}
	evaluation_count(e, &c);
	if (changed || gone)
		ui_message(ui, ROLE_ERROR,
			   _("the tailoring changed since: %u items have a new text, %u are gone (see their pages)"),
			   changed, gone);
	else if (!tailoring_hash(&session_workspace(ui->s)->t, hash) ||
		 !e->tailoring_hash || strcmp(hash, e->tailoring_hash) != 0)
		ui_message(ui, ROLE_NORMAL, "%s",
			   _("the tailoring changed since this evaluation was made; no evaluated item's text did"));
	else
		ui_message(ui, ROLE_NORMAL, _("%u of %u items evaluated: 1-4 record a result, n goes to the next, ? lists the keys"),
			   c.total - c.by_result[RESULT_NONE], c.total);
}

/* ---- drawing ------------------------------------------------------------- */

static void build_page(struct ui *ui, int width)
{
	struct eval_ui *x = ui->eval;
	const struct eval_item *it = &x->e->items[x->cur];
	const struct resolution *res = session_resolution(ui->s);
	struct detail_context ctx = { res, &session_workspace(ui->s)->t, false };
	uint32_t i = catalog_find(&res->cat, it->id);
	enum evidence_check checks[64], *cv = checks;
	size_t keep = x->page.item == x->cur ? x->page.scroll : 0;

	/* The evidence files are checked each time the page is laid out. */
	if (it->evidence_count > 64)
		cv = malloc(it->evidence_count * sizeof(*cv));
	for (uint32_t k = 0; cv && k < it->evidence_count; k++)
		cv[k] = evaluation_files_check(x->path, &it->evidence[k]);
	if (x->e->kind == EVAL_GOVERNANCE)
		i = ITEM_NONE;  /* a measure, not an item of the tailoring */
	detail_build(&x->page, &res->cat, i, width, &ctx);
	if (x->e->kind == EVAL_GOVERNANCE) {
		detail_push_wrapped(&x->page, it->id, 0, DETAIL_ID);
		eval_page_governance(&x->page, it);
	} else if (i == ITEM_NONE) {
		detail_push_wrapped(&x->page, it->id, 0, DETAIL_ID);
	} else {
		const struct item *up = catalog_item(&res->cat, catalog_item(&res->cat, i)->parent);

		if (up->kind == ITEM_CONTROL)
			eval_page_context(&x->page, up->id, item_title(up));
	}
	eval_page_last(&x->page, x->e, it, i != ITEM_NONE ? &res->info[i] : NULL);
	eval_page_item(&x->page, x->e, it, cv,
		       x->e->kind == EVAL_GOVERNANCE ? DRIFT_NONE : evaluation_scope_drift(it, res));
	if (cv != checks)
		free(cv);
	x->page.item = x->cur;  /* the scroll is the evaluation item's */
	x->page.scroll = keep;
	x->page_stale = false;
}

static void draw_top(struct ui *ui, int y)
{
	struct eval_ui *x = ui->eval;
	const struct eval_item *it = x->e->count ? &x->e->items[x->cur] : NULL;
	struct eval_counts c;
	char bar[128], line[512], words[384];
	int bw = ui->cols / 3 > 20 ? 20 : ui->cols / 3, used;

	evaluation_count(x->e, &c);
	eval_page_bar(&c, bw, bar, sizeof(bar));
	used = draw_str(y, 0, ui->cols, bar, ROLE_HEADING, false);
	eval_page_results(&c, words, sizeof(words));
	snprintf(line, sizeof(line), "  %s", words);
	draw_str(y, used, ui->cols - used, line, ROLE_NORMAL, true);
	eval_page_states(&c, words, sizeof(words));
	draw_str(y + 1, 0, ui->cols, words, ROLE_MUTED, true);
	if (!it) {
		draw_str(y + 2, 0, ui->cols, _("this evaluation has no items"), ROLE_ERROR, true);
		return;
	}
	snprintf(line, sizeof(line), _("[%u/%u] %s  result: %s  state: %s"), x->cur + 1,
		 x->e->count, it->id, eval_words_result((enum eval_result)it->result),
		 eval_words_state((enum eval_state)it->state));
	used = draw_str(y + 2, 0, ui->cols, line, ROLE_BAR, false);
	snprintf(line, sizeof(line), "  %s", _("1-4,0: result  n: next  ?: keys"));
	draw_str(y + 2, used, ui->cols - used, line, ROLE_BAR, true);
}

static void eval_draw(struct ui *ui)
{
	struct eval_ui *x = ui->eval;
	int top = ui->body_y + EVAL_TOP_ROWS, h = ui->body_h - EVAL_TOP_ROWS;
	struct detail_window win;

	draw_top(ui, ui->body_y);
	if (h < 1 || !x->e->count) {
		for (int y = top; y < ui->body_y + ui->body_h; y++)
			draw_blank(y, 0, ui->cols, ROLE_NORMAL);
		return;
	}
	if (x->page_stale || x->page.width != ui->cols - 2 ||
	    x->page.lang != (int)i18n_language())
		build_page(ui, ui->cols - 2);
	detail_scroll(&x->page, 0, (size_t)h);
	detail_window(&x->page, (size_t)h, &win);
	for (int r = 0; r < h; r++) {
		size_t row = (size_t)r;
		int y = top + r;

		draw_blank(y, 0, 1, ROLE_NORMAL);
		if (row < win.top || (win.below && row == win.top + win.rows)) {
			char note[128];

			if (row < win.top)
				snprintf(note, sizeof(note), _("-- %zu more lines above --"), win.above);
			else
				snprintf(note, sizeof(note), _("-- %zu more lines below --"), win.below);
			draw_str(y, 1, ui->cols - 1, note, ROLE_MUTED, true);
		} else if (row >= win.top && row < win.top + win.rows) {
			const struct detail_line *l = &x->page.lines[win.first + row - win.top];
			int indent = l->indent < ui->cols - 1 ? l->indent : 0;
			enum draw_role role;

			switch (l->style) {
			case DETAIL_ID: role = ROLE_ID; break;
			case DETAIL_TITLE: role = ROLE_TITLE; break;
			case DETAIL_MUTED: role = ROLE_MUTED; break;
			case DETAIL_HEADING: role = ROLE_HEADING; break;
			case DETAIL_VALUE: role = ROLE_VALUE; break;
			case DETAIL_WARNING: role = ROLE_ERROR; break;
			case DETAIL_INSERTED: role = ROLE_INSERTED; break;
			case DETAIL_DELETED: role = ROLE_DELETED; break;
			default: role = ROLE_NORMAL; break;
			}
			draw_blank(y, 1, indent, ROLE_NORMAL);
			draw_text(y, 1 + indent, ui->cols - 1 - indent, l->text, l->len, role, true);
		} else {
			draw_blank(y, 1, ui->cols - 1, ROLE_NORMAL);
		}
	}
	ui->cursor_y = ui->body_y + 2;
}

/* ---- keys ------------------------------------------------------------------ */

static void go_to(struct ui *ui, uint32_t k)
{
	ui->eval->cur = k;
	ui->eval->page_stale = true;
}

static void next_open(struct ui *ui, bool forward)
{
	uint32_t k = eval_page_next_open(ui->eval->e, ui->eval->cur, forward);

	if (k == UINT32_MAX) {
		ui_message(ui, ROLE_NORMAL, "%s", _("every item has a result"));
		return;
	}
	go_to(ui, k);
}

static bool eval_key(struct ui *ui, bool is_key, wint_t ch)
{
	struct eval_ui *x = ui->eval;
	enum eval_action a = lookup((int)ch, is_key);
	size_t h = (size_t)(ui->body_h > EVAL_TOP_ROWS ? ui->body_h - EVAL_TOP_ROWS : 1);
	uint32_t n = x->e->count;

	if (a != EACT_NONE && a != EACT_REDRAW)
		ui->message[0] = '\0';
	if (!n && a != EACT_QUIT && a != EACT_HELP && a != EACT_MESSAGES && a != EACT_LANGUAGE)
		return true;
	switch (a) {
	case EACT_EFFECTIVE: eval_edit_result(ui, RESULT_EFFECTIVE); break;
	case EACT_PARTLY: eval_edit_result(ui, RESULT_PARTLY); break;
	case EACT_NOT_EFFECTIVE: eval_edit_result(ui, RESULT_NOT_EFFECTIVE); break;
	case EACT_NA: eval_edit_result(ui, RESULT_NA); break;
	case EACT_UNEVALUATED: eval_edit_result(ui, RESULT_NONE); break;
	case EACT_NEXT_OPEN: next_open(ui, true); break;
	case EACT_PREV_OPEN: next_open(ui, false); break;
	case EACT_NEXT:
		if (x->cur + 1 < n)
			go_to(ui, x->cur + 1);
		break;
	case EACT_PREV:
		if (x->cur > 0)
			go_to(ui, x->cur - 1);
		break;
	case EACT_FIRST: go_to(ui, 0); break;
	case EACT_LAST: go_to(ui, n - 1); break;
	case EACT_DOWN: detail_scroll(&x->page, 1, h); break;
	case EACT_UP: detail_scroll(&x->page, -1, h); break;
	case EACT_PAGE_DOWN: detail_scroll(&x->page, (long)h - 1, h); break;
	case EACT_PAGE_UP: detail_scroll(&x->page, -(long)h + 1, h); break;
	case EACT_STATE: eval_edit_state(ui); break;
	case EACT_PROCEDURE: eval_edit_procedure(ui); break;
	case EACT_EVIDENCE: eval_edit_evidence(ui); break;
	case EACT_FINDING: eval_edit_finding(ui); break;
	case EACT_SAMPLING:
		if (x->e->kind == EVAL_GOVERNANCE)
			eval_edit_figures(ui);
		else
			eval_edit_sampling(ui);
		break;
	case EACT_DECISION: eval_edit_decision(ui); break;
	case EACT_COMMENT: eval_edit_comment(ui); break;
	case EACT_SIGNOFF: eval_edit_signoff(ui); break;
	case EACT_FINDINGS: view_open(ui, &eval_findings_view); break;
	case EACT_HELP: view_open(ui, &eval_help_view); break;
	case EACT_MESSAGES: view_open(ui, &messages_view); break;
	case EACT_LANGUAGE:
		i18n_set_language(i18n_language() == LANGUAGE_JA ? LANGUAGE_EN : LANGUAGE_JA);
		ui_message(ui, ROLE_NORMAL, "%s", _("language: English"));
		break;
	case EACT_REDRAW: clearok(curscr, TRUE); break;
	case EACT_QUIT: return !ui_quit_request(ui);
	default: break;
	}
	return true;
}

static const char *eval_status(const struct ui *ui)
{
	return eval_words_kind((enum eval_kind)ui->eval->e->kind);
}

const struct view_ops eval_view = {
	.name = "evaluation",
	.draw = eval_draw,
	.key = eval_key,
	.status = eval_status,
};
