/* Undo and redo through the session, which keeps what was undone and
 * whether the changes differ from the last save; saving, quitting with a
 * question, and keeping unsaved work when kijun is killed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/tailoring_io.h"
#include "ui.h"

/* ---- undo, redo, save, quit -------------------------------------------------------- */

/* Undo or redo: the tree noted before the session resolves again, and
 * rebuilt after with the cursor on the result's focus. */
static bool step(struct ui *ui, bool undo, struct session_result *r)
{
	enum session_code code;

	ui_remember(ui);
	code = undo ? session_undo(ui->s, r) : session_redo(ui->s, r);
	if (!ui_reload(ui, code == SESSION_OK ? r->focus : NULL)) {
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
		return false;
	}
	if (code != SESSION_OK) {
		ui_message(ui, code == SESSION_NO_MEMORY ? ROLE_ERROR : ROLE_NORMAL, "%s",
			   _(session_code_message(code)));
		return false;
	}
	return true;
}

/* A change to the risk basis has no item. */
static const char *item_or_blank(struct ui *ui, const struct change *c)
{
	const char *id = session_change_item(ui->s, c);

	return id ? id : "";
}

void ui_undo(struct ui *ui)
{
	struct session_result r;

	if (step(ui, true, &r))
		ui_message(ui, ROLE_NORMAL, _("undone: %s %s (Ctrl-R redoes)"),
			   change_op_label(r.change->op), item_or_blank(ui, r.change));
}

void ui_redo(struct ui *ui)
{
	struct session_result r;

	if (step(ui, false, &r))
		ui_message(ui, ROLE_NORMAL, _("redone: %s %s"), change_op_label(r.change->op),
			   item_or_blank(ui, r.change));
}

bool ui_save(struct ui *ui)
{
	struct workspace *w = session_workspace(ui->s);
	struct diag_list diags;
	bool ok;
	char line[1024];

	diag_list_init(&diags);
	ok = session_save_file(ui->s, &diags) == SESSION_SAVED;
	if (ok) {
		ui_message(ui, ROLE_NORMAL, _("saved %u changes to %s"), w->t.count, w->path);
	} else {
		if (diags.count)
			diag_format(&diags.items[0], line, sizeof(line));
		else
			snprintf(line, sizeof(line), "%s", _("out of memory"));
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
	snprintf(path, sizeof(path), "%s.recover", session_workspace(ui->s)->path);
	if (tailoring_save_file(&session_workspace(ui->s)->t, path, &diags))
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
