/* Kept apart because <term.h> defines macros such as `lines` and
 * `columns` that would clash with ordinary names elsewhere. */
#include "terminfo.h"

#include <curses.h>
#include <term.h>
#include <unistd.h>

/* newterm() on an unknown name leaks in ncurses 6.4; asking setupterm()
 * first does not. */
bool terminfo_has(const char *name)
{
	TERMINAL *saved = cur_term, *probe;
	int err = 0;
	bool ok = setupterm(name, STDOUT_FILENO, &err) == OK;

	probe = cur_term;
	if (probe && probe != saved)
		del_curterm(probe);
	set_curterm(saved);
	return ok;
}
