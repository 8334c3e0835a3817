/* The wizard (`w`): the risk basis, the guideline's steps ①–⑦ one page
 * each, and a summary.  A step page says what the step asks, shows its
 * progress and the tree narrowed to what the step is about (the session's
 * filter), and hands every other key to the browse view, so the editing
 * keys work there as anywhere.  The checks are src/core/wizard.c; page 0's
 * prompts wizard_basis.c; B and p wizard_steps.c. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "keymap.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/risk.h"
#include "kijun/text.h"
#include "kijun/wizard.h"
#include "ui.h"
#include "wizard.h"

/* What each page asks and why, in kijun's words (guideline I.3, II.1–II.7). */
static const char *page_text(unsigned page)
{
	switch (page) {
	case 0: return _("The standard is tailored from risk (guideline I.3). Record the scope, the risk management policy's four elements, your own risk scale and the risks your assessment found; the steps then tie items to these risks.");
	case 1: return _("Go through every item of the base and decide: keep it (K), reword it in your own terms (r, R), split or merge it (S, J), or exclude it (x). Write why: the auditor and your successor will read it.");
	case 2: return _("Add what laws and regulations require and the standard should say (a, source: law). Written here, it shows how the law relates to your other security rules.");
	case 3: return _("The standard does not cover IoT or industrial control systems. Take controls from other standards as detailed controls under the fitting item: p picks one from NIST CSF 2.0 (built in) or from any catalog file, a writes one in (CPSF or any other).");
	case 4: return _("Add what your organization needs beyond the standard: where information is very important, threats frequent or damage large. Keep the neighbouring items' level of detail; details go to technical items or procedures.");
	case 5: return _("Internal rules older than this standard: tie items to them (i) and say how the two are kept consistent, so that neither contradicts the other. Every link needs that note.");
	case 6: return _("Split the controls by their weight for your risk targets: mandatory, to be followed always, or recommended, where resources allow (m; B for a whole branch). The sentence ending must say the same.");
	case 7: return _("Mark items that need advanced technical work, such as penetration tests, often by outside experts (t). Technology changes fast: give each a review interval in months.");
	default: return _("What the wizard recorded, by step and operation, and the warnings still open.");
	}
}

/* The keys a page adds to the browse view's, for its last line. */
static const char *page_keys(unsigned page)
{
	switch (page) {
	case 0: return _("0 title  1 organization  2 scope  3 policy  4 scale  5 risk  6 remove  ] next  q close");
	case 1: return _("K keep  x exclude  r reword  S split  J merge  T risks  ] next  [ back  q close");
	case 6: return _("m level  B level for the branch  T risks  ] next  [ back  q close");
	case 3: return _("p pick from NIST CSF 2.0  a add  T risks  ] next  [ back  q close");
	case 7: return _("t technical  ] next  [ back  q close");
	case WIZARD_SUMMARY: return _("[ back  q close");
	default: return _("a add  i link  T risks  ] next  [ back  q close");
	}
}

/* ---- the page's tree ------------------------------------------------------------ */

/* True when item i treats a risk whose level ranks `level` or higher
 * (0 is the scale's highest). */
static bool risk_at_most(const struct session *s, const struct resolution *r, uint32_t i,
			 int level)
{
	struct workspace *w = session_workspace(s);
	struct risk_basis b;
	int rank;

	if (!resolved_extra(&r->info[i])->risk_count || !w || !risk_basis_build(&b, &w->t, r))
		return false;
	rank = risk_basis_item_rank(&b, &r->info[i]);
	risk_basis_free(&b);
	return rank >= 0 && rank <= level;
}

static bool page_filter(void *ctx, const struct session *s, uint32_t i)
{
	const struct ui *ui = ctx;
	const struct resolution *r = session_resolution(s);

	/* The base view numbers the base's items: the page is about the
	 * tailored ones. */
	if (!r || session_shown(s) != &r->cat)
		return true;
	if (!wizard_shows(ui->wizard_page, r, i))
		return false;
	return ui->wizard_risk_level < 0 || risk_at_most(s, r, i, ui->wizard_risk_level);
}

static void go_to(struct ui *ui, unsigned page)
{
	ui->wizard_page = page;
	session_set_wizard_page(ui->s, page);
	ui_remember(ui);
	if (session_set_narrow(ui->s, page >= 1 && page <= STEP_MAX ? page_filter : NULL, ui) !=
	    SESSION_OK || !ui_reload(ui, NULL)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	outline_expand_all(&ui->tree);
	outline_first(&ui->tree);
}

static void wizard_enter(struct ui *ui)
{
	struct workspace *w = session_workspace(ui->s);

	ui->wizard_risk_level = -1;
	if (session_view(ui->s) != SESSION_VIEW_TAILORED)
		session_set_view(ui->s, SESSION_VIEW_TAILORED);
	go_to(ui, w ? w->t.wizard_page : 0);
}

static void wizard_leave(struct ui *ui)
{
	ui_remember(ui);
	session_set_narrow(ui->s, NULL, NULL);
	ui_reload(ui, NULL);
	ui_layout(ui);
}

/* ---- progress ----------------------------------------------------------------- */

static void page_progress(const struct ui *ui, unsigned page, struct wizard_progress *p)
{
	const struct resolution *r = session_resolution(ui->s);
	struct workspace *w = session_workspace(ui->s);
	struct risk_basis b;

	memset(p, 0, sizeof(*p));
	p->ack = CHANGE_NONE;
	if (!r || !w || !risk_basis_build(&b, &w->t, r))
		return;
	wizard_progress(page, r, &b, p);
	risk_basis_free(&b);
}

/* ---- drawing ------------------------------------------------------------------ */

/* Writes s wrapped from row y, at most `rows` rows; returns the rows used. */
static int draw_wrapped(int y, int x, int w, int rows, const char *s, enum draw_role role)
{
	struct wrap_line lines[32];
	size_t n = text_wrap(s, w, lines, 32);
	int used = 0;

	for (size_t k = 0; k < n && k < 32 && used < rows; k++, used++)
		draw_text(y + used, x, w, s + lines[k].start, lines[k].end - lines[k].start, role,
			  true);
	return used;
}

static int draw_heading(struct ui *ui, int y)
{
	char line[512];
	struct wizard_progress p;
	unsigned page = ui->wizard_page;

	if (page == WIZARD_SUMMARY) {
		snprintf(line, sizeof(line), "%s", _("Wizard: summary"));
	} else {
		size_t len;

		/* The numbers first: a long step name is cropped, they are not. */
		page_progress(ui, page, &p);
		len = (size_t)snprintf(line, sizeof(line), _("Wizard %u/7  %u of %u done"), page,
				       p.decided, p.total);
		if (wizard_open(&p))
			len += (size_t)snprintf(line + len, sizeof(line) - len, _("  %u warnings"),
						wizard_open(&p));
		else if (p.warnings)
			len += (size_t)snprintf(line + len, sizeof(line) - len, "%s",
						_("  warnings acknowledged"));
		snprintf(line + len, sizeof(line) - len, "  %s", wizard_page_name(page));
	}
	draw_str(y, 0, ui->cols, line, ROLE_HEADING, true);
	return 1;
}

static int draw_pair(struct ui *ui, int y, int rows, const char *label, const char *value)
{
	char line[1024];

	if (rows <= 0)
		return 0;
	snprintf(line, sizeof(line), "%s: %s", label, text_is_blank(value) ? _("(not given)") : value);
	return draw_wrapped(y, 1, ui->cols - 1, 1, line, text_is_blank(value) ? ROLE_MUTED : ROLE_NORMAL);
}

/* Page 0: the risk basis as it stands, and what is missing. */
static void draw_basis(struct ui *ui, int y, int end)
{
	struct workspace *w = session_workspace(ui->s);
	const struct resolution *r = session_resolution(ui->s);
	struct risk_basis b;
	char line[1024];
	size_t len = 0;

	if (!w || !r || !risk_basis_build(&b, &w->t, r))
		return;
	y += draw_pair(ui, y, end - y, _("the title"), b.title);
	y += draw_pair(ui, y, end - y, _("the organization"), b.scope.organization);
	y += draw_pair(ui, y, end - y, _("sites in scope"), b.scope.sites ? b.scope.sites : b.scope_text);
	y += draw_pair(ui, y, end - y, _("information assets in scope"), b.scope.assets);
	y += draw_pair(ui, y, end - y, _("processes in scope"), b.scope.processes);
	y += draw_pair(ui, y, end - y, _("1) sharing risk awareness"), b.policy.awareness);
	y += draw_pair(ui, y, end - y, _("2) setting targets"), b.policy.targets);
	y += draw_pair(ui, y, end - y, _("3) top management follows"), b.policy.monitoring);
	y += draw_pair(ui, y, end - y, _("4) evaluation and feedback"), b.policy.feedback);
	line[0] = '\0';
	for (uint32_t k = 0; k < b.scale_count && len < sizeof(line) - 8; k++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%s", k ? " > " : "",
					b.scale[k]);
	y += draw_pair(ui, y, end - y, _("risk scale"), line);
	if (y < end) {
		snprintf(line, sizeof(line), _("risks (%u):"), b.risk_count);
		draw_str(y++, 1, ui->cols - 1, line, ROLE_HEADING, true);
	}
	for (uint32_t k = 0; k < b.risk_count && y < end; k++) {
		const struct risk *rk = &b.risks[k];
		bool bad = risk_basis_rank(&b, rk->level) < 0 ||
			   (rk->target_level && risk_basis_rank(&b, rk->target_level) < 0);

		snprintf(line, sizeof(line), "%s  %s%s%s%s%s  %s  %s", rk->id, rk->level,
			 rk->target_level ? " → " : "", rk->target_level ? rk->target_level : "",
			 rk->deadline ? " " : "", rk->deadline ? rk->deadline : "",
			 rk->properties ? rk->properties : "-", rk->description);
		y += draw_wrapped(y, 2, ui->cols - 2, 1, line, bad ? ROLE_ERROR : ROLE_NORMAL);
	}
	risk_basis_free(&b);
}

/* Page 8: the changes by step and operation, and the open warnings. */
static void draw_summary(struct ui *ui, int y, int end)
{
	struct workspace *w = session_workspace(ui->s);
	const struct resolution *r = session_resolution(ui->s);
	uint32_t counts[STEP_MAX + 1][OP_COUNT];
	char line[1024];
	bool any = false;

	if (!w || !r)
		return;
	wizard_count(&w->t, r, counts);
	for (unsigned step = 0; step <= STEP_MAX && y < end; step++) {
		size_t len = (size_t)snprintf(line, sizeof(line), "%u %s:", step,
					      wizard_page_name(step));
		bool some = false;

		for (int op = 0; op < OP_COUNT && len < sizeof(line) - 64; op++) {
			if (!counts[step][op])
				continue;
			len += (size_t)snprintf(line + len, sizeof(line) - len, " %s %u",
						change_op_label((enum change_op)op), counts[step][op]);
			some = true;
		}
		if (!some)
			snprintf(line + len, sizeof(line) - len, " %s", _("no changes"));
		y += draw_wrapped(y, 1, ui->cols - 1, end - y, line, some ? ROLE_NORMAL : ROLE_MUTED);
	}
	if (y < end)
		draw_str(y++, 1, ui->cols - 1, _("open warnings:"), ROLE_HEADING, true);
	for (unsigned page = 0; page <= STEP_MAX && y < end; page++) {
		struct wizard_progress p;

		page_progress(ui, page, &p);
		if (!wizard_open(&p))
			continue;
		snprintf(line, sizeof(line), _("%u %s: %u warnings"), page, wizard_page_name(page),
			 wizard_open(&p));
		draw_str(y++, 2, ui->cols - 2, line, ROLE_ERROR, true);
		any = true;
	}
	if (!any && y < end)
		draw_str(y++, 2, ui->cols - 2, _("none: every step is complete"), ROLE_NORMAL, true);
}

static void wizard_draw(struct ui *ui)
{
	int y = ui->body_y, end = ui->body_y + ui->body_h, saved_y = ui->body_y,
	    saved_h = ui->body_h;
	unsigned page = ui->wizard_page;

	for (int k = y; k < end; k++)
		draw_blank(k, 0, ui->cols, ROLE_NORMAL);
	y += draw_heading(ui, y);
	y += draw_wrapped(y, 1, ui->cols - 1, 4, page_text(page), ROLE_MUTED);
	draw_str(end - 1, 0, ui->cols, page_keys(page), ROLE_BAR, true);
	end--;
	ui->cursor_y = y;
	if (page == 0) {
		draw_basis(ui, y, end);
		return;
	}
	if (page == WIZARD_SUMMARY) {
		draw_summary(ui, y, end);
		return;
	}
	if (y >= end)
		return;
	/* The tree and the detail in the rows left, as the browse view
	 * draws them. */
	ui->body_y = y;
	ui->body_h = end - y;
	outline_set_height(&ui->tree, (uint32_t)ui->body_h);
	if (ui->tree.row_count == 0) {
		draw_str(y, 1, ui->cols - 1, _("nothing here: this step is done, ] goes on"),
			 ROLE_MUTED, true);
	} else {
		tree_view_draw(ui);
		if (ui->panes == PANES_BOTH)
			detail_view_draw(ui);
	}
	ui->cursor_y = ui->body_y + (int)(ui->tree.cursor - ui->tree.top);
	ui->body_y = saved_y;
	ui->body_h = saved_h;
}

/* ---- moving on: the page's check ---------------------------------------------------- */

static void next_page(struct ui *ui)
{
	if (ui->wizard_page < WIZARD_SUMMARY)
		go_to(ui, ui->wizard_page + 1);
}

/* The acknowledge belongs to the page whatever Tab chose: it accepts that
 * page's warnings. */
static void ack_reason_done(struct ui *ui, const char *answer, int key)
{
	(void)key;
	ui->flow.c.reason = edit_keep(ui, answer);
	if (edit_record(ui, &ui->flow.c))
		next_page(ui);
	ui_flow_cancel(ui);
}

static void warn_done(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'a') {
		wizard_flow_begin(ui, OP_ACKNOWLEDGE);
		ui->flow.c.step = (uint8_t)ui->wizard_page;
		prompt_reason(ui, ui->wizard_page, ack_reason_done);
	} else {
		next_page(ui);
		ui_message(ui, ROLE_NORMAL, "%s", _("the warnings stay open: the summary lists them"));
	}
}

static void try_next(struct ui *ui)
{
	struct wizard_progress p;
	char label[256];

	if (ui->wizard_page >= WIZARD_SUMMARY)
		return;
	page_progress(ui, ui->wizard_page, &p);
	if (!wizard_open(&p) || ui->identity != SESSION_OK) {
		next_page(ui);
		return;
	}
	snprintf(label, sizeof(label),
		 _("%u warnings: a acknowledge them with a reason, n go on leaving them open? "),
		 wizard_open(&p));
	prompt_key(ui, label, "an", warn_done);
}

/* ---- f: only items treating risks of the higher levels -------------------------- */

/* Off, then the scale's highest level, then down to its lowest, then off:
 * the step's items narrowed to what treats the risks that matter most. */
static void risk_filter(struct ui *ui)
{
	struct risk_basis b;
	char line[256];

	if (!wizard_basis_now(ui, &b))
		return;
	if (!b.scale_count) {
		ui_message(ui, ROLE_NORMAL, "%s", _("no risk scale yet: page 0 sets it (4)"));
		risk_basis_free(&b);
		return;
	}
	ui->wizard_risk_level = ui->wizard_risk_level + 1 >= (int)b.scale_count
					? -1 : ui->wizard_risk_level + 1;
	if (ui->wizard_risk_level >= 0)
		snprintf(line, sizeof(line), _("only items treating risks of level %s or higher (f: next)"),
			 b.scale[ui->wizard_risk_level]);
	else
		snprintf(line, sizeof(line), "%s", _("every item of the step (f: by risk level)"));
	risk_basis_free(&b);
	go_to(ui, ui->wizard_page);
	ui_message(ui, ROLE_NORMAL, "%s", line);
}

/* ---- keys ------------------------------------------------------------------------- */

static bool wizard_key(struct ui *ui, bool is_key, wint_t ch)
{
	enum action a = keymap_lookup((int)ch, is_key);
	unsigned page = ui->wizard_page;
	bool step = page >= 1 && page <= STEP_MAX;

	if (!is_key && ch != 27 && a != ACT_NONE && a != ACT_REDRAW)
		ui->message[0] = '\0';
	if (page == 0 && !is_key && wizard_basis_key(ui, ch))
		return true;
	switch (keymap_lookup_in(wizard_keymap, (int)ch, is_key)) {
	case ACT_CLOSE:
		view_close(ui);
		return true;
	case ACT_NEXT_PAGE:
		try_next(ui);
		return true;
	case ACT_PREV_PAGE:
		if (page > 0)
			go_to(ui, page - 1);
		return true;
	case ACT_RISK_FILTER:
		if (!step)
			break;
		risk_filter(ui);
		return true;
	case ACT_PICK:
		if (page != 3)
			break;
		wizard_pick_control(ui);
		return true;
	case ACT_BULK_LEVEL:
		if (page != 6)
			break;
		wizard_bulk_level(ui);
		return true;
	default:
		break;
	}
	if (a == ACT_VIEW) {
		ui_message(ui, ROLE_NORMAL, "%s", _("the wizard shows the tailored view: q closes it"));
		return true;
	}
	if (ui->wizard_page == 0 || ui->wizard_page == WIZARD_SUMMARY) {
		/* No tree: only what does not need one. */
		if (a == ACT_UNDO || a == ACT_REDO || a == ACT_SAVE)
			ui_edit_key(ui, a);
		else if (a == ACT_HELP || a == ACT_MESSAGES || a == ACT_LANGUAGE || a == ACT_CONFLICTS)
			browse_view.key(ui, is_key, ch);
		return true;
	}
	return browse_view.key(ui, is_key, ch);
}

static const char *wizard_status(const struct ui *ui)
{
	(void)ui;
	return _("WIZARD");
}

const struct view_ops wizard_view = {
	.name = "wizard",
	.enter = wizard_enter,
	.leave = wizard_leave,
	.draw = wizard_draw,
	.key = wizard_key,
	.status = wizard_status,
};
