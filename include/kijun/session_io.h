/* Sessions and the outside world: opening the document a path names,
 * saving it, and who and when changes are recorded as.  The session
 * itself is session.h. */
#ifndef KIJUN_SESSION_IO_H
#define KIJUN_SESSION_IO_H

#include <stdbool.h>

#include "kijun/diag.h"
#include "kijun/session.h"

enum session_open {
	SESSION_OPEN_ANY,        /* a catalog or a tailoring, by its format
				  * key; a path that does not exist is a new
				  * tailoring of the built-in catalog; NULL
				  * is the built-in catalog */
	SESSION_OPEN_TAILORING,  /* an existing tailoring file only */
	SESSION_OPEN_RESULT,     /* the same, only to read its result once
				  * (kijun resolve, changes): it holds one
				  * copy of the items fewer, and cannot be
				  * edited (workspace_open_to_read) */
};

/* Opens path into a new session (path may be NULL only with
 * SESSION_OPEN_ANY).  False with every problem in diags (the session is
 * then empty and need not be freed). */
bool session_load_file(struct session *s, const char *path, enum session_open how,
		       struct diag_list *diags);

enum session_save {
	SESSION_SAVED,
	SESSION_SAVE_FAILED,    /* nothing written: see diags */
	SESSION_SAVE_CHANGED,   /* the file on disk is not the one loaded (or
				 * last saved): nothing written, so another
				 * editor's save is not lost; offer
				 * session_reload_file */
	SESSION_SAVE_READ_ONLY, /* the file is read-only: nothing written;
				 * ask, then session_save_file_force */
};

/* Saves the tailoring to its file (atomically) and marks the session
 * saved, after checking the file on disk is still the one it read. */
enum session_save session_save_file(struct session *s, struct diag_list *diags);
/* session_save_file that replaces a read-only file (the user said so). */
enum session_save session_save_file_force(struct session *s, struct diag_list *diags);

/* Changes a reload (or a journal) could not apply again: kept, not lost. */
struct session_refused {
	struct tailoring changes;   /* copies, in their order */
	enum session_code *codes;   /* why, per change (session_code_message) */
};

void session_refused_free(struct session_refused *r);

/* The file changed on disk: opens it again into s and applies this
 * session's unsaved changes (session_saved_prefix on) on top through
 * session_replay, each with its own author and date.  Those that no
 * longer apply go to *refused (initialised here; free it either way).  The author,
 * date, view and observer carry over; the session is then modified when
 * anything was applied.  False (s unchanged) when the file cannot be
 * opened as a tailoring: see diags. */
bool session_reload_file(struct session *s, struct session_refused *refused,
			 struct diag_list *diags);

/* Gives the session its author (KIJUN_AUTHOR, else the account's full
 * name, else its login) and date (KIJUN_DATE, else today).  Returns the
 * first problem: an explicit KIJUN_AUTHOR or KIJUN_DATE that is refused
 * is not replaced, so changes are refused until it is fixed; a full name
 * that is not UTF-8 gives way to the login. */
enum session_code session_load_identity(struct session *s);

#endif
