#include "cli.h"

#include "kijun/catalog_io.h"
#include "kijun/i18n.h"

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
	if (!s)
		return;
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '\t' || ch == '\n' || ch == '\r')
			putc(' ', out);
		else if (ch >= 0x20 && ch != 0x7F)
			putc(ch, out);
	}
}
