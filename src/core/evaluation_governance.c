/* Governance effectiveness (the guideline's III.1): three measures, each
 * an item of the evaluation with its result, evidence and conclusion,
 * and the figures the measure rests on. */
#include <string.h>

#include "kijun/evaluation.h"

const char *const evaluation_measure_names[GOV_MEASURE_COUNT] = {
	"top-management", "risk-awareness", "targets",
};
const char *const evaluation_answer_names[ANSWER_COUNT] = { "unknown", "yes", "no" };
const char *const evaluation_reach_names[REACH_COUNT] = {
	"unknown", "reached", "partly", "not-reached",
};

int evaluation_measure_of(const char *id)
{
	return id ? evaluation_parse(id, strlen(id), evaluation_measure_names, GOV_MEASURE_COUNT) : -1;
}

bool evaluation_governance_build(struct evaluation *e)
{
	for (int k = 0; k < GOV_MEASURE_COUNT; k++) {
		struct eval_item *it = evaluation_add_item(e, evaluation_measure_names[k]);

		if (!it || !evaluation_gov_data(e, it))
			return false;
	}
	return true;
}

struct gov_data *evaluation_gov_data(struct evaluation *e, struct eval_item *it)
{
	if (!it->gov) {
		it->gov = arena_alloc(&e->arena, sizeof(*it->gov));
		if (it->gov)
			memset(it->gov, 0, sizeof(*it->gov));
	}
	return it->gov;
}

/* Grows an array kept in the arena (the old one stays there, unused). */
static void *grow(struct evaluation *e, void *v, uint32_t count, uint32_t *cap, size_t size)
{
	void *nv;

	if (count < *cap)
		return v;
	nv = arena_alloc(&e->arena, (*cap ? *cap * 2 : 4) * size);
	if (!nv)
		return NULL;
	if (count)
		memcpy(nv, v, count * size);
	*cap = *cap ? *cap * 2 : 4;
	return nv;
}

bool evaluation_gov_add_risk(struct evaluation *e, struct gov_data *g, const char *risk)
{
	uint32_t cap = g->risk_count;  /* exact: risks are few */
	const char **v = arena_alloc(&e->arena, (cap + 1) * sizeof(*v));
	const char *copy = evaluation_strdup(e, risk);

	if (!v || !copy)
		return false;
	if (g->risk_count)
		memcpy(v, g->risks, g->risk_count * sizeof(*v));
	v[g->risk_count++] = copy;
	g->risks = v;
	return true;
}

bool evaluation_gov_add_group(struct evaluation *e, struct gov_data *g, const struct gov_group *x)
{
	struct gov_group c = *x;
	struct gov_group *v = grow(e, g->groups, g->group_count, &g->group_cap, sizeof(c));

	c.group = evaluation_strdup(e, x->group);
	if (!v || (x->group && !c.group))
		return false;
	g->groups = v;
	g->groups[g->group_count++] = c;
	return true;
}

bool evaluation_gov_add_target(struct evaluation *e, struct gov_data *g, const struct gov_target *x)
{
	struct gov_target c = *x;
	struct gov_target *v = grow(e, g->targets, g->target_count, &g->target_cap, sizeof(c));

	c.department = evaluation_strdup(e, x->department);
	c.target = evaluation_strdup(e, x->target);
	c.actual = evaluation_strdup(e, x->actual);
	if (!v || (x->department && !c.department) || (x->target && !c.target) ||
	    (x->actual && !c.actual))
		return false;
	g->targets = v;
	g->targets[g->target_count++] = c;
	return true;
}

int evaluation_gov_share(const struct gov_data *g)
{
	uint64_t aware = 0, total = 0;

	for (uint32_t k = 0; g && k < g->group_count; k++) {
		aware += g->groups[k].aware;
		total += g->groups[k].total;
	}
	return total ? (int)(aware * 100 / total) : -1;
}
