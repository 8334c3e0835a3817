/* The next period: last period's working papers as this period's
 * starting point.  What was done and where the evidence lies carries
 * over; what the auditor concluded does not, so no result is taken on
 * trust from a period that is over. */
#include <string.h>

#include "kijun/evaluation.h"

/* A governance measure's frame: the key risks, the groups and the
 * departments' targets; the counts, actuals and answers were the last
 * period's. */
static bool carry_gov(struct evaluation *e, struct eval_item *it, const struct gov_data *p)
{
	struct gov_data *g = evaluation_gov_data(e, it);

	if (!g)
		return false;
	for (uint32_t k = 0; k < p->risk_count; k++)
		if (!evaluation_gov_add_risk(e, g, p->risks[k]))
			return false;
	for (uint32_t k = 0; k < p->group_count; k++) {
		struct gov_group x = { p->groups[k].group, 0, 0 };

		if (!evaluation_gov_add_group(e, g, &x))
			return false;
	}
	for (uint32_t k = 0; k < p->target_count; k++) {
		struct gov_target x = { p->targets[k].department, p->targets[k].target, NULL,
					REACH_UNKNOWN };

		if (!evaluation_gov_add_target(e, g, &x))
			return false;
	}
	return true;
}

static bool carry_item(struct evaluation *e, struct eval_item *it, const struct eval_item *p)
{
	it->last.has = true;
	it->last.result = p->result;
	it->last.text_hash = evaluation_strdup(e, p->text_hash);
	it->last.updated = evaluation_strdup(e, p->updated);
	if ((p->text_hash && !it->last.text_hash) || (p->updated && !it->last.updated))
		return false;
	if (p->gov && !carry_gov(e, it, p->gov))
		return false;
	for (uint32_t k = 0; k < p->procedure_count; k++)
		if (!evaluation_add_procedure(e, it, &p->procedures[k]))
			return false;
	for (uint32_t k = 0; k < p->evidence_count; k++)
		if (!evaluation_add_evidence(e, it, &p->evidence[k]))
			return false;
	if (p->has_sampling) {
		const struct eval_sampling *s = &p->sampling;

		it->has_sampling = true;
		it->sampling.population = evaluation_strdup(e, s->population);
		it->sampling.frequency = s->frequency;
		it->sampling.size = s->size;
		/* The period and the deviations were the last period's. */
		for (uint32_t k = 0; k < s->sample_count; k++)
			if (!evaluation_add_sample(e, it, s->samples[k]))
				return false;
		if (s->population && !it->sampling.population)
			return false;
	}
	return true;
}

bool evaluation_carry_forward(struct evaluation *e, const struct evaluation *prev)
{
	for (uint32_t k = 0; k < e->count; k++) {
		const struct eval_item *p = evaluation_find(prev, e->items[k].id);

		if (p && !carry_item(e, &e->items[k], p))
			return false;
	}
	return true;
}

enum eval_since evaluation_carry_since(const struct eval_item *it)
{
	if (!it->last.has)
		return SINCE_NONE;
	if (!it->last.text_hash && !it->text_hash)
		return SINCE_SAME;  /* a governance measure: no text of the tailoring */
	if (it->last.text_hash && it->text_hash && strcmp(it->last.text_hash, it->text_hash) == 0)
		return SINCE_SAME;
	return SINCE_CHANGED;
}
