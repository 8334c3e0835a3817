/* kijun: argument parsing and subcommands.  The only place that exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/tailoring_io.h"
#include "kijun/i18n.h"
#include "kijun/text.h"
#include "kijun/version.h"
#include "tui/tui.h"

static void print_help(FILE *to)
{
	fprintf(to, _("kijun %s: tailor and audit 情報セキュリティ管理基準 in the terminal\n"
		      "\n"
		      "usage: kijun [OPTIONS] [FILE]        browse FILE, or the built-in catalog\n"
		      "       kijun catalog list [FILE]     print one TSV line per item\n"
		      "       kijun catalog check [FILE]    report every problem in a catalog\n"
		      "       kijun catalog format [FILE]   print a catalog in canonical form\n"
		      "\n"
		      "options:\n"
		      "  -h, --help         show this help\n"
		      "  -V, --version      show the version\n"
		      "      --lang=ja|en   interface language (default: ja, or KIJUN_LANG)\n"
		      "\n"
		      "Inside kijun, press ? for the keys.  NO_COLOR turns colours off.\n"
		      "Exit status: 0 ok, 1 usage error, 2 invalid input.\n"),
		KIJUN_VERSION);
}

/* --lang before anything else, so every message is in that language. */
static int take_language(int *argc, char **argv)
{
	const char *env = getenv("KIJUN_LANG");
	enum language lang;
	int out = 1;

	if (env && *env && i18n_parse_language(env, &lang) == 0)
		i18n_set_language(lang);
	for (int i = 1; i < *argc; i++) {
		const char *value = NULL;

		if (strncmp(argv[i], "--lang=", 7) == 0) {
			value = argv[i] + 7;
		} else if (strcmp(argv[i], "--lang") == 0) {
			if (i + 1 >= *argc) {
				fprintf(stderr, "%s\n", _("--lang needs a value: ja or en"));
				return -1;
			}
			value = argv[++i];
		} else if (strcmp(argv[i], "--") == 0) {
			/* Keep "--" and everything after it as it is. */
			for (; i < *argc; i++)
				argv[out++] = argv[i];
			break;
		} else {
			argv[out++] = argv[i];
			continue;
		}
		if (i18n_parse_language(value, &lang) != 0) {
			fprintf(stderr, _("unknown language \"%s\": use ja or en\n"), value);
			return -1;
		}
		i18n_set_language(lang);
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/* kijun FILE: a tailoring to work on (created on the built-in catalog
 * when FILE does not exist yet), or a catalog to browse. */
static int open_screen(const char *path, const char *script)
{
	struct diag_list diags;
	struct workspace w;
	struct catalog c;
	enum file_format format = FORMAT_CATALOG;
	int rc;

	if (path && access(path, F_OK) == 0) {
		char *buf;
		size_t len;

		diag_list_init(&diags);
		if (!file_read_all(path, &buf, &len, &diags)) {
			cli_print_diags(stderr, &diags);
			diag_list_free(&diags);
			return EXIT_INVALID;
		}
		format = file_format_of(buf, len);
		free(buf);
		diag_list_free(&diags);
	} else if (path) {
		format = FORMAT_TAILORING;
	}
	if (format != FORMAT_TAILORING) {
		rc = cli_load_catalog(path, &c);
		if (rc != EXIT_OK)
			return rc;
		rc = tui_run(&c, NULL, path ? path : catalog_builtin_name(), script);
		catalog_free(&c);
		return rc;
	}
	diag_list_init(&diags);
	if (access(path, F_OK) == 0 ? !workspace_open(&w, path, &diags)
				    : !workspace_create(&w, path, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	rc = tui_run(NULL, &w, path, script);
	workspace_free(&w);
	return rc;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *script = NULL;
	int first = 1;

	text_init_locale();
	if (take_language(&argc, argv) != 0)
		return EXIT_USAGE;
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	if (first == 1 && argc > 1) {
		if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
			print_help(stdout);
			return EXIT_OK;
		}
		if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
			printf("kijun %s\n", KIJUN_VERSION);
			return EXIT_OK;
		}
		if (strcmp(argv[1], "--script") == 0) {
			/* kijun --script SCRIPT [FILE]: keys from SCRIPT. */
			if (argc < 3) {
				print_help(stderr);
				return EXIT_USAGE;
			}
			script = argv[2];
			first = 3;
			if (argc > 3 && strcmp(argv[3], "--") == 0)
				first = 4;
		}
		if (strcmp(argv[1], "catalog") == 0)
			return cli_catalog(argc - 1, argv + 1);
		if (strcmp(argv[1], "resolve") == 0 || strcmp(argv[1], "changes") == 0)
			return cli_tailoring(argc - 1, argv + 1);
		if (!script && argv[1][0] == '-' && argv[1][1] != '\0') {
			fprintf(stderr, _("unknown option \"%s\"\n"), argv[1]);
			print_help(stderr);
			return EXIT_USAGE;
		}
	}
	if (argc - first > 1) {
		fprintf(stderr, "%s\n", _("give at most one FILE"));
		print_help(stderr);
		return EXIT_USAGE;
	}
	if (argc - first == 1)
		path = argv[first];
	return open_screen(path, script);
}
