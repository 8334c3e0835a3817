/* kijun report EVAL --format md|csv|html|oscal-ar [-o OUT]: an
 * evaluation's report, made from the evaluation and the tailoring it
 * names.  Written in memory, then to stdout or saved with file_write, so
 * OUT is whole or untouched. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "kijun/change_check.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

static int report_usage(void)
{
	fputs(_("usage: kijun report EVAL --format md|csv|html|oscal-ar [-o OUT]\n"), stderr);
	return EXIT_USAGE;
}

/* The evaluation's file name without its directories, as the report names it. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

int cli_report(int argc, char **argv)
{
	const char *path = NULL, *out_path = NULL, *fmt = NULL;
	enum report_format f;
	struct cli_evaluation x;
	struct diag_list diags;
	struct report r;
	struct strbuf out;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--format=", 9) == 0)
			fmt = argv[i] + 9;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out_path = argv[++i];
		else if ((argv[i][0] == '-' && argv[i][1]) || path)
			return report_usage();
		else
			path = argv[i];
	}
	if (!path || !fmt)
		return report_usage();
	if (report_format_parse(fmt, &f) != 0) {
		cli_printf(stderr, _("unknown report format \"%s\": use md, csv, html or oscal-ar\n"), fmt);
		return EXIT_USAGE;
	}
	rc = cli_evaluation_open(path, &x);
	if (rc != EXIT_OK)
		return rc;
	if (x.tailoring_changed)
		cli_printf(stderr, _("%s: the tailoring changed since this evaluation was made: %u items have a new text, %u are gone\n"),
			   path, x.changed, x.gone);
	/* KIJUN_DATE fixes the report's date, as it fixes a change's. */
	if (getenv("KIJUN_DATE") && change_check_date(getenv("KIJUN_DATE"))) {
		snprintf(now, sizeof(now), "%.10sT00:00:00Z", getenv("KIJUN_DATE"));
	} else {
		gmtime_r(&t, &tm);
		strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	r.e = &x.e;
	r.w = session_workspace(&x.s);
	r.name = base_name(path);
	r.now = now;
	strbuf_init(&out);
	diag_list_init(&diags);
	if (!report_write(&out, f, &r)) {
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
	strbuf_free(&out);
	diag_list_free(&diags);
	cli_evaluation_close(&x);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
