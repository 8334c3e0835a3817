#include "cli_locale.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kijun/i18n.h"

static const char *const default_fallbacks[] = {
	"C.UTF-8", "C.utf8", "en_US.UTF-8", NULL,
};

static int codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

enum cli_locale cli_locale_init(const char *const *fallbacks, const char **used)
{
	const char *got = setlocale(LC_CTYPE, "");

	if (got && codeset_is_utf8()) {
		*used = got;
		return CLI_LOCALE_UTF8;
	}
	/* LANG=C over SSH is common: the terminal is UTF-8 all the same. */
	for (const char *const *f = fallbacks ? fallbacks : default_fallbacks; *f; f++) {
		if (setlocale(LC_CTYPE, *f) && codeset_is_utf8()) {
			*used = *f;
			return CLI_LOCALE_FALLBACK;
		}
	}
	setlocale(LC_CTYPE, "C");
	*used = "C";
	return CLI_LOCALE_ASCII;
}

const char *cli_locale_asked(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return v;
	}
	return "C";
}

/* The name as given, with anything but a locale name's characters shown
 * as '?': it comes from the environment and goes to a terminal. */
static void safe_name(const char *name, char *buf, size_t size)
{
	size_t n = 0;

	for (; *name && n + 1 < size; name++, n++)
		buf[n] = strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._@-",
				*name) ? *name : '?';
	buf[n] = '\0';
}

void cli_locale_report(FILE *to, enum cli_locale state, const char *used)
{
	char asked[64];

	safe_name(cli_locale_asked(), asked, sizeof(asked));
	if (state == CLI_LOCALE_FALLBACK)
		fprintf(to, _("kijun: the locale \"%s\" is not UTF-8; using %s\n"), asked, used);
	else if (state == CLI_LOCALE_ASCII)
		fprintf(to, _("kijun: the locale \"%s\" is not UTF-8 and no UTF-8 locale is installed; characters outside ASCII are shown as <U+XXXX>\n"),
			asked);
}
