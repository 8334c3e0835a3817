/* kijun: argument parsing and subcommands.  The only place that exits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/cli_locale.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/file_format.h"
#include "kijun/workspace_io.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/text.h"
#include "kijun/version.h"
#include "tui/tui.h"

/* Every command and option kijun has, in one table: --help prints it and
 * main() dispatches by it, and tests/e2e/test_usage.sh checks that the
 * README's usage block is the English --help, so none can be left out of
 * either.  `word` is argv[1] for a command main() runs from here. */
struct usage {
	const char *synopsis;  /* as typed; never translated */
	const char *what;      /* English, translated when printed */
	const char *word;
	int (*run)(int argc, char **argv);
};

static const struct usage commands[] = {
	{ "kijun [OPTIONS] [FILE]",
	  N_("the full screen: a tailoring FILE (created on the built-in catalog if it does not exist), a catalog FILE to browse, or the built-in catalog"),
	  NULL, NULL },
	{ "kijun --script SCRIPT [FILE]",
	  N_("run the keys in SCRIPT on a virtual screen, with no terminal, and print the screen where SCRIPT says dump (docs/scripting.md)"),
	  NULL, NULL },
	{ "kijun resolve FILE",
	  N_("the individual standard as TSV"),
	  "resolve", cli_tailoring },
	{ "kijun changes FILE",
	  N_("one TSV line per change: step, op, target, author, date, reason"),
	  "changes", cli_tailoring },
	{ "kijun new FILE [--base CATALOG-ID|FILE] [--title T] [--organization O]",
	  N_("a new tailoring FILE without the screen, on the built-in catalog or on a catalog or tailoring FILE"),
	  "new", cli_new },
	{ "kijun progress FILE",
	  N_("the wizard's progress as TSV, one line per page (0 the risk basis, 1-7 the steps): page, name, decided, total, open warnings"),
	  "progress", cli_progress },
	{ "kijun recover FILE [--apply|--discard]",
	  N_("after a crash: what FILE.kijun-journal would bring back; --apply replays it into FILE and saves, --discard removes it (exit 3: no journal)"),
	  "recover", cli_recover },
	{ "kijun catalog list [FILE]",
	  N_("one TSV line per item; FILE may be a built-in catalog's id: meti-ismk-2025 (the default), csf-2.0 (NIST CSF 2.0)"),
	  "catalog", cli_catalog },
	{ "kijun catalog check [FILE]",
	  N_("every problem in a catalog, as file:line:column"),
	  "catalog", cli_catalog },
	{ "kijun catalog format [FILE]",
	  N_("a catalog in canonical form"),
	  "catalog", cli_catalog },
};

static const struct usage options[] = {
	{ "--lang=ja|en", N_("interface language (default: ja, or KIJUN_LANG)"), NULL, NULL },
	{ "-h, --help", N_("show this help"), NULL, NULL },
	{ "-V, --version", N_("show the version"), NULL, NULL },
};

enum { USAGE_INDENT = 2, USAGE_COLUMN = 32, USAGE_WIDTH = 80 };

/* "  synopsis    what", the description wrapped in its column. */
static void print_usage_rows(FILE *to, const struct usage *rows, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *what = _(rows[k].what);
		struct wrap_line lines[16];
		size_t count = text_wrap(what, USAGE_WIDTH - USAGE_COLUMN, lines, 16);
		int pad = USAGE_COLUMN - USAGE_INDENT - text_width(rows[k].synopsis);

		fprintf(to, "%*s%s", USAGE_INDENT, "", rows[k].synopsis);
		if (pad < 1) {
			fputc('\n', to);
			pad = USAGE_COLUMN;
		}
		for (size_t l = 0; l < count && l < 16; l++) {
			fprintf(to, "%*s%.*s\n", l ? USAGE_COLUMN : pad, "",
				(int)(lines[l].end - lines[l].start), what + lines[l].start);
		}
	}
}

static void print_help(FILE *to)
{
	fprintf(to, _("kijun %s: tailor and audit 情報セキュリティ管理基準 in the terminal\n"),
		KIJUN_VERSION);
	fprintf(to, "\n%s\n", _("usage:"));
	print_usage_rows(to, commands, sizeof(commands) / sizeof(commands[0]));
	fprintf(to, "\n%s\n", _("options:"));
	print_usage_rows(to, options, sizeof(options) / sizeof(options[0]));
	fprintf(to, "\n%s", _("Inside kijun, press ? for the keys.  NO_COLOR turns colours off.\n"
			     "Exit status: 0 ok, 1 usage error, 2 invalid input.\n"));
}

/* The command argv[1] names, or NULL. */
static const struct usage *command_named(const char *word)
{
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (commands[k].word && strcmp(commands[k].word, word) == 0)
			return &commands[k];
	return NULL;
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

/* The locale main() set, for the one line that says it is not UTF-8. */
static enum cli_locale locale_state;
static const char *locale_used;

/* kijun FILE: a tailoring to work on (created on the built-in catalog
 * when FILE does not exist yet), or a catalog to browse; opened through
 * the session, as the commands open theirs. */
static int open_screen(const char *path, const char *script)
{
	struct diag_list diags;
	struct session s;
	int rc;

	/* Said before the screen takes the terminal; it is there again after. */
	cli_locale_report(stderr, locale_state, locale_used);
	diag_list_init(&diags);
	if (!session_load_file(&s, path, SESSION_OPEN_ANY, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	rc = tui_run(&s, path ? path : catalog_builtin_name(), script);
	session_free(&s);
	return rc;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *script = NULL;
	int first = 1;

	locale_state = cli_locale_init(NULL, &locale_used);
	/* Without UTF-8 every Japanese label would be <U+XXXX> codes: the
	 * interface speaks English then, unless --lang or KIJUN_LANG says. */
	if (locale_state == CLI_LOCALE_ASCII)
		i18n_set_language(LANGUAGE_EN);
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
		if (!script && command_named(argv[1]))
			return command_named(argv[1])->run(argc - 1, argv + 1);
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
