/* The individual standard as CSV for Excel: one row per item, UTF-8 with
 * the byte order mark (Excel reads UTF-8 only with it), CRLF line ends,
 * multi-line cells quoted, formula-like cells disarmed (doc_text.h). */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/export.h"
#include "kijun/i18n.h"

static void cell(struct strbuf *out, const char *s, bool last)
{
	csv_cell(out, s);
	strbuf_adds(out, last ? "\r\n" : ",");
}

/* The values item i has of type t, as labels, comma-joined. */
static void attr_cell(struct strbuf *out, const struct catalog *c, const struct item *it, uint32_t t)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_adds(&b, "");
	for (uint32_t k = 0; k < it->attr_count; k++) {
		if (it->attrs[k].type != t)
			continue;
		strbuf_addf(&b, "%s%s", b.len ? "," : "", c->types[t].values[it->attrs[k].value].id);
	}
	cell(out, b.data, false);
	strbuf_free(&b);
}

void export_csv(struct strbuf *out, const struct workspace *w)
{
	const struct resolution *r = &w->res;
	const struct catalog *c = &r->cat;
	const char *head[] = {
		N_("item id"), N_("parent id"), N_("item kind"), N_("list label"), N_("item title"),
		N_("item text"), N_("item status"), N_("item level"), N_("technical verification"),
		N_("review every (months)"), N_("item marks"), N_("item source"),
		N_("source reference"), N_("internal rules"),
	};
	struct strbuf b;

	strbuf_add(out, "\xEF\xBB\xBF", 3);
	for (size_t k = 0; k < sizeof(head) / sizeof(*head); k++)
		cell(out, _(head[k]), false);
	for (uint32_t t = 0; t < c->type_count; t++)
		cell(out, attr_type_label(&c->types[t]), false);
	cell(out, _("changes that shaped it"), true);
	strbuf_init(&b);
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i)) {
		const struct item *it = catalog_item(c, i);
		const struct resolved *info = &r->info[i];
		const struct resolved_extra *extra = resolved_extra(info);

		cell(out, it->id, false);
		cell(out, it->parent != ITEM_ROOT_INDEX ? catalog_item(c, it->parent)->id : "", false);
		cell(out, item_kind_label((enum item_kind)it->kind), false);
		cell(out, it->label, false);
		cell(out, it->title, false);
		cell(out, it->text, false);
		cell(out, item_status_label((enum item_status)info->status), false);
		cell(out, info->level != LEVEL_NONE ? item_level_label((enum item_level)info->level) : "", false);
		cell(out, info->technical ? _("yes, technical") : "", false);
		strbuf_reset(&b);
		strbuf_adds(&b, "");
		if (info->review_months)
			strbuf_addf(&b, "%u", (unsigned)info->review_months);
		cell(out, b.data, false);
		strbuf_reset(&b);
		strbuf_adds(&b, "");
		for (uint32_t k = 0; k < extra->mark_count; k++)
			strbuf_addf(&b, "%s%s", k ? "," : "", extra->marks[k]);
		cell(out, b.data, false);
		cell(out, info->source ? source_kind_label((enum source_kind)info->source) : "", false);
		cell(out, extra->source_ref, false);
		strbuf_reset(&b);
		strbuf_adds(&b, "");
		for (uint32_t k = 0; k < extra->link_count; k++) {
			const struct rule_link *l = &extra->links[k];

			strbuf_addf(&b, "%s%s%s%s", k ? "\n" : "", l->rule ? l->rule : "",
				    l->section ? " " : "", l->section ? l->section : "");
			if (l->note)
				strbuf_addf(&b, " (%s)", l->note);
		}
		cell(out, b.data, false);
		for (uint32_t t = 0; t < c->type_count; t++)
			attr_cell(out, c, it, t);
		/* The changes that shaped it, one a line: "#3 修正: reason". */
		strbuf_reset(&b);
		strbuf_adds(&b, "");
		for (uint32_t k = 0; k < info->history_count; k++) {
			const struct shaping *h = &info->history[k];

			if (h->state == SHAPING_WITHDRAWN)
				continue;
			strbuf_addf(&b, "%s%s#%u %s: %s", b.len ? "\n" : "",
				    h->from != &w->t && h->from->id ? h->from->id : "", h->index + 1,
				    change_op_label(h->change->op), h->change->reason ? h->change->reason : "");
		}
		cell(out, b.data, true);
	}
	strbuf_free(&b);
}
