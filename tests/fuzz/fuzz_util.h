/* What the libFuzzer targets share: one-time set-up, and checks that hold
 * for any input (every message is safe once sanitized). */
#ifndef KIJUN_FUZZ_UTIL_H
#define KIJUN_FUZZ_UTIL_H

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "kijun/diag.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"

/* Widths need a UTF-8 LC_CTYPE, as kijun's main sets one. */
static inline bool fuzz_utf8_locale(void)
{
	static const char *const names[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8" };

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

static inline void fuzz_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	if (!fuzz_utf8_locale()) {
		fprintf(stderr, "fuzz: no UTF-8 locale (install C.UTF-8)\n");
		abort();
	}
	i18n_set_language(LANGUAGE_EN);
}

static inline void fuzz_fail(const char *what, const struct diag_list *d)
{
	fprintf(stderr, "fuzz: %s\n", what);
	for (size_t i = 0; d && i < d->count; i++)
		fprintf(stderr, "  %u:%u: %s\n", d->items[i].line, d->items[i].column,
			d->items[i].message);
	abort();
}

/* Nothing that could drive a terminal survives text_sanitize. */
static inline void fuzz_check_safe(const char *s, size_t len)
{
	struct strbuf b;

	strbuf_init(&b);
	text_sanitize(&b, s, len);
	for (size_t k = 0; k < b.len; k++) {
		unsigned char c = (unsigned char)b.data[k];

		if (c < 0x20 || c == 0x7F)
			fuzz_fail("text_sanitize let a control character through", NULL);
		if (c == 0xC2 && k + 1 < b.len && (unsigned char)b.data[k + 1] < 0xA0)
			fuzz_fail("text_sanitize let a C1 control through", NULL);
		if (c == 0xE2 && k + 2 < b.len && (unsigned char)b.data[k + 1] == 0x80 &&
		    (unsigned char)b.data[k + 2] >= 0xAA && (unsigned char)b.data[k + 2] <= 0xAE)
			fuzz_fail("text_sanitize let a bidi override through", NULL);
	}
	strbuf_free(&b);
}

static inline void fuzz_check_diags(const struct diag_list *d)
{
	char line[4096];

	for (size_t i = 0; i < d->count; i++) {
		int n = diag_format(&d->items[i], line, sizeof(line));

		fuzz_check_safe(line, n < 0 ? 0 : (size_t)n < sizeof(line) ? (size_t)n
									   : sizeof(line) - 1);
	}
}

#endif
