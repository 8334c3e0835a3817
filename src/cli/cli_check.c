/* kijun check FILE...: every problem of every kijun file, whatever its
 * kind (catalog, tailoring, evaluation), with its position.  Problems go
 * to stderr as `catalog check` puts them; a file without any gets one line
 * on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kijun/catalog_io.h"
#include "kijun/evaluation_io.h"
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

/* The line (from `from` on) of data holding needle, and its column in
 * characters; false when none does.  Evaluation items keep no lines, so
 * the file's text is searched (it is canonical unless hand-edited). */
static bool find_line(const char *data, size_t len, unsigned from, const char *needle,
		      unsigned *line, unsigned *column)
{
	size_t nlen = strlen(needle);
	unsigned l = 1;

	for (size_t k = 0; k < len; k++) {
		const char *eol = memchr(data + k, '\n', len - k);
		size_t end = eol ? (size_t)(eol - data) : len;

		if (l >= from) {
			for (size_t j = k; nlen && j + nlen <= end; j++) {
				if (memcmp(data + j, needle, nlen) == 0) {
					unsigned col = 1;

					for (size_t b = k; b < j; b++)
						col += ((unsigned char)data[b] & 0xC0) != 0x80;
					*line = l;
					*column = col;
					return true;
				}
			}
		}
		k = end;
		l++;
	}
	return false;
}

/* An evaluation: it reads, its tailoring opens, and every evidence file it
 * names is there with the sha256 recorded. */
static bool check_evaluation(const char *path, const char *data, size_t len,
			     struct diag_list *diags)
{
	struct evaluation e;
	struct session s;
	char *tailoring;
	bool ok = true;

	if (!evaluation_load_file(&e, path, diags)) {
		evaluation_free(&e);
		return false;
	}
	tailoring = evaluation_files_beside(path, e.tailoring_file);
	if (!tailoring || !session_load_file(&s, tailoring, SESSION_OPEN_TAILORING, diags)) {
		unsigned line = 0, column = 0;

		find_line(data, len, 1, "tailoring:", &line, &column);
		diag_add(diags, path, line, column, _("the tailoring %s cannot be opened"),
			 e.tailoring_file);
		ok = false;
	} else {
		session_free(&s);
	}
	free(tailoring);
	for (uint32_t k = 0; k < e.count; k++) {
		const struct eval_item *it = &e.items[k];
		unsigned at = 1, column = 0;
		char key[512];

		snprintf(key, sizeof(key), "id: %s", it->id);
		find_line(data, len, 1, key, &at, &column);
		for (uint32_t v = 0; v < it->evidence_count; v++) {
			enum evidence_check c = evaluation_files_check(path, &it->evidence[v]);
			unsigned line = 0;

			if (c != EVIDENCE_CHANGED && c != EVIDENCE_MISSING)
				continue;
			column = 0;
			find_line(data, len, at, it->evidence[v].file, &line, &column);
			diag_add(diags, path, line, column, c == EVIDENCE_MISSING ?
				 _("item %s: the evidence file %s is missing") :
				 _("item %s: the evidence file %s changed since it was recorded"),
				 it->id, it->evidence[v].file);
			ok = false;
		}
	}
	if (ok)
		cli_printf(stdout, _("%s: %u items, no problems\n"), path, e.count);
	evaluation_free(&e);
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
			case FORMAT_EVALUATION:
				ok = check_evaluation(argv[i], data, len, &diags);
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
