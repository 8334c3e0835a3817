/* Long text is edited in the user's own editor, as git and mutt do. */
#ifndef KIJUN_EDITOR_H
#define KIJUN_EDITOR_H

#include <stdbool.h>
#include <stddef.h>

/* The editor to run: $VISUAL, else $EDITOR, else the first of editor, vi
 * and nano found on PATH; NULL when there is none (kijun's own editor,
 * textedit_view.c, is used then). */
const char *editor_command(void);

/* Runs editor_command() on a temporary file holding initial
 * and returns what the user saved (malloc'd, without the trailing newline
 * editors add), or NULL with a reason in err: the editor failed, or the
 * text is not UTF-8.  The screen is handed over and taken back. */
char *editor_run(const char *initial, char *err, size_t errlen);

/* False under a script: there is no terminal to hand over, and the
 * editor gets /dev/null for its input and output (the dumps). */
void editor_set_terminal(bool terminal);

#endif
