/* kijun recover FILE [--apply|--discard]: what FILE.kijun-journal would
 * bring back after a crash, and bringing it back (through the session,
 * so every change is checked again, then an atomic save) or throwing it
 * away, without a terminal: over a flaky SSH link this is the sure way. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijun/i18n.h"
#include "kijun/journal.h"
#include "kijun/lock.h"
#include "kijun/session_io.h"

enum mode { SHOW, APPLY, DISCARD };

/* Text read from a file, safe to print (cli_put_field's rules); free it. */
static char *safe(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	if (!f)
		return NULL;
	cli_put_field(f, s);
	fclose(f);
	return out;
}

static void print_info(const char *file, const struct journal_info *info)
{
	char *name = safe(file), *author = safe(info->author), *user = safe(info->user);
	char *host = safe(info->host), *started = safe(info->started), *last = safe(info->last);

	printf(_("journal: %s\n"), name ? name : "");
	printf(_("records: %u (%u changes, %u undos, %u redos)\n"), info->records,
	       info->changes, info->undos, info->redos);
	printf(_("author: %s\n"), author ? author : "");
	printf(_("written by: %s@%s (pid %ld)\n"), user ? user : "", host ? host : "", info->pid);
	printf(_("started: %s\n"), started ? started : "");
	printf(_("last record: %s\n"), last && *last ? last : "-");
	free(name);
	free(author);
	free(user);
	free(host);
	free(started);
	free(last);
	if (info->torn)
		printf("%s\n", _("the last record was cut short (the program was killed while writing it) and is left out"));
	if (info->file_changed)
		printf("%s\n", _("the file changed since the journal was written: the journal cannot be applied to it"));
}

/* The session on FILE with the journal replayed, in memory only. */
static int replayed(const char *file, struct session *s)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	ok = session_load_file(s, file, SESSION_OPEN_ANY, &diags);
	if (ok && !session_editing(s)) {
		diag_add(&diags, file, 0, 0, "%s", _("this is not a tailoring file"));
		session_free(s);
		ok = false;
	}
	if (ok && !journal_recover(s, file, &diags)) {
		session_free(s);
		ok = false;
	}
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

static void print_brought_back(const struct session *s)
{
	const struct tailoring *t = &session_workspace(s)->t;
	uint32_t from = session_saved_prefix(s);

	printf(_("it brings the file to %u changes; the changes not in the file:\n"), t->count);
	for (uint32_t k = from; k < t->count; k++)
		cli_put_change(stdout, &t->changes[k],
			       resolution_withdrawn_by(session_resolution(s), k));
}

/* Another kijun working on FILE would save over what is recovered, or
 * have its own journal replaced: only a dead holder's lock gives way. */
static int take_lock(const char *file, struct lock *l)
{
	struct diag_list diags;
	struct lock_info info, stale;
	enum lock_result got;

	diag_list_init(&diags);
	got = lock_acquire(l, file, &info, &diags);
	if (got == LOCK_STALE) {
		stale = info;
		got = lock_take_over(l, file, &stale, &info, &diags);
	}
	if (got == LOCK_HELD || got == LOCK_STALE) {
		char *name = safe(file), *user = safe(info.user), *host = safe(info.host);
		char *since = safe(info.since);

		fprintf(stderr, _("%s is open in kijun by %s@%s (pid %ld) since %s: close it there first\n"),
			name ? name : "", user ? user : "", host ? host : "", info.pid,
			since ? since : "");
		free(name);
		free(user);
		free(host);
		free(since);
	}
	cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	if (got != LOCK_TAKEN) {
		lock_release(l);
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

static int apply(const char *file)
{
	struct diag_list diags;
	struct session s;
	struct lock l;
	uint32_t count;
	int rc;

	rc = take_lock(file, &l);
	if (rc != EXIT_OK)
		return rc;
	rc = replayed(file, &s);
	if (rc != EXIT_OK) {
		lock_release(&l);
		return rc;
	}
	count = session_workspace(&s)->t.count;
	diag_list_init(&diags);
	/* Saved first, removed after: a crash in between leaves a journal
	 * that no longer applies, never a lost change. */
	if (session_save_file(&s, &diags) != SESSION_SAVED || !journal_discard(file, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	} else {
		char *name = safe(file);

		printf(_("recovered: %s now has %u changes; the journal is removed\n"),
		       name ? name : "", count);
		free(name);
	}
	diag_list_free(&diags);
	session_free(&s);
	lock_release(&l);
	return rc;
}

int cli_recover(int argc, char **argv)
{
	struct journal_info info;
	struct diag_list diags;
	enum mode mode = SHOW;
	const char *file = NULL;
	struct session s;
	bool bad = false;
	char *jpath;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--apply") == 0 && mode == SHOW)
			mode = APPLY;
		else if (strcmp(argv[i], "--discard") == 0 && mode == SHOW)
			mode = DISCARD;
		else if (argv[i][0] != '-' && !file)
			file = argv[i];
		else
			bad = true;
	}
	if (!file || bad) {
		fprintf(stderr, "%s", _("usage: kijun recover FILE [--apply|--discard]\n"));
		return EXIT_USAGE;
	}
	diag_list_init(&diags);
	if (!journal_inspect(file, &info, &diags)) {
		rc = info.exists ? EXIT_INVALID : EXIT_NO_JOURNAL;
		if (!info.exists) {
			char *name = safe(file);

			fprintf(stderr, _("%s has no journal: nothing to recover\n"), name ? name : "");
			free(name);
		}
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return rc;
	}
	jpath = journal_path(file);
	print_info(jpath ? jpath : file, &info);
	free(jpath);
	if (mode == DISCARD) {
		rc = journal_discard(file, &diags) ? EXIT_OK : EXIT_INVALID;
		cli_print_diags(stderr, &diags);
		if (rc == EXIT_OK)
			printf("%s\n", _("discarded: the journal is removed"));
		diag_list_free(&diags);
		return rc;
	}
	diag_list_free(&diags);
	if (mode == APPLY)
		return apply(file);
	rc = replayed(file, &s);
	if (rc != EXIT_OK)
		return rc;
	print_brought_back(&s);
	session_free(&s);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_INVALID;
}
