/* Writes a tailoring in canonical form: fixed key order, one change after
 * another as they were made, so that a team reviewing it in git sees each
 * change and its reason as one block. */
#include "kijun/tailoring_io.h"

#include <stdio.h>
#include <stdlib.h>

#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/sha256.h"
#include "yaml_writer.h"

static void write_list(struct ywriter *w, const char *key, const char *const *v, uint32_t n)
{
	yw_string(w, key);
	yw_sequence_begin(w);
	for (uint32_t k = 0; k < n; k++)
		yw_string(w, v[k]);
	yw_sequence_end(w);
}

static void write_new_item(struct ywriter *w, const struct new_item *n)
{
	yw_mapping_begin(w);
	yw_pair(w, "id", n->id);
	if (n->kind >= 0)
		yw_pair(w, "kind", item_kind_name((enum item_kind)n->kind));
	yw_pair(w, "label", n->label);
	yw_pair(w, "title", n->title);
	yw_pair(w, "text", n->text);
	yw_mapping_end(w);
}

static void write_policy(struct ywriter *w, const struct risk_policy *p)
{
	yw_mapping_begin(w);
	yw_pair(w, "awareness", p->awareness);
	yw_pair(w, "targets", p->targets);
	yw_pair(w, "monitoring", p->monitoring);
	yw_pair(w, "feedback", p->feedback);
	yw_mapping_end(w);
}

static void write_change(struct ywriter *w, const struct change *c)
{
	yw_mapping_begin(w);
	yw_pair(w, "op", change_op_name(c->op));
	if (c->op == OP_WITHDRAW || c->op == OP_RETARGET)
		yw_int(w, "change", c->ref);
	yw_pair(w, "target", c->target);
	if (c->op == OP_MERGE)
		write_list(w, "targets", c->targets, c->target_count);
	yw_pair(w, "parent", c->parent);
	yw_pair(w, "after", c->after);
	yw_int(w, "step", c->step);
	if (c->op == OP_ADD || c->op == OP_MERGE) {
		yw_string(w, "item");
		write_new_item(w, &c->item);
	}
	if (c->op == OP_SPLIT) {
		yw_string(w, "parts");
		yw_sequence_begin(w);
		for (uint32_t k = 0; k < c->part_count; k++)
			write_new_item(w, &c->parts[k]);
		yw_sequence_end(w);
	}
	yw_pair(w, "text", c->text);
	yw_pair(w, "title", c->title);
	if (c->op == OP_ADD && c->source != SOURCE_NONE) {
		yw_string(w, "source");
		yw_mapping_begin(w);
		yw_pair(w, "kind", source_kind_name(c->source));
		yw_pair(w, "ref", c->source_ref);
		yw_mapping_end(w);
	}
	if (c->op == OP_LINK) {
		yw_string(w, "rule");
		yw_mapping_begin(w);
		yw_pair(w, "name", c->rule);
		yw_pair(w, "section", c->rule_section);
		yw_pair(w, "note", c->note);
		yw_mapping_end(w);
	}
	if (c->op == OP_LEVEL)
		yw_pair(w, "level", c->level == LEVEL_NONE ? "none" : item_level_name(c->level));
	if (c->op == OP_TECHNICAL) {
		yw_bool(w, "technical", c->technical);
		if (c->review_months)
			yw_int(w, "review_months", c->review_months);
	}
	if (c->op == OP_ATTRIBUTES) {
		yw_string(w, "attributes");
		yw_mapping_begin(w);
		for (uint32_t k = 0; k < c->attr_count; k++)
			write_list(w, c->attrs[k].type, c->attrs[k].values, c->attrs[k].count);
		yw_mapping_end(w);
	}
	if (c->op == OP_MARKS)
		write_list(w, "marks", c->marks, c->mark_count);
	if (c->op == OP_TREATS)
		write_list(w, "risks", c->risks, c->risk_count);
	if (c->op == OP_SCALE)
		write_list(w, "scale", c->scale, c->scale_count);
	if (c->op == OP_SCOPE) {
		yw_string(w, "scope");
		yw_mapping_begin(w);
		yw_pair(w, "title", c->scope.title);
		yw_pair(w, "organization", c->scope.organization);
		yw_pair(w, "sites", c->scope.sites);
		yw_pair(w, "assets", c->scope.assets);
		yw_pair(w, "processes", c->scope.processes);
		yw_mapping_end(w);
	}
	if (c->op == OP_POLICY) {
		yw_string(w, "policy");
		write_policy(w, &c->policy);
	}
	if (c->op == OP_RISK) {
		yw_string(w, "risk");
		yw_mapping_begin(w);
		yw_pair(w, "id", c->risk.id);
		yw_pair(w, "description", c->risk.description);
		yw_pair(w, "asset", c->risk.asset);
		yw_pair(w, "properties", c->risk.properties);
		yw_pair(w, "level", c->risk.level);
		yw_pair(w, "target_level", c->risk.target_level);
		yw_pair(w, "deadline", c->risk.deadline);
		yw_pair(w, "owner", c->risk.owner);
		yw_mapping_end(w);
		if (c->remove)
			yw_bool(w, "remove", true);
	}
	yw_pair(w, "audit_scope", c->audit);
	yw_pair(w, "query", c->query);
	if (c->op == OP_TYPE)
		yw_attr_types(w, c->types, c->type_count);
	yw_pair(w, "reason", c->reason);
	yw_pair(w, "author", c->author);
	yw_pair(w, "date", c->date);
	yw_mapping_end(w);
}

bool tailoring_write(const struct tailoring *t, struct strbuf *out)
{
	const struct risk_policy *p = &t->policy;
	struct ywriter w;

	if (!yw_open(&w, out)) {
		yw_close(&w);
		return false;
	}
	yw_mapping_begin(&w);
	yw_pair(&w, "format", TAILORING_FORMAT);
	yw_pair(&w, "id", t->id);
	yw_pair(&w, "title", t->title);
	yw_string(&w, "base");
	yw_mapping_begin(&w);
	yw_pair(&w, t->base.kind == BASE_TAILORING ? "tailoring" : "catalog", t->base.id);
	yw_pair(&w, "edition", t->base.edition);
	yw_pair(&w, "hash", t->base.hash);
	yw_pair(&w, "file", t->base.file);
	yw_mapping_end(&w);
	yw_pair(&w, "organization", t->organization);
	yw_pair(&w, "scope", t->scope);
	if (p->awareness || p->targets || p->monitoring || p->feedback) {
		yw_string(&w, "risk_policy");
		write_policy(&w, p);
	}
	if (t->type_count)
		yw_attr_types(&w, t->types, t->type_count);
	if (t->wizard_page)
		yw_int(&w, "wizard_page", t->wizard_page);
	yw_string(&w, "changes");
	yw_sequence_begin(&w);
	for (uint32_t k = 0; k < t->count; k++)
		write_change(&w, &t->changes[k]);
	yw_sequence_end(&w);
	yw_mapping_end(&w);
	return yw_close(&w);
}

int tailoring_save_file_flags(const struct tailoring *t, const char *path, unsigned flags,
			      struct diag_list *diags)
{
	struct strbuf out;
	enum file_write_result r;

	strbuf_init(&out);
	if (!tailoring_write(t, &out)) {
		diag_add(diags, path, 0, 0, "%s", _("cannot write the tailoring: out of memory"));
		strbuf_free(&out);
		return FILE_WRITE_FAILED;
	}
	r = file_write(path, out.data, out.len, flags, diags);
	strbuf_free(&out);
	return (int)r;
}

bool tailoring_save_file(const struct tailoring *t, const char *path, struct diag_list *diags)
{
	return tailoring_save_file_flags(t, path, FILE_WRITE_BACKUP, diags) == FILE_WRITTEN;
}

bool tailoring_hash(const struct tailoring *t, char out[72])
{
	struct strbuf b;
	bool ok;

	strbuf_init(&b);
	ok = tailoring_write(t, &b) && !b.failed;
	if (ok)
		sha256_tag(b.data ? b.data : "", b.len, out);
	strbuf_free(&b);
	return ok;
}
