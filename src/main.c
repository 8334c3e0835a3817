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
#include "kijun/lock.h"
#include "kijun/mapping_io.h"
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
	{ "kijun resolve FILE [--full] [--format tsv|csv|json]",
	  N_("the individual standard, a header line then one line per item; --full adds every field (text, label, interval, sources, links, the changes that shaped it); exit 3: some changes do not apply"),
	  "resolve", cli_tailoring },
	{ "kijun changes FILE [--full] [--format tsv|csv|json]",
	  N_("a header line, then one line per change: step, op, target, author, date, reason; --full adds every field; exit 3: some changes do not apply"),
	  "changes", cli_tailoring },
	{ "kijun export FILE --format md|html|csv|oscal-catalog|oscal-profile [-o OUT]",
	  N_("the individual standard to hand out: Markdown, printable HTML, CSV for Excel, OSCAL 1.2.1 JSON (docs/interop.md); -o saves OUT whole or not at all; exit 3: some changes do not apply"),
	  "export", cli_export },
	{ "kijun check FILE...",
	  N_("every problem of each kijun file (catalog, tailoring or evaluation, its evidence files too) as file:line:column; exit 2 if any"),
	  "check", cli_check },
	{ "kijun new FILE [--base CATALOG-ID|FILE] [--title T] [--organization O]",
	  N_("a new tailoring FILE without the screen, on the built-in catalog or on a catalog or tailoring FILE"),
	  "new", cli_new },
	{ "kijun progress FILE",
	  N_("the wizard's progress as TSV, one line per page (0 the risk basis, 1-7 the steps): page, name, decided, total, open warnings"),
	  "progress", cli_progress },
	{ "kijun recover FILE [--apply|--discard]",
	  N_("after a crash: what FILE.kijun-journal would bring back; --apply replays it into FILE and saves, --discard removes it (exit 3: no journal)"),
	  "recover", cli_recover },
	{ "kijun import csv IN [-o OUT] [OPTIONS]",
	  N_("a catalog from a spreadsheet (CSV or TSV; UTF-8 or Shift_JIS): columns id, parent, kind, label, title, text, attribute types; --map COLUMN=FIELD,... renames columns; --onto[=CATALOG] puts the titles and texts into a catalog (default: the built-in one) by id"),
	  "import", cli_import },
	{ "kijun import oscal IN [-o OUT]",
	  N_("a catalog from an OSCAL catalog in JSON or YAML (docs/interop.md)"),
	  "import", cli_import },
	{ "kijun eval new TAILORING -o FILE --kind KIND [--scope QUERY|@NAME] [--from EVAL]",
	  N_("a new evaluation of TAILORING in FILE (kijun FILE opens it); KIND design, operating --from the design evaluation EVAL (only the items it found effective, the others printed with why), or governance (the guideline's three measures of III.1); --period FROM..TO the period evaluated; --previous LAST the last period's evaluation, whose procedures, samples and evidence references are carried forward (results are not)"),
	  "eval", cli_eval },
	{ "kijun results EVAL",
	  N_("one TSV line per evaluated item: id, state, result, procedures, evidence, findings, updated"),
	  "results", cli_results },
	{ "kijun report EVAL --format md|csv|html|oscal-ar [-o OUT]",
	  N_("an evaluation's report: the summary, per item the facts (procedures, samples, evidence) apart from the opinion (results, findings), the findings with owners and due dates, the tailoring's changes with their reasons; Markdown, CSV for Excel, printable HTML, OSCAL assessment results"),
	  "report", cli_report },
	{ "kijun catalog list [FILE]",
	  N_("one TSV line per item; FILE may be a built-in catalog's id: meti-ismk-2025 (the default), csf-2.0 (NIST CSF 2.0)"),
	  "catalog", cli_catalog },
	{ "kijun catalog check [FILE]",
	  N_("every problem in a catalog, as file:line:column"),
	  "catalog", cli_catalog },
	{ "kijun catalog format [FILE]",
	  N_("a catalog in canonical form"),
	  "catalog", cli_catalog },
	{ "kijun query [FILE] [--scope NAME] [--sort risk] [EXPR]",
	  N_("the items EXPR matches (docs/query.md), as catalog list prints them; a tailoring FILE is resolved first; --scope: in its audit scope NAME; --sort risk: by the highest level of the risks each treats"),
	  "query", cli_query },
	{ "kijun crosstab [FILE] --rows TYPE --cols TYPE [--only-cols V,V,...]",
	  N_("one TSV line per cell of two attribute types: row value, column value, the ids in catalog order"),
	  "crosstab", cli_crosstab },
};

static const struct usage options[] = {
	{ "--lang=ja|en", N_("interface language (default: ja, or KIJUN_LANG)"), NULL, NULL },
	{ "--map FILE", N_("a mapping table to show in the detail pane (CSV or YAML: docs/mapping-format.md), its rows under both catalogs' items; may be given more than once"), NULL, NULL },
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
			     "Exit status: 0 ok, 1 usage error, 2 invalid input; 3 as the command says.\n"));
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

/* kijun --map FILE ... for the screen: taken out of argv wherever they
 * stand before "--", as --lang is.  At most MAX_MAPS tables. */
enum { MAX_MAPS = 16 };
static const char *map_paths[MAX_MAPS];
static size_t map_path_count;

static int take_maps(int *argc, char **argv)
{
	int out = 1;

	for (int i = 1; i < *argc; i++) {
		const char *value;

		if (strcmp(argv[i], "--") == 0) {
			for (; i < *argc; i++)
				argv[out++] = argv[i];
			break;
		}
		if (strncmp(argv[i], "--map=", 6) == 0) {
			value = argv[i] + 6;
		} else if (strcmp(argv[i], "--map") == 0) {
			if (i + 1 >= *argc) {
				fprintf(stderr, "%s\n", _("--map needs a FILE"));
				return -1;
			}
			value = argv[++i];
		} else {
			argv[out++] = argv[i];
			continue;
		}
		if (map_path_count == MAX_MAPS || !*value) {
			fprintf(stderr, "%s\n", _("--map needs a FILE"));
			return -1;
		}
		map_paths[map_path_count++] = value;
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

/* Reads the --map tables; false after printing their problems. */
static bool load_maps(struct mapping *maps)
{
	struct diag_list diags;
	bool ok = true;

	diag_list_init(&diags);
	for (size_t k = 0; k < map_path_count; k++)
		ok &= mapping_load_file(&maps[k], map_paths[k], &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok;
}

/* The locale main() set, for the one line that says it is not UTF-8. */
static enum cli_locale locale_state;
static const char *locale_used;

/* kijun FILE: a tailoring to work on (created on the built-in catalog
 * when FILE does not exist yet), or a catalog to browse; opened through
 * the session, as the commands open theirs. */
/* kijun EVAL: the auditor's screen, on the evaluation and the tailoring
 * it names. */
static int open_evaluation(const char *path, const char *script)
{
	struct cli_evaluation x;
	struct lock l;
	int rc = cli_evaluation_open(path, &x);

	if (rc != EXIT_OK)
		return rc;
	rc = cli_evaluation_lock(path, &l);
	if (rc == EXIT_OK) {
		rc = tui_run_evaluation(&x.s, &x.e, path, script);
		lock_release(&l);
	}
	cli_evaluation_close(&x);
	return rc;
}

/* True when path is an evaluation file (by its format key). */
static bool is_evaluation(const char *path)
{
	struct diag_list quiet;
	bool yes;

	if (!path || access(path, F_OK) != 0)
		return false;
	diag_list_init(&quiet);
	yes = file_format_of_file(path, &quiet) == FORMAT_EVALUATION;
	diag_list_free(&quiet);
	return yes;
}

static int open_screen(const char *path, const char *script)
{
	struct diag_list diags;
	struct session s;
	int rc;

	/* Said before the screen takes the terminal; it is there again after. */
	cli_locale_report(stderr, locale_state, locale_used);
	if (is_evaluation(path))
		return open_evaluation(path, script);
	if (!script)
		tui_preview(path);
	diag_list_init(&diags);
	if (!session_load_file(&s, path, SESSION_OPEN_ANY, &diags)) {
		tui_preview_end();
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	rc = tui_run(&s, path ? path : catalog_builtin_name(), script);
	session_free(&s);
	return rc;
}

static int open_screen_mapped(const char *path, const char *script)
{
	struct mapping maps[MAX_MAPS];
	int rc = EXIT_INVALID;

	if (load_maps(maps)) {
		tui_set_mappings(maps, map_path_count);
		rc = open_screen(path, script);
		tui_set_mappings(NULL, 0);
	}
	for (size_t k = 0; k < map_path_count; k++)
		mapping_free(&maps[k]);
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
	/* import csv has a --map of its own. */
	if ((argc < 2 || !command_named(argv[1])) && take_maps(&argc, argv) != 0)
		return EXIT_USAGE;
	if (map_path_count && argc > 1 && command_named(argv[1])) {
		fprintf(stderr, "%s\n", _("--map is for the full screen, not for commands"));
		return EXIT_USAGE;
	}
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
	return open_screen_mapped(path, script);
}
