/* The character set kijun measures text in.  Widths come from wcwidth(),
 * which needs a UTF-8 LC_CTYPE; main() sets it here, once, before anything
 * else (the core never calls setlocale). */
#ifndef KIJUN_CLI_LOCALE_H
#define KIJUN_CLI_LOCALE_H

#include <stdio.h>

enum cli_locale {
	CLI_LOCALE_UTF8,      /* the user's own locale is UTF-8 */
	CLI_LOCALE_FALLBACK,  /* it was not; a UTF-8 one from the list is used */
	CLI_LOCALE_ASCII,     /* none could be set: C, non-ASCII shows as <U+XXXX> */
};

/* Sets LC_CTYPE from the environment; when that is not UTF-8, tries each
 * name of `fallbacks` (NULL-terminated; NULL for C.UTF-8, C.utf8,
 * en_US.UTF-8) and else sets C.  *used is the locale in effect.  Prints
 * nothing. */
enum cli_locale cli_locale_init(const char *const *fallbacks, const char **used);

/* The locale the environment asks for (LC_ALL, LC_CTYPE, then LANG), or
 * "C"; for messages. */
const char *cli_locale_asked(void);

/* Tells the user, in one line on `to`, that their locale was not UTF-8 and
 * what kijun does instead; nothing for CLI_LOCALE_UTF8. */
void cli_locale_report(FILE *to, enum cli_locale state, const char *used);

#endif
