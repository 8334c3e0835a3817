/* kijun eval new and kijun results: making an evaluation of a tailoring
 * (through the gate when it follows a design evaluation), and its state
 * as TSV for scripts. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "kijun/change_check.h"
#include "kijun/evaluation_io.h"
#include "kijun/evaluation_scope.h"
#include "kijun/i18n.h"
#include "kijun/lock.h"
#include "kijun/session_io.h"
#include "kijun/tailoring_io.h"
#include "kijun/eval_words.h"

int cli_evaluation_open(const char *path, struct cli_evaluation *x)
{
	struct diag_list diags;
	const struct resolution *res;
	char hash[72];

	memset(x, 0, sizeof(*x));
	diag_list_init(&diags);
	if (!evaluation_load_file(&x->e, path, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		evaluation_free(&x->e);
		return EXIT_INVALID;
	}
	x->tailoring_path = evaluation_files_beside(path, x->e.tailoring_file);
	if (!x->tailoring_path ||
	    !session_load_file(&x->s, x->tailoring_path, SESSION_OPEN_TAILORING, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		evaluation_free(&x->e);
		free(x->tailoring_path);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	x->tailoring_changed = !tailoring_hash(&session_workspace(&x->s)->t, hash) ||
			       strcmp(hash, x->e.tailoring_hash) != 0;
	res = session_resolution(&x->s);
	/* A governance evaluation's measures are not items of the tailoring. */
	for (uint32_t k = 0; x->e.kind != EVAL_GOVERNANCE && k < x->e.count; k++) {
		enum eval_drift d = evaluation_scope_drift(&x->e.items[k], res);

		x->changed += d == DRIFT_CHANGED;
		x->gone += d == DRIFT_GONE;
	}
	return EXIT_OK;
}

void cli_evaluation_close(struct cli_evaluation *x)
{
	session_free(&x->s);
	evaluation_free(&x->e);
	free(x->tailoring_path);
	memset(x, 0, sizeof(*x));
}

int cli_evaluation_lock(const char *path, struct lock *l)
{
	struct lock_info info, stale;
	struct diag_list diags;
	enum lock_result got;

	memset(l, 0, sizeof(*l));
	diag_list_init(&diags);
	got = lock_acquire(l, path, &info, &diags);
	if (got == LOCK_STALE) {
		stale = info;
		got = lock_take_over(l, path, &stale, &info, &diags);
	}
	if (got == LOCK_HELD || got == LOCK_STALE)
		cli_printf(stderr, _("%s is open in kijun by %s@%s (pid %ld) since %s: close it there first\n"),
			   path, info.user, info.host, info.pid, info.since);
	cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	if (got == LOCK_TAKEN)
		return EXIT_OK;
	lock_release(l);  /* frees what it holds; removes nothing not ours */
	return EXIT_INVALID;
}

/* ---- eval new ------------------------------------------------------------ */

struct new_args {
	const char *tailoring, *out, *scope, *from, *period, *previous;
	char period_from[11], period_to[11];
	int kind;
};

static int new_usage(void)
{
	fprintf(stderr, "%s\n",
		_("usage: kijun eval new TAILORING -o FILE --kind design|operating|governance [--scope QUERY] [--from DESIGN-EVAL] [--period FROM..TO] [--previous LAST-PERIOD-EVAL]"));
	return EXIT_USAGE;
}

static int parse_new(int argc, char **argv, struct new_args *a)
{
	memset(a, 0, sizeof(*a));
	a->kind = -1;
	for (int i = 2; i < argc; i++) {
		const char *opt = argv[i];
		const char **slot = NULL;

		if (strcmp(opt, "-o") == 0 || strcmp(opt, "--output") == 0)
			slot = &a->out;
		else if (strcmp(opt, "--scope") == 0)
			slot = &a->scope;
		else if (strcmp(opt, "--from") == 0)
			slot = &a->from;
		else if (strcmp(opt, "--period") == 0)
			slot = &a->period;
		else if (strcmp(opt, "--previous") == 0)
			slot = &a->previous;
		else if (strcmp(opt, "--kind") == 0) {
			if (i + 1 >= argc)
				return new_usage();
			a->kind = evaluation_parse(argv[i + 1], strlen(argv[i + 1]),
						   evaluation_kind_names, EVAL_KIND_COUNT);
			if (a->kind < 0) {
				cli_printf(stderr, _("unknown kind \"%s\": use design, operating or governance\n"),
					   argv[i + 1]);
				return EXIT_USAGE;
			}
			i++;
			continue;
		} else if (opt[0] == '-' || a->tailoring) {
			cli_printf(stderr, _("unknown option \"%s\"\n"), opt);
			return new_usage();
		} else {
			a->tailoring = opt;
			continue;
		}
		if (i + 1 >= argc)
			return new_usage();
		*slot = argv[++i];
	}
	if (!a->tailoring || !a->out || a->kind < 0)
		return new_usage();
	if (a->period) {
		const char *dots = strstr(a->period, "..");

		if (!dots || dots - a->period != 10 || strlen(dots + 2) != 10) {
			cli_printf(stderr, _("--period is FROM..TO, two dates written YYYY-MM-DD, not \"%s\"\n"),
				   a->period);
			return EXIT_USAGE;
		}
		memcpy(a->period_from, a->period, 10);
		memcpy(a->period_to, dots + 2, 10);
		if (!change_check_date(a->period_from) || !change_check_date(a->period_to) ||
		    strcmp(a->period_from, a->period_to) > 0) {
			cli_printf(stderr, _("--period is FROM..TO, two dates written YYYY-MM-DD, not \"%s\"\n"),
				   a->period);
			return EXIT_USAGE;
		}
	}
	if (a->kind == EVAL_OPERATING && !a->from) {
		fprintf(stderr, "%s\n",
			_("an operating evaluation follows a design evaluation: give it with --from"));
		return EXIT_USAGE;
	}
	if (a->kind != EVAL_OPERATING && a->from) {
		fprintf(stderr, "%s\n", _("--from is for operating evaluations"));
		return EXIT_USAGE;
	}
	if (a->kind == EVAL_GOVERNANCE && a->scope) {
		fprintf(stderr, "%s\n",
			_("a governance evaluation has the guideline's three measures, not a scope of items"));
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The design evaluation an operating one follows, checked. */
static int load_design(const struct new_args *a, struct evaluation *design, char hash[72])
{
	struct diag_list diags;
	int rc = EXIT_OK;

	diag_list_init(&diags);
	if (!evaluation_load_file(design, a->from, &diags) ||
	    !evaluation_files_hash(a->from, hash, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	} else if (design->kind != EVAL_DESIGN) {
		cli_printf(stderr, _("%s is not a design evaluation\n"), a->from);
		rc = EXIT_INVALID;
	}
	diag_list_free(&diags);
	return rc;
}

/* The last period's evaluation, of the same kind as the new one. */
static int load_previous(const struct new_args *a, struct evaluation *prev, char hash[72])
{
	struct diag_list diags;
	int rc = EXIT_OK;

	diag_list_init(&diags);
	if (!evaluation_load_file(prev, a->previous, &diags) ||
	    !evaluation_files_hash(a->previous, hash, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	} else if (prev->kind != a->kind) {
		cli_printf(stderr, _("%s is a %s, not a %s: the last period's evaluation must be of the same kind\n"),
			   a->previous, eval_words_kind((enum eval_kind)prev->kind),
			   eval_words_kind((enum eval_kind)a->kind));
		rc = EXIT_INVALID;
	}
	diag_list_free(&diags);
	return rc;
}

/* Evidence files are named relative to the evaluation: carried from one
 * in another directory, they are named again from the new one (kept as
 * they were when that would need a ..). */
static void rebase_evidence(struct evaluation *e, struct eval_item *it, const char *from,
			    const char *to)
{
	for (uint32_t k = 0; k < it->evidence_count; k++) {
		struct eval_evidence *v = &it->evidence[k];
		char *path, *rel = NULL;
		const char *copy;

		if (!v->file)
			continue;
		path = evaluation_files_beside(from, v->file);
		if (path)
			rel = evaluation_files_relative(to, path);
		if (rel && strncmp(rel, "../", 3) != 0 && strcmp(rel, v->file) != 0 &&
		    (copy = evaluation_strdup(e, rel)))
			v->file = copy;
		free(rel);
		free(path);
	}
}

static int make_new(const struct new_args *a, struct session *s)
{
	struct evaluation e, design, prev;
	struct diag_list diags;
	char thash[72], dhash[72], phash[72];
	char *rel = NULL, *drel = NULL, *prel = NULL, *scope_text = NULL;
	uint32_t carried = 0;
	int rc = EXIT_OK;

	evaluation_init(&e);
	evaluation_init(&design);
	evaluation_init(&prev);
	if (a->from && (rc = load_design(a, &design, dhash)) != EXIT_OK)
		goto out;
	if (a->previous && (rc = load_previous(a, &prev, phash)) != EXIT_OK)
		goto out;
	prel = a->previous ? evaluation_files_relative(a->out, a->previous) : NULL;
	if (a->previous && !prel) {
		cli_printf(stderr, _("%s: cannot name the files it refers to from there\n"), a->out);
		rc = EXIT_INVALID;
		goto out;
	}
	rel = evaluation_files_relative(a->out, a->tailoring);
	drel = a->from ? evaluation_files_relative(a->out, a->from) : NULL;
	if (!rel || (a->from && !drel) || !tailoring_hash(&session_workspace(s)->t, thash)) {
		cli_printf(stderr, _("%s: cannot name the files it refers to from there\n"), a->out);
		rc = EXIT_INVALID;
		goto out;
	}
	e.kind = (uint8_t)a->kind;
	e.tailoring_file = rel;
	e.tailoring_hash = thash;
	e.scope = a->scope ? a->scope : a->from ? design.scope : NULL;
	/* @NAME: the audit scope saved in the tailoring, kept in the
	 * evaluation as the query it was, so the evaluation reads alone. */
	if (e.scope && e.scope[0] == '@') {
		scope_text = cli_scope_text(s, e.scope + 1);
		if (!scope_text) {
			rc = EXIT_USAGE;
			goto out;
		}
		e.scope = scope_text;
	}
	{
		struct query *q = NULL;
		struct query_error qe;

		if (e.scope && !evaluation_scope_compile(e.scope, session_resolution(s), &q, &qe)) {
			cli_query_error(e.scope, &qe);
			rc = qe.code == QUERY_NO_MEMORY ? EXIT_INVALID : EXIT_USAGE;
			goto out;
		}
		query_free(q);
	}
	if (a->from) {
		e.from_file = drel;
		e.from_hash = dhash;
		e.period_from = design.period_from;
		e.period_to = design.period_to;
	}
	if (a->period) {
		e.period_from = a->period_from;
		e.period_to = a->period_to;
	}
	if (*session_author(s)) {
		const char **v = arena_alloc(&e.arena, sizeof(*v));

		if (v) {
			v[0] = session_author(s);
			e.auditors = v;
			e.auditor_count = 1;
		}
	}
	if (a->previous) {
		e.previous_file = prel;
		e.previous_hash = phash;
		if (!a->scope && !a->from)
			e.scope = prev.scope;
	}
	if (!(e.kind == EVAL_GOVERNANCE ? evaluation_governance_build(&e) :
	      evaluation_scope_build(&e, session_resolution(s), a->from ? &design : NULL)) ||
	    (a->previous && !evaluation_carry_forward(&e, &prev))) {
		fprintf(stderr, "kijun: %s\n", _("out of memory"));
		rc = EXIT_INVALID;
		goto out;
	}
	for (uint32_t k = 0; k < e.count; k++) {
		carried += e.items[k].last.has;
		if (a->previous)
			rebase_evidence(&e, &e.items[k], a->previous, a->out);
	}
	diag_list_init(&diags);
	if (!evaluation_save_file(&e, a->out, &diags)) {
		cli_print_diags(stderr, &diags);
		rc = EXIT_INVALID;
	}
	diag_list_free(&diags);
	if (rc != EXIT_OK)
		goto out;
	/* What the gate left out, with why: scripts read stdout. */
	for (uint32_t k = 0; k < e.absent_count; k++) {
		cli_put_field(stdout, e.absent[k].id);
		printf("\t%s\t", evaluation_gate_reason_names[e.absent[k].reason]);
		cli_put_field(stdout, eval_words_gate((enum gate_reason)e.absent[k].reason));
		putchar('\n');
	}
	cli_printf(stderr, _("%s: %u items to evaluate (%s); %u left out\n"), a->out, e.count,
		   eval_words_kind((enum eval_kind)e.kind), e.absent_count);
	if (a->previous)
		cli_printf(stderr, _("%s: carried forward from %s: procedures, samples and evidence of %u items\n"),
			   a->out, a->previous, carried);
out:
	free(rel);
	free(drel);
	free(prel);
	free(scope_text);
	evaluation_free(&prev);
	evaluation_free(&design);
	evaluation_free(&e);
	return rc;
}

int cli_eval(int argc, char **argv)
{
	struct new_args a;
	struct diag_list diags;
	struct session s;
	int rc;

	if (argc < 2 || strcmp(argv[1], "new") != 0)
		return new_usage();
	rc = parse_new(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc;
	/* An auditor's work is never overwritten by a new, empty one. */
	if (access(a.out, F_OK) == 0) {
		cli_printf(stderr, _("%s exists: kijun eval new does not overwrite an evaluation\n"),
			   a.out);
		return EXIT_USAGE;
	}
	diag_list_init(&diags);
	if (!session_load_file(&s, a.tailoring, SESSION_OPEN_TAILORING, &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	session_load_identity(&s);
	rc = make_new(&a, &s);
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}

/* ---- results ---------------------------------------------------------------- */

static void put_item(const struct eval_item *it)
{
	cli_put_field(stdout, it->id);
	printf("\t%s\t%s\t", evaluation_state_names[it->state],
	       evaluation_result_names[it->result]);
	for (uint32_t k = 0; k < it->procedure_count; k++)
		printf("%s%s", k ? "," : "", evaluation_method_names[it->procedures[k].method]);
	printf("\t%u\t", it->evidence_count);
	for (uint32_t k = 0; k < it->finding_count; k++)
		printf("%s%s:%s", k ? "," : "", evaluation_grade_names[it->findings[k].grade],
		       evaluation_fstate_names[it->findings[k].state]);
	putchar('\t');
	cli_put_field(stdout, it->updated);
	putchar('\n');
}

int cli_results(int argc, char **argv)
{
	struct evaluation e;
	struct diag_list diags;
	int rc = EXIT_OK;

	if (argc != 2) {
		fprintf(stderr, _("usage: kijun %s FILE\n"), argv[0]);
		return EXIT_USAGE;
	}
	diag_list_init(&diags);
	if (!evaluation_load_file(&e, argv[1], &diags)) {
		cli_print_diags(stderr, &diags);
		diag_list_free(&diags);
		evaluation_free(&e);
		return EXIT_INVALID;
	}
	diag_list_free(&diags);
	for (uint32_t k = 0; k < e.count; k++)
		put_item(&e.items[k]);
	evaluation_free(&e);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
