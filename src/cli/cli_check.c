/* kijun check FILE...: every problem of every kijun file, whatever its
 * kind, with its position.  Problems go to stderr as `catalog check`
 * puts them; a file without any gets one line on stdout. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/file_format.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "../tui/problem_words.h"

static bool check_catalog(const char *path, struct diag_list *diags)
{
	struct catalog c;
	uint32_t n;

	if (!catalog_load_file(&c, path, diags))
		return false;
	n = catalog_size(&c);
	catalog_free(&c);
	if (diags->count)
		return false;
	cli_printf(stdout, _("%s: %u items, no problems\n"), path, n);
	return true;
}

static bool check_tailoring(const char *path, struct diag_list *diags)
{
	struct session s;
	bool ok;

	if (!session_load_file(&s, path, SESSION_OPEN_TAILORING, diags))
		return false;
	cli_print_diags(stderr, session_warnings(&s));
	ok = session_warnings(&s)->count == 0 && session_conflict_count(&s) == 0;
	for (uint32_t k = 0; k < session_conflict_count(&s); k++) {
		const struct conflict *c = session_conflict(&s, k);
		const struct change *ch = session_conflict_change(&s, k);
		char words[512];

		/* A base's change has its line in the base's file. */
		if (session_conflict_is_own(&s, k))
			cli_printf(stderr, _("%s:%u:%u: change %u (%s) does not apply: %s\n"), path,
				   ch->line, 3u, c->index + 1, change_op_name(ch->op),
				   problem_describe(&c->problem, words, sizeof(words)));
		else
			cli_printf(stderr, _("%s: change %u (%s, line %u) does not apply: %s\n"),
				   c->from->id, c->index + 1, change_op_name(ch->op), ch->line,
				   problem_describe(&c->problem, words, sizeof(words)));
	}
	if (ok)
		cli_printf(stdout, _("%s: %u changes, no problems\n"), path, session_workspace(&s)->t.count);
	session_free(&s);
	return ok;
}

int cli_check(int argc, char **argv)
{
	int rc = EXIT_OK;

	if (argc < 2) {
		fputs(_("usage: kijun check FILE...\n"), stderr);
		return EXIT_USAGE;
	}
	for (int i = 1; i < argc; i++) {
		struct diag_list diags;
		char *data = NULL;
		size_t len = 0;
		bool ok = false;

		diag_list_init(&diags);
		if (file_read_all(argv[i], &data, &len, &diags)) {
			switch (file_format_of(data, len)) {
			case FORMAT_CATALOG:
				ok = check_catalog(argv[i], &diags);
				break;
			case FORMAT_TAILORING:
				ok = check_tailoring(argv[i], &diags);
				break;
			default:
				cli_printf(stderr, _("%s:1:1: not a kijun file: its format key names no kijun format\n"),
					   argv[i]);
				break;
			}
		}
		free(data);
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		if (!ok)
			rc = EXIT_INVALID;
	}
	return rc;
}
