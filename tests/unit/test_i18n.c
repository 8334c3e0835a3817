/* Unit tests for include/kijun/i18n.h and the translation table. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/i18n.h"
#include "../../src/core/i18n_table.h"

/* ---- a small parser for printf conversion specifications ------------------
 *
 * Each specification becomes a token describing what it takes from the
 * argument list: an optional "N$", "*" for a width argument, ".*" for a
 * precision argument, the length modifier and the conversion letter.
 * Flags and literal widths/precisions are parsed and skipped: they change
 * how a value looks, not which arguments are read.  %% takes nothing. */

#define MAX_SPECS 16
#define SPEC_LEN 16

struct specs {
	size_t n;
	char tok[MAX_SPECS][SPEC_LEN];
	const char *error;  /* a malformed specification */
};

static void parse_specs(const char *s, struct specs *out)
{
	memset(out, 0, sizeof(*out));
	while (*s) {
		char tok[SPEC_LEN];
		size_t t = 0;

		if (*s++ != '%')
			continue;
		if (*s == '%') {
			s++;
			continue;
		}
		/* Argument position: digits followed by '$'. */
		{
			const char *p = s;

			while (*p >= '0' && *p <= '9')
				p++;
			if (p > s && *p == '$') {
				while (s <= p && t < SPEC_LEN - 1)
					tok[t++] = *s++;
			}
		}
		while (*s && strchr("-+ #0'", *s))
			s++;
		if (*s == '*') {
			tok[t++] = '*';
			s++;
		} else {
			while (*s >= '0' && *s <= '9')
				s++;
		}
		if (*s == '.') {
			s++;
			if (*s == '*') {
				tok[t++] = '.';
				tok[t++] = '*';
				s++;
			} else {
				while (*s >= '0' && *s <= '9')
					s++;
			}
		}
		/* Length modifiers: hh h l ll j z t L. */
		if ((s[0] == 'h' && s[1] == 'h') || (s[0] == 'l' && s[1] == 'l')) {
			tok[t++] = *s++;
			tok[t++] = *s++;
		} else if (*s && strchr("hljztL", *s)) {
			tok[t++] = *s++;
		}
		if (!*s || !strchr("diouxXeEfFgGaAcspn", *s)) {
			out->error = s;
			return;
		}
		tok[t++] = *s++;
		tok[t] = '\0';
		if (out->n == MAX_SPECS) {
			out->error = s;
			return;
		}
		memcpy(out->tok[out->n++], tok, t + 1);
	}
}

static bool same_specs(const struct specs *a, const struct specs *b)
{
	if (a->n != b->n)
		return false;
	for (size_t k = 0; k < a->n; k++)
		if (strcmp(a->tok[k], b->tok[k]) != 0)
			return false;
	return true;
}

static void expect_specs(const char *s, size_t n, const char *const *want)
{
	struct specs sp;

	parse_specs(s, &sp);
	assert_null(sp.error);
	assert_int_equal(sp.n, n);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(sp.tok[k], want[k]);
}

/* The checker itself must tell right from wrong. */
static void test_spec_parser(void **state)
{
	static const char *const a[] = { "s", ".*s", "zu" };
	static const char *const b[] = { "d", "*lu", "lld", "c" };
	static const char *const c[] = { "u", "hhx", "g" };
	static const char *const d[] = { "2$s", "1$d" };
	struct specs x, y;

	(void)state;
	expect_specs("%s \"%.*s\" %zu%% done", 3, a);
	expect_specs("%-5d|%*lu|%+lld|%c", 4, b);
	expect_specs("%08u %#hhx %.3g 100%%", 3, c);
	expect_specs("%2$s %1$d", 2, d);
	expect_specs("no conversions at all, 50%% off", 0, NULL);

	parse_specs("%s: %u items", &x);
	parse_specs("%s: %u 項目", &y);
	assert_true(same_specs(&x, &y));
	parse_specs("%u: %s", &y);
	assert_false(same_specs(&x, &y));
	parse_specs("%s: %lu", &y);
	assert_false(same_specs(&x, &y));
	parse_specs("%s", &y);
	assert_false(same_specs(&x, &y));
	parse_specs("%.*s", &x);
	parse_specs("%s", &y);
	assert_false(same_specs(&x, &y));
	parse_specs("%zu", &x);
	parse_specs("%u", &y);
	assert_false(same_specs(&x, &y));
	/* Widths and flags do not change the arguments. */
	parse_specs("%5s|%-3d", &x);
	parse_specs("%s|%d", &y);
	assert_true(same_specs(&x, &y));
	/* Malformed. */
	parse_specs("100%! sure", &x);
	assert_non_null(x.error);
	parse_specs("ends with %", &x);
	assert_non_null(x.error);
}

static unsigned table_size(void)
{
	const char *en, *ja;
	unsigned n = 0;

	while (i18n_entry(n, &en, &ja))
		n++;
	return n;
}

static void test_table_formats_match(void **state)
{
	const char *en, *ja;
	unsigned bad = 0, with_specs = 0;

	(void)state;
	for (unsigned i = 0; i18n_entry(i, &en, &ja); i++) {
		struct specs e, j;

		assert_non_null(en);
		assert_non_null(ja);
		parse_specs(en, &e);
		parse_specs(ja, &j);
		if (e.error || j.error) {
			fprintf(stderr, "entry %u: malformed conversion in \"%s\" / \"%s\"\n",
				i, en, ja);
			bad++;
			continue;
		}
		if (!same_specs(&e, &j)) {
			fprintf(stderr, "entry %u: \"%s\" and \"%s\" take different "
				"arguments\n", i, en, ja);
			bad++;
		}
		with_specs += e.n > 0;
	}
	assert_int_equal(bad, 0);
	/* The check saw real messages with arguments. */
	assert_true(with_specs >= 10);
}

static void test_table_not_empty_strings(void **state)
{
	const char *en, *ja;

	(void)state;
	for (unsigned i = 0; i18n_entry(i, &en, &ja); i++) {
		if (!en[0] || !ja[0])
			fail_msg("entry %u has an empty side", i);
	}
}

static void test_table_fits(void **state)
{
	unsigned n = table_size();

	(void)state;
	assert_true(n > 0);
	assert_int_equal(n, i18n_table_count);
	if (n >= I18N_TABLE_MAX)
		fail_msg("%u entries; the index holds %d", n, I18N_TABLE_MAX);
	/* Past the end, i18n_entry reports nothing. */
	{
		const char *en = "untouched", *ja = "untouched";

		assert_int_equal(i18n_entry(n, &en, &ja), 0);
		assert_int_equal(i18n_entry(n + 1000, &en, &ja), 0);
	}
}

static void test_table_keys_unique(void **state)
{
	const char *a, *b, *ja;
	unsigned dup = 0;

	(void)state;
	for (unsigned i = 0; i18n_entry(i, &a, &ja); i++)
		for (unsigned j = i + 1; i18n_entry(j, &b, &ja); j++)
			if (strcmp(a, b) == 0) {
				fprintf(stderr, "entries %u and %u share \"%s\"\n", i, j, a);
				dup++;
			}
	assert_int_equal(dup, 0);
}

/* Runs first, before anything changes the language. */
static void test_default_is_japanese(void **state)
{
	(void)state;
	assert_int_equal(i18n_language(), LANGUAGE_JA);
	assert_string_equal(i18n_translate("References"), "参照");
	assert_string_equal(i18n_translate("Attributes"), "属性");
	assert_string_equal(_("part"), "部");
}

static void test_translate_every_entry(void **state)
{
	const char *en, *ja;

	(void)state;
	i18n_set_language(LANGUAGE_JA);
	for (unsigned i = 0; i18n_entry(i, &en, &ja); i++) {
		const char *got = i18n_translate(en);

		if (strcmp(got, ja) != 0)
			fail_msg("entry %u: \"%s\" translates to \"%s\", want \"%s\"",
				 i, en, got, ja);
	}
}

static void test_translate_english(void **state)
{
	const char *en, *ja;
	const char *msg = "References";

	(void)state;
	i18n_set_language(LANGUAGE_EN);
	assert_int_equal(i18n_language(), LANGUAGE_EN);
	assert_ptr_equal(i18n_translate(msg), msg);
	assert_string_equal(_("part"), "part");
	for (unsigned i = 0; i18n_entry(i, &en, &ja); i++)
		assert_ptr_equal(i18n_translate(en), en);
	i18n_set_language(LANGUAGE_JA);
	assert_int_equal(i18n_language(), LANGUAGE_JA);
	assert_string_equal(i18n_translate(msg), "参照");
}

static void test_translate_unknown(void **state)
{
	const char *msg = "a message nobody translated";

	(void)state;
	i18n_set_language(LANGUAGE_JA);
	assert_ptr_equal(i18n_translate(msg), msg);
	assert_null(i18n_translate(NULL));
	/* Near misses are not translated. */
	assert_string_equal(i18n_translate("references"), "references");
	assert_string_equal(i18n_translate("References "), "References ");
}

static void expect_lang(const char *name, enum language want)
{
	enum language got = want == LANGUAGE_JA ? LANGUAGE_EN : LANGUAGE_JA;

	if (i18n_parse_language(name, &got) != 0)
		fail_msg("\"%s\" was refused", name);
	assert_int_equal(got, want);
}

static void expect_refused(const char *name)
{
	enum language got = LANGUAGE_EN;

	if (i18n_parse_language(name, &got) != -1)
		fail_msg("\"%s\" was accepted", name);
	assert_int_equal(got, LANGUAGE_EN);
	got = LANGUAGE_JA;
	assert_int_equal(i18n_parse_language(name, &got), -1);
	assert_int_equal(got, LANGUAGE_JA);
}

static void test_parse_language(void **state)
{
	(void)state;
	expect_lang("ja", LANGUAGE_JA);
	expect_lang("ja_JP", LANGUAGE_JA);
	expect_lang("ja_JP.UTF-8", LANGUAGE_JA);
	expect_lang("ja-JP", LANGUAGE_JA);
	expect_lang("en", LANGUAGE_EN);
	expect_lang("en_US", LANGUAGE_EN);
	expect_lang("en_US.UTF-8", LANGUAGE_EN);
	expect_lang("en_GB", LANGUAGE_EN);
	expect_refused("fr");
	expect_refused("fr_FR.UTF-8");
	expect_refused("japan");
	expect_refused("english");
	expect_refused("j");
	expect_refused("");
	expect_refused("C");
	expect_refused("enx");
	assert_int_equal(i18n_parse_language(NULL, &(enum language){ LANGUAGE_JA }), -1);
}

static int reset_language(void **state)
{
	(void)state;
	i18n_set_language(LANGUAGE_JA);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_is_japanese),
		cmocka_unit_test(test_spec_parser),
		cmocka_unit_test(test_table_formats_match),
		cmocka_unit_test(test_table_not_empty_strings),
		cmocka_unit_test(test_table_fits),
		cmocka_unit_test(test_table_keys_unique),
		cmocka_unit_test_teardown(test_translate_every_entry, reset_language),
		cmocka_unit_test_teardown(test_translate_english, reset_language),
		cmocka_unit_test_teardown(test_translate_unknown, reset_language),
		cmocka_unit_test(test_parse_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
