/* kijun export FILE --format F [-o OUT]: the individual standard for
 * people without kijun.  Written in memory, then to stdout or saved with
 * file_write, so OUT is whole or untouched. */
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kijun/export.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "../tui/problem_words.h"

static int export_usage(void)
{
	fputs(_("usage: kijun export FILE --format md|html|csv|oscal-catalog|oscal-profile [-o OUT]\n"), stderr);
	return EXIT_USAGE;
}

int cli_export(int argc, char **argv)
{
	const char *path = NULL, *out_path = NULL, *fmt = NULL;
	enum export_format f;
	struct diag_list diags;
	struct strbuf out;
	struct session s;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc = EXIT_OK;

	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--format=", 9) == 0)
			fmt = argv[i] + 9;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out_path = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return export_usage();
		else if (path)
			return export_usage();
		else
			path = argv[i];
	}
	if (!path || !fmt)
		return export_usage();
	if (export_format_parse(fmt, &f) != 0) {
		cli_printf(stderr, _("unknown export format \"%s\": use md, html, csv, oscal-catalog or oscal-profile\n"), fmt);
		return EXIT_USAGE;
	}
	diag_list_init(&diags);
	if (!session_load_file(&s, path, SESSION_OPEN_TAILORING, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	cli_print_diags(stderr, session_warnings(&s));
	for (uint32_t k = 0; k < session_conflict_count(&s); k++) {
		const struct conflict *c = session_conflict(&s, k);
		const struct change *ch = session_conflict_change(&s, k);
		char words[512];

		cli_printf(stderr, _("%s: change %u (%s, line %u) does not apply: %s\n"),
			   session_conflict_is_own(&s, k) ? path : c->from->id, c->index + 1,
			   change_op_name(ch->op), ch->line,
			   problem_describe(&c->problem, words, sizeof(words)));
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	strbuf_init(&out);
	if (!export_write(&out, f, session_workspace(&s), now)) {
		fprintf(stderr, "%s\n", _("out of memory"));
		rc = EXIT_INVALID;
	} else if (out_path) {
		if (file_write(out_path, out.data ? out.data : "", out.len, 0, &diags) != FILE_WRITTEN) {
			cli_print_diags(stderr, &diags);
			rc = EXIT_INVALID;
		}
	} else if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len) {
		rc = EXIT_INVALID;
	}
	if (rc == EXIT_OK && session_conflict_count(&s) > 0)
		rc = EXIT_CONFLICTS;
	strbuf_free(&out);
	diag_list_free(&diags);
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
