/* The individual standard as one self-contained HTML page, made to be
 * printed or opened anywhere: the style is inline, nothing is fetched,
 * every string from a file is escaped. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/export.h"
#include "kijun/i18n.h"

static const char style[] =
	"body{font-family:sans-serif;line-height:1.6;max-width:52em;margin:2em auto;padding:0 1em;color:#111}"
	"h1{font-size:1.6em}h2{font-size:1.35em;border-bottom:1px solid #999;margin-top:2em}"
	"h3{font-size:1.2em}h4,h5,h6{font-size:1.05em}"
	".id{font-family:monospace;margin-right:.5em}"
	".item{margin:.6em 0 .6em 1.5em}.entry{margin:.3em 0 .3em 3em}"
	".text{white-space:pre-wrap}.facts{color:#444;font-size:.9em;margin:.2em 0 .8em}"
	"nav ul{list-style:none;padding-left:1.2em}"
	"table{border-collapse:collapse;width:100%;font-size:.9em}"
	"th,td{border:1px solid #999;padding:.25em .4em;vertical-align:top;text-align:left}"
	"td:last-child{white-space:nowrap}"
	"@media print{body{max-width:none;margin:0}nav{page-break-after:always}"
	"h2{page-break-after:avoid}.appendix{page-break-before:always}a{color:inherit;text-decoration:none}}";

/* An id made safe for an HTML id and a fragment: letters, digits, . -
 * kept, every other byte as _XX. */
static void anchor(struct strbuf *out, const char *id)
{
	strbuf_adds(out, "i-");
	for (const unsigned char *p = (const unsigned char *)id; p && *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-')
			strbuf_addc(out, (char)*p);
		else
			strbuf_addf(out, "_%02X", *p);
	}
}

static void html_item(struct strbuf *out, const struct resolution *r, uint32_t i)
{
	const struct item *it = catalog_item(&r->cat, i);
	struct strbuf facts;
	bool heading = it->kind == ITEM_PART || it->kind == ITEM_SECTION || it->kind == ITEM_CONTROL;

	if (heading) {
		int level = it->depth + 1 > 6 ? 6 : it->depth + 1;

		strbuf_addf(out, "<h%d id=\"", level);
		anchor(out, it->id);
		strbuf_adds(out, "\"><span class=\"id\">");
		html_escape(out, it->id);
		strbuf_adds(out, "</span>");
		html_escape(out, it->title);
		strbuf_addf(out, "</h%d>\n", level);
		if (it->text) {
			strbuf_adds(out, "<p class=\"text\">");
			html_escape(out, it->text);
			strbuf_adds(out, "</p>\n");
		}
	} else {
		strbuf_addf(out, "<div class=\"%s\" id=\"", it->kind == ITEM_ENTRY ? "entry" : "item");
		anchor(out, it->id);
		strbuf_adds(out, "\"><span class=\"id\">");
		html_escape(out, it->id);
		strbuf_adds(out, "</span>");
		if (it->label) {
			html_escape(out, it->label);
			strbuf_addc(out, ' ');
		}
		if (it->title) {
			strbuf_adds(out, "<b>");
			html_escape(out, it->title);
			strbuf_adds(out, "</b>");
		}
		strbuf_adds(out, "<div class=\"text\">");
		html_escape(out, it->text);
		strbuf_adds(out, "</div>\n");
	}
	/* The facts under the item, inside its box so they share its indent. */
	strbuf_init(&facts);
	export_item_facts(&facts, r, i);
	if (facts.len) {
		strbuf_adds(out, "<p class=\"facts\">");
		html_escape(out, facts.data);
		strbuf_adds(out, "</p>\n");
	}
	strbuf_free(&facts);
	if (!heading)
		strbuf_adds(out, "</div>\n");
}

static void html_toc(struct strbuf *out, const struct resolution *r)
{
	int open = 0;

	strbuf_addf(out, "<nav>\n<h2>%s</h2>\n", _("Contents"));
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i)) {
		const struct item *it = catalog_item(&r->cat, i);

		if (it->kind != ITEM_PART && it->kind != ITEM_SECTION)
			continue;
		for (; open < it->depth; open++)
			strbuf_adds(out, "<ul>\n");
		for (; open > it->depth; open--)
			strbuf_adds(out, "</ul>\n");
		strbuf_adds(out, "<li><a href=\"#");
		anchor(out, it->id);
		strbuf_adds(out, "\">");
		html_escape(out, it->id);
		strbuf_adds(out, " ");
		html_escape(out, it->title);
		strbuf_adds(out, "</a></li>\n");
	}
	for (; open > 0; open--)
		strbuf_adds(out, "</ul>\n");
	strbuf_adds(out, "</nav>\n");
}

static void html_changes(struct strbuf *out, const struct workspace *w)
{
	const struct tailoring *t = &w->t;
	struct strbuf target;

	strbuf_addf(out, "<section class=\"appendix\">\n<h2 id=\"changes\">%s</h2>\n",
		    _("Appendix: every change"));
	if (t->count == 0) {
		strbuf_addf(out, "<p>%s</p>\n</section>\n", _("No changes."));
		return;
	}
	strbuf_addf(out, "<table>\n<tr><th>#</th><th>%s</th><th>%s</th><th>%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th></tr>\n", _("guideline step"), _("change"),
		    _("item"), _("change reason"), _("changed by"), _("change date"));
	strbuf_init(&target);
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		uint32_t by = resolution_withdrawn_by(&w->res, k);

		strbuf_addf(out, "<tr><td>%u</td><td>%u ", k + 1, c->step);
		html_escape(out, step_label(c->step));
		strbuf_adds(out, "</td><td>");
		html_escape(out, change_op_label(c->op));
		if (by != CHANGE_NONE)
			strbuf_addf(out, _(" (withdrawn by #%u)"), by + 1);
		strbuf_adds(out, "</td><td>");
		strbuf_reset(&target);
		strbuf_adds(&target, "");
		export_change_target(&target, c);
		html_escape(out, target.data);
		strbuf_adds(out, "</td><td class=\"text\">");
		html_escape(out, c->reason);
		strbuf_adds(out, "</td><td>");
		html_escape(out, c->author);
		strbuf_adds(out, "</td><td>");
		html_escape(out, c->date);
		strbuf_adds(out, "</td></tr>\n");
	}
	strbuf_free(&target);
	strbuf_adds(out, "</table>\n</section>\n");
}

void export_html(struct strbuf *out, const struct workspace *w)
{
	const struct resolution *r = &w->res;
	const char *title = workspace_title(w);

	strbuf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		    i18n_language() == LANGUAGE_JA ? "ja" : "en");
	strbuf_adds(out, "<meta name=\"generator\" content=\"kijun\">\n<title>");
	html_escape(out, title);
	strbuf_addf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
	html_escape(out, title);
	strbuf_adds(out, "</h1>\n<p>");
	if (workspace_organization(w)) {
		html_escape(out, workspace_organization(w));
		strbuf_adds(out, "<br>\n");
	}
	html_escape(out, _("Based on: "));
	html_escape(out, w->root.title ? w->root.title : w->root.id);
	if (w->root.edition) {
		strbuf_adds(out, " (");
		html_escape(out, w->root.edition);
		strbuf_adds(out, ")");
	}
	strbuf_adds(out, "</p>\n");
	html_toc(out, r);
	strbuf_adds(out, "<main>\n");
	for (uint32_t i = export_first(r); i != ITEM_NONE; i = export_next(r, i))
		html_item(out, r, i);
	strbuf_adds(out, "</main>\n");
	html_changes(out, w);
	strbuf_adds(out, "</body>\n</html>\n");
}
