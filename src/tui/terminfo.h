/* Asking the terminfo database about a terminal type. */
#ifndef KIJUN_TERMINFO_H
#define KIJUN_TERMINFO_H

#include <stdbool.h>

/* True when this machine has a terminfo entry for `name`. */
bool terminfo_has(const char *name);

/* False when the terminal `name` is known but cannot move the cursor to
 * a place (no `cup`: dumb, a printing terminal): a full screen cannot be
 * drawn on it. */
bool terminfo_can_address(const char *name);

/* Teaches the screen open now the escape sequences PgUp, PgDn, Home and
 * End send on common terminals (\e[5~, \eOH, ...) where its terminfo
 * entry does not define them (vt100 has none of them). */
void terminfo_add_keys(void);

#endif
