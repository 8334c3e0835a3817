/* An evaluation's report as Markdown: the summary, then the facts (what
 * was done and seen) and the auditor's opinion (results, findings) in
 * sections of their own, the items the gate left out, and an appendix of
 * the tailoring's changes with their reasons. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/eval_words.h"
#include "kijun/export.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

/* A table cell from a line builder's output. */
static void md_buf(struct strbuf *out, struct strbuf *b, enum doc_md mode)
{
	doc_text_md(out, b->data, mode);
	strbuf_reset(b);
}

static void md_summary(struct strbuf *out, const struct report *r)
{
	struct eval_counts n;
	uint32_t findings = 0;

	evaluation_count(r->e, &n);
	for (uint32_t k = 0; k < r->e->count; k++)
		findings += r->e->items[k].finding_count;
	strbuf_addf(out, "## %s\n\n", _("Summary"));
	strbuf_addf(out, "| %s | %s |\n|---|---:|\n", _("Result"), _("Number of items"));
	for (int k = 0; k < RESULT_COUNT; k++)
		strbuf_addf(out, "| %s | %u |\n", eval_words_result((enum eval_result)k), n.by_result[k]);
	strbuf_addf(out, "| **%s** | **%u** |\n\n", _("total"), n.total);
	strbuf_addf(out, "| %s | %s |\n|---|---:|\n", _("State"), _("Number of items"));
	for (int k = 0; k < ESTATE_COUNT; k++)
		strbuf_addf(out, "| %s | %u |\n", eval_words_state((enum eval_state)k), n.by_state[k]);
	strbuf_addc(out, '\n');
	strbuf_addf(out, _("Findings: %u, of which open: %u"), findings, n.open_findings);
	strbuf_adds(out, "\n\n");
}

static void md_item_heading(struct strbuf *out, const struct report *r, const struct eval_item *it)
{
	const char *title = report_item_title(r, it);

	strbuf_adds(out, "### ");
	doc_text_md(out, it->id, DOC_MD_LINE);
	if (title) {
		strbuf_addc(out, ' ');
		doc_text_md(out, title, DOC_MD_LINE);
	}
	strbuf_adds(out, "\n\n");
}

/* What was done and seen: procedures, sampling and deviations, evidence. */
static void md_facts(struct strbuf *out, const struct report *r)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_addf(out, "## %s\n\n", _("Facts: procedures performed and evidence obtained"));
	for (uint32_t k = 0; k < r->e->count; k++) {
		const struct eval_item *it = &r->e->items[k];

		md_item_heading(out, r, it);
		if (r->e->kind == EVAL_GOVERNANCE && evaluation_measure_of(it->id) >= 0) {
			strbuf_adds(out, "> ");
			doc_text_md(out, eval_words_question((enum gov_measure)evaluation_measure_of(it->id)), DOC_MD_LINE);
			strbuf_adds(out, "\n\n");
		}
		report_governance(&b, it);
		if (b.len) {
			strbuf_addf(out, "- %s  \n", _("Measure (III.1)"));
			md_buf(out, &b, DOC_MD_PARA);
			strbuf_addc(out, '\n');
		}
		if (!it->procedure_count && !it->has_sampling && !it->evidence_count) {
			if (!it->gov)
				strbuf_addf(out, "%s\n", _("No procedures recorded."));
			strbuf_addc(out, '\n');
			continue;
		}
		for (uint32_t p = 0; p < it->procedure_count; p++) {
			strbuf_adds(out, "- ");
			report_procedure(&b, &it->procedures[p]);
			md_buf(out, &b, DOC_MD_PARA);
			strbuf_addc(out, '\n');
		}
		if (evaluation_inquiry_only(it))
			strbuf_addf(out, "- %s\n", _("! inquiry alone is weak evidence: inspect, observe or reperform too"));
		if (it->has_sampling) {
			strbuf_addf(out, "- %s  \n", _("Sampling"));
			report_sampling(&b, &it->sampling);
			md_buf(out, &b, DOC_MD_PARA);
			strbuf_addc(out, '\n');
			if (it->sampling.deviations) {
				strbuf_addf(out, "- %s: ", _("Deviations"));
				doc_text_md(out, it->sampling.deviations, DOC_MD_PARA);
				strbuf_addc(out, '\n');
			}
		}
		for (uint32_t v = 0; v < it->evidence_count; v++) {
			strbuf_addf(out, "- %s %u: ", _("Evidence"), v + 1);
			report_evidence(&b, &it->evidence[v]);
			md_buf(out, &b, DOC_MD_PARA);
			strbuf_addc(out, '\n');
		}
		strbuf_addc(out, '\n');
	}
	strbuf_free(&b);
}

/* The auditor's opinion: a table of results, then the findings. */
static void md_opinion(struct strbuf *out, const struct report *r)
{
	const struct eval_item *it;
	const struct eval_finding *f;
	uint32_t i = 0, k = 0, n = 0;
	struct strbuf b;

	strbuf_init(&b);
	strbuf_addf(out, "## %s\n\n", _("Opinion: results and findings"));
	strbuf_addf(out, "| %s | %s | %s | %s | %s | %s |", _("item id"), _("Result"), _("State"),
		    _("Decision"), report_comment_word(r), _("Sign-off"));
	/* The next period: the last period's result beside this one's. */
	if (r->e->previous_file)
		strbuf_addf(out, " %s |", _("Last period"));
	strbuf_adds(out, r->e->previous_file ? "\n|---|---|---|---|---|---|---|\n"
					     : "\n|---|---|---|---|---|---|\n");
	for (uint32_t x = 0; x < r->e->count; x++) {
		it = &r->e->items[x];
		strbuf_adds(out, "| ");
		doc_text_md(out, it->id, DOC_MD_CELL);
		strbuf_addf(out, " | %s | %s | ", eval_words_result((enum eval_result)it->result),
			    eval_words_state((enum eval_state)it->state));
		doc_text_md(out, it->decision, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, it->comment, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		report_signoff(&b, it);
		md_buf(out, &b, DOC_MD_CELL);
		strbuf_adds(out, " |");
		if (r->e->previous_file)
			strbuf_addf(out, " %s |", it->last.has ?
				    eval_words_result((enum eval_result)it->last.result) : "-");
		strbuf_addc(out, '\n');
	}
	strbuf_addf(out, "\n### %s\n\n", _("Findings"));
	while (report_next_finding(r->e, &i, &k, &it, &f)) {
		if (n++ == 0)
			strbuf_addf(out, "| # | %s | %s | %s | %s | %s | %s | %s | %s |\n"
				    "|---|---|---|---|---|---|---|---|---|\n",
				    _("item id"), _("Grade"), _("Urgency"), _("finding state"),
				    _("finding"), _("root cause"), _("remediation owner"), _("due date"));
		strbuf_addf(out, "| %u | ", n);
		doc_text_md(out, it->id, DOC_MD_CELL);
		strbuf_addf(out, " | %s | %s | %s | ", eval_words_grade((enum finding_grade)f->grade),
			    eval_words_urgency((enum finding_urgency)f->urgency),
			    eval_words_fstate((enum finding_state)f->state));
		doc_text_md(out, f->text, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, f->cause, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, f->owner, DOC_MD_CELL);
		strbuf_adds(out, " | ");
		doc_text_md(out, f->due, DOC_MD_CELL);
		strbuf_adds(out, " |\n");
	}
	if (n == 0)
		strbuf_addf(out, "%s\n", _("No findings."));
	strbuf_addc(out, '\n');
	strbuf_free(&b);
}

static void md_absent(struct strbuf *out, const struct evaluation *e)
{
	if (!e->absent_count)
		return;
	strbuf_addf(out, "## %s\n\n", _("Items left out by the gate"));
	for (uint32_t k = 0; k < e->absent_count; k++) {
		strbuf_adds(out, "- ");
		doc_text_md(out, e->absent[k].id, DOC_MD_LINE);
		strbuf_addf(out, ": %s\n", eval_words_gate((enum gate_reason)e->absent[k].reason));
	}
	strbuf_addc(out, '\n');
}

void report_md(struct strbuf *out, const struct report *r)
{
	const struct evaluation *e = r->e;
	const struct tailoring *t = &r->w->t;
	struct strbuf b;

	strbuf_init(&b);
	strbuf_adds(out, "# ");
	report_title(&b, r);
	md_buf(out, &b, DOC_MD_LINE);
	strbuf_adds(out, "\n\n");
	strbuf_addf(out, "- %s: %s\n", _("Kind"), eval_words_kind((enum eval_kind)e->kind));
	strbuf_addf(out, "- %s: ", _("Individual standard"));
	doc_text_md(out, t->title ? t->title : t->id, DOC_MD_LINE);
	strbuf_adds(out, " (");
	doc_text_md(out, e->tailoring_file, DOC_MD_LINE);
	strbuf_adds(out, ")\n");
	if (e->scope) {
		strbuf_addf(out, "- %s: ", _("Scope"));
		doc_text_md(out, e->scope, DOC_MD_LINE);
		strbuf_addc(out, '\n');
	}
	report_period(&b, e);
	if (b.len) {
		strbuf_addf(out, "- %s: ", _("Period"));
		md_buf(out, &b, DOC_MD_LINE);
		strbuf_addc(out, '\n');
	}
	strbuf_reset(&b);
	for (uint32_t k = 0; k < e->auditor_count; k++)
		strbuf_addf(&b, "%s%s", k ? ", " : "", e->auditors[k]);
	if (b.len) {
		strbuf_addf(out, "- %s: ", _("Auditors"));
		md_buf(out, &b, DOC_MD_LINE);
		strbuf_addc(out, '\n');
	}
	strbuf_reset(&b);
	strbuf_addf(out, "- %s: %.10s\n\n", _("Report date"), r->now ? r->now : "");
	strbuf_free(&b);
	md_summary(out, r);
	md_facts(out, r);
	md_opinion(out, r);
	md_absent(out, e);
	export_md_changes(out, r->w, _("Appendix: the tailoring's changes and their reasons"));
}
