/* Unit tests for src/cli/cli_locale.h: main's locale set-up.  A locale
 * that is not UTF-8 is replaced by a UTF-8 fallback when there is one, and
 * kijun carries on in C (non-ASCII as <U+XXXX>) when there is none; the
 * one line that says so names the user's locale safely. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/i18n.h"
#include "kijun/text.h"
#include "../../src/cli/cli_locale.h"

static void set_env(const char *lc_all)
{
	unsetenv("LC_CTYPE");
	unsetenv("LANG");
	if (lc_all)
		setenv("LC_ALL", lc_all, 1);
	else
		unsetenv("LC_ALL");
}

static char *report(enum cli_locale state, const char *used)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	cli_locale_report(f, state, used);
	fclose(f);
	return buf;
}

static void test_utf8_locale_kept(void **state)
{
	const char *used = NULL;
	char *said;

	(void)state;
	set_env("C.UTF-8");
	assert_int_equal(cli_locale_init(NULL, &used), CLI_LOCALE_UTF8);
	assert_int_equal(text_width("日本"), 4);
	said = report(CLI_LOCALE_UTF8, used);
	assert_string_equal(said, "");
	free(said);
}

static void test_c_switches_to_a_fallback(void **state)
{
	const char *const fallbacks[] = { "xx_XX.UTF-8", "C.UTF-8", NULL };
	const char *used = NULL;
	char *said;

	(void)state;
	i18n_set_language(LANGUAGE_EN);
	set_env("C");
	assert_int_equal(cli_locale_init(fallbacks, &used), CLI_LOCALE_FALLBACK);
	assert_string_equal(used, "C.UTF-8");
	assert_int_equal(text_width("日本"), 4);
	said = report(CLI_LOCALE_FALLBACK, used);
	assert_string_equal(said, "kijun: the locale \"C\" is not UTF-8; using C.UTF-8\n");
	free(said);
}

static void test_bogus_locale_switches_too(void **state)
{
	const char *used = NULL;
	char *said;

	(void)state;
	i18n_set_language(LANGUAGE_JA);
	set_env("xx_XX.bogus");
	assert_int_equal(cli_locale_init(NULL, &used), CLI_LOCALE_FALLBACK);
	assert_string_equal(cli_locale_asked(), "xx_XX.bogus");
	said = report(CLI_LOCALE_FALLBACK, used);
	assert_non_null(strstr(said, "ロケール「xx_XX.bogus」は UTF-8 ではない"));
	free(said);
	i18n_set_language(LANGUAGE_EN);
}

static void test_no_utf8_at_all_carries_on_in_c(void **state)
{
	const char *const fallbacks[] = { "xx_XX.UTF-8", NULL };
	const char *used = NULL;
	char *said;

	(void)state;
	set_env("C");
	assert_int_equal(cli_locale_init(fallbacks, &used), CLI_LOCALE_ASCII);
	assert_string_equal(used, "C");
	/* Each character is shown as its code, never as bytes the terminal
	 * would misread. */
	assert_int_equal(text_width("日本"), (int)(2 * strlen("<U+65E5>")));
	said = report(CLI_LOCALE_ASCII, used);
	assert_string_equal(said, "kijun: the locale \"C\" is not UTF-8 and no UTF-8 locale is "
			    "installed; characters outside ASCII are shown as <U+XXXX>\n");
	free(said);
}

static void test_locale_name_is_sanitized(void **state)
{
	char *said;

	(void)state;
	set_env(NULL);
	setenv("LANG", "\x1b]0;owned\x07", 1);
	assert_string_equal(cli_locale_asked(), "\x1b]0;owned\x07");
	said = report(CLI_LOCALE_FALLBACK, "C.UTF-8");
	assert_string_equal(said, "kijun: the locale \"??0?owned?\" is not UTF-8; using C.UTF-8\n");
	free(said);
	set_env(NULL);
	assert_string_equal(cli_locale_asked(), "C");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_locale_kept),
		cmocka_unit_test(test_c_switches_to_a_fallback),
		cmocka_unit_test(test_bogus_locale_switches_too),
		cmocka_unit_test(test_no_utf8_at_all_carries_on_in_c),
		cmocka_unit_test(test_locale_name_is_sanitized),
	};

	i18n_set_language(LANGUAGE_EN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
