/* kijun catalog list|check|format [FILE] */
#include <string.h>

#include "cli.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"

/* The five attribute types of ISO/IEC 27002:2022 in the column order of the
 * shared TSV (control_type, properties, concepts, capabilities, domains). */
const char *const cli_list_types[5] = {
	"control_type", "properties", "concepts", "capabilities", "domains",
};

static void put_attr_column(FILE *out, const struct catalog *c,
			    const struct item *it, int type)
{
	bool first = true;

	if (type < 0)
		return;
	for (uint32_t k = 0; k < it->attr_count; k++) {
		if (it->attrs[k].type != type)
			continue;
		if (!first)
			putc(',', out);
		cli_put_field(out, c->types[type].values[it->attrs[k].value].id);
		first = false;
	}
}

void cli_put_item(FILE *out, const struct catalog *c, uint32_t i)
{
	const struct item *it = catalog_item(c, i);

	cli_put_field(out, it->id);
	putc('\t', out);
	cli_put_field(out, item_kind_name((enum item_kind)it->kind));
	putc('\t', out);
	if (it->parent != ITEM_ROOT_INDEX)
		cli_put_field(out, catalog_item(c, it->parent)->id);
	putc('\t', out);
	cli_put_field(out, it->title ? it->title : it->text);
	for (int t = 0; t < 5; t++) {
		putc('\t', out);
		put_attr_column(out, c, it, catalog_type_find(c, cli_list_types[t]));
	}
}

static void list_items(FILE *out, const struct catalog *c)
{
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		cli_put_item(out, c, i);
		putc('\n', out);
	}
}

static int catalog_usage(FILE *to)
{
	fputs(_("usage: kijun catalog list [FILE]     one TSV line per item\n"
		"       kijun catalog check [FILE]    report every problem in FILE\n"
		"       kijun catalog format [FILE]   print FILE in canonical form\n"
		"Without FILE, the built-in catalog is used.\n"), to);
	return to == stdout ? EXIT_OK : EXIT_USAGE;
}

int cli_catalog(int argc, char **argv)
{
	struct catalog c;
	const char *what, *path = NULL;
	int rc;

	if (argc < 2)
		return catalog_usage(stderr);
	what = argv[1];
	if (strcmp(what, "-h") == 0 || strcmp(what, "--help") == 0)
		return catalog_usage(stdout);
	if (argc > 3 || (strcmp(what, "list") != 0 && strcmp(what, "check") != 0 &&
			  strcmp(what, "format") != 0))
		return catalog_usage(stderr);
	if (argc == 3)
		path = argv[2];
	rc = cli_load_catalog(path, &c);
	if (rc != EXIT_OK)
		return rc;
	if (strcmp(what, "list") == 0) {
		list_items(stdout, &c);
	} else if (strcmp(what, "check") == 0) {
		cli_printf(stdout, _("%s: %u items, no problems\n"),
		       path ? path : catalog_builtin_name(), catalog_size(&c));
	} else if (!catalog_write_file(&c, stdout)) {
		rc = EXIT_INVALID;
	}
	catalog_free(&c);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
