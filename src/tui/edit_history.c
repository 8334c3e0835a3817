/* Undo and redo through the session, which keeps what was undone and
 * whether the changes differ from the last save; saving, quitting with a
 * question; a save refused because the file changed on disk (reload and
 * re-apply) or is read-only (asked, then forced). */
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

static void save_with(struct ui *ui, bool force);

static void say_not_saved(struct ui *ui, const struct diag_list *diags)
{
	char line[1024];

	if (diags->count)
		diag_format(&diags->items[0], line, sizeof(line));
	else
		snprintf(line, sizeof(line), "%s", _("out of memory"));
	ui_message(ui, ROLE_ERROR, _("not saved: %s"), line);
}

/* Each change a reload could not apply again, whole, in the message
 * history (M): the user sees what to make again, nothing goes silently. */
static void list_refused(struct ui *ui, const struct session_refused *r)
{
	for (uint32_t k = 0; k < r->changes.count; k++) {
		const struct change *c = &r->changes.changes[k];
		const char *id = session_change_item(ui->s, c);

		ui_message(ui, ROLE_ERROR, _("not re-applied: %s %s (%s, %s): %s; reason: %s"),
			   change_op_label(c->op), id ? id : "", c->author ? c->author : "",
			   c->date ? c->date : "", _(session_code_message(r->codes[k])),
			   c->reason ? c->reason : "");
	}
}

static void reload_answer(struct ui *ui, const char *answer, int key)
{
	struct session_refused refused;
	struct diag_list diags;
	uint32_t mine = session_workspace(ui->s)->t.count - session_saved_prefix(ui->s);

	(void)answer;
	(void)key;
	diag_list_init(&diags);
	ui_remember(ui);
	if (!session_reload_file(ui->s, &refused, &diags)) {
		char line[1024] = "";

		if (diags.count)
			diag_format(&diags.items[0], line, sizeof(line));
		ui_message(ui, ROLE_ERROR, _("not reloaded: %s"), line);
	} else {
		guard_saved(ui);
		list_refused(ui, &refused);
		if (refused.changes.count)
			ui_message(ui, ROLE_ERROR,
				   _("reloaded: %u of your %u changes re-applied, %u refused (M lists them)"),
				   mine - refused.changes.count, mine, refused.changes.count);
		else
			ui_message(ui, ROLE_NORMAL,
				   _("reloaded: your %u changes re-applied on top; s saves"), mine);
	}
	if (!ui_reload(ui, NULL))
		ui_message(ui, ROLE_ERROR, "%s", _("out of memory"));
	session_refused_free(&refused);
	diag_list_free(&diags);
}

static void force_answer(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'y')
		save_with(ui, true);
	else
		ui_message(ui, ROLE_NORMAL, "%s", _("not saved"));
}

static void save_with(struct ui *ui, bool force)
{
	struct workspace *w = session_workspace(ui->s);
	struct diag_list diags;
	char label[1024];

	diag_list_init(&diags);
	switch (force ? session_save_file_force(ui->s, &diags) : session_save_file(ui->s, &diags)) {
	case SESSION_SAVED:
		ui_message(ui, ROLE_NORMAL, _("saved %u changes to %s"), w->t.count, w->path);
		guard_saved(ui);
		break;
	case SESSION_SAVE_CHANGED:
		say_not_saved(ui, &diags);  /* the whole of it, for M */
		snprintf(label, sizeof(label),
			 _("%s changed on disk. r: reload it and re-apply your changes  Esc: stay "),
			 w->path);
		prompt_key(ui, label, "r", reload_answer);
		break;
	case SESSION_SAVE_READ_ONLY:
		snprintf(label, sizeof(label), _("%s is read-only; save anyway? y/n "), w->path);
		prompt_key(ui, label, "yn", force_answer);
		break;
	default:
		say_not_saved(ui, &diags);
		break;
	}
	diag_list_free(&diags);
}

bool ui_save(struct ui *ui)
{
	save_with(ui, false);
	return !ui_modified(ui) && !ui->prompt.active;
}

static void quit_answer(struct ui *ui, const char *answer, int key)
{
	(void)answer;
	if (key == 'n' || (key == 'y' && ui_save(ui)))
		ui->quitting = true;
}

bool ui_quit_request(struct ui *ui)
{
	if (!ui_editing(ui) || !ui_modified(ui) || ui->guard.read_only) {
		ui->quitting = true;  /* a clean end: nothing left to keep */
		return true;
	}
	prompt_key(ui, _("unsaved changes. y: save and quit  n: quit without saving  Esc: stay "),
		   "yn", quit_answer);
	return false;
}
