/* Shared helpers for the cmocka tests. */
#ifndef KIJUN_TEST_UTIL_H
#define KIJUN_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

/* Where the project's shared fact tables live, relative to the top of the
 * tree (tests run from there); KIJUN_SHARED_DATA overrides it. */
#define SHARED_DATA_DEFAULT "../shared/data"

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

#endif
