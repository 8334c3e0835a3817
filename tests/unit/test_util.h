/* Shared helpers for the cmocka tests. */
#ifndef KIJUN_TEST_UTIL_H
#define KIJUN_TEST_UTIL_H

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Where the project's shared fact tables live, relative to the top of the
 * tree (tests run from there); KIJUN_SHARED_DATA overrides it. */
#define SHARED_DATA_DEFAULT "../shared/data"

/* Writes text[0..len) to a file of this test process in TMPDIR (or
 * /tmp) called kijun-NAME-PID.yaml, and puts its path in path[size]. */
static inline void test_put_file(char *path, size_t size, const char *name,
				 const char *text, size_t len)
{
	FILE *f;

	snprintf(path, size, "%s/kijun-%s-%ld.yaml",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", name, (long)getpid());
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* A copy of text with line n (1-based) replaced by replacement (which
 * carries its own newline): the way tests break one thing in a good file. */
static inline char *test_with_line(const char *text, unsigned n, const char *replacement)
{
	size_t cap = strlen(text) + strlen(replacement) + 1;
	char *out = malloc(cap), *o = out;
	const char *p = text;

	assert_non_null(out);
	for (unsigned line = 1; *p; line++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);

		if (line == n) {
			strcpy(o, replacement);
			o += strlen(replacement);
		} else {
			memcpy(o, p, len);
			o += len;
		}
		p += len;
	}
	*o = '\0';
	return out;
}

/* Widths need a UTF-8 LC_CTYPE: the user's, else C.UTF-8.  (kijun's main
 * does the same; the core never calls setlocale.) */
static inline bool test_utf8_locale(void)
{
	static const char *const names[] = { "", "C.UTF-8", "C.utf8", "en_US.UTF-8" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *cs;

		if (!setlocale(LC_CTYPE, names[i]))
			continue;
		cs = nl_langinfo(CODESET);
		if (cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0))
			return true;
	}
	return false;
}

#endif
