/* kijun resolve FILE and kijun changes FILE: a tailoring as TSV, for
 * review, diffing and spreadsheets.  Opened through the session, as the
 * screen opens it, so both see the same document. */
#include <string.h>

#include "cli.h"
#include "kijun/i18n.h"
#include "kijun/session_io.h"
#include "../tui/problem_words.h"

static int open_session(const char *path, struct session *s)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	ok = session_load_file(s, path, SESSION_OPEN_TAILORING, &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

/* Warnings and conflicts go to stderr: the listing stays clean TSV, and
 * nobody misses that a change could not apply. */
static void print_conflicts(const struct session *s)
{
	const struct workspace *w = session_workspace(s);

	cli_print_diags(stderr, session_warnings(s));
	for (uint32_t k = 0; k < session_conflict_count(s); k++) {
		const struct conflict *c = session_conflict(s, k);
		const struct change *ch = session_conflict_change(s, k);
		char words[512];

		cli_printf(stderr, _("%s: change %u (%s, line %u) does not apply: %s\n"),
			session_conflict_is_own(s, k) ? w->path : c->from->id, c->index + 1,
			change_op_name(ch->op), ch->line,
			problem_describe(&c->problem, words, sizeof(words)));
	}
}

/* Excluded, split or merged: the item's own status, or the one of the
 * ancestor that took it out of the standard. */
static enum item_status effective_status(const struct resolution *r, uint32_t i)
{
	for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE; a = r->cat.items[a].parent) {
		enum item_status s = (enum item_status)r->info[a].status;

		if (s == STATUS_EXCLUDED || s == STATUS_SPLIT || s == STATUS_MERGED)
			return s;
	}
	return (enum item_status)r->info[i].status;
}

static void put_list(FILE *out, const char *const *v, uint32_t n)
{
	for (uint32_t k = 0; k < n; k++) {
		if (k)
			putc(',', out);
		cli_put_field(out, v[k]);
	}
}

static int print_resolved(const struct session *s)
{
	const struct resolution *r = session_resolution(s);

	for (uint32_t i = catalog_first(&r->cat); i != ITEM_NONE; i = catalog_next(&r->cat, i)) {
		const struct resolved *info = &r->info[i];

		cli_put_item(stdout, &r->cat, i);
		printf("\t%s\t%s\t%s\t", item_status_name(effective_status(r, i)),
		       item_level_name((enum item_level)info->level), info->technical ? "yes" : "");
		put_list(stdout, info->marks, info->mark_count);
		printf("\t%u\n", info->history_count);
	}
	return EXIT_OK;
}

/* The line number is the change's number: "#3" names change 3, and a
 * withdrawn change says by which. */
void cli_put_change(FILE *out, const struct change *c, uint32_t withdrawn_by)
{
	fprintf(out, "%u\t%s", c->step, change_op_name(c->op));
	if (withdrawn_by != CHANGE_NONE)
		fprintf(out, " (withdrawn by #%u)", withdrawn_by + 1);
	putc('\t', out);
	if (c->op == OP_MERGE) {
		put_list(out, c->targets, c->target_count);
	} else if (c->op == OP_ADD) {
		cli_put_field(out, c->item.id);
	} else if (c->op == OP_WITHDRAW) {
		fprintf(out, "#%u", c->ref);
	} else if (c->op == OP_RETARGET) {
		fprintf(out, "#%u -> %s", c->ref, c->target ? "" : c->after ? "after " : "parent ");
		cli_put_field(out, c->target ? c->target : c->after ? c->after : c->parent);
	} else {
		cli_put_field(out, c->target);
	}
	putc('\t', out);
	cli_put_field(out, c->author);
	putc('\t', out);
	cli_put_field(out, c->date);
	putc('\t', out);
	cli_put_field(out, c->reason);
	putc('\n', out);
}

static int print_changes(const struct session *s)
{
	const struct tailoring *t = &session_workspace(s)->t;
	const struct resolution *r = session_resolution(s);

	for (uint32_t k = 0; k < t->count; k++)
		cli_put_change(stdout, &t->changes[k], resolution_withdrawn_by(r, k));
	return EXIT_OK;
}

int cli_tailoring(int argc, char **argv)
{
	struct session s;
	int rc;

	if (argc != 2) {
		fprintf(stderr, _("usage: kijun %s FILE\n"), argv[0]);
		return EXIT_USAGE;
	}
	rc = open_session(argv[1], &s);
	if (rc != EXIT_OK)
		return rc;
	print_conflicts(&s);
	rc = strcmp(argv[0], "resolve") == 0 ? print_resolved(&s) : print_changes(&s);
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
