/* kijun import csv|oscal IN [-o OUT] [OPTIONS]: catalogs from what an
 * organization already holds.  The output is written canonically and read
 * back before it is saved, so what kijun writes, kijun opens. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/import.h"

static int import_usage(FILE *to)
{
	fputs(_("usage: kijun import csv IN [-o OUT] [--map COLUMN=FIELD,...] [--onto[=CATALOG]]\n"
		"                        [--tsv] [--encoding utf-8|cp932] [--id ID] [--title TITLE]\n"
		"       kijun import oscal IN [-o OUT]\n"
		"Without -o the catalog goes to stdout.  Columns: id, parent, kind, label,\n"
		"title, title_en, text, references, and attribute types by id.\n"
		"--onto replaces titles and texts of a catalog (without =CATALOG, the\n"
		"built-in one) by id, keeping its structure and attributes.\n"), to);
	return to == stdout ? EXIT_OK : EXIT_USAGE;
}

struct import_args {
	const char *in, *out, *map, *onto, *id, *title;
	bool onto_builtin, tsv;
	enum csv_encoding encoding;
};

/* The value of option argv[*i] (--opt VALUE or --opt=VALUE), or NULL. */
static const char *value_of(int argc, char **argv, int *i, const char *opt)
{
	size_t n = strlen(opt);

	if (strncmp(argv[*i], opt, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (strcmp(argv[*i], opt) == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static bool parse_args(int argc, char **argv, bool csv, struct import_args *a)
{
	memset(a, 0, sizeof(*a));
	for (int i = 2; i < argc; i++) {
		const char *v;

		if ((v = value_of(argc, argv, &i, "-o")) || (v = value_of(argc, argv, &i, "--output"))) {
			a->out = v;
		} else if (csv && (v = value_of(argc, argv, &i, "--map"))) {
			a->map = v;
		} else if (csv && strcmp(argv[i], "--onto") == 0) {
			a->onto_builtin = true;
		} else if (csv && strncmp(argv[i], "--onto=", 7) == 0) {
			a->onto = argv[i] + 7;
		} else if (csv && strcmp(argv[i], "--tsv") == 0) {
			a->tsv = true;
		} else if (csv && (v = value_of(argc, argv, &i, "--encoding"))) {
			if (csv_encoding_parse(v, &a->encoding) != 0) {
				cli_printf(stderr, _("unknown encoding \"%s\": use utf-8 or cp932\n"), v);
				return false;
			}
		} else if (csv && (v = value_of(argc, argv, &i, "--id"))) {
			a->id = v;
		} else if (csv && (v = value_of(argc, argv, &i, "--title"))) {
			a->title = v;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cli_printf(stderr, _("unknown option \"%s\"\n"), argv[i]);
			return false;
		} else if (!a->in) {
			a->in = argv[i];
		} else {
			cli_printf(stderr, "%s\n", _("give one input file"));
			return false;
		}
	}
	return a->in != NULL;
}

/* The last part of a path without its extension: a new catalog's id. */
static char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *s = strdup(slash ? slash + 1 : path), *dot;

	if (s && (dot = strrchr(s, '.')) && dot != s)
		*dot = '\0';
	for (char *p = s; p && *p; p++)
		if ((unsigned char)*p <= ' ')
			*p = '-';
	return s;
}

/* Writes c canonically to path (stdout when NULL) after checking it reads
 * back without a problem. */
static int write_out(const struct catalog *c, const char *path)
{
	struct diag_list diags;
	struct catalog back;
	struct strbuf b;
	int rc = EXIT_OK;

	diag_list_init(&diags);
	strbuf_init(&b);
	if (!catalog_write(c, &b) || b.failed) {
		fprintf(stderr, "%s\n", _("cannot write the catalog: out of memory"));
		rc = EXIT_INVALID;
	} else if (!catalog_read(&back, path ? path : "-", b.data, b.len, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	} else {
		catalog_free(&back);
		if (!path) {
			fwrite(b.data, 1, b.len, stdout);
			if (fflush(stdout) != 0)
				rc = EXIT_INVALID;
		} else if (!file_write_atomic(path, b.data, b.len, true, &diags)) {
			cli_print_diags(stderr, &diags);
			rc = EXIT_INVALID;
		}
	}
	strbuf_free(&b);
	diag_list_free(&diags);
	return rc;
}

static void report_onto(const struct import_report *rep, const struct catalog *c,
			const char *in)
{
	cli_printf(stderr, _("%s: %u records; wording replaced in %u items of %s; %u ids are not in %s\n"),
		   in, rep->rows, rep->replaced, c->id, rep->unknown_count, c->id);
	if (rep->untouched_count)
		cli_printf(stderr, _("%u items of %s are not in %s:\n"),
			   rep->untouched_count, c->id, in);
	for (uint32_t k = 0; k < rep->untouched_count; k++)
		cli_printf(stderr, "  %s\n", c->items[rep->untouched[k]].id);
}

static int run_import(const struct import_args *a, bool csv)
{
	struct catalog onto, builtin, out;
	struct import_report rep;
	struct diag_list diags;
	bool have_onto = false, have_builtin = false, ok;
	char *data = NULL;
	size_t len = 0;
	int rc;

	diag_list_init(&diags);
	import_report_init(&rep);
	if (!file_read_all(a->in, &data, &len, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
		goto done;
	}
	if (csv && (a->onto || a->onto_builtin)) {
		rc = cli_load_catalog(a->onto, &onto);
		if (rc != EXIT_OK)
			goto done;
		have_onto = true;
	} else if (csv) {
		rc = cli_load_catalog(NULL, &builtin);
		if (rc != EXIT_OK)
			goto done;
		have_builtin = true;
	}
	if (csv) {
		char *id = a->id ? NULL : base_name(a->out ? a->out : a->in);
		struct import_csv_options o = {
			.sep = a->tsv ? '\t' : ',',
			.encoding = a->encoding,
			.map = a->map,
			.onto = have_onto ? &onto : NULL,
			.types = have_builtin ? &builtin : NULL,
			.id = a->id ? a->id : id,
			.title = a->title,
		};
		size_t n = strlen(a->in);

		if (!a->tsv && n > 4 && strcmp(a->in + n - 4, ".tsv") == 0)
			o.sep = '\t';
		ok = import_csv(&out, a->in, data, len, &o, &rep, &diags);
		free(id);
	} else {
		ok = import_oscal(&out, a->in, data, len, &rep, &diags);
	}
	cli_print_diags(stderr, &rep.notes);
	if (!ok) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
		goto done;
	}
	rc = write_out(&out, a->out);
	if (!csv)
		cli_printf(stderr, _("%s: %u groups, %u controls, %u items; %u props and parts had no place in a catalog and were left out\n"),
			   a->in, rep.groups, rep.controls, catalog_size(&out), rep.dropped);
	else if (have_onto)
		report_onto(&rep, &out, a->in);
	else
		cli_printf(stderr, _("%s: %u records, %u items\n"), a->in, rep.rows,
			   catalog_size(&out));
	catalog_free(&out);
done:
	if (have_onto)
		catalog_free(&onto);
	if (have_builtin)
		catalog_free(&builtin);
	import_report_free(&rep);
	diag_list_free(&diags);
	free(data);
	return rc;
}

int cli_import(int argc, char **argv)
{
	struct import_args a;
	bool csv;

	if (argc < 2)
		return import_usage(stderr);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return import_usage(stdout);
	if (strcmp(argv[1], "csv") != 0 && strcmp(argv[1], "oscal") != 0)
		return import_usage(stderr);
	csv = strcmp(argv[1], "csv") == 0;
	if (!parse_args(argc, argv, csv, &a))
		return import_usage(stderr);
	return run_import(&a, csv);
}
