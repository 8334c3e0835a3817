/* An evaluation's report as one self-contained, printable HTML page: the
 * style is inline, nothing is fetched, every string from a file is
 * escaped.  Each item is a card with the facts on the left and the
 * auditor's opinion on the right, each side titled and tinted, so that a
 * reader never takes one for the other. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/eval_words.h"
#include "kijun/export.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

static const char style[] =
	"body{font-family:sans-serif;line-height:1.5;max-width:60em;margin:2em auto;padding:0 1em;color:#111}"
	"h1{font-size:1.6em;margin-bottom:.3em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:1.8em}"
	"dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0}dl.meta dt{color:#555}dl.meta dd{margin:0}"
	"table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0}"
	"th,td{border:1px solid #999;padding:.25em .4em;vertical-align:top;text-align:left}"
	"th{background:#eee}td.n{text-align:right;white-space:nowrap}.nowrap{white-space:nowrap}"
	".sums{display:flex;gap:2em;align-items:flex-start}.sums table{width:auto;min-width:14em}"
	".card{border:1px solid #999;margin:1em 0;page-break-inside:avoid}"
	".card h3{font-size:1.05em;margin:0;padding:.3em .5em;background:#eee;border-bottom:1px solid #999}"
	".id{font-family:monospace;margin-right:.6em}"
	".sides{display:grid;grid-template-columns:1fr 1fr}"
	".side{padding:.3em .6em}.side h4{font-size:.85em;margin:.1em 0 .3em;letter-spacing:.05em}"
	".facts{background:#fff}.opinion{background:#f6f8fc;border-left:3px solid #4a6fa5}"
	".opinion h4{color:#2d4f80}.facts h4{color:#555}"
	".lab{font-weight:bold;font-size:.9em;margin-top:.3em}p.t{margin:.2em 0}ul{margin:.2em 0;padding-left:1.2em}li{margin:.15em 0}.t{white-space:pre-wrap}"
	".warn{color:#a00}.muted{color:#666;font-size:.9em}"
	".r-effective{color:#075e07;font-weight:bold}.r-not-effective{color:#a00;font-weight:bold}"
	".r-partly-effective{color:#8a5a00;font-weight:bold}"
	"@media print{body{max-width:none;margin:0;font-size:10pt}h2{page-break-after:avoid}"
	".appendix{page-break-before:always}.opinion{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

static void text(struct strbuf *out, const char *s)
{
	html_escape(out, s);
}

/* A line builder's output as escaped text (breaks kept by pre-wrap). */
static void text_buf(struct strbuf *out, struct strbuf *b)
{
	strbuf_adds(b, "");
	html_escape(out, b->data);
	strbuf_reset(b);
}

static void summary(struct strbuf *out, const struct report *r)
{
	struct eval_counts n;

	evaluation_count(r->e, &n);
	strbuf_addf(out, "<h2>%s</h2>\n<div class=\"sums\">\n", _("Summary"));
	strbuf_addf(out, "<table><tr><th>%s</th><th>%s</th></tr>\n", _("Result"), _("Number of items"));
	for (int k = 0; k < RESULT_COUNT; k++)
		strbuf_addf(out, "<tr><td>%s</td><td class=\"n\">%u</td></tr>\n",
			    eval_words_result((enum eval_result)k), n.by_result[k]);
	strbuf_addf(out, "<tr><th>%s</th><th class=\"n\">%u</th></tr></table>\n", _("total"), n.total);
	strbuf_addf(out, "<table><tr><th>%s</th><th>%s</th></tr>\n", _("State"), _("Number of items"));
	for (int k = 0; k < ESTATE_COUNT; k++)
		strbuf_addf(out, "<tr><td>%s</td><td class=\"n\">%u</td></tr>\n",
			    eval_words_state((enum eval_state)k), n.by_state[k]);
	strbuf_addf(out, "<tr><th>%s</th><th class=\"n\">%u</th></tr></table>\n</div>\n",
		    _("open findings"), n.open_findings);
}

static void facts(struct strbuf *out, const struct eval_item *it, struct strbuf *b)
{
	strbuf_addf(out, "<div class=\"side facts\"><h4>%s</h4>\n", _("Facts"));
	report_governance(b, it);
	if (b->len) {
		strbuf_addf(out, "<div class=\"lab\">%s</div><p class=\"t\">", _("Measure (III.1)"));
		text_buf(out, b);
		strbuf_adds(out, "</p>\n");
	}
	strbuf_reset(b);
	if (!it->procedure_count && !it->has_sampling && !it->evidence_count && !it->gov)
		strbuf_addf(out, "<p class=\"muted\">%s</p>\n", _("No procedures recorded."));
	if (it->procedure_count) {
		strbuf_addf(out, "<div class=\"lab\">%s</div><ul>\n", _("Procedures"));
		for (uint32_t p = 0; p < it->procedure_count; p++) {
			strbuf_adds(out, "<li class=\"t\">");
			report_procedure(b, &it->procedures[p]);
			text_buf(out, b);
			strbuf_adds(out, "</li>\n");
		}
		strbuf_adds(out, "</ul>\n");
		if (evaluation_inquiry_only(it))
			strbuf_addf(out, "<p class=\"warn\">%s</p>\n",
				    _("! inquiry alone is weak evidence: inspect, observe or reperform too"));
	}
	if (it->has_sampling) {
		strbuf_addf(out, "<div class=\"lab\">%s</div><ul><li class=\"t\">", _("Sampling"));
		report_sampling(b, &it->sampling);
		text_buf(out, b);
		strbuf_adds(out, "</li>");
		if (it->sampling.deviations) {
			strbuf_addf(out, "<li class=\"t\">%s: ", _("Deviations"));
			text(out, it->sampling.deviations);
			strbuf_adds(out, "</li>");
		}
		strbuf_adds(out, "</ul>\n");
	}
	if (it->evidence_count) {
		strbuf_addf(out, "<div class=\"lab\">%s</div><ul>\n", _("Evidence"));
		for (uint32_t v = 0; v < it->evidence_count; v++) {
			strbuf_adds(out, "<li class=\"t\">");
			report_evidence(b, &it->evidence[v]);
			text_buf(out, b);
			strbuf_adds(out, "</li>\n");
		}
		strbuf_adds(out, "</ul>\n");
	}
	strbuf_adds(out, "</div>\n");
}

static void opinion(struct strbuf *out, const struct report *r, const struct eval_item *it,
		    struct strbuf *b)
{
	strbuf_addf(out, "<div class=\"side opinion\"><h4>%s</h4>\n", _("Opinion"));
	strbuf_addf(out, "<div>%s: <span class=\"r-%s\">%s</span> · %s: %s</div>\n", _("Result"),
		    evaluation_result_names[it->result], eval_words_result((enum eval_result)it->result),
		    _("State"), eval_words_state((enum eval_state)it->state));
	if (r->e->previous_file && it->last.has) {
		strbuf_adds(out, "<div class=\"muted\">");
		strbuf_addf(b, _("last result: %s (%s)"),
			    eval_words_result((enum eval_result)it->last.result),
			    it->last.updated ? it->last.updated : "-");
		text_buf(out, b);
		strbuf_adds(out, "</div>\n");
	}
	if (it->decision) {
		strbuf_addf(out, "<div class=\"t\">%s: ", _("Decision"));
		text(out, it->decision);
		strbuf_adds(out, "</div>\n");
	}
	if (it->finding_count) {
		strbuf_addf(out, "<div class=\"lab\">%s</div><ul>\n", _("Findings"));
		for (uint32_t f = 0; f < it->finding_count; f++) {
			strbuf_addf(out, "<li class=\"t%s\">",
				    it->findings[f].grade <= GRADE_MINOR ? " warn" : "");
			report_finding(b, &it->findings[f]);
			text_buf(out, b);
			strbuf_adds(out, "</li>\n");
		}
		strbuf_adds(out, "</ul>\n");
	}
	if (it->comment) {
		strbuf_addf(out, "<div class=\"t\">%s: ", report_comment_word(r));
		text(out, it->comment);
		strbuf_adds(out, "</div>\n");
	}
	report_signoff(b, it);
	if (b->len) {
		strbuf_adds(out, "<div class=\"muted\">");
		text_buf(out, b);
		strbuf_adds(out, "</div>\n");
	}
	strbuf_reset(b);
	strbuf_adds(out, "</div>\n");
}

static void items(struct strbuf *out, const struct report *r, struct strbuf *b)
{
	strbuf_addf(out, "<h2>%s</h2>\n", _("Items"));
	for (uint32_t k = 0; k < r->e->count; k++) {
		const struct eval_item *it = &r->e->items[k];
		const char *title = report_item_title(r, it);

		strbuf_adds(out, "<section class=\"card\"><h3><span class=\"id\">");
		text(out, it->id);
		strbuf_adds(out, "</span>");
		text(out, title);
		strbuf_adds(out, "</h3>\n");
		if (r->e->kind == EVAL_GOVERNANCE && evaluation_measure_of(it->id) >= 0)
			strbuf_addf(out, "<p class=\"muted\" style=\"margin:.3em .6em\">%s</p>\n",
				    eval_words_question((enum gov_measure)evaluation_measure_of(it->id)));
		strbuf_adds(out, "<div class=\"sides\">\n");
		facts(out, it, b);
		opinion(out, r, it, b);
		strbuf_adds(out, "</div></section>\n");
	}
}

static void findings(struct strbuf *out, const struct report *r)
{
	const struct eval_item *it;
	const struct eval_finding *f;
	uint32_t i = 0, k = 0, n = 0;

	strbuf_addf(out, "<h2>%s</h2>\n", _("Findings"));
	while (report_next_finding(r->e, &i, &k, &it, &f)) {
		if (n++ == 0)
			strbuf_addf(out, "<table><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th>"
				    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
				    _("item id"), _("Grade"), _("Urgency"), _("finding state"),
				    _("finding"), _("root cause"), _("remediation owner"), _("due date"));
		strbuf_addf(out, "<tr><td class=\"n\">%u</td><td class=\"nowrap\">", n);
		text(out, it->id);
		strbuf_addf(out, "</td><td>%s</td><td>%s</td><td>%s</td><td class=\"t\">",
			    eval_words_grade((enum finding_grade)f->grade),
			    eval_words_urgency((enum finding_urgency)f->urgency),
			    eval_words_fstate((enum finding_state)f->state));
		text(out, f->text);
		strbuf_adds(out, "</td><td class=\"t\">");
		text(out, f->cause);
		strbuf_adds(out, "</td><td>");
		text(out, f->owner);
		strbuf_adds(out, "</td><td class=\"nowrap\">");
		text(out, f->due);
		strbuf_adds(out, "</td></tr>\n");
	}
	if (n)
		strbuf_adds(out, "</table>\n");
	else
		strbuf_addf(out, "<p>%s</p>\n", _("No findings."));
}

static void absent(struct strbuf *out, const struct evaluation *e)
{
	if (!e->absent_count)
		return;
	strbuf_addf(out, "<h2>%s</h2>\n<ul>\n", _("Items left out by the gate"));
	for (uint32_t k = 0; k < e->absent_count; k++) {
		strbuf_adds(out, "<li><span class=\"id\">");
		text(out, e->absent[k].id);
		strbuf_addf(out, "</span>%s</li>\n",
			    eval_words_gate((enum gate_reason)e->absent[k].reason));
	}
	strbuf_adds(out, "</ul>\n");
}

static void changes(struct strbuf *out, const struct workspace *w, struct strbuf *b)
{
	const struct tailoring *t = &w->t;

	strbuf_addf(out, "<section class=\"appendix\"><h2>%s</h2>\n",
		    _("Appendix: the tailoring's changes and their reasons"));
	if (t->count == 0) {
		strbuf_addf(out, "<p>%s</p></section>\n", _("No changes."));
		return;
	}
	strbuf_addf(out, "<table><tr><th>#</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
		    "<th>%s</th><th>%s</th></tr>\n", _("guideline step"), _("change"), _("item"),
		    _("change reason"), _("changed by"), _("change date"));
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		uint32_t by = resolution_withdrawn_by(&w->res, k);

		strbuf_addf(out, "<tr><td class=\"n\">%u</td><td>%u %s</td><td>", k + 1, c->step,
			    step_label(c->step));
		text(out, change_op_label(c->op));
		if (by != CHANGE_NONE)
			strbuf_addf(out, _(" (withdrawn by #%u)"), by + 1);
		strbuf_adds(out, "</td><td class=\"nowrap\">");
		export_change_target(b, c);
		text_buf(out, b);
		strbuf_adds(out, "</td><td class=\"t\">");
		text(out, c->reason);
		strbuf_adds(out, "</td><td>");
		text(out, c->author);
		strbuf_adds(out, "</td><td class=\"nowrap\">");
		text(out, c->date);
		strbuf_adds(out, "</td></tr>\n");
	}
	strbuf_adds(out, "</table></section>\n");
}

static void meta_row(struct strbuf *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	strbuf_addf(out, "<dt>%s</dt><dd>", name);
	text(out, value);
	strbuf_adds(out, "</dd>\n");
}

void report_html(struct strbuf *out, const struct report *r)
{
	const struct evaluation *e = r->e;
	const struct tailoring *t = &r->w->t;
	struct strbuf b;

	strbuf_init(&b);
	strbuf_addf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
		    i18n_language() == LANGUAGE_JA ? "ja" : "en");
	report_title(&b, r);
	text_buf(out, &b);
	strbuf_addf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
	report_title(&b, r);
	text_buf(out, &b);
	strbuf_adds(out, "</h1>\n<dl class=\"meta\">\n");
	meta_row(out, _("Kind"), eval_words_kind((enum eval_kind)e->kind));
	strbuf_addf(&b, "%s (%s)", t->title ? t->title : t->id ? t->id : "", e->tailoring_file);
	strbuf_adds(&b, "");
	meta_row(out, _("Individual standard"), b.data);
	strbuf_reset(&b);
	meta_row(out, _("Scope"), e->scope);
	report_period(&b, e);
	meta_row(out, _("Period"), b.data);
	strbuf_reset(&b);
	for (uint32_t k = 0; k < e->auditor_count; k++)
		strbuf_addf(&b, "%s%s", k ? ", " : "", e->auditors[k]);
	strbuf_adds(&b, "");
	meta_row(out, _("Auditors"), b.data);
	strbuf_reset(&b);
	strbuf_addf(&b, "%.10s", r->now ? r->now : "");
	meta_row(out, _("Report date"), b.data);
	strbuf_reset(&b);
	strbuf_adds(out, "</dl>\n");
	summary(out, r);
	findings(out, r);
	items(out, r, &b);
	absent(out, e);
	changes(out, r->w, &b);
	strbuf_adds(out, "</body>\n</html>\n");
	strbuf_free(&b);
}
