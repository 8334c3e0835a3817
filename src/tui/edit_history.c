/* Undo and redo take changes off the end of the list and put them back;
 * saving, quitting with a question, and keeping unsaved work when kijun is
 * killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring_io.h"
#include "kijun/workspace_io.h"
#include "kijun/text.h"
#include "ui.h"

/* ---- undo, redo, save, quit -------------------------------------------------------- */

/* Where the cursor goes once a change is taken back: the item it
 * changed, or for what it created, where that stood. */
static const char *undone_focus(const struct change *c)
{
	switch (c->op) {
	case OP_ADD: return c->after ? c->after : c->parent;
	case OP_MERGE: return c->targets[0];
	default: return c->target;
	}
}

void ui_undo(struct ui *ui)
{
	struct workspace *w = ui->doc.ws;
	struct change c;

	if (w->t.count <= ui->session_start || !tailoring_pop(&w->t, &c)) {
		ui_message(ui, ROLE_NORMAL, "%s", _("nothing to undo in this session"));
		return;
	}
	if (ui->redo_count == ui->redo_capacity) {
		uint32_t cap = ui->redo_capacity ? ui->redo_capacity * 2 : 16;
		struct change *v = realloc(ui->redo, cap * sizeof(*v));

		if (!v) {
			tailoring_append(&w->t, &c);
			ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
			return;
		}
		ui->redo = v;
		ui->redo_capacity = cap;
	}
	ui->redo[ui->redo_count++] = c;
	edit_resolve_again(ui);
	ui->generation++;
	ui_reload(ui, undone_focus(&c));
	ui_message(ui, ROLE_NORMAL, _("undone: %s %s (Ctrl-R redoes)"), change_op_label(c.op),
		   edit_made_id(&c));
}

void ui_redo(struct ui *ui)
{
	struct workspace *w = ui->doc.ws;
	struct change c;

	if (!ui->redo_count) {
		ui_message(ui, ROLE_NORMAL, "%s", _("nothing to redo"));
		return;
	}
	c = ui->redo[--ui->redo_count];
	if (tailoring_append(&w->t, &c) < 0 || !edit_resolve_again(ui)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return;
	}
	ui->generation++;
	ui_reload(ui, edit_made_id(&c));
	ui_message(ui, ROLE_NORMAL, _("redone: %s %s"), change_op_label(c.op), edit_made_id(&c));
}

bool ui_save(struct ui *ui)
{
	struct diag_list diags;
	bool ok;
	char line[1024];

	diag_list_init(&diags);
	ok = workspace_save(ui->doc.ws, &diags);
	if (ok) {
		ui->saved_generation = ui->generation;
		ui_message(ui, ROLE_NORMAL, _("saved %u changes to %s"), ui->doc.ws->t.count,
			   ui->doc.ws->path);
	} else {
		diag_format(&diags.items[0], line, sizeof(line));
		ui_message(ui, ROLE_ERROR, _("not saved: %s"), line);
	}
	diag_list_free(&diags);
	return ok;
}

void ui_save_recovery(struct ui *ui)
{
	struct diag_list diags;
	char path[4096];

	if (!ui_editing(ui) || !ui_modified(ui))
		return;
	diag_list_init(&diags);
	snprintf(path, sizeof(path), "%s.recover", ui->doc.ws->path);
	if (tailoring_save_file(&ui->doc.ws->t, path, &diags))
		fprintf(stderr, _("kijun: unsaved changes were written to %s\n"), path);
	diag_list_free(&diags);
}

static void quit_answer(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'n' || (key == 'y' && ui_save(ui)))
		ui->quitting = true;
}

bool ui_quit_request(struct ui *ui)
{
	if (!ui_editing(ui) || !ui_modified(ui))
		return true;
	prompt_key(ui, _("unsaved changes. y: save and quit  n: quit without saving  Esc: stay "),
		   "yn", quit_answer);
	return false;
}
