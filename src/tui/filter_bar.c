/* f: the query filter.  The query is typed in a prompt and applied on
 * Enter, not as it is typed: a query half typed (概念:) is an error most
 * of the way, and the tree would jump at every key.  A bad query keeps
 * the prompt open with the cursor on the column the error names and the
 * message on the status bar; so does one that matches nothing.  f then
 * an empty line, or Esc in the tree, clears it. */
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "kijun/audit_scope.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "query_words.h"
#include "ui.h"

static void filter_done(struct ui *ui, const char *answer, int key);

/* The cursor on the first match, unless it is on a shown item already. */
static uint32_t first_match(const struct ui *ui)
{
	const struct catalog *c = session_shown(ui->s);
	const struct query *q = session_filter(ui->s);
	const uint8_t *hidden = session_hidden(ui->s);

	for (uint32_t i = catalog_first(c); q && i != ITEM_NONE; i = catalog_next(c, i))
		if (!hidden[i] && query_match(q, c, i, session_info(ui->s, i)))
			return i;
	return ITEM_NONE;
}

static void filter_apply(struct ui *ui, struct query *q)
{
	uint32_t cur = outline_current(&ui->tree), to;
	char id[256] = "";

	if (cur != ITEM_NONE)
		snprintf(id, sizeof(id), "%s", catalog_item(ui->tree.c, cur)->id);
	if (q && !session_filter(ui->s)) {
		/* What was open before the first filter comes back after it. */
		if (ui->have_before_filter)
			outline_state_free(&ui->before_filter);
		ui->have_before_filter = outline_state_save(&ui->tree, &ui->before_filter);
	}
	ui_remember(ui);
	if (!q && ui->have_before_filter) {
		if (ui->have_remembered)
			outline_state_free(&ui->remembered);
		ui->remembered = ui->before_filter;
		ui->have_remembered = true;
		ui->have_before_filter = false;
	}
	if (session_set_filter(ui->s, q) != SESSION_OK || !ui_reload(ui, NULL)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	if (!q) {
		if (id[0])
			ui_reload(ui, id);
		ui_message(ui, ROLE_NORMAL, "%s", _("filter cleared"));
		return;
	}
	/* The matches may sit in closed branches: open them all. */
	outline_expand_all(&ui->tree);
	cur = id[0] ? catalog_find(session_shown(ui->s), id) : ITEM_NONE;
	to = cur != ITEM_NONE && !session_hidden(ui->s)[cur] ? cur : first_match(ui);
	if (to != ITEM_NONE)
		outline_reveal(&ui->tree, to);
	ui_message(ui, ROLE_NORMAL, _("filter: %u items match"), session_filter_count(ui->s));
}

void filter_bar_begin(struct ui *ui)
{
	const struct query *q = session_filter(ui->s);

	prompt_line(ui, _("filter: "), q ? query_text(q) : NULL, true, filter_done);
}

void filter_bar_clear(struct ui *ui)
{
	if (session_filter(ui->s))
		filter_apply(ui, NULL);
}

static void filter_done(struct ui *ui, const char *answer, int key)
{
	struct query_error e;
	struct query *q;
	char words[512];

	(void)key;
	if (text_is_blank(answer)) {
		filter_bar_clear(ui);
		return;
	}
	q = query_compile_risk(answer, session_shown(ui->s), session_basis(ui->s), &e);
	if (!q) {
		/* Back to the prompt, the cursor where the error is. */
		prompt_line(ui, _("filter: "), answer, true, filter_done);
		ui->prompt.edit.cursor = query_column_offset(answer, e.column);
		ui_message(ui, ROLE_ERROR, "%s", query_describe(&e, words, sizeof(words)));
		return;
	}
	/* As mutt's limit: a filter that matches nothing is not applied,
	 * and the query stays to be corrected. */
	if (session_count_matches(ui->s, q) == 0) {
		query_free(q);
		prompt_line(ui, _("filter: "), answer, true, filter_done);
		ui_message(ui, ROLE_ERROR, "%s", _("nothing matches: the tree is as it was"));
		return;
	}
	filter_apply(ui, q);
}

bool filter_bar_set(struct ui *ui, const char *text)
{
	struct query_error e;
	struct query *q = query_compile_risk(text, session_shown(ui->s), session_basis(ui->s), &e);
	char words[512];

	if (!q) {
		ui_message(ui, ROLE_ERROR, "%s", query_describe(&e, words, sizeof(words)));
		return false;
	}
	if (session_count_matches(ui->s, q) == 0) {
		query_free(q);
		ui_message(ui, ROLE_ERROR, "%s", _("nothing matches: the tree is as it was"));
		return false;
	}
	filter_apply(ui, q);
	return true;
}

/* @: the audit scope as the filter, so the tree shows what an audit
 * covers, the status bar its query and count, and Esc clears it. */
static void scope_done(struct ui *ui, const char *answer, int key)
{
	struct audit_scope a;
	const char *name = answer;
	char *text;

	(void)key;
	while (*name == ' ' || *name == '@')
		name++;
	if (!*name)
		return;
	if (!audit_scope_get(&session_workspace(ui->s)->t, session_resolution(ui->s), name, &a)) {
		ui_message(ui, ROLE_ERROR, _("no audit scope named %s"), name);
		return;
	}
	text = audit_scope_text(&a);
	audit_scope_free(&a);
	if (!text) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	filter_bar_set(ui, text);
	free(text);
}

void filter_bar_scope(struct ui *ui)
{
	const char *names[16];
	uint32_t n = 0;

	if (session_workspace(ui->s))
		n = audit_scope_names(&session_workspace(ui->s)->t, session_resolution(ui->s),
				      names, 16);
	if (n == 0) {
		ui_message(ui, ROLE_ERROR, "%s",
			   _("this tailoring has no audit scope (docs/tailoring-format.md: op audit-scope)"));
		return;
	}
	if (n == 1) {
		scope_done(ui, names[0], 0);
		return;
	}
	/* Several: the first offered, the others a word away. */
	prompt_line(ui, _("audit scope: "), names[0], false, scope_done);
}
