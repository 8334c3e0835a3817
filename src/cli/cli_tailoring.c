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
	/* Read once and printed: the result may take the base's items. */
	ok = session_load_file(s, path, SESSION_OPEN_RESULT, &diags);
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

struct listing {
	bool full;
	enum table_format fmt;
};

/* The value ids item i has of attribute type `type`, comma-joined. */
static void attr_column(struct strbuf *b, const struct catalog *c, const struct item *it, int type)
{
	bool first = true;

	strbuf_reset(b);
	strbuf_adds(b, "");
	for (uint32_t k = 0; type >= 0 && k < it->attr_count; k++) {
		if (it->attrs[k].type != type)
			continue;
		if (!first)
			strbuf_addc(b, ',');
		strbuf_adds(b, c->types[type].values[it->attrs[k].value].id);
		first = false;
	}
}

/* The types other than the five of `catalog list`: the organization's own,
 * shown with --full. */
static bool is_list_type(const char *id)
{
	for (int t = 0; t < 5; t++)
		if (strcmp(cli_list_types[t], id) == 0)
			return true;
	return false;
}

/* "#3" for change 3 of this tailoring, "base-id#3" for a base's, with
 * "(withdrawn)" or "(retargeted)" when it stands so. */
static void shaping_name(struct strbuf *b, const struct workspace *w, const struct shaping *h)
{
	strbuf_reset(b);
	if (h->from != &w->t)
		strbuf_adds(b, h->from->id ? h->from->id : "");
	strbuf_addf(b, "#%u", h->index + 1);
	if (h->state == SHAPING_WITHDRAWN)
		strbuf_adds(b, " (withdrawn)");
	else if (h->state == SHAPING_RETARGETED)
		strbuf_adds(b, " (retargeted)");
}

static void links_column(struct cli_table *t, const struct resolved *info)
{
	const struct resolved_extra *extra = resolved_extra(info);
	struct json *j = cli_table_json(t);
	struct strbuf b;

	if (j) {
		json_array_begin(j);
		for (uint32_t k = 0; k < extra->link_count; k++) {
			json_object_begin(j);
			json_member_string(j, "rule", extra->links[k].rule, false);
			json_member_string(j, "section", extra->links[k].section, true);
			json_member_string(j, "note", extra->links[k].note, true);
			json_object_end(j);
		}
		json_array_end(j);
		return;
	}
	strbuf_init(&b);
	strbuf_adds(&b, "");
	for (uint32_t k = 0; k < extra->link_count; k++) {
		const struct rule_link *l = &extra->links[k];

		strbuf_addf(&b, "%s%s%s%s%s%s", k ? "; " : "", l->rule ? l->rule : "",
			    l->section ? " " : "", l->section ? l->section : "",
			    l->note ? ": " : "", l->note ? l->note : "");
	}
	cli_table_str(t, b.data);
	strbuf_free(&b);
}

static void history_column(struct cli_table *t, const struct workspace *w,
			   const struct resolved *info)
{
	struct json *j = cli_table_json(t);
	struct strbuf b, all;

	strbuf_init(&b);
	strbuf_init(&all);
	strbuf_adds(&all, "");
	if (j)
		json_array_begin(j);
	for (uint32_t k = 0; k < info->history_count; k++) {
		const struct shaping *h = &info->history[k];

		if (j) {
			json_object_begin(j);
			json_member_string(j, "tailoring", h->from->id, false);
			json_member_uint(j, "change", h->index + 1);
			json_member_string(j, "op", change_op_name(h->change->op), false);
			json_member_uint(j, "step", h->change->step);
			json_member_string(j, "state", h->state == SHAPING_WITHDRAWN ? "withdrawn" :
					   h->state == SHAPING_RETARGETED ? "retargeted" : "applied", false);
			json_object_end(j);
			continue;
		}
		shaping_name(&b, w, h);
		strbuf_addf(&all, "%s%s %s", k ? "," : "", b.data, change_op_name(h->change->op));
	}
	if (j)
		json_array_end(j);
	else
		cli_table_str(t, all.data);
	strbuf_free(&b);
	strbuf_free(&all);
}

static const char *const resolve_columns[] = {
	"id", "kind", "parent", "heading", "control_type", "properties", "concepts",
	"capabilities", "domains", "status", "level", "technical", "marks", "changes",
	/* --full */
	"label", "title", "text", "review_months", "source", "source_ref", "links",
	"shaped_by", "base_title", "base_text",
};
enum { RESOLVE_SHORT = 14, RESOLVE_MAX = 64 };

static void print_conflicts_json(struct json *j, const struct session *s)
{
	const struct workspace *w = session_workspace(s);

	json_key(j, "conflicts");
	json_array_begin(j);
	for (uint32_t k = 0; k < session_conflict_count(s); k++) {
		const struct conflict *c = session_conflict(s, k);
		const struct change *ch = session_conflict_change(s, k);
		char words[512];

		json_object_begin(j);
		json_member_string(j, "tailoring", session_conflict_is_own(s, k) ? w->t.id : c->from->id, false);
		json_member_uint(j, "change", c->index + 1);
		json_member_string(j, "op", change_op_name(ch->op), false);
		json_member_uint(j, "line", ch->line);
		json_member_string(j, "problem", problem_describe(&c->problem, words, sizeof(words)), false);
		json_object_end(j);
	}
	json_array_end(j);
}

static int print_resolved(const struct session *s, const struct listing *o)
{
	const struct resolution *r = session_resolution(s);
	const struct workspace *w = session_workspace(s);
	const struct catalog *c = &r->cat;
	const char *names[RESOLVE_MAX];
	int extra[RESOLVE_MAX];
	uint32_t n = 0, nextra = 0;
	struct cli_table t;
	struct strbuf b;
	struct json *j;

	for (; n < (o->full ? sizeof(resolve_columns) / sizeof(*resolve_columns) : RESOLVE_SHORT); n++)
		names[n] = resolve_columns[n];
	for (uint32_t k = 0; o->full && k < c->type_count && n < RESOLVE_MAX; k++) {
		if (is_list_type(c->types[k].id))
			continue;
		extra[nextra++] = (int)k;
		names[n++] = c->types[k].id;
	}
	strbuf_init(&b);
	cli_table_begin(&t, stdout, o->fmt, w->path, "items", names, n);
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		const struct resolved *info = &r->info[i];
		const struct resolved_extra *more = resolved_extra(info);
		const struct item *it = catalog_item(c, i);

		cli_table_str(&t, it->id);
		cli_table_str(&t, item_kind_name((enum item_kind)it->kind));
		cli_table_str(&t, it->parent != ITEM_ROOT_INDEX ? catalog_item(c, it->parent)->id : "");
		cli_table_str(&t, it->title ? it->title : it->text);
		for (int k = 0; k < 5; k++) {
			int type = catalog_type_find(c, cli_list_types[k]);

			if ((j = cli_table_json(&t)) != NULL) {
				json_array_begin(j);
				for (uint32_t a = 0; type >= 0 && a < it->attr_count; a++)
					if (it->attrs[a].type == type)
						json_string(j, c->types[type].values[it->attrs[a].value].id);
				json_array_end(j);
				continue;
			}
			attr_column(&b, c, it, type);
			cli_table_str(&t, b.data);
		}
		cli_table_str(&t, item_status_name(effective_status(r, i)));
		cli_table_str(&t, item_level_name((enum item_level)info->level));
		cli_table_bool(&t, info->technical);
		cli_table_list(&t, more->marks, more->mark_count);
		cli_table_uint(&t, info->history_count, false);
		if (o->full) {
			cli_table_str(&t, it->label);
			cli_table_str(&t, it->title);
			cli_table_str(&t, it->text);
			cli_table_uint(&t, info->review_months, true);
			cli_table_str(&t, info->source ? source_kind_name((enum source_kind)info->source) : "");
			cli_table_str(&t, more->source_ref);
			links_column(&t, info);
			history_column(&t, w, info);
			cli_table_str(&t, info->base_title);
			cli_table_str(&t, info->base_text);
			for (uint32_t k = 0; k < nextra; k++) {
				attr_column(&b, c, it, extra[k]);
				cli_table_str(&t, b.data);
			}
		}
		cli_table_end_row(&t);
	}
	strbuf_free(&b);
	if ((j = cli_table_rows_end(&t)) != NULL)
		print_conflicts_json(j, s);
	return cli_table_finish(&t);
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

static void change_target(struct strbuf *b, const struct change *c)
{
	strbuf_reset(b);
	strbuf_adds(b, "");
	if (c->op == OP_MERGE) {
		for (uint32_t k = 0; k < c->target_count; k++)
			strbuf_addf(b, "%s%s", k ? "," : "", c->targets[k]);
	} else if (c->op == OP_ADD) {
		strbuf_adds(b, c->item.id ? c->item.id : "");
	} else if (c->op == OP_WITHDRAW) {
		strbuf_addf(b, "#%u", c->ref);
	} else if (c->op == OP_RETARGET) {
		strbuf_addf(b, "#%u -> %s%s", c->ref, c->target ? "" : c->after ? "after " : "parent ",
			    c->target ? c->target : c->after ? c->after : c->parent ? c->parent : "");
	} else if (c->target) {
		strbuf_adds(b, c->target);
	}
}

static const char *const change_columns[] = {
	"step", "op", "target", "author", "date", "reason",
	/* --full */
	"number", "line", "applies", "withdrawn_by", "retargeted_by", "title", "text",
	"new_id", "new_kind", "new_label", "new_title", "new_text", "parent", "after",
	"parts", "source", "source_ref", "rule", "rule_section", "note", "level",
	"technical", "review_months", "attributes", "marks",
};
enum { CHANGES_SHORT = 6 };

static void ref_column(struct cli_table *t, uint32_t index)
{
	char num[16];

	snprintf(num, sizeof(num), "#%u", index + 1);
	cli_table_str(t, index == CHANGE_NONE ? "" : num);
}

static void parts_column(struct cli_table *t, const struct change *c)
{
	struct json *j = cli_table_json(t);
	struct strbuf b;

	if (j) {
		json_array_begin(j);
		for (uint32_t k = 0; k < c->part_count; k++) {
			json_object_begin(j);
			json_member_string(j, "id", c->parts[k].id, false);
			json_member_string(j, "label", c->parts[k].label, true);
			json_member_string(j, "title", c->parts[k].title, true);
			json_member_string(j, "text", c->parts[k].text, true);
			json_object_end(j);
		}
		json_array_end(j);
		return;
	}
	strbuf_init(&b);
	strbuf_adds(&b, "");
	for (uint32_t k = 0; k < c->part_count; k++)
		strbuf_addf(&b, "%s%s: %s", k ? "; " : "", c->parts[k].id,
			    c->parts[k].text ? c->parts[k].text : c->parts[k].title ? c->parts[k].title : "");
	cli_table_str(t, b.data);
	strbuf_free(&b);
}

static void attrs_column(struct cli_table *t, const struct change *c)
{
	struct json *j = cli_table_json(t);
	struct strbuf b;

	if (j) {
		json_object_begin(j);
		for (uint32_t k = 0; k < c->attr_count; k++) {
			json_key(j, c->attrs[k].type);
			json_array_begin(j);
			for (uint32_t v = 0; v < c->attrs[k].count; v++)
				json_string(j, c->attrs[k].values[v]);
			json_array_end(j);
		}
		json_object_end(j);
		return;
	}
	strbuf_init(&b);
	strbuf_adds(&b, "");
	for (uint32_t k = 0; k < c->attr_count; k++) {
		strbuf_addf(&b, "%s%s=", k ? "; " : "", c->attrs[k].type);
		for (uint32_t v = 0; v < c->attrs[k].count; v++)
			strbuf_addf(&b, "%s%s", v ? "," : "", c->attrs[k].values[v]);
	}
	cli_table_str(t, b.data);
	strbuf_free(&b);
}

static int print_changes(const struct session *s, const struct listing *o)
{
	const struct workspace *w = session_workspace(s);
	const struct tailoring *t = &w->t;
	const struct resolution *r = session_resolution(s);
	uint32_t n = o->full ? sizeof(change_columns) / sizeof(*change_columns) : CHANGES_SHORT;
	struct cli_table tab;
	struct strbuf b;
	struct json *j;

	strbuf_init(&b);
	cli_table_begin(&tab, stdout, o->fmt, w->path, "changes", change_columns, n);
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		uint32_t withdrawn = resolution_withdrawn_by(r, k);
		bool applies = true;

		for (uint32_t x = 0; x < session_conflict_count(s); x++)
			if (session_conflict_is_own(s, x) && session_conflict(s, x)->index == k)
				applies = false;
		cli_table_uint(&tab, c->step, false);
		strbuf_reset(&b);
		strbuf_adds(&b, change_op_name(c->op));
		/* The old listing says it beside the op; --full has a column. */
		if (withdrawn != CHANGE_NONE && !o->full && o->fmt != TABLE_JSON)
			strbuf_addf(&b, " (withdrawn by #%u)", withdrawn + 1);
		cli_table_str(&tab, b.data);
		change_target(&b, c);
		cli_table_str(&tab, b.data);
		cli_table_str(&tab, c->author);
		cli_table_str(&tab, c->date);
		cli_table_str(&tab, c->reason);
		if (o->full) {
			cli_table_uint(&tab, k + 1, false);
			cli_table_uint(&tab, c->line, true);
			cli_table_bool(&tab, applies);
			ref_column(&tab, withdrawn);
			ref_column(&tab, resolution_retargeted_by(r, k));
			cli_table_str(&tab, c->title);
			cli_table_str(&tab, c->text);
			cli_table_str(&tab, c->item.id);
			cli_table_str(&tab, c->item.kind >= 0 ? item_kind_name((enum item_kind)c->item.kind) : "");
			cli_table_str(&tab, c->item.label);
			cli_table_str(&tab, c->item.title);
			cli_table_str(&tab, c->item.text);
			cli_table_str(&tab, c->parent);
			cli_table_str(&tab, c->after);
			parts_column(&tab, c);
			cli_table_str(&tab, c->source ? source_kind_name(c->source) : "");
			cli_table_str(&tab, c->source_ref);
			cli_table_str(&tab, c->rule);
			cli_table_str(&tab, c->rule_section);
			cli_table_str(&tab, c->note);
			cli_table_str(&tab, c->op == OP_LEVEL ? item_level_name(c->level) : "");
			if (c->op == OP_TECHNICAL)
				cli_table_bool(&tab, c->technical);
			else
				cli_table_str(&tab, "");
			cli_table_uint(&tab, c->review_months, true);
			attrs_column(&tab, c);
			cli_table_list(&tab, c->marks, c->mark_count);
		}
		cli_table_end_row(&tab);
	}
	strbuf_free(&b);
	if ((j = cli_table_rows_end(&tab)) != NULL)
		print_conflicts_json(j, s);
	return cli_table_finish(&tab);
}

static int tailoring_usage(const char *cmd)
{
	fprintf(stderr, _("usage: kijun %s FILE [--full] [--format tsv|csv|json]\n"), cmd);
	return EXIT_USAGE;
}

int cli_tailoring(int argc, char **argv)
{
	struct listing o = { false, TABLE_TSV };
	const char *path = NULL;
	struct session s;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *fmt = NULL;

		if (strcmp(argv[i], "--full") == 0)
			o.full = true;
		else if (strncmp(argv[i], "--format=", 9) == 0)
			fmt = argv[i] + 9;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			fmt = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1])
			return tailoring_usage(argv[0]);
		else if (path)
			return tailoring_usage(argv[0]);
		else
			path = argv[i];
		if (fmt && cli_table_parse_format(fmt, &o.fmt) != 0) {
			cli_printf(stderr, _("unknown format \"%s\": use tsv, csv or json\n"), fmt);
			return EXIT_USAGE;
		}
	}
	if (!path)
		return tailoring_usage(argv[0]);
	rc = open_session(path, &s);
	if (rc != EXIT_OK)
		return rc;
	print_conflicts(&s);
	rc = strcmp(argv[0], "resolve") == 0 ? print_resolved(&s, &o) : print_changes(&s, &o);
	if (rc == EXIT_OK && session_conflict_count(&s) > 0)
		rc = EXIT_CONFLICTS;
	session_free(&s);
	if (fflush(stdout) != 0)
		rc = EXIT_INVALID;
	return rc;
}
