/* What the report writers share: the format names, the dispatch, and an
 * evaluation's facts and findings as lines of words, so that the four
 * formats say the same things in the same words. */
#include <string.h>

#include "kijun/eval_words.h"
#include "kijun/i18n.h"
#include "kijun/report.h"

int report_format_parse(const char *name, enum report_format *out)
{
	static const char *const names[REPORT_FORMAT_COUNT] = { "md", "csv", "html", "oscal-ar" };

	for (int k = 0; k < REPORT_FORMAT_COUNT; k++) {
		if (name && strcmp(name, names[k]) == 0) {
			*out = (enum report_format)k;
			return 0;
		}
	}
	return -1;
}

bool report_write(struct strbuf *out, enum report_format f, const struct report *r)
{
	switch (f) {
	case REPORT_MD: report_md(out, r); break;
	case REPORT_CSV: report_csv(out, r); break;
	case REPORT_HTML: report_html(out, r); break;
	case REPORT_OSCAL_AR: report_oscal_ar(out, r); break;
	default: return false;
	}
	return !out->failed;
}

void report_title(struct strbuf *out, const struct report *r)
{
	const struct tailoring *t = &r->w->t;

	if (r->e->title && *r->e->title) {
		strbuf_adds(out, r->e->title);
		return;
	}
	strbuf_addf(out, "%s: %s", eval_words_kind((enum eval_kind)r->e->kind),
		    t->title ? t->title : t->id ? t->id : "");
}

const char *report_item_title(const struct report *r, const struct eval_item *it)
{
	const struct catalog *c = &r->w->res.cat;
	uint32_t i = catalog_find(c, it->id);

	if (i == ITEM_NONE || resolved_is_out(&r->w->res, i))
		return NULL;
	return item_display_title(catalog_item(c, i));
}

void report_period(struct strbuf *out, const struct evaluation *e)
{
	strbuf_adds(out, "");
	if (e->period_from || e->period_to)
		strbuf_addf(out, "%s – %s", e->period_from ? e->period_from : "",
			    e->period_to ? e->period_to : "");
}

void report_procedure(struct strbuf *out, const struct eval_procedure *p)
{
	strbuf_addf(out, "%s: %s", eval_words_method((enum eval_method)p->method),
		    p->subject ? p->subject : "");
}

void report_evidence(struct strbuf *out, const struct eval_evidence *v)
{
	strbuf_adds(out, v->what ? v->what : "");
	if (v->where)
		strbuf_addf(out, "\n%s: %s", _("Kept at"), v->where);
	if (v->obtained || v->by) {
		strbuf_addc(out, '\n');
		strbuf_addf(out, _("obtained %s by %s"), v->obtained ? v->obtained : "-",
			    v->by ? v->by : "-");
	}
	if (v->file)
		strbuf_addf(out, "\n%s%s%s", v->file, v->sha256 ? " " : "",
			    v->sha256 ? v->sha256 : "");
}

void report_sampling(struct strbuf *out, const struct eval_sampling *s)
{
	strbuf_adds(out, "");
	if (s->population)
		strbuf_addf(out, "%s: %s\n", _("Population"), s->population);
	if (s->period)
		strbuf_addf(out, "%s: %s\n", _("Period"), s->period);
	if (s->frequency != FREQ_NONE) {
		strbuf_addf(out, _("frequency: %s (usually %u samples)"),
			    eval_words_frequency((enum eval_frequency)s->frequency),
			    evaluation_sample_suggestion((enum eval_frequency)s->frequency));
		strbuf_addc(out, '\n');
	}
	strbuf_addf(out, _("sample size: %u, %u listed"), s->size, s->sample_count);
	for (uint32_t k = 0; k < s->sample_count; k++)
		strbuf_addf(out, "%s%s", k ? ", " : ": ", s->samples[k]);
}

void report_finding(struct strbuf *out, const struct eval_finding *f)
{
	strbuf_addf(out, "%s (%s, %s): %s", eval_words_grade((enum finding_grade)f->grade),
		    eval_words_urgency((enum finding_urgency)f->urgency),
		    eval_words_fstate((enum finding_state)f->state), f->text ? f->text : "");
	if (f->cause)
		strbuf_addf(out, "\n%s: %s", _("root cause"), f->cause);
	if (f->owner || f->due) {
		strbuf_addc(out, '\n');
		strbuf_addf(out, _("remediation: %s, due %s"), f->owner ? f->owner : "-",
			    f->due ? f->due : "-");
	}
}

void report_signoff(struct strbuf *out, const struct eval_item *it)
{
	size_t start = out->len;

	strbuf_adds(out, "");
	if (it->preparer || it->prepared)
		strbuf_addf(out, _("prepared by %s %s"), it->preparer ? it->preparer : "-",
			    it->prepared ? it->prepared : "");
	if (it->reviewer || it->reviewed) {
		if (out->len > start)
			strbuf_adds(out, "; ");
		strbuf_addf(out, _("reviewed by %s %s"), it->reviewer ? it->reviewer : "-",
			    it->reviewed ? it->reviewed : "");
	}
}

bool report_next_finding(const struct evaluation *e, uint32_t *item, uint32_t *k,
			 const struct eval_item **it, const struct eval_finding **f)
{
	while (*item < e->count) {
		const struct eval_item *x = &e->items[*item];

		if (*k < x->finding_count) {
			*it = x;
			*f = &x->findings[(*k)++];
			return true;
		}
		(*item)++;
		*k = 0;
	}
	return false;
}
