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
};

/* Opens path into a new session (path may be NULL only with
 * SESSION_OPEN_ANY).  False with every problem in diags (the session is
 * then empty and need not be freed). */
bool session_load_file(struct session *s, const char *path, enum session_open how,
		       struct diag_list *diags);

/* Saves the tailoring to its file and marks the session saved. */
bool session_save_file(struct session *s, struct diag_list *diags);

/* Gives the session its author (KIJUN_AUTHOR, else the account's full
 * name, else its login) and date (KIJUN_DATE, else today).  Returns the
 * first problem: an explicit KIJUN_AUTHOR or KIJUN_DATE that is refused
 * is not replaced, so changes are refused until it is fixed; a full name
 * that is not UTF-8 gives way to the login. */
enum session_code session_load_identity(struct session *s);

#endif
