#include "cli.h"

#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes s[0..len) through text_sanitize: nothing from a file reaches the
 * terminal raw, not even inside a diagnostic. */
static void put_sanitized(FILE *out, const char *s, size_t len)
{
	struct strbuf b;

	strbuf_init(&b);
	text_sanitize(&b, s, len);
	if (b.data)
		fwrite(b.data, 1, b.len, out);
	strbuf_free(&b);
}

void cli_printf(FILE *to, const char *fmt, ...)
{
	struct strbuf b;
	va_list ap;
	char *buf;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf = malloc((size_t)n + 1);
	if (!buf)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	va_end(ap);
	strbuf_init(&b);
	/* Line by line, so the message's own line breaks stay breaks. */
	for (const char *p = buf, *end = buf + n; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		text_sanitize(&b, p, len);
		if (nl)
			strbuf_addc(&b, '\n');
		p += len + (nl ? 1 : 0);
	}
	if (b.data)
		fwrite(b.data, 1, b.len, to);
	strbuf_free(&b);
	free(buf);
}

void cli_print_diags(FILE *to, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		int n = diag_format(&diags->items[i], NULL, 0);
		char *line = n >= 0 ? malloc((size_t)n + 1) : NULL;

		if (!line)
			continue;
		diag_format(&diags->items[i], line, (size_t)n + 1);
		put_sanitized(to, line, (size_t)n);
		putc('\n', to);
		free(line);
	}
	if (diags->dropped)
		fprintf(to, _("... and %zu more problems\n"), diags->dropped);
}

int cli_load_catalog(const char *path, struct catalog *c)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	/* A built-in catalog's id, unless a file of that name is there. */
	if (path && catalog_builtin_known(path) && access(path, F_OK) != 0)
		ok = catalog_load_builtin_id(c, path, &diags);
	else
		ok = path ? catalog_load_file(c, path, &diags)
			  : catalog_load_builtin(c, &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

void cli_put_field(FILE *out, const char *s)
{
	if (s)
		put_sanitized(out, s, strlen(s));
}
