/* The full-screen interface. */
#ifndef KIJUN_TUI_H
#define KIJUN_TUI_H

#include "kijun/catalog.h"
#include "kijun/workspace.h"

/* Runs the screen until the user quits, on a catalog to browse (w NULL)
 * or a tailoring to work on (c NULL); returns an exit code.  With a
 * script (a path, "-" for stdin) the keys come from it and the screen is
 * virtual: no terminal is needed (docs/scripting.md). */
int tui_run(struct catalog *c, struct workspace *w, const char *name, const char *script);

#endif
