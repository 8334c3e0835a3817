/* What a journal would bring back, and bringing it back: replayed
 * through the session into a session of its own, taken only whole. */
#include "kijun/journal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jrecord.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/sha256.h"
#include "kijun/tailoring_io.h"
#include "kijun/workspace_io.h"

/* The hash of FILE as it is on disk now, "none" when it is not there. */
static void file_hash_now(const char *file, char out[72])
{
	struct diag_list ignored;
	char *buf;
	size_t len;

	strcpy(out, "none");
	if (access(file, F_OK) != 0)
		return;
	strcpy(out, "unreadable");
	diag_list_init(&ignored);
	if (file_read_all(file, &buf, &len, &ignored)) {
		sha256_tag(buf, len, out);
		free(buf);
	}
	diag_list_free(&ignored);
}

bool journal_inspect(const char *file, struct journal_info *info, struct diag_list *diags)
{
	char *path = journal_path(file), now[72];
	struct jread jr;
	bool ok;

	memset(info, 0, sizeof(*info));
	if (!path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	ok = jrecord_load(&jr, path, diags);
	free(path);
	if (ok) {
		file_hash_now(file, now);
		jr.info.file_changed = jr.hash[0] && strcmp(now, jr.hash) != 0;
	}
	*info = jr.info;
	jrecord_free(&jr);
	return ok;
}

/* Replays record k into s; SESSION_OK when it applied. */
static enum session_code replay(struct session *s, const struct jrec *rec, const char *path,
				struct diag_list *diags)
{
	struct session_result r;
	struct tailoring t;
	enum session_code code;

	if (rec->kind == J_UNDO)
		return session_undo(s, &r);
	if (rec->kind == J_REDO)
		return session_redo(s, &r);
	if (!tailoring_read(&t, path, rec->body, rec->len, diags))
		return SESSION_INVALID_CHANGE;
	if (t.count != 1) {
		tailoring_free(&t);
		return SESSION_INVALID_CHANGE;
	}
	if (rec->kind == J_APPLY) {
		code = session_replay(s, &t.changes[0], &r);
	} else {
		/* The change it takes back must be the file's newest. */
		const struct workspace *w = session_workspace(s);
		const struct change *top = w && w->t.count ? &w->t.changes[w->t.count - 1] : NULL;

		if (!top || top->op != t.changes[0].op || !top->target != !t.changes[0].target ||
		    (top->target && strcmp(top->target, t.changes[0].target) != 0)) {
			code = SESSION_NOTHING_TO_UNDO;
		} else {
			session_extend_undo(s, 1);
			code = session_undo(s, &r);
		}
	}
	tailoring_free(&t);
	return code;
}

bool journal_recover(struct session *s, const char *file, struct diag_list *diags)
{
	struct workspace *w = session_workspace(s);
	char *path = journal_path(file);
	struct session fresh;
	struct jread jr;
	bool ok = false;

	if (!path) {
		diag_add(diags, file, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (!jrecord_load(&jr, path, diags)) {
		if (!jr.info.exists)
			diag_add(diags, path, 0, 0, "%s", _("there is no journal to recover"));
		goto out;
	}
	if (jr.info.damaged) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the journal is damaged before its end: nothing recovered, the journal is kept"));
		goto out;
	}
	if (!jr.count) {
		ok = true;  /* cut short before its first record: nothing to bring back */
		goto out;
	}
	if (!w || strcmp(w->path, file) != 0) {
		diag_add(diags, file, 0, 0, "%s", _(session_code_message(SESSION_READ_ONLY)));
		goto out;
	}
	if (strcmp(w->disk_hash[0] ? w->disk_hash : "none", jr.hash) != 0 ||
	    workspace_disk_changed(w)) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the file changed since the journal was written: nothing recovered, the journal is kept"));
		goto out;
	}
	/* Replayed into a session of its own, so a record that fails
	 * leaves s untouched: never half-applied. */
	if (!session_load_file(&fresh, file, SESSION_OPEN_ANY, diags))
		goto out;
	if (!session_editing(&fresh) ||
	    strcmp(session_workspace(&fresh)->disk_hash, w->disk_hash) != 0) {
		diag_add(diags, path, 0, 0, "%s",
			 _("the file changed since the journal was written: nothing recovered, the journal is kept"));
		session_free(&fresh);
		goto out;
	}
	for (uint32_t k = 0; k < jr.count; k++) {
		enum session_code code = replay(&fresh, &jr.recs[k], path, diags);

		if (code != SESSION_OK) {
			diag_add(diags, path, 0, 0,
				 _("record %u (%s) does not apply: %s; nothing recovered, the journal is kept"),
				 k + 1, jrecord_kind_name(jr.recs[k].kind), _(session_code_message(code)));
			session_free(&fresh);
			goto out;
		}
	}
	if (s->author)
		session_set_author(&fresh, s->author);
	session_set_date(&fresh, s->date);
	session_set_view(&fresh, s->view);
	session_set_observer(&fresh, s->observer, s->observer_ctx);
	session_free(s);
	*s = fresh;
	ok = true;
out:
	jrecord_free(&jr);
	free(path);
	return ok;
}
