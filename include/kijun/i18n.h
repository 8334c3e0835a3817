/* The interface language.  Japanese by default; English on request.
 *
 * Every user-facing string is written in English in the source, wrapped in
 * _(), and looked up in a compiled-in table, so a single binary speaks both
 * languages without message files on disk (air-gapped machines). */
#ifndef KIJUN_I18N_H
#define KIJUN_I18N_H

enum language { LANGUAGE_JA, LANGUAGE_EN };

void i18n_set_language(enum language lang);
enum language i18n_language(void);

/* Parses "ja"/"en" (also "ja_JP.UTF-8", "en_US"...).  Returns -1 if unknown. */
int i18n_parse_language(const char *name, enum language *out);

/* The translation of an English message, or the message itself. */
const char *i18n_translate(const char *english) __attribute__((format_arg(1)));
#define _(s) i18n_translate(s)
/* Marks a string for the table where it is defined and translated later. */
#define N_(s) (s)

/* For tests: walk the table. Returns 0 past the end. */
int i18n_entry(unsigned index, const char **english, const char **japanese);

#endif
