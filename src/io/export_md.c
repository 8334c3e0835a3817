/* The individual standard as Markdown: a contents list, every item with
 * its facts, and an appendix of every change with its reason. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/export.h"
#include "kijun/i18n.h"

static bool is_heading(const struct item *it)
{
	return it->kind == ITEM_PART || it->kind == ITEM_SECTION || it->kind == ITEM_CONTROL;
}

static void md_item(struct strbuf *out, const struct resolution *r, uint32_t i)
{
	const struct item *it = catalog_item(&r->cat, i);
	struct strbuf facts;

	if (is_heading(it)) {
		int level = it->depth + 1 > 6 ? 6 : it->depth + 1;

		for (int k = 0; k < level; k++)
			strbuf_addc(out, '#');
		strbuf_addc(out, ' ');
		doc_text_md(out, it->id, DOC_MD_LINE);
		if (it->title) {
			strbuf_addc(out, ' ');
			doc_text_md(out, it->title, DOC_MD_LINE);
		}
		strbuf_adds(out, "\n\n");
		if (it->text) {
			doc_text_md(out, it->text, DOC_MD_PARA);
			strbuf_adds(out, "\n\n");
		}
	} else {
		/* Detailed controls and entries: a paragraph led by the id. */
		strbuf_adds(out, "**");
		doc_text_md(out, it->id, DOC_MD_LINE);
		strbuf_adds(out, "**");
		if (it->label) {
			strbuf_addc(out, ' ');
			doc_text_md(out, it->label, DOC_MD_LINE);
		}
		if (it->title) {
			strbuf_addc(out, ' ');
			doc_text_md(out, it->title, DOC_MD_LINE);
		}
		strbuf_adds(out, "  \n");
		doc_text_md(out, it->text, DOC_MD_PARA);
		strbuf_adds(out, "\n\n");
	}
	strbuf_init(&facts);
	export_item_facts(&facts, r, i);
	if (facts.len) {
		strbuf_adds(out, "> ");
		doc_text_md(out, facts.data, DOC_MD_LINE);
		strbuf_adds(out, "\n\n");
	}
	strbuf_free(&facts);
}

void export_md_changes(struct strbuf *out, const struct workspace *w, const char *heading)
{
	const struct tailoring *t = &w->t;
	struct strbuf target;

	strbuf_addf(out, "## %s\n\n", heading);
	if (t->count == 0) {
		strbuf_addf(out, "%s\n", _("No changes."));
		return;
	}
	strbuf_addf(out, "| # | %s | %s | %s | %s | %s | %s |\n", _("guideline step"), _("change"),
		    _("item"), _("change reason"), _("changed by"), _("change date"));
	strbuf_adds(out, "|---|---|---|---|---|---|---|\n");
	strbuf_init(&target);
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		uint32_t by = resolution_withdrawn_by(&w->res, k);

		strbuf_addf(out, "| %u | %u %s | ", k + 1, c->step, step_label(c->step));
		doc_text_md(out, change_op_label(c->op), DOC_MD_CELL);
		if (by != CHANGE_NONE)
			strbuf_addf(out, _(" (withdrawn by #%u)"), by + 1);
		strbuf_adds(out, " | ");
		strbuf_reset(&target);
		strbuf_adds(&target, "");
		export_change_target(&target, c);
		doc_text_md(out, target.data, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, c->reason, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, c->author, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, c->date, DOC_MD_CELL);
		strbuf_adds(out, " |\n");
	}
	strbuf_free(&target);
}

void export_md(struct strbuf *out, const struct workspace *w)
{
	const struct resolution *r = &w->res;

	strbuf_adds(out, "# ");
	doc_text_md(out, workspace_title(w), DOC_MD_LINE);
	strbuf_adds(out, "\n\n");
	if (workspace_organization(w)) {
		doc_text_md(out, workspace_organization(w), DOC_MD_LINE);
		strbuf_adds(out, "  \n");
	}
	strbuf_adds(out, _("Based on: "));
	doc_text_md(out, w->root.title ? w->root.title : w->root.id, DOC_MD_LINE);
	if (w->root.edition) {
		strbuf_adds(out, " (");
		doc_text_md(out, w->root.edition, DOC_MD_LINE);
		strbuf_adds(out, ")");
	}
	strbuf_adds(out, "\n\n");
	strbuf_addf(out, "## %s\n\n", _("Contents"));
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i)) {
		const struct item *it = catalog_item(&r->cat, i);

		if (it->kind != ITEM_PART && it->kind != ITEM_SECTION)
			continue;
		for (int k = 1; k < it->depth; k++)
			strbuf_adds(out, "  ");
		strbuf_adds(out, "- ");
		doc_text_md(out, it->id, DOC_MD_LINE);
		strbuf_addc(out, ' ');
		doc_text_md(out, it->title, DOC_MD_LINE);
		strbuf_addc(out, '\n');
	}
	strbuf_addc(out, '\n');
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i))
		md_item(out, r, i);
	export_md_changes(out, w, _("Appendix: every change"));
}
