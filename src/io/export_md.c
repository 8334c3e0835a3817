/* The individual standard as Markdown: a contents list, every item with
 * its facts, and an appendix of every change with its reason. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/export.h"
#include "kijun/i18n.h"

/* Text cleaned, with the characters Markdown would take as markup
 * escaped; line breaks kept as hard breaks inside a paragraph. */
static void md_text(struct strbuf *out, const char *s, bool one_line)
{
	struct strbuf clean;

	strbuf_init(&clean);
	doc_text_clean(&clean, s);
	for (const char *p = clean.data; p && *p; p++) {
		if (*p == '\n') {
			strbuf_adds(out, one_line ? " " : "  \n");
			continue;
		}
		if (strchr("\\`*_[]<>#|~", *p))
			strbuf_addc(out, '\\');
		strbuf_addc(out, *p);
	}
	strbuf_free(&clean);
}

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
		md_text(out, it->id, true);
		if (it->title) {
			strbuf_addc(out, ' ');
			md_text(out, it->title, true);
		}
		strbuf_adds(out, "\n\n");
		if (it->text) {
			md_text(out, it->text, false);
			strbuf_adds(out, "\n\n");
		}
	} else {
		/* Detailed controls and entries: a paragraph led by the id. */
		strbuf_adds(out, "**");
		md_text(out, it->id, true);
		strbuf_adds(out, "**");
		if (it->label) {
			strbuf_addc(out, ' ');
			md_text(out, it->label, true);
		}
		if (it->title) {
			strbuf_addc(out, ' ');
			md_text(out, it->title, true);
		}
		strbuf_adds(out, "  \n");
		md_text(out, it->text, false);
		strbuf_adds(out, "\n\n");
	}
	strbuf_init(&facts);
	export_item_facts(&facts, r, i);
	if (facts.len) {
		strbuf_adds(out, "> ");
		md_text(out, facts.data, true);
		strbuf_adds(out, "\n\n");
	}
	strbuf_free(&facts);
}

static void md_changes(struct strbuf *out, const struct workspace *w)
{
	const struct tailoring *t = &w->t;
	struct strbuf target;

	strbuf_addf(out, "## %s\n\n", _("Appendix: every change"));
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
		md_text(out, change_op_label(c->op), true);
		if (by != CHANGE_NONE)
			strbuf_addf(out, _(" (withdrawn by #%u)"), by + 1);
		strbuf_adds(out, " | ");
		strbuf_reset(&target);
		strbuf_adds(&target, "");
		export_change_target(&target, c);
		md_text(out, target.data, true);
		strbuf_adds(out, " | ");
		md_text(out, c->reason, true);
		strbuf_adds(out, " | ");
		md_text(out, c->author, true);
		strbuf_adds(out, " | ");
		md_text(out, c->date, true);
		strbuf_adds(out, " |\n");
	}
	strbuf_free(&target);
}

void export_md(struct strbuf *out, const struct workspace *w)
{
	const struct resolution *r = &w->res;

	strbuf_adds(out, "# ");
	md_text(out, w->t.title ? w->t.title : w->t.id, true);
	strbuf_adds(out, "\n\n");
	if (w->t.organization) {
		md_text(out, w->t.organization, true);
		strbuf_adds(out, "  \n");
	}
	strbuf_adds(out, _("Based on: "));
	md_text(out, w->root.title ? w->root.title : w->root.id, true);
	if (w->root.edition) {
		strbuf_adds(out, " (");
		md_text(out, w->root.edition, true);
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
		md_text(out, it->id, true);
		strbuf_addc(out, ' ');
		md_text(out, it->title, true);
		strbuf_addc(out, '\n');
	}
	strbuf_addc(out, '\n');
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i))
		md_item(out, r, i);
	md_changes(out, w);
}
