/* The lock and the journal as the screen uses them (guard.h): taking
 * them at start, acting on the answers to the start question (which
 * guard_view.c asks), and letting go at the end. */
#include "guard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/tailoring_io.h"
#include "kijun/text.h"
#include "kijun/strbuf.h"
#include "ui.h"

static const char *file_of(const struct ui *ui)
{
	return session_workspace(ui->s)->path;
}

static void diags_to_problem(struct guard *g, const struct diag_list *diags)
{
	g->problem[0] = '\0';
	if (diags->count)
		diag_format(&diags->items[0], g->problem, sizeof(g->problem));
}

static void go_read_only(struct ui *ui, const char *why)
{
	struct guard *g = &ui->guard;

	g->read_only = true;
	snprintf(g->why, sizeof(g->why), "%s", why);
	/* Nothing will be saved from here: leave the file to whoever opens
	 * it for changes next. */
	lock_release(&g->lock);
	ui_message(ui, ROLE_NORMAL, _("read-only: %s"), g->why);
}

/* FILE.recover from an older kijun, or from one whose journal failed. */
static void mention_recover_file(struct ui *ui)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s.recover", file_of(ui));
	if (access(path, F_OK) == 0)
		ui_message(ui, ROLE_ERROR,
			   _("%s holds changes an earlier kijun could not journal: compare it with the file, then remove it"),
			   path);
}

static void begin_journal(struct ui *ui)
{
	struct guard *g = &ui->guard;
	struct diag_list diags;

	diag_list_init(&diags);
	if (journal_open(&g->journal, file_of(ui), &diags)) {
		g->journaling = true;
		session_set_observer(ui->s, journal_observe, &g->journal);
	} else {
		char line[512] = "";

		if (diags.count)
			diag_format(&diags.items[0], line, sizeof(line));
		ui_message(ui, ROLE_ERROR, _("no journal: %s; save often"), line);
	}
	diag_list_free(&diags);
	g->asking = GUARD_ASK_NONE;
	if (ui->view == &guard_view)
		view_close(ui);
	mention_recover_file(ui);
}

/* After the lock: a journal left by a kijun that did not end cleanly? */
static void look_for_journal(struct ui *ui)
{
	struct guard *g = &ui->guard;
	struct diag_list diags;

	diag_list_init(&diags);
	if (journal_inspect(file_of(ui), &g->info, &diags) || g->info.exists) {
		diags_to_problem(g, &diags);
		g->asking = GUARD_ASK_JOURNAL;
		if (ui->view != &guard_view)
			view_open(ui, &guard_view);
	} else {
		begin_journal(ui);
	}
	diag_list_free(&diags);
}

/* A new file in a directory that does not exist: nothing on disk to
 * guard, and the save will say why it cannot be made. */
static bool directory_missing(const char *file)
{
	char *dir = strdup(file);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	bool missing = false;

	if (slash) {
		*slash = '\0';
		missing = *dir && access(dir, F_OK) != 0;
	}
	free(dir);
	return missing;
}

void guard_start(struct ui *ui)
{
	struct guard *g = &ui->guard;
	struct diag_list diags;
	char line[512] = "";

	if (!ui_editing(ui) || directory_missing(file_of(ui)))
		return;
	diag_list_init(&diags);
	switch (lock_acquire(&g->lock, file_of(ui), &g->holder, &diags)) {
	case LOCK_TAKEN:
		look_for_journal(ui);
		break;
	case LOCK_HELD:
		g->asking = GUARD_ASK_HELD;
		view_open(ui, &guard_view);
		break;
	case LOCK_STALE:
		g->asking = GUARD_ASK_STALE;
		view_open(ui, &guard_view);
		break;
	case LOCK_FAILED:
		/* A directory we cannot write: the journal cannot be made
		 * either, but the work can still be saved elsewhere. */
		if (diags.count)
			diag_format(&diags.items[0], line, sizeof(line));
		ui_message(ui, ROLE_ERROR, _("cannot lock the file: %s"), line);
		look_for_journal(ui);
		break;
	}
	diag_list_free(&diags);
}

void guard_check(struct ui *ui)
{
	struct guard *g = &ui->guard;
	int err = g->journaling ? journal_error(&g->journal) : 0;

	if (err && err != g->reported)
		ui_message(ui, ROLE_ERROR,
			   _("the journal could not be written (%s): a crash now would lose changes; save soon"),
			   strerror(err));
	g->reported = err;
}

void guard_saved(struct ui *ui)
{
	struct guard *g = &ui->guard;

	if (g->journaling && !journal_restart(&g->journal, ui->s))
		guard_check(ui);
}

/* Keeps unsaved work the journal could not take, as kijun did before
 * the journal: FILE.recover, private. */
static bool write_recover_file(struct ui *ui)
{
	struct diag_list diags;
	char path[4096];
	bool ok;

	diag_list_init(&diags);
	snprintf(path, sizeof(path), "%s.recover", file_of(ui));
	ok = tailoring_save_file_flags(&session_workspace(ui->s)->t, path, FILE_WRITE_PRIVATE,
				       &diags) == FILE_WRITTEN;
	if (ok) {
		struct strbuf safe;

		strbuf_init(&safe);
		text_sanitize(&safe, path, strlen(path));
		fprintf(stderr, _("kijun: unsaved changes were written to %s\n"),
			safe.data ? safe.data : "");
		strbuf_free(&safe);
	}
	diag_list_free(&diags);
	return ok;
}

bool guard_finish(struct ui *ui, bool clean)
{
	struct guard *g = &ui->guard;
	bool kept = false;

	if (!ui_editing(ui))
		return false;
	session_set_observer(ui->s, NULL, NULL);
	if (g->journaling) {
		bool whole = journal_error(&g->journal) == 0;

		kept = !clean && ui_modified(ui);
		if (kept && !whole)
			kept = write_recover_file(ui);
		journal_close(&g->journal, clean || !ui_modified(ui));
		if (kept && whole) {
			char *jpath = journal_path(file_of(ui));
			struct strbuf j, f;

			strbuf_init(&j);
			strbuf_init(&f);
			if (jpath)
				text_sanitize(&j, jpath, strlen(jpath));
			text_sanitize(&f, file_of(ui), strlen(file_of(ui)));
			fprintf(stderr, _("kijun: unsaved changes are kept in %s: kijun %s offers to recover them\n"),
				j.data ? j.data : "", f.data ? f.data : "");
			strbuf_free(&j);
			strbuf_free(&f);
			free(jpath);
		}
		g->journaling = false;
	} else if (g->journal.path) {
		journal_close(&g->journal, false);  /* opened, never observed */
	}
	lock_release(&g->lock);  /* frees it, held or not */
	return kept;
}

/* ---- the answers to the start question -------------------------------- */

void guard_answer(struct ui *ui, int key)
{
	struct guard *g = &ui->guard;
	struct diag_list diags;
	struct lock_info now;

	diag_list_init(&diags);
	g->problem[0] = '\0';
	if (key == 'q') {
		ui->quitting = true;
	} else if (key == 'o') {
		go_read_only(ui, g->asking == GUARD_ASK_HELD
			? _("another kijun has this file open; quit and open it again to change it")
			: _("opened read-only; quit and open it again to change it"));
		g->asking = GUARD_ASK_NONE;
		view_close(ui);
	} else if (key == 't' && g->asking == GUARD_ASK_STALE) {
		enum lock_result r = lock_take_over(&g->lock, file_of(ui), &g->holder, &now, &diags);

		if (r == LOCK_TAKEN) {
			look_for_journal(ui);
		} else {
			diags_to_problem(g, &diags);
			g->holder = now;
			g->asking = r == LOCK_STALE ? GUARD_ASK_STALE : GUARD_ASK_HELD;
		}
	} else if (key == 'r' && g->asking == GUARD_ASK_JOURNAL) {
		ui_remember(ui);
		if (journal_recover(ui->s, file_of(ui), &diags)) {
			ui_reload(ui, NULL);
			begin_journal(ui);
			ui_message(ui, ROLE_NORMAL,
				   _("recovered %u changes from the journal: s saves them"),
				   g->info.changes);
		} else {
			diags_to_problem(g, &diags);
		}
	} else if (key == 'd' && g->asking == GUARD_ASK_JOURNAL) {
		if (journal_discard(file_of(ui), &diags))
			begin_journal(ui);
		else
			diags_to_problem(g, &diags);
	}
	diag_list_free(&diags);
}
