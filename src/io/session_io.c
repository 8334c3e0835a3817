/* Opening a session on what a path names, as `kijun FILE`, `kijun
 * resolve FILE` and `kijun changes FILE` all do; saving it; finding who
 * records changes and when. */
#include "kijun/session_io.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/file_format.h"
#include "kijun/i18n.h"
#include "kijun/tailoring_io.h"
#include "kijun/workspace_io.h"

static bool open_catalog(struct session *s, const char *path, struct diag_list *diags)
{
	struct catalog *c = malloc(sizeof(*c));

	if (!c) {
		diag_add(diags, path ? path : "", 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (!(path ? catalog_load_file(c, path, diags) : catalog_load_builtin(c, diags))) {
		free(c);
		return false;
	}
	if (!session_init_catalog(s, c)) {
		diag_add(diags, path ? path : "", 0, 0, "%s", _("out of memory"));
		return false;
	}
	return true;
}

static bool open_workspace(struct session *s, const char *path, enum session_open how,
			   bool create, struct diag_list *diags)
{
	struct workspace *w = malloc(sizeof(*w));

	if (!w) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (create ? !workspace_create(w, path, diags)
		   : how == SESSION_OPEN_RESULT ? !workspace_open_to_read(w, path, diags)
		   : !workspace_open(w, path, diags)) {
		free(w);
		return false;
	}
	if (!session_init_workspace(s, w)) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	return true;
}

bool session_load_file(struct session *s, const char *path, enum session_open how,
		       struct diag_list *diags)
{
	bool exists = path && access(path, F_OK) == 0;
	enum file_format format;

	memset(s, 0, sizeof(*s));
	if ((how == SESSION_OPEN_TAILORING || how == SESSION_OPEN_RESULT) && path)
		return open_workspace(s, path, how, false, diags);
	if (!path)
		return open_catalog(s, NULL, diags);
	if (!exists)
		return open_workspace(s, path, how, true, diags);
	format = file_format_of_file(path, diags);
	if (diag_any(diags))
		return false;
	/* Anything not marked a tailoring is read as a catalog, whose
	 * reader says what is wrong with it. */
	if (format == FORMAT_TAILORING)
		return open_workspace(s, path, how, false, diags);
	return open_catalog(s, path, diags);
}

static enum session_save save(struct session *s, unsigned flags, struct diag_list *diags)
{
	struct workspace *w = session_workspace(s);

	if (!w) {
		diag_add(diags, "", 0, 0, "%s", _(session_code_message(SESSION_READ_ONLY)));
		return SESSION_SAVE_FAILED;
	}
	if (workspace_disk_changed(w)) {
		diag_add(diags, w->path, 0, 0, "%s",
			 _("the file changed on disk since it was opened: nothing saved, so the other changes are not overwritten"));
		return SESSION_SAVE_CHANGED;
	}
	switch (workspace_save_flags(w, flags, diags)) {
	case FILE_WRITTEN: break;
	case FILE_WRITE_READ_ONLY: return SESSION_SAVE_READ_ONLY;
	default: return SESSION_SAVE_FAILED;
	}
	session_mark_saved(s);
	return SESSION_SAVED;
}

enum session_save session_save_file(struct session *s, struct diag_list *diags)
{
	return save(s, 0, diags);
}

enum session_save session_save_file_force(struct session *s, struct diag_list *diags)
{
	return save(s, FILE_WRITE_FORCE, diags);
}

void session_refused_free(struct session_refused *r)
{
	tailoring_free(&r->changes);
	free(r->codes);
	r->codes = NULL;
}

static bool refuse(struct session_refused *r, const struct change *c, enum session_code code)
{
	enum session_code *v = realloc(r->codes, (r->changes.count + 1) * sizeof(*v));

	if (!v)
		return false;
	r->codes = v;
	v[r->changes.count] = code;
	return tailoring_append(&r->changes, c) >= 0;
}

bool session_reload_file(struct session *s, struct session_refused *refused,
			 struct diag_list *diags)
{
	struct workspace *w = session_workspace(s);
	struct session fresh;
	struct tailoring keep;
	uint32_t from;
	bool ok = true;

	memset(refused, 0, sizeof(*refused));
	tailoring_init(&refused->changes);
	if (!w) {
		diag_add(diags, "", 0, 0, "%s", _(session_code_message(SESSION_READ_ONLY)));
		return false;
	}
	/* Copies first: the old session's changes die with it. */
	tailoring_init(&keep);
	for (from = session_saved_prefix(s); from < w->t.count; from++)
		if (tailoring_append(&keep, &w->t.changes[from]) < 0)
			ok = false;
	if (!ok)
		diag_add(diags, w->path, 0, 0, "%s", _("out of memory"));
	if (!ok || !session_load_file(&fresh, w->path, SESSION_OPEN_TAILORING, diags)) {
		tailoring_free(&keep);
		return false;
	}
	if (s->author)
		session_set_author(&fresh, s->author);
	session_set_date(&fresh, s->date);
	session_set_view(&fresh, s->view);
	for (uint32_t k = 0; k < keep.count; k++) {
		struct session_result r;
		enum session_code code = session_replay(&fresh, &keep.changes[k], &r);

		if (code != SESSION_OK && !refuse(refused, &keep.changes[k], code))
			ok = false;
	}
	tailoring_free(&keep);
	session_set_observer(&fresh, s->observer, s->observer_ctx);
	session_free(s);
	*s = fresh;
	if (!ok)
		diag_add(diags, session_workspace(s)->path, 0, 0, "%s", _("out of memory"));
	return true;
}

/* The account's full name (gecos is "Name,room,phone"), else its login. */
static enum session_code author_from_account(struct session *s)
{
	struct passwd *pw = getpwuid(getuid());
	enum session_code code = SESSION_NO_AUTHOR;

	if (pw && pw->pw_gecos && *pw->pw_gecos && *pw->pw_gecos != ',') {
		char *name = strndup(pw->pw_gecos, strcspn(pw->pw_gecos, ","));

		if (name)
			code = session_set_author(s, name);
		free(name);
	}
	if (code != SESSION_OK && pw)
		code = session_set_author(s, pw->pw_name);
	if (code != SESSION_OK)
		code = session_set_author(s, getenv("USER"));
	if (code != SESSION_OK)
		code = session_set_author(s, "unknown");
	return code;
}

enum session_code session_load_identity(struct session *s)
{
	const char *author = getenv("KIJUN_AUTHOR");
	const char *date = getenv("KIJUN_DATE");  /* for reproducible runs */
	enum session_code a, d;

	a = author && *author ? session_set_author(s, author) : author_from_account(s);
	if (date && *date) {
		d = session_set_date(s, date);
	} else {
		time_t now = time(NULL);
		struct tm tm;
		char today[11];

		localtime_r(&now, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		d = session_set_date(s, today);
	}
	return a != SESSION_OK ? a : d;
}
