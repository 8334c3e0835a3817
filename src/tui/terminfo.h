/* Asking the terminfo database about a terminal type. */
#ifndef KIJUN_TERMINFO_H
#define KIJUN_TERMINFO_H

#include <stdbool.h>

/* True when this machine has a terminfo entry for `name`. */
bool terminfo_has(const char *name);

#endif
