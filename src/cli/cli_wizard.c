/* kijun new FILE and kijun progress FILE: starting a tailoring without the
 * screen, and the wizard's progress as TSV, one line per page, counted by
 * the same functions the wizard shows (src/core/wizard.c). */
#include <errno.h>
#include <limits.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "kijun/catalog_io.h"
#include "kijun/change_check.h"
#include "kijun/file.h"
#include "kijun/file_format.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "kijun/tailoring_io.h"
#include "kijun/wizard.h"
#include "kijun/workspace_io.h"

/* ---- kijun new ------------------------------------------------------------------ */

/* base as a path relative to the directory `file` will be in, as the
 * tailoring format wants it; NULL when either cannot be resolved. */
static char *relative_to(const char *file, const char *base)
{
	char *fcopy = strdup(file), dir[PATH_MAX + 1], to[PATH_MAX + 1], *out;
	size_t d = 0, t = 0, same = 0, ups = 0;

	if (!fcopy || !realpath(dirname(fcopy), dir) || !realpath(base, to)) {
		free(fcopy);
		return NULL;
	}
	free(fcopy);
	strcat(dir, "/");
	/* The longest shared run of whole components ("/a/b/" of both). */
	while (dir[d] && dir[d] == to[t]) {
		if (dir[d] == '/')
			same = d + 1;
		d++;
		t++;
	}
	for (d = same; dir[d]; d++)
		ups += dir[d] == '/';
	out = malloc(ups * 3 + strlen(to + same) + 1);
	if (!out)
		return NULL;
	out[0] = '\0';
	while (ups--)
		strcat(out, "../");
	strcat(out, to + same);
	return out;
}

/* The base named by --base: a tailoring or a catalog file. */
static int base_from_file(struct tailoring *t, const char *file, const char *path)
{
	struct diag_list diags;
	char *buf, hash[72], *rel;
	size_t len;
	enum file_format fmt;
	int rc = EXIT_OK;

	diag_list_init(&diags);
	if (!file_read_all(path, &buf, &len, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	fmt = file_format_of(buf, len);
	free(buf);
	rel = relative_to(file, path);
	if (!rel) {
		cli_printf(stderr, _("%s: cannot find the way from %s to it\n"), path, file);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	t->base.file = tailoring_strdup(t, rel);
	free(rel);
	if (fmt == FORMAT_TAILORING) {
		struct workspace w;

		/* Opened whole: its own bases must be there too. */
		if (!workspace_open(&w, path, &diags)) {
			rc = EXIT_INVALID;
		} else {
			t->base.kind = BASE_TAILORING;
			t->base.id = tailoring_strdup(t, w.t.id);
			if (tailoring_hash(&w.t, hash))
				t->base.hash = tailoring_strdup(t, hash);
			workspace_free(&w);
		}
	} else {
		struct catalog c;

		if (!catalog_load_file(&c, path, &diags)) {
			rc = EXIT_INVALID;
		} else {
			t->base.kind = BASE_CATALOG;
			t->base.id = tailoring_strdup(t, c.id);
			t->base.edition = tailoring_strdup(t, c.edition);
			if (catalog_hash(&c, hash))
				t->base.hash = tailoring_strdup(t, hash);
			catalog_free(&c);
		}
	}
	cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return rc;
}

static int new_usage(void)
{
	fprintf(stderr, "%s", _("usage: kijun new FILE [--base CATALOG-ID|FILE] [--title T] [--organization O]\n"));
	return EXIT_USAGE;
}

int cli_new(int argc, char **argv)
{
	const char *file = NULL, *base = NULL, *title = NULL, *org = NULL;
	struct workspace w;
	struct diag_list diags;
	int rc = EXIT_OK;

	for (int k = 1; k < argc; k++) {
		const char **slot = strcmp(argv[k], "--base") == 0 ? &base
				  : strcmp(argv[k], "--title") == 0 ? &title
				  : strcmp(argv[k], "--organization") == 0 ? &org : NULL;

		if (slot) {
			if (k + 1 >= argc || *slot)
				return new_usage();
			*slot = argv[++k];
		} else if (argv[k][0] == '-' || file) {
			return new_usage();
		} else {
			file = argv[k];
		}
	}
	if (!file)
		return new_usage();
	if (access(file, F_OK) == 0) {
		cli_printf(stderr, _("%s exists: kijun new never overwrites a file\n"), file);
		return EXIT_INVALID;
	}
	diag_list_init(&diags);
	/* On the built-in catalog first: the id, and a base to replace. */
	if (!workspace_create(&w, file, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	if (base && strcmp(base, w.t.base.id) != 0 && catalog_builtin_known(base) &&
	    access(base, F_OK) != 0) {
		struct catalog c;
		char hash[72];

		/* Another built-in catalog, such as csf-2.0: no file to name. */
		if (!catalog_load_builtin_id(&c, base, &diags)) {
			cli_print_diags(stderr, &diags);
			rc = EXIT_INVALID;
		} else {
			w.t.base.id = tailoring_strdup(&w.t, c.id);
			w.t.base.edition = tailoring_strdup(&w.t, c.edition);
			w.t.base.hash = catalog_hash(&c, hash) ? tailoring_strdup(&w.t, hash) : NULL;
			catalog_free(&c);
		}
	} else if (base && strcmp(base, w.t.base.id) != 0) {
		if (access(base, F_OK) != 0) {
			cli_printf(stderr, _("--base %s: neither a built-in catalog nor a file\n"), base);
			rc = EXIT_INVALID;
		} else {
			w.t.base.edition = NULL;
			w.t.base.hash = NULL;
			rc = base_from_file(&w.t, file, base);
		}
	}
	if (rc == EXIT_OK && title)
		w.t.title = tailoring_strdup(&w.t, title);
	if (rc == EXIT_OK && org)
		w.t.organization = tailoring_strdup(&w.t, org);
	if (rc == EXIT_OK && ((title && !change_check_line(title)) || (org && !change_check_line(org)))) {
		fprintf(stderr, "%s", _("a title or organization must be one line of text\n"));
		rc = EXIT_INVALID;
	}
	if (rc == EXIT_OK && !tailoring_save_file(&w.t, file, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	}
	workspace_free(&w);
	diag_list_free(&diags);
	return rc;
}

/* ---- kijun progress ---------------------------------------------------------------- */

int cli_progress(int argc, char **argv)
{
	struct session s;
	struct diag_list diags;
	struct risk_basis b;
	const struct resolution *r;
	struct workspace *w;
	bool ok;

	if (argc != 2) {
		fprintf(stderr, _("usage: kijun %s FILE\n"), argv[0]);
		return EXIT_USAGE;
	}
	diag_list_init(&diags);
	ok = session_load_file(&s, argv[1], SESSION_OPEN_TAILORING, &diags);
	cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	if (!ok)
		return EXIT_INVALID;
	w = session_workspace(&s);
	r = session_resolution(&s);
	if (!risk_basis_build(&b, &w->t, r)) {
		session_free(&s);
		fprintf(stderr, "%s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	for (unsigned page = 0; page <= STEP_MAX; page++) {
		struct wizard_progress p;

		wizard_progress(page, r, &b, &p);
		printf("%u\t", page);
		cli_put_field(stdout, wizard_page_name(page));
		printf("\t%u\t%u\t%u\n", p.decided, p.total, wizard_open(&p));
	}
	risk_basis_free(&b);
	session_free(&s);
	return EXIT_OK;
}
