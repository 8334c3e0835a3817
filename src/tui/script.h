/* kijun --script: keys from a file instead of a terminal, on a virtual
 * screen of the size the script sets, with the screen printed where the
 * script says `dump` (docs/scripting.md).  The keys go to the same
 * ui_key the terminal loop uses, so a script sees what a user would. */
#ifndef KIJUN_SCRIPT_H
#define KIJUN_SCRIPT_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

struct ui;

struct script {
	FILE *in;                /* the script; stdin for "-" */
	const char *path;        /* for file:line:column */
	unsigned line;
	FILE *null_in, *null_out;  /* the virtual terminal's ends */
	int rows, cols;
};

/* Opens the script; false with a message in err. */
bool script_open(struct script *s, const char *path, char *err, size_t errlen);
/* A curses screen that writes to /dev/null; NULL when no terminfo entry
 * of the fixed types is there. */
SCREEN *script_screen(struct script *s);
/* Gives the virtual screen its size (80x24 until the script says). */
void script_size(struct script *s);
/* Runs the script's lines to its end or until kijun quits; returns the
 * exit status: 0, or 2 after reporting a bad line on stderr. */
int script_play(struct script *s, struct ui *ui);
void script_close(struct script *s);

#endif
