/* From the `!` list: withdrawing or retargeting the change a conflict is
 * about.  Never an edit of the change: each is a new change (OP_WITHDRAW,
 * OP_RETARGET) with its own reason, recorded through the session like any
 * other, so u takes it back and the conflict returns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/change_check.h"
#include "kijun/i18n.h"
#include "kijun/workspace.h"
#include "problem_words.h"
#include "ui.h"

/* The place a change is aimed at, by its own fields. */
static const char *place_of(const struct change *c)
{
	switch (c->op) {
	case OP_ADD: return c->after ? c->after : c->parent;
	case OP_MERGE: return c->target_count ? c->targets[0] : NULL;
	case OP_RETARGET: return c->target ? c->target : c->after ? c->after : c->parent;
	case OP_WITHDRAW: return NULL;
	default: return c->target;
	}
}

const char *edit_conflict_aim(const struct ui *ui, uint32_t k, const char **moved)
{
	const struct conflict *x = session_conflict(ui->s, k);
	const struct change *c;
	const struct change *named = NULL;

	if (moved)
		*moved = NULL;
	if (!x)
		return NULL;
	c = &x->from->changes[x->index];
	/* Only an earlier change can be named: a file cannot loop here. */
	if ((c->op == OP_WITHDRAW || c->op == OP_RETARGET) && c->ref && c->ref <= x->index)
		named = &x->from->changes[c->ref - 1];
	if (c->op == OP_WITHDRAW)
		return named ? place_of(named) : NULL;
	if (c->op == OP_RETARGET && moved && named)
		*moved = place_of(named);
	return place_of(c);
}

/* The change conflict k is about, when this tailoring's own; else says
 * why it cannot be acted on here. */
static const struct change *own_change(struct ui *ui, uint32_t k)
{
	const struct conflict *x = session_conflict(ui->s, k);

	if (!x) {
		ui_message(ui, ROLE_NORMAL, "%s", _("no change is selected"));
		return NULL;
	}
	if (ui->identity != SESSION_OK) {
		ui_message(ui, ROLE_ERROR, "%s", _(session_code_message(ui->identity)));
		return NULL;
	}
	if (!session_conflict_is_own(ui->s, k)) {
		ui_message(ui, ROLE_ERROR,
			   _("change %u belongs to the base tailoring %s: withdraw or retarget it there"),
			   x->index + 1, x->from->id ? x->from->id : "");
		return NULL;
	}
	return session_conflict_change(ui->s, k);
}

/* Starts the flow for a change naming conflict k's; false (said) when
 * the check refuses it whatever else is given, so nothing more is asked. */
static bool begin(struct ui *ui, uint32_t k, enum change_op op, const struct change *named)
{
	const struct workspace *w = session_workspace(ui->s);
	const struct conflict *x = session_conflict(ui->s, k);
	struct change probe = { .op = op, .ref = x->index + 1 };
	struct problem problem;
	char words[400];

	if (op == OP_RETARGET) {
		if (named->op == OP_ADD)
			probe.parent = "-";
		else
			probe.target = "-";
	}
	if (change_check_ref(&probe, w->t.changes, w->t.count, &problem) != PROBLEM_NONE) {
		ui_message(ui, ROLE_ERROR, "%s", problem_describe(&problem, words, sizeof(words)));
		return false;
	}
	ui_flow_cancel(ui);
	ui->flow.active = true;
	ui->flow.item = outline_current(&ui->tree);
	ui->flow.c.op = op;
	ui->flow.c.ref = x->index + 1;
	ui->flow.c.item.kind = -1;
	return true;
}

void edit_conflict_withdraw(struct ui *ui, uint32_t k)
{
	const struct change *c = own_change(ui, k);

	if (!c || !begin(ui, k, OP_WITHDRAW, c))
		return;
	/* The withdraw belongs where the change did. */
	edit_ask_reason_at(ui, c->step);
}

/* ---- retarget -------------------------------------------------------------- */

/* Edit distance of two ids, for "did you mean": ids are short, and the
 * catalog a few thousand of them. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[128], diag, up;

	if (la >= sizeof(row) / sizeof(row[0]) || lb >= sizeof(row) / sizeof(row[0]))
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t best = diag + (a[i - 1] != b[j - 1]);

			up = row[j];
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

/* The shown id nearest to id, when one is near enough to be meant. */
static const char *nearest_id(const struct catalog *c, const char *id)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, limit = strlen(id) / 3 > 2 ? strlen(id) / 3 : 2;

	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		size_t d = distance(id, c->items[i].id);

		if (d < best_d) {
			best_d = d;
			best = c->items[i].id;
		}
	}
	return best_d <= limit ? best : NULL;
}

static void place_done(struct ui *ui, const char *answer, int key);

/* Asks the new place again, with what was typed and why it was refused. */
static void ask_place(struct ui *ui, const char *initial)
{
	const char *label = ui->flow.c.after ? _("after which item: ")
			    : ui->flow.c.parent ? _("new parent id: ")
						: _("new target id: ");

	prompt_line(ui, label, initial, false, place_done);
}

static void place_done(struct ui *ui, const char *answer, int key)
{
	const struct catalog *shown = session_shown(ui->s);
	const struct change *named = &session_workspace(ui->s)->t.changes[ui->flow.c.ref - 1];
	char id[LINEEDIT_MAX];
	const char *now, **slot;

	(void)key;
	snprintf(id, sizeof(id), "%s", answer);
	slot = ui->flow.c.after ? &ui->flow.c.after
	       : ui->flow.c.parent ? &ui->flow.c.parent : &ui->flow.c.target;
	if (catalog_find(shown, edit_trim(id)) == ITEM_NONE) {
		const char *near = nearest_id(shown, edit_trim(id));

		ask_place(ui, answer);
		if (near)
			ui_message(ui, ROLE_ERROR, _("%s is not in the catalog shown: did you mean %s?"),
				   edit_trim(id), near);
		else
			ui_message(ui, ROLE_ERROR, _("%s is not in the catalog shown"), edit_trim(id));
		return;
	}
	now = slot == &ui->flow.c.after ? named->after
	      : slot == &ui->flow.c.parent ? named->parent : named->target;
	if (now && strcmp(now, edit_trim(id)) == 0) {
		ui_message(ui, ROLE_NORMAL, "%s", _("unchanged: nothing recorded"));
		ui_flow_cancel(ui);
		return;
	}
	*slot = edit_keep(ui, edit_trim(id));
	edit_ask_reason_at(ui, named->step);
}

static void how_done(struct ui *ui, const char *answer, int key)
{
	const struct change *named = &session_workspace(ui->s)->t.changes[ui->flow.c.ref - 1];

	(void)answer;
	/* A placeholder marks which field the answer goes to. */
	if (key == 'a') {
		ui->flow.c.after = "";
		ask_place(ui, named->after);
	} else {
		ui->flow.c.parent = "";
		ask_place(ui, named->parent);
	}
}

void edit_conflict_retarget(struct ui *ui, uint32_t k)
{
	const struct change *c = own_change(ui, k);
	char label[256];

	if (!c || !begin(ui, k, OP_RETARGET, c))
		return;
	if (c->op != OP_ADD) {
		ask_place(ui, c->target);
		return;
	}
	/* An addition moves by its place: under a parent, or after a
	 * sibling. */
	snprintf(label, sizeof(label), "%s p:%s a:%s ", _("place the new item:"),
		 _("as the last child of a parent"), _("right after an item"));
	prompt_key(ui, label, "pa", how_done);
}
