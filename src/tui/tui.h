/* The full-screen interface. */
#ifndef KIJUN_TUI_H
#define KIJUN_TUI_H

#include <stddef.h>

#include "kijun/session.h"

/* Runs the screen until the user quits, on a session (a catalog to
 * browse or a tailoring to work on; the caller frees it after); takes
 * its author and date from the environment; returns an exit code.  With a
 * script (a path, "-" for stdin) the keys come from it and the screen is
 * virtual: no terminal is needed (docs/scripting.md). */
int tui_run(struct session *s, const char *name, const char *script);

/* Draws the first screen of a large catalog file, or of a tailoring of
 * one, from the catalog's first items (on a terminal, when it is large
 * enough to take a while), before the caller loads it whole; tui_run then
 * goes on on the same screen.
 * tui_preview_end gives the terminal back when the load fails. */
void tui_preview(const char *path);
void tui_preview_end(void);

struct mapping;

/* Mapping tables (kijun --map) the detail pane shows under the items they
 * name; they must outlive the screen.  Set before tui_run. */
void tui_set_mappings(const struct mapping *maps, size_t count);

struct evaluation;

/* The same on an evaluation of the tailoring s holds: the auditor's
 * screen, saving the evaluation at path after every change. */
int tui_run_evaluation(struct session *s, struct evaluation *e, const char *path,
		       const char *script);

#endif
