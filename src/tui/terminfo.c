/* Kept apart because <term.h> defines macros such as `lines` and
 * `columns` that would clash with ordinary names elsewhere. */
#include "terminfo.h"

#include <curses.h>
#include <term.h>
#include <unistd.h>

/* newterm() on an unknown name leaks in ncurses 6.4; asking setupterm()
 * first does not. */
static bool probe(const char *name, bool need_cup)
{
	TERMINAL *saved = cur_term, *probe_term;
	int err = 0;
	bool ok = setupterm(name, STDOUT_FILENO, &err) == OK;

	if (ok && need_cup) {
		char *cup = tigetstr("cup");

		ok = cup && cup != (char *)-1 && *cup;
	}
	probe_term = cur_term;
	if (probe_term && probe_term != saved)
		del_curterm(probe_term);
	set_curterm(saved);
	return ok;
}

bool terminfo_can_address(const char *name)
{
	return !probe(name, false) || probe(name, true);
}

void terminfo_add_keys(void)
{
	static const struct {
		const char *seq;
		int code;
	} keys[] = {
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },  /* rxvt */
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
	};

	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		/* 0: nothing is bound to it, nor is it the start of a longer
		 * sequence that is; what the entry says wins. */
		if (key_defined(keys[k].seq) == 0)
			define_key(keys[k].seq, keys[k].code);
}

bool terminfo_has(const char *name)
{
	return probe(name, false);
}
