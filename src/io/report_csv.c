/* An evaluation's report as CSV for Excel: UTF-8 with the byte order
 * mark, CRLF, multi-line cells quoted, formula-like cells disarmed
 * (doc_text.h).  One sheet in four blocks, each led by a title row and a
 * header row and closed by an empty row: the summary, the items (the
 * facts' columns first, then the opinion's, each header saying which),
 * the findings with owners and due dates, the tailoring's changes. */
#include <string.h>

#include "kijun/doc_text.h"
#include "kijun/eval_words.h"
#include "kijun/export.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

static void cell(struct strbuf *out, const char *s, bool last)
{
	csv_cell(out, s ? s : "");
	strbuf_adds(out, last ? "\r\n" : ",");
}

/* A cell from a line builder, which is emptied for the next one. */
static void cell_buf(struct strbuf *out, struct strbuf *b, bool last)
{
	strbuf_adds(b, "");
	cell(out, b->data, last);
	strbuf_reset(b);
}

static void block(struct strbuf *out, const char *title)
{
	cell(out, title, true);
}

/* "Facts: X" or "Opinion: X": which side of the report a column is on. */
static void head(struct strbuf *out, struct strbuf *b, const char *side, const char *name, bool last)
{
	strbuf_addf(b, "%s: %s", side, name);
	cell_buf(out, b, last);
}

static void csv_summary(struct strbuf *out, const struct report *r, struct strbuf *b)
{
	struct eval_counts n;

	evaluation_count(r->e, &n);
	block(out, _("Summary"));
	cell(out, _("count of"), false);
	cell(out, _("value"), false);
	cell(out, _("Number of items"), true);
	for (int k = 0; k < RESULT_COUNT; k++) {
		cell(out, _("Result"), false);
		cell(out, eval_words_result((enum eval_result)k), false);
		strbuf_addf(b, "%u", n.by_result[k]);
		cell_buf(out, b, true);
	}
	for (int k = 0; k < ESTATE_COUNT; k++) {
		cell(out, _("State"), false);
		cell(out, eval_words_state((enum eval_state)k), false);
		strbuf_addf(b, "%u", n.by_state[k]);
		cell_buf(out, b, true);
	}
	cell(out, _("total"), false);
	cell(out, "", false);
	strbuf_addf(b, "%u", n.total);
	cell_buf(out, b, true);
	strbuf_adds(out, "\r\n");
}

static void csv_items(struct strbuf *out, const struct report *r, struct strbuf *b)
{
	const char *facts = _("Facts"), *opinion = _("Opinion");

	block(out, _("Items"));
	cell(out, _("item id"), false);
	cell(out, _("item title"), false);
	head(out, b, facts, _("Procedures"), false);
	head(out, b, facts, _("Sampling"), false);
	head(out, b, facts, _("Deviations"), false);
	head(out, b, facts, _("Evidence"), false);
	if (r->e->kind == EVAL_GOVERNANCE)
		head(out, b, facts, _("Measure (III.1)"), false);
	head(out, b, opinion, _("Result"), false);
	head(out, b, opinion, _("State"), false);
	head(out, b, opinion, _("Decision"), false);
	head(out, b, opinion, _("Findings"), false);
	head(out, b, opinion, report_comment_word(r), false);
	if (r->e->previous_file)
		head(out, b, opinion, _("Last period"), false);
	cell(out, _("Sign-off"), false);
	cell(out, _("Updated"), true);
	for (uint32_t k = 0; k < r->e->count; k++) {
		const struct eval_item *it = &r->e->items[k];

		cell(out, it->id, false);
		cell(out, report_item_title(r, it), false);
		for (uint32_t p = 0; p < it->procedure_count; p++) {
			if (p)
				strbuf_addc(b, '\n');
			report_procedure(b, &it->procedures[p]);
		}
		cell_buf(out, b, false);
		if (it->has_sampling)
			report_sampling(b, &it->sampling);
		cell_buf(out, b, false);
		cell(out, it->has_sampling ? it->sampling.deviations : "", false);
		for (uint32_t v = 0; v < it->evidence_count; v++) {
			if (v)
				strbuf_adds(b, "\n\n");
			report_evidence(b, &it->evidence[v]);
		}
		cell_buf(out, b, false);
		if (r->e->kind == EVAL_GOVERNANCE) {
			report_governance(b, it);
			cell_buf(out, b, false);
		}
		cell(out, eval_words_result((enum eval_result)it->result), false);
		cell(out, eval_words_state((enum eval_state)it->state), false);
		cell(out, it->decision, false);
		for (uint32_t f = 0; f < it->finding_count; f++) {
			if (f)
				strbuf_adds(b, "\n\n");
			report_finding(b, &it->findings[f]);
		}
		cell_buf(out, b, false);
		cell(out, it->comment, false);
		if (r->e->previous_file)
			cell(out, it->last.has ? eval_words_result((enum eval_result)it->last.result) : "",
			     false);
		report_signoff(b, it);
		cell_buf(out, b, false);
		cell(out, it->updated, true);
	}
	strbuf_adds(out, "\r\n");
}

static void csv_findings(struct strbuf *out, const struct report *r, struct strbuf *b)
{
	const struct eval_item *it;
	const struct eval_finding *f;
	uint32_t i = 0, k = 0, n = 0;

	block(out, _("Findings"));
	cell(out, "#", false);
	cell(out, _("item id"), false);
	cell(out, _("Grade"), false);
	cell(out, _("Urgency"), false);
	cell(out, _("finding state"), false);
	cell(out, _("finding"), false);
	cell(out, _("root cause"), false);
	cell(out, _("remediation owner"), false);
	cell(out, _("due date"), true);
	while (report_next_finding(r->e, &i, &k, &it, &f)) {
		strbuf_addf(b, "%u", ++n);
		cell_buf(out, b, false);
		cell(out, it->id, false);
		cell(out, eval_words_grade((enum finding_grade)f->grade), false);
		cell(out, eval_words_urgency((enum finding_urgency)f->urgency), false);
		cell(out, eval_words_fstate((enum finding_state)f->state), false);
		cell(out, f->text, false);
		cell(out, f->cause, false);
		cell(out, f->owner, false);
		cell(out, f->due, true);
	}
	strbuf_adds(out, "\r\n");
}

static void csv_changes(struct strbuf *out, const struct workspace *w, struct strbuf *b)
{
	const struct tailoring *t = &w->t;

	block(out, _("Appendix: the tailoring's changes and their reasons"));
	cell(out, "#", false);
	cell(out, _("guideline step"), false);
	cell(out, _("change"), false);
	cell(out, _("item"), false);
	cell(out, _("change reason"), false);
	cell(out, _("changed by"), false);
	cell(out, _("change date"), true);
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];
		uint32_t by = resolution_withdrawn_by(&w->res, k);

		strbuf_addf(b, "%u", k + 1);
		cell_buf(out, b, false);
		strbuf_addf(b, "%u %s", c->step, step_label(c->step));
		cell_buf(out, b, false);
		strbuf_adds(b, change_op_label(c->op));
		if (by != CHANGE_NONE)
			strbuf_addf(b, _(" (withdrawn by #%u)"), by + 1);
		cell_buf(out, b, false);
		export_change_target(b, c);
		cell_buf(out, b, false);
		cell(out, c->reason, false);
		cell(out, c->author, false);
		cell(out, c->date, true);
	}
}

void report_csv(struct strbuf *out, const struct report *r)
{
	struct strbuf b;

	strbuf_init(&b);
	strbuf_add(out, "\xEF\xBB\xBF", 3);
	report_title(&b, r);
	cell_buf(out, &b, true);
	strbuf_adds(out, "\r\n");
	csv_summary(out, r, &b);
	csv_items(out, r, &b);
	csv_findings(out, r, &b);
	csv_changes(out, r->w, &b);
	strbuf_free(&b);
}
