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
	if (r->e->title && *r->e->title) {
		strbuf_adds(out, r->e->title);
		return;
	}
	strbuf_addf(out, "%s: %s", eval_words_kind((enum eval_kind)r->e->kind),
		    workspace_title(r->w));
}

const char *report_comment_word(const struct report *r)
{
	return r->e->kind == EVAL_GOVERNANCE ? _("Conclusion") : _("Comment");
}

const char *report_item_title(const struct report *r, const struct eval_item *it)
{
	const struct catalog *c = &r->w->res.cat;
	uint32_t i;

	if (r->e->kind == EVAL_GOVERNANCE)
		return evaluation_measure_of(it->id) >= 0 ?
		       eval_words_measure((enum gov_measure)evaluation_measure_of(it->id)) : NULL;
	i = catalog_find(c, it->id);

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

void report_governance(struct strbuf *out, const struct eval_item *it)
{
	const struct gov_data *g = it->gov;
	size_t start = out->len;
	uint32_t reached = 0;
	int m = evaluation_measure_of(it->id);

	strbuf_adds(out, "");
	if (!g)
		return;
#define NL() do { if (out->len > start) strbuf_addc(out, '\n'); } while (0)
	if (m == GOV_TOP_MANAGEMENT) {
		strbuf_addf(out, _("informed of current threats and trends: %s"),
			    eval_words_answer((enum gov_answer)g->informed));
		NL();
		strbuf_addf(out, _("reporting to top management works: %s"),
			    eval_words_answer((enum gov_answer)g->reporting));
	}
	if (g->risk_count || m == GOV_RISK_AWARENESS) {
		struct strbuf list;

		strbuf_init(&list);
		strbuf_adds(&list, "");
		for (uint32_t k = 0; k < g->risk_count; k++)
			strbuf_addf(&list, "%s%s", k ? ", " : "", g->risks[k]);
		NL();
		strbuf_addf(out, _("key risks: %s"), list.len ? list.data : "-");
		strbuf_free(&list);
	}
	for (uint32_t k = 0; k < g->group_count; k++) {
		const struct gov_group *x = &g->groups[k];

		NL();
		strbuf_addf(out, _("%s: %u of %u (%u%%)"), x->group ? x->group : "-", x->aware, x->total,
			    x->total ? (unsigned)((uint64_t)x->aware * 100 / x->total) : 0u);
	}
	if (m == GOV_RISK_AWARENESS) {
		NL();
		if (evaluation_gov_share(g) >= 0)
			strbuf_addf(out, _("all groups: %d%% recognize the key risks"), evaluation_gov_share(g));
		else
			strbuf_adds(out, _("no groups counted yet"));
	}
	for (uint32_t k = 0; k < g->target_count; k++) {
		const struct gov_target *t = &g->targets[k];

		reached += t->reached == REACH_REACHED;
		NL();
		strbuf_addf(out, _("%s: target %s, actual %s: %s"), t->department ? t->department : "-",
			    t->target ? t->target : "-", t->actual ? t->actual : "-",
			    eval_words_reach((enum gov_reach)t->reached));
	}
	if (m == GOV_TARGETS) {
		NL();
		if (g->target_count)
			strbuf_addf(out, _("%u of %u departments reached their targets"), reached,
				    g->target_count);
		else
			strbuf_adds(out, _("no department targets recorded yet"));
	}
#undef NL
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
