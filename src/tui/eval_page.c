/* The evaluation's part of the auditor's page, and the progress lines,
 * laid out without curses. */
#include "eval_page.h"

#include <stdio.h>
#include <string.h>

#include "kijun/eval_words.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

/* Puts a line right under the id (line 0) of a page detail_build made,
 * where it is seen without scrolling. */
static void insert_under_id(struct detail *d, const char *text, int style)
{
	size_t before = d->count;
	struct detail_line l;

	if (!text || d->count == 0)
		return;
	detail_push(d, text, strlen(text), 0, style);
	if (d->count != before + 1)
		return;  /* out of memory: the page goes without it */
	l = d->lines[before];
	memmove(&d->lines[2], &d->lines[1], (before - 1) * sizeof(l));
	d->lines[1] = l;
}

static void push_field(struct detail *d, const char *label, const char *value, int indent)
{
	if (!value || !*value)
		return;
	detail_push_wrapped(d, detail_printf(d, "%s: %s", label, value), indent, DETAIL_BODY);
}

static void push_procedures(struct detail *d, const struct eval_item *it)
{
	detail_push_heading(d, detail_printf(d, _("Procedures (%u)"), it->procedure_count));
	if (!it->procedure_count)
		detail_push_wrapped(d, _("none yet: p adds one"), 1, DETAIL_MUTED);
	for (uint32_t k = 0; k < it->procedure_count; k++) {
		const struct eval_procedure *p = &it->procedures[k];

		detail_push_wrapped(d, detail_printf(d, "%s: %s",
						     eval_words_method((enum eval_method)p->method),
						     p->subject ? p->subject : ""),
				    1, DETAIL_BODY);
	}
	if (evaluation_inquiry_only(it))
		detail_push_wrapped(d, _("! inquiry alone is weak evidence: inspect, observe or reperform too"),
				    1, DETAIL_WARNING);
}

static void push_sampling(struct detail *d, const struct evaluation *e, const struct eval_item *it)
{
	const struct eval_sampling *s = &it->sampling;

	if (e->kind != EVAL_OPERATING && !it->has_sampling)
		return;
	detail_push_heading(d, _("Sampling"));
	if (!it->has_sampling) {
		detail_push_wrapped(d, _("not yet: m records the population and the samples"), 1,
				    DETAIL_MUTED);
		return;
	}
	push_field(d, _("Population"), s->population, 1);
	push_field(d, _("Period"), s->period, 1);
	if (s->frequency != FREQ_NONE)
		detail_push_wrapped(d, detail_printf(d, _("frequency: %s (usually %u samples)"),
						     eval_words_frequency((enum eval_frequency)s->frequency),
						     evaluation_sample_suggestion((enum eval_frequency)s->frequency)),
				    1, DETAIL_BODY);
	if (s->size) {
		uint32_t want = evaluation_sample_suggestion((enum eval_frequency)s->frequency);

		detail_push_wrapped(d, detail_printf(d, _("sample size: %u, %u listed"), s->size,
						     s->sample_count),
				    1, want && s->size < want ? DETAIL_WARNING : DETAIL_BODY);
	}
	for (uint32_t k = 0; k < s->sample_count; k++)
		detail_push_wrapped(d, s->samples[k], 3, DETAIL_VALUE);
	push_field(d, _("Deviations"), s->deviations, 1);
}

static const char *check_words(enum evidence_check c)
{
	switch (c) {
	case EVIDENCE_OK: return _("file checked: sha256 matches");
	case EVIDENCE_CHANGED: return _("! the file changed since it was recorded");
	case EVIDENCE_MISSING: return _("! the file is missing");
	default: return NULL;
	}
}

static void push_evidence(struct detail *d, const struct eval_item *it,
			  const enum evidence_check *checks)
{
	detail_push_heading(d, detail_printf(d, _("Evidence (%u)"), it->evidence_count));
	if (!it->evidence_count)
		detail_push_wrapped(d, _("none yet: e adds one"), 1, DETAIL_MUTED);
	for (uint32_t k = 0; k < it->evidence_count; k++) {
		const struct eval_evidence *v = &it->evidence[k];
		enum evidence_check c = checks ? checks[k] : EVIDENCE_NO_FILE;

		detail_push_wrapped(d, detail_printf(d, "%u. %s", k + 1, v->what ? v->what : ""), 1,
				    DETAIL_BODY);
		push_field(d, _("Kept at"), v->where, 4);
		if (v->obtained || v->by)
			detail_push_wrapped(d, detail_printf(d, _("obtained %s by %s"),
							     v->obtained ? v->obtained : "-",
							     v->by ? v->by : "-"),
					    4, DETAIL_MUTED);
		if (v->file) {
			detail_push_wrapped(d, v->file, 4, DETAIL_VALUE);
			if (check_words(c))
				detail_push_wrapped(d, check_words(c), 4,
						    c == EVIDENCE_OK ? DETAIL_MUTED : DETAIL_WARNING);
		}
	}
}

static void push_findings(struct detail *d, const struct eval_item *it)
{
	enum eval_result bound = evaluation_result_bound(it);

	detail_push_heading(d, detail_printf(d, _("Findings (%u)"), it->finding_count));
	if (!it->finding_count)
		detail_push_wrapped(d, _("none yet: f adds one"), 1, DETAIL_MUTED);
	for (uint32_t k = 0; k < it->finding_count; k++) {
		const struct eval_finding *f = &it->findings[k];

		detail_push_wrapped(d, detail_printf(d, "%u. [%s][%s][%s] %s", k + 1,
						     eval_words_grade((enum finding_grade)f->grade),
						     eval_words_urgency((enum finding_urgency)f->urgency),
						     eval_words_fstate((enum finding_state)f->state),
						     f->text ? f->text : ""),
				    1, f->grade <= GRADE_MINOR ? DETAIL_WARNING : DETAIL_BODY);
		push_field(d, _("root cause"), f->cause, 4);
		if (f->owner || f->due)
			detail_push_wrapped(d, detail_printf(d, _("remediation: %s, due %s"),
							     f->owner ? f->owner : "-",
							     f->due ? f->due : "-"),
					    4, DETAIL_MUTED);
	}
	if (bound != RESULT_EFFECTIVE)
		detail_push_wrapped(d, detail_printf(d, _("the findings allow at best: %s"),
						     eval_words_result(bound)),
				    1, DETAIL_MUTED);
}

void eval_page_item(struct detail *d, const struct evaluation *e, const struct eval_item *it,
		    const enum evidence_check *checks, enum eval_drift drift)
{
	/* Under the id, above the text: it changes how the page is read. */
	if (drift == DRIFT_CHANGED)
		insert_under_id(d, _("! the text changed since this item was evaluated: evaluate it again"),
				DETAIL_WARNING);
	else if (drift == DRIFT_GONE)
		insert_under_id(d, _("! this item is no longer in the individual standard"),
				DETAIL_WARNING);
	if (it->decision) {
		detail_push_heading(d, _("Decision"));
		detail_push_wrapped(d, it->decision, 1, DETAIL_BODY);
	}
	push_procedures(d, it);
	push_sampling(d, e, it);
	push_evidence(d, it, checks);
	push_findings(d, it);
	if (it->comment) {
		detail_push_heading(d, _("Comment"));
		detail_push_wrapped(d, it->comment, 1, DETAIL_BODY);
	}
	detail_push_heading(d, _("Sign-off"));
	detail_push_wrapped(d, detail_printf(d, _("prepared by %s %s"),
					     it->preparer ? it->preparer : "-",
					     it->prepared ? it->prepared : ""),
			    1, it->preparer ? DETAIL_BODY : DETAIL_MUTED);
	detail_push_wrapped(d, detail_printf(d, _("reviewed by %s %s"),
					     it->reviewer ? it->reviewer : "-",
					     it->reviewed ? it->reviewed : ""),
			    1, it->reviewer ? DETAIL_BODY : DETAIL_MUTED);
}

void eval_page_last(struct detail *d, const struct evaluation *e, const struct eval_item *it,
		    const struct resolved *info)
{
	enum eval_since since = evaluation_carry_since(it);
	const char *last;

	if (!e->previous_file)
		return;
	detail_push_heading(d, _("Last period"));
	if (since == SINCE_NONE) {
		detail_push_wrapped(d, _("new this period: the last period did not evaluate it"), 1,
				    DETAIL_MUTED);
		return;
	}
	last = detail_printf(d, _("last result: %s (%s)"),
			     eval_words_result((enum eval_result)it->last.result),
			     it->last.updated ? it->last.updated : "-");
	detail_push_wrapped(d, last, 1, DETAIL_BODY);
	/* Read first, seen without scrolling: under the id. */
	insert_under_id(d, last, DETAIL_MUTED);
	if (since == SINCE_SAME) {
		detail_push_wrapped(d, _("the text is the one the last period evaluated"), 1,
				    DETAIL_MUTED);
	} else {
		const char *w = _("! the text changed since the last period: check what changed before carrying anything over");

		detail_push_wrapped(d, w, 1, DETAIL_WARNING);
		insert_under_id(d, w, DETAIL_WARNING);
	}
	/* What the tailoring did to it after the last period's last look. */
	for (uint32_t k = 0; info && k < info->history_count; k++) {
		const struct shaping *h = &info->history[k];
		const struct change *c = h->change;

		if (h->state == SHAPING_WITHDRAWN || !c->date ||
		    (it->last.updated && strcmp(c->date, it->last.updated) <= 0))
			continue;
		detail_push_wrapped(d, detail_printf(d, _("changed since: #%u %s (%s): %s"), h->index + 1,
						     change_op_label((enum change_op)c->op), c->date,
						     c->reason ? c->reason : ""),
				    1, DETAIL_BODY);
	}
}

void eval_page_governance(struct detail *d, const struct eval_item *it)
{
	int m = evaluation_measure_of(it->id);
	struct strbuf b;
	const char *p, *nl;

	if (m < 0)
		return;
	detail_push_wrapped(d, eval_words_measure((enum gov_measure)m), 1, DETAIL_BODY);
	detail_push_wrapped(d, eval_words_question((enum gov_measure)m), 1, DETAIL_MUTED);
	detail_push_heading(d, _("Measure (III.1)"));
	detail_push_wrapped(d, _("m records the figures"), 1, DETAIL_MUTED);
	strbuf_init(&b);
	report_governance(&b, it);
	for (p = b.data; p && *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		detail_push_wrapped(d, detail_printf(d, "%.*s", (int)(nl ? nl - p : (long)strlen(p)), p),
				    1, DETAIL_BODY);
	}
	strbuf_free(&b);
}

void eval_page_context(struct detail *d, const char *parent_id, const char *parent_title)
{
	insert_under_id(d, detail_printf(d, _("under %s %s"), parent_id,
					 parent_title ? parent_title : ""),
			DETAIL_MUTED);
}

size_t eval_page_bar(const struct eval_counts *c, int cells, char *out, size_t size)
{
	char tail[32];
	uint32_t done = c->total - c->by_result[RESULT_NONE];
	int tw, inner, filled;
	size_t n = 0;

	tw = snprintf(tail, sizeof(tail), " %u/%u", done, c->total);
	inner = cells - 2 - tw;
	if (inner < 4)
		inner = 4;
	filled = c->total ? (int)((uint64_t)done * (uint64_t)inner / c->total) : 0;
	/* Any progress shows (rounding down, only all done fills it). */
	if (done && !filled)
		filled = 1;
	if (size < (size_t)inner + 3 + (size_t)tw)
		return 0;
	out[n++] = '[';
	for (int k = 0; k < inner; k++)
		out[n++] = k < filled ? '#' : '.';
	out[n++] = ']';
	memcpy(out + n, tail, (size_t)tw + 1);
	return n + (size_t)tw;
}

void eval_page_results(const struct eval_counts *c, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (int r = RESULT_EFFECTIVE; r < RESULT_COUNT && n < size; r++) {
		int w = snprintf(out + n, size - n, "%s%s %u", n ? "  " : "",
				 eval_words_result((enum eval_result)r), c->by_result[r]);

		if (w < 0)
			break;
		n += (size_t)w;
	}
}

void eval_page_states(const struct eval_counts *c, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (int s = 0; s < ESTATE_COUNT && n < size; s++) {
		int w = snprintf(out + n, size - n, "%s%s %u", n ? "  " : "",
				 eval_words_state((enum eval_state)s), c->by_state[s]);

		if (w < 0)
			break;
		n += (size_t)w;
	}
	if (n < size)
		snprintf(out + n, size - n, _("  | open findings %u"), c->open_findings);
}

uint32_t eval_page_next_open(const struct evaluation *e, uint32_t from, bool forward)
{
	for (uint32_t step = 1; step <= e->count; step++) {
		uint32_t k = forward ? (from + step) % e->count
				     : (from + e->count - step % e->count) % e->count;

		if (e->items[k].result == RESULT_NONE)
			return k;
	}
	return UINT32_MAX;
}
