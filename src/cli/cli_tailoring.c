/* kijun resolve FILE and kijun changes FILE: a tailoring as TSV, for
 * review, diffing and spreadsheets. */
#include <string.h>

#include "cli.h"
#include "kijun/i18n.h"
#include "kijun/tailoring_io.h"

static int open_workspace(const char *path, struct workspace *w)
{
	struct diag_list diags;
	bool ok;

	diag_list_init(&diags);
	ok = workspace_open(w, path, &diags);
	if (!ok)
		cli_print_diags(stderr, &diags);
	diag_list_free(&diags);
	return ok ? EXIT_OK : EXIT_INVALID;
}

/* Warnings and conflicts go to stderr: the listing stays clean TSV, and
 * nobody misses that a change could not apply. */
static void print_conflicts(const struct workspace *w)
{
	cli_print_diags(stderr, &w->warnings);
	for (uint32_t k = 0; k < w->res.conflict_count; k++) {
		const struct conflict *c = &w->res.conflicts[k];
		const struct change *ch = &c->from->changes[c->index];

		cli_printf(stderr, _("%s: change %u (%s, line %u) does not apply: %s\n"),
			c->from == &w->t ? w->path : c->from->id, c->index + 1,
			change_op_name(ch->op), ch->line, c->message);
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

static int print_resolved(const struct workspace *w)
{
	const struct resolution *r = &w->res;

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

static int print_changes(const struct workspace *w)
{
	for (uint32_t k = 0; k < w->t.count; k++) {
		const struct change *c = &w->t.changes[k];

		printf("%u\t%s\t", c->step, change_op_name(c->op));
		if (c->op == OP_MERGE)
			put_list(stdout, c->targets, c->target_count);
		else if (c->op == OP_ADD)
			cli_put_field(stdout, c->item.id);
		else
			cli_put_field(stdout, c->target);
		putc('\t', stdout);
		cli_put_field(stdout, c->author);
		putc('\t', stdout);
		cli_put_field(stdout, c->date);
		putc('\t', stdout);
		cli_put_field(stdout, c->reason);
		putc('\n', stdout);
	}
	return EXIT_OK;
}

int cli_tailoring(int argc, char **argv)
{
	struct workspace w;
	int rc;

	if (argc != 2) {
		fprintf(stderr, _("usage: kijun %s FILE\n"), argv[0]);
		return EXIT_USAGE;
	}
	rc = open_workspace(argv[1], &w);
	if (rc != EXIT_OK)
		return rc;
	print_conflicts(&w);
	rc = strcmp(argv[0], "resolve") == 0 ? print_resolved(&w) : print_changes(&w);
	workspace_free(&w);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
