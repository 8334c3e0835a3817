/* What every tailoring operation shares: the change under construction,
 * the reason that ends it, recording it and resolving the tailoring again,
 * and the helpers for answers and editor templates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edit.h"
#include "editor.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/workspace.h"
#include "kijun/text.h"
#include "problem_words.h"
#include "ui.h"

/* ---- the flow under construction ----------------------------------------- */

const char *edit_keep(struct ui *ui, const char *s)
{
	return s ? arena_strdup(&ui->flow.scratch, s) : NULL;
}

const struct catalog *edit_shown(const struct ui *ui)
{
	return doc_shown(&ui->doc);
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

static void today(char out[11])
{
	const char *fixed = getenv("KIJUN_DATE");  /* for reproducible runs */
	time_t now = time(NULL);
	struct tm tm;

	if (fixed && strlen(fixed) == 10) {
		memcpy(out, fixed, 11);
		return;
	}
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The new item a change makes, for the cursor to land on. */
const char *edit_made_id(const struct change *c)
{
	switch (c->op) {
	case OP_ADD:
	case OP_MERGE: return c->item.id;
	case OP_SPLIT: return c->parts[0].id;
	default: return c->target;
	}
}

/* Resolves the tailoring again; the tree's state is noted first, while
 * it still matches the catalog it was made for. */
bool edit_resolve_again(struct ui *ui)
{
	ui_remember(ui);
	return workspace_resolve(ui->doc.ws);
}

static bool record(struct ui *ui, const struct change *c)
{
	struct workspace *w = ui->doc.ws;
	long index = tailoring_append(&w->t, c);
	char focus[512];

	if (index < 0 || !edit_resolve_again(ui)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return false;
	}
	/* A change that cannot apply is not recorded from the screen. */
	for (uint32_t k = 0; k < w->res.conflict_count; k++) {
		const struct conflict *x = &w->res.conflicts[k];

		if (x->from == &w->t && x->index == (uint32_t)index) {
			struct change dropped;

			char words[400];

			snprintf(focus, sizeof(focus), _("not recorded: %s"),
				 problem_describe(&x->problem, words, sizeof(words)));
			tailoring_pop(&w->t, &dropped);
			edit_resolve_again(ui);
			ui_reload(ui, NULL);
			ui_message(ui, ROLE_ERROR, "%s", focus);
			return false;
		}
	}
	snprintf(focus, sizeof(focus), "%s", edit_made_id(&w->t.changes[index]));
	ui->generation++;
	ui->redo_count = 0;
	ui_reload(ui, focus);
	ui_message(ui, ROLE_NORMAL, _("recorded: %s %s (not saved yet: s saves)"),
		   change_op_label(c->op), focus);
	return true;
}

/* The last prompt of every operation: the reason, then the change. */
static void reason_done(struct ui *ui, const char *answer, int key)
{
	struct change *c = &ui->flow.c;
	char date[11];
	struct problem problem;
	char words[400];

	(void)key;
	c->step = (uint8_t)ui->prompt.step;
	c->reason = edit_keep(ui, answer);
	c->author = ui->author;
	today(date);
	c->date = edit_keep(ui, date);
	if (change_check(c, &problem))
		ui_message(ui, ROLE_ERROR, "%s", problem_describe(&problem, words, sizeof(words)));
	else
		record(ui, c);
	ui_flow_cancel(ui);
}

/* A change the check refuses whatever the reason says is refused before
 * the reason is asked for: an empty text, say, with the hint to exclude. */
void edit_ask_reason(struct ui *ui)
{
	struct change probe = ui->flow.c;
	struct problem problem;
	char date[11], words[400];

	probe.step = (uint8_t)step_default(probe.op, probe.source);
	probe.reason = "-";
	probe.author = ui->author;
	today(date);
	probe.date = date;
	if (change_check(&probe, &problem) && problem.field != FIELD_REASON) {
		ui_message(ui, ROLE_ERROR, "%s", problem_describe(&problem, words, sizeof(words)));
		ui_flow_cancel(ui);
		return;
	}
	prompt_reason(ui, step_default(ui->flow.c.op, ui->flow.c.source), reason_done);
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

/* Opens the editor; false (with a message) when it failed or nothing
 * changed. */
bool edit_in_editor(struct ui *ui, const char *initial, char **out)
{
	char err[512];

	*out = editor_run(initial, err, sizeof(err));
	if (!*out) {
		ui_message(ui, ROLE_ERROR, "%s", err);
		return false;
	}
	if (initial && strcmp(*out, initial) == 0) {
		free(*out);
		*out = NULL;
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		return false;
	}
	return true;
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
