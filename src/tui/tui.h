/* The full-screen interface. */
#ifndef KIJUN_TUI_H
#define KIJUN_TUI_H

#include "kijun/catalog.h"

/* Runs the browser on c until the user quits; returns an exit code. */
int tui_run(struct catalog *c, const char *name);

#endif
