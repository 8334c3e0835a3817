#include "cli.h"

#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "kijun/text.h"

#include <string.h>

void cli_print_diags(FILE *to, const struct diag_list *diags)
{
	char line[2048];

	for (size_t i = 0; i < diags->count; i++) {
		diag_format(&diags->items[i], line, sizeof(line));
		fprintf(to, "%s\n", line);
	}
	if (diags->dropped)
		fprintf(to, _("... and %zu more problems\n"), diags->dropped);
}

int cli_load_catalog(const char *path, struct catalog *c)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	ok = path ? catalog_load_file(c, path, &diags)
		  : catalog_load_builtin(c, &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

void cli_put_field(FILE *out, const char *s)
{
	size_t len, pos = 0;

	if (!s)
		return;
	len = strlen(s);
	while (pos < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);

		if (cp == '\t' || cp == '\n' || cp == '\r')
			putc(' ', out);
		else if (cp < 0x20 || cp == 0x7F)
			;  /* other C0 controls: nothing a TSV reader wants */
		else if ((cp >= 0x80 && cp <= 0x9F) || text_is_bidi_control(cp) || cp == 0xFFFD)
			fprintf(out, "<U+%04X>", (unsigned)cp);  /* shown, never obeyed */
		else
			fwrite(s + pos, 1, n, out);
		pos += n;
	}
}
