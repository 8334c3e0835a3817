/* kijun query [FILE] EXPR and kijun crosstab [FILE] --rows T --cols T:
 * the query language and the cross-tab on the command line, over the
 * built-in catalog, a catalog file or a resolved tailoring (opened
 * through the session, as the screen opens it). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "kijun/audit_scope.h"
#include "kijun/crosstab.h"
#include "kijun/i18n.h"
#include "kijun/query.h"
#include "kijun/session_io.h"
#include "kijun/strbuf.h"
#include "kijun/text.h"
#include "../tui/query_words.h"

static int open_document(const char *path, struct session *s)
{
	struct diag_list diags;
	struct stat st;
	bool ok;

	/* A missing FILE would open as a new, empty tailoring: say so. */
	if (path && stat(path, &st) != 0) {
		cli_printf(stderr, _("%s: no such file\n"), path);
		return EXIT_INVALID;
	}
	diag_list_init(&diags);
	ok = session_load_file(s, path, SESSION_OPEN_ANY, &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

/* Leaves out what is not in the standard: replaced (split, merged) or
 * excluded, itself or through an ancestor. */
static uint8_t *out_of_standard(const struct session *s)
{
	const struct catalog *c = session_shown(s);
	const struct resolution *r = session_resolution(s);
	uint8_t *skip = calloc(c->count ? c->count : 1, 1);

	if (skip && r)
		for (uint32_t i = 1; i < c->count; i++)
			skip[i] = resolved_is_out(r, i);
	return skip;
}

void cli_query_error(const char *text, const struct query_error *e)
{
	char words[512];
	struct strbuf b;

	strbuf_init(&b);
	text_sanitize(&b, text, strlen(text));
	cli_printf(stderr, "kijun: %s\n", query_describe(e, words, sizeof(words)));
	fprintf(stderr, "  %s\n  %*s^\n", b.data ? b.data : "", query_caret_cells(text, e->column), "");
	strbuf_free(&b);
}

char *cli_scope_text(const struct session *s, const char *name)
{
	const char *names[64];
	struct audit_scope a;
	char *text;
	uint32_t n;

	if (audit_scope_get(&session_workspace(s)->t, session_resolution(s), name, &a)) {
		text = audit_scope_text(&a);
		audit_scope_free(&a);
		if (!text)
			fprintf(stderr, "kijun: %s\n", _("out of memory"));
		return text;
	}
	n = audit_scope_names(&session_workspace(s)->t, session_resolution(s), names, 64);
	cli_printf(stderr, _("kijun: no audit scope named %s in this tailoring\n"), name);
	for (uint32_t k = 0; k < n && k < 64; k++)
		cli_printf(stderr, "  @%s\n", names[k]);
	return NULL;
}

/* Whether the first of several arguments is FILE: it exists, or it is
 * named as one (a .yaml file that is missing gets its own message
 * rather than being searched for as text). */
static bool names_file(const char *arg)
{
	struct stat st;
	size_t n = strlen(arg);

	return stat(arg, &st) == 0 || (n > 5 && !strcmp(arg + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(arg + n - 4, ".yml"));
}

/* --sort risk: the matches by the highest level among the risks each
 * treats (highest first, the tree's order within a level, no level
 * last), each line led by that level. */
struct ranked {
	int rank;
	uint32_t pos, item;
};

static int by_rank(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	unsigned rx = (unsigned)x->rank, ry = (unsigned)y->rank;  /* -1 last */

	if (rx != ry)
		return rx < ry ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int print_by_risk(const struct session *s, const struct query *q)
{
	const struct catalog *c = session_shown(s);
	const struct risk_basis *b = session_basis(s);
	struct ranked *v = malloc((c->count ? c->count : 1) * sizeof(*v));
	uint32_t n = 0;

	if (!v) {
		fprintf(stderr, "kijun: %s\n", _("out of memory"));
		return EXIT_INVALID;
	}
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		if (!query_match(q, c, i, session_info(s, i)))
			continue;
		v[n].rank = b ? risk_basis_item_rank(b, session_info(s, i)) : -1;
		v[n].pos = n;
		v[n].item = i;
		n++;
	}
	qsort(v, n, sizeof(*v), by_rank);
	for (uint32_t k = 0; k < n; k++) {
		if (v[k].rank >= 0)
			cli_put_field(stdout, b->scale[v[k].rank]);
		else
			fputs("-", stdout);
		putc('\t', stdout);
		cli_put_item(stdout, c, v[k].item);
		putc('\n', stdout);
	}
	free(v);
	return EXIT_OK;
}

/* kijun query [FILE] [--scope NAME] [EXPR...]: FILE when the first of two
 * or more arguments names a file; the words of EXPR are joined; a scope
 * saved in the tailoring joins them with and. */
int cli_query(int argc, char **argv)
{
	const char *path = NULL, *scope = NULL;
	bool by_risk = false;
	struct query_error err;
	struct session s;
	struct strbuf expr;
	struct query *q;
	int first = 1, rc;

	if (argc > 2 && names_file(argv[1])) {
		path = argv[1];
		first = 2;
	}
	if (first + 1 < argc && strcmp(argv[first], "--scope") == 0) {
		scope = argv[first + 1];
		first += 2;
	}
	if (first + 1 < argc && strcmp(argv[first], "--sort") == 0) {
		if (strcmp(argv[first + 1], "risk") != 0) {
			cli_printf(stderr, _("kijun: --sort takes risk, not %s\n"), argv[first + 1]);
			return EXIT_USAGE;
		}
		by_risk = true;
		first += 2;
	}
	if (argc < 2 || (first >= argc && !scope && !by_risk)) {
		fputs(_("usage: kijun query [FILE] [--scope NAME] [--sort risk] [EXPR]   (docs/query.md)\n"), stderr);
		return EXIT_USAGE;
	}
	rc = open_document(path, &s);
	if (rc != EXIT_OK)
		return rc;
	strbuf_init(&expr);
	if (scope) {
		char *text = cli_scope_text(&s, scope[0] == '@' ? scope + 1 : scope);

		if (!text) {
			session_free(&s);
			return EXIT_USAGE;
		}
		strbuf_adds(&expr, text);
		free(text);
		if (first < argc)
			strbuf_adds(&expr, " and (");
	}
	for (int k = first; k < argc; k++) {
		if (k > first)
			strbuf_addc(&expr, ' ');
		strbuf_add(&expr, argv[k], strlen(argv[k]));
	}
	if (scope && first < argc)
		strbuf_addc(&expr, ')');
	if (by_risk && first >= argc && !scope)
		strbuf_adds(&expr, "risk:any");
	/* Every item resolve lists, excluded ones too: status:excluded
	 * finds them, not status:excluded leaves them out. */
	q = query_compile_risk(expr.data ? expr.data : "", session_shown(&s), session_basis(&s), &err);
	if (!q) {
		cli_query_error(expr.data ? expr.data : "", &err);
		rc = err.code != QUERY_NO_MEMORY ? EXIT_USAGE : EXIT_INVALID;
	} else if (by_risk) {
		rc = print_by_risk(&s, q);
	} else {
		const struct catalog *c = session_shown(&s);

		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
			if (!query_match(q, c, i, session_info(&s, i)))
				continue;
			cli_put_item(stdout, c, i);
			putc('\n', stdout);
		}
	}
	query_free(q);
	strbuf_free(&expr);
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}

/* --only-cols V,V,...: the column values to print, in that order. */
static int pick_columns(const struct attr_type *t, const char *list, uint32_t *cols,
			uint32_t *n)
{
	char *copy = strdup(list), *save = NULL;

	*n = 0;
	if (!copy)
		return EXIT_INVALID;
	for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		int v = query_find_value(t, w);

		if (v < 0) {
			cli_printf(stderr, _("\"%s\" is not a value of %s\n"), w, t->id);
			free(copy);
			return EXIT_USAGE;
		}
		if (*n < t->value_count)
			cols[(*n)++] = (uint32_t)v;
	}
	free(copy);
	return EXIT_OK;
}

static int find_type(const struct catalog *c, const char *word, uint32_t *out)
{
	int t = query_find_type(c, word);

	if (t < 0) {
		cli_printf(stderr, t == -2 ? _("\"%s\" names more than one attribute type\n")
					   : _("\"%s\" is not an attribute type\n"), word);
		return EXIT_USAGE;
	}
	*out = (uint32_t)t;
	return EXIT_OK;
}

static void print_crosstab(const struct catalog *c, const struct crosstab *x,
			   const uint32_t *cols, uint32_t ncols)
{
	const struct attr_type *rt = &c->types[x->row_type], *ct = &c->types[x->col_type];

	for (uint32_t r = 0; r < x->rows; r++) {
		for (uint32_t k = 0; k < ncols; k++) {
			uint32_t n;
			const uint32_t *v = crosstab_cell(x, r, cols[k], &n);

			cli_put_field(stdout, rt->values[r].id);
			putc('\t', stdout);
			cli_put_field(stdout, ct->values[cols[k]].id);
			putc('\t', stdout);
			for (uint32_t m = 0; m < n; m++) {
				if (m)
					putc(',', stdout);
				cli_put_field(stdout, catalog_item(c, v[m])->id);
			}
			putc('\n', stdout);
		}
	}
}

int cli_crosstab(int argc, char **argv)
{
	const char *path = NULL, *rows = NULL, *cols = NULL, *only = NULL;
	uint32_t rt, ct, ncols = 0, *pick = NULL;
	struct crosstab x;
	struct session s;
	uint8_t *skip;
	int rc;

	for (int k = 1; k < argc; k++) {
		const char **opt = !strcmp(argv[k], "--rows") ? &rows
				 : !strcmp(argv[k], "--cols") ? &cols
				 : !strcmp(argv[k], "--only-cols") ? &only : NULL;

		if (opt && k + 1 < argc) {
			*opt = argv[++k];
		} else if (!opt && argv[k][0] != '-' && !path) {
			path = argv[k];
		} else {
			rows = NULL;
			break;
		}
	}
	if (!rows || !cols) {
		fputs(_("usage: kijun crosstab [FILE] --rows TYPE --cols TYPE [--only-cols V,V,...]\n"),
		      stderr);
		return EXIT_USAGE;
	}
	rc = open_document(path, &s);
	if (rc != EXIT_OK)
		return rc;
	rc = find_type(session_shown(&s), rows, &rt);
	if (rc == EXIT_OK)
		rc = find_type(session_shown(&s), cols, &ct);
	if (rc == EXIT_OK) {
		const struct attr_type *t = &session_shown(&s)->types[ct];

		pick = malloc((t->value_count ? t->value_count : 1) * sizeof(*pick));
		if (!pick)
			rc = EXIT_INVALID;
		else if (only)
			rc = pick_columns(t, only, pick, &ncols);
		else
			for (ncols = 0; ncols < t->value_count; ncols++)
				pick[ncols] = ncols;
	}
	if (rc == EXIT_OK) {
		skip = out_of_standard(&s);
		if (skip && crosstab_build(&x, session_shown(&s), rt, ct, skip)) {
			print_crosstab(session_shown(&s), &x, pick, ncols);
			crosstab_free(&x);
		} else {
			rc = EXIT_INVALID;
		}
		free(skip);
	}
	free(pick);
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
