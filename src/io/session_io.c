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
#include "kijun/workspace_io.h"

static enum file_format format_of_path(const char *path, struct diag_list *diags)
{
	enum file_format format;
	char *buf;
	size_t len;

	if (!file_read_all(path, &buf, &len, diags))
		return FORMAT_UNKNOWN;
	format = file_format_of(buf, len);
	free(buf);
	return format;
}

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

static bool open_workspace(struct session *s, const char *path, bool create,
			   struct diag_list *diags)
{
	struct workspace *w = malloc(sizeof(*w));

	if (!w) {
		diag_add(diags, path, 0, 0, "%s", _("out of memory"));
		return false;
	}
	if (create ? !workspace_create(w, path, diags) : !workspace_open(w, path, diags)) {
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
	if (how == SESSION_OPEN_TAILORING && path)
		return open_workspace(s, path, false, diags);
	if (!path)
		return open_catalog(s, NULL, diags);
	if (!exists)
		return open_workspace(s, path, true, diags);
	format = format_of_path(path, diags);
	if (diag_any(diags))
		return false;
	/* Anything not marked a tailoring is read as a catalog, whose
	 * reader says what is wrong with it. */
	if (format == FORMAT_TAILORING)
		return open_workspace(s, path, false, diags);
	return open_catalog(s, path, diags);
}

bool session_save_file(struct session *s, struct diag_list *diags)
{
	struct workspace *w = session_workspace(s);

	if (!w || !workspace_save(w, diags))
		return false;
	session_mark_saved(s);
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
