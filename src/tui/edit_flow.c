/* What every tailoring operation shares: the change under construction,
 * the reason that ends it, recording it and resolving the tailoring again,
 * and the helpers for answers and editor templates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "editor.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/workspace.h"
#include "kijun/text.h"
#include "problem_words.h"
#include "textedit_view.h"
#include "ui.h"

/* ---- the flow under construction ----------------------------------------- */

const char *edit_keep(struct ui *ui, const char *s)
{
	return s ? arena_strdup(&ui->flow.scratch, s) : NULL;
}

const struct catalog *edit_shown(const struct ui *ui)
{
	return session_shown(ui->s);
}

const struct item *edit_item(const struct ui *ui)
{
	return catalog_item(edit_shown(ui), ui->flow.item);
}

void ui_flow_cancel(struct ui *ui)
{
	arena_free(&ui->flow.scratch);
	memset(&ui->flow, 0, sizeof(ui->flow));
}

bool edit_begin(struct ui *ui, enum change_op op)
{
	uint32_t i = outline_current(&ui->tree);

	ui_flow_cancel(ui);
	if (i == ITEM_NONE)
		return false;
	ui->flow.active = true;
	ui->flow.item = i;
	ui->flow.c.op = op;
	ui->flow.c.item.kind = -1;
	ui->flow.c.target = edit_keep(ui, catalog_item(edit_shown(ui), i)->id);
	return ui->flow.c.target != NULL;
}

/* Words a refused change: what the check found, why it cannot apply, or
 * the session's reason. */
static void say_refused(struct ui *ui, const struct session_result *r)
{
	char words[400];

	if (r->code == SESSION_INVALID_CHANGE)
		ui_message(ui, ROLE_ERROR, "%s", problem_describe(&r->problem, words, sizeof(words)));
	else if (r->code == SESSION_CONFLICT && r->conflict)
		ui_message(ui, ROLE_ERROR, _("not recorded: %s"),
			   problem_describe(&r->conflict->problem, words, sizeof(words)));
	else
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(r->code)));
}

/* Records the change through the session, the one place changes are
 * checked; the tree is noted first, while it still matches the catalog
 * it was made for, and rebuilt after (a refused change may have been
 * resolved too). */
bool edit_record(struct ui *ui, const struct change *c)
{
	struct session_result r;
	char focus[512];

	/* Whatever view started it (the tree, the conflict list). */
	if (ui->guard.read_only) {
		ui_message(ui, ROLE_NORMAL, _("read-only: %s"), ui->guard.why);
		return false;
	}
	ui_remember(ui);
	if (session_apply(ui->s, c, &r) != SESSION_OK) {
		if (!ui_reload(ui, NULL))
			ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		else
			say_refused(ui, &r);
		return false;
	}
	snprintf(focus, sizeof(focus), "%s", r.focus ? r.focus : "");
	ui_reload(ui, focus);
	ui_message(ui, ROLE_NORMAL, _("recorded: %s %s (not saved yet: s saves)"),
		   change_op_label(r.change->op), focus);
	return true;
}

/* The last prompt of every operation: the reason, then the change. */
static void reason_done(struct ui *ui, const char *answer, int key)
{
	struct change *c = &ui->flow.c;

	(void)key;
	c->step = (uint8_t)ui->prompt.step;
	c->reason = edit_keep(ui, answer);
	edit_record(ui, c);
	ui_flow_cancel(ui);
}

/* A change the check refuses whatever the reason says is refused before
 * the reason is asked for: an empty text, say, with the hint to exclude. */
void edit_ask_reason(struct ui *ui)
{
	edit_ask_reason_at(ui, step_default(ui->flow.c.op, ui->flow.c.source));
}

void edit_ask_reason_at(struct ui *ui, unsigned step)
{
	struct change probe = ui->flow.c;
	struct problem problem;
	char words[400];

	probe.step = (uint8_t)step_default(probe.op, probe.source);
	probe.reason = "-";
	probe.author = session_author(ui->s);
	probe.date = session_date(ui->s);
	if (change_check(&probe, &problem) && problem.field != FIELD_REASON) {
		ui_message(ui, ROLE_ERROR, "%s", problem_describe(&problem, words, sizeof(words)));
		ui_flow_cancel(ui);
		return;
	}
	prompt_reason(ui, step, reason_done);
}

/* ---- small helpers ------------------------------------------------------------ */

/* Words separated by spaces, commas or ideographic commas. */
uint32_t edit_split_words(struct ui *ui, const char *s, const char ***out)
{
	const char *words[64];
	uint32_t n = 0;

	while (*s && n < 64) {
		size_t len;

		while (*s == ' ' || *s == ',' || strncmp(s, "\xe3\x80\x81", 3) == 0)
			s += *s == ' ' || *s == ',' ? 1 : 3;
		len = 0;
		while (s[len] && s[len] != ' ' && s[len] != ',' && strncmp(s + len, "\xe3\x80\x81", 3) != 0)
			len++;
		if (len) {
			words[n] = arena_strndup(&ui->flow.scratch, s, len);
			if (words[n])
				n++;
		}
		s += len;
	}
	*out = n ? arena_alloc(&ui->flow.scratch, n * sizeof(**out)) : NULL;
	if (n && !*out)
		return 0;
	if (n)
		memcpy(*out, words, n * sizeof(**out));
	return n;
}

/* Text the same but for the line breaks editors add at the end. */
static bool same_text(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	while (la && (a[la - 1] == '\n' || a[la - 1] == '\r'))
		la--;
	while (lb && (b[lb - 1] == '\n' || b[lb - 1] == '\r'))
		lb--;
	return la == lb && memcmp(a, b, la) == 0;
}

/* The buffer again: the problem as "# " lines, then the user's text. */
static void editor_reopen(struct ui *ui, const char *text, const char *problem)
{
	flow_text_fn done = ui->flow.editor_done;
	struct strbuf again;
	const char *p = problem;

	strbuf_init(&again);
	while (*p) {
		size_t len = strcspn(p, "\n");

		strbuf_addf(&again, "# %.*s\n", (int)len, p);
		p += len + (p[len] == '\n');
	}
	strbuf_adds(&again, "#\n");
	ui->flow.editor_problem = edit_keep(ui, again.data);
	strbuf_adds(&again, text);
	if (!again.data || !ui->flow.editor_problem) {
		strbuf_free(&again);
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		ui_flow_cancel(ui);
		return;
	}
	ui_message(ui, ROLE_ERROR, "%s", problem);
	edit_in_editor(ui, again.data, done);
	strbuf_free(&again);
}

/* What an editor gave back (NULL: it failed or was cancelled, already
 * said), for the operation waiting for it. */
static void editor_back(struct ui *ui, char *text)
{
	const char *header = ui->flow.editor_problem;
	char problem[512] = "", *body, *copy;

	if (!text || !ui->flow.active || !ui->flow.editor_done) {
		free(text);
		ui_flow_cancel(ui);
		return;
	}
	if (same_text(text, ui->flow.editor_initial)) {
		free(text);
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return;
	}
	/* The problem put on top goes again, if the user left it there. */
	body = text;
	if (header && strncmp(body, header, strlen(header)) == 0)
		body += strlen(header);
	copy = strdup(body);
	if (!copy) {
		free(text);
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		ui_flow_cancel(ui);
		return;
	}
	ui->flow.typed = true;
	if (!ui->flow.editor_done(ui, copy, problem, sizeof(problem)))
		editor_reopen(ui, body, problem[0] ? problem : _("cancelled"));
	free(copy);
	free(text);
}

void edit_in_editor(struct ui *ui, const char *initial, flow_text_fn done)
{
	char err[512];
	char *text;

	ui->flow.editor_done = done;
	ui->flow.editor_initial = edit_keep(ui, initial ? initial : "");
	if (!ui->flow.editor_initial) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		ui_flow_cancel(ui);
		return;
	}
	if (!editor_command()) {
		/* Nothing to run: kijun's own editor, which answers later. */
		textedit_view_open(ui, ui->flow.editor_initial, editor_back);
		return;
	}
	text = editor_run(ui->flow.editor_initial, err, sizeof(err));
	if (!text)
		ui_message(ui, ROLE_ERROR, "%s", err);
	editor_back(ui, text);
}

/* Removes "# " comment lines, the editor templates' instructions. */
void edit_strip_comments(char *s)
{
	char *out = s, *line = s;

	while (*line) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line + 1) : strlen(line);

		if (line[0] != '#') {
			memmove(out, line, len);
			out += len;
		}
		line += len;
	}
	*out = '\0';
}

char *edit_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\n' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}
