/* The risk basis, replayed from the tailoring's changes in order. */
#include "kijun/risk.h"

#include <stdlib.h>
#include <string.h>

/* What a change gives replaces what was there; what it leaves out stays. */
static void take(const char **dst, const char *v)
{
	if (v)
		*dst = v;
}

static bool set_risk(struct risk_basis *b, const struct change *c)
{
	for (uint32_t k = 0; k < b->risk_count; k++) {
		if (strcmp(b->risks[k].id, c->risk.id) != 0)
			continue;
		if (c->remove) {
			memmove(&b->risks[k], &b->risks[k + 1],
				(b->risk_count - k - 1) * sizeof(b->risks[0]));
			b->risk_count--;
		} else {
			b->risks[k] = c->risk;
		}
		return true;
	}
	if (c->remove)
		return true;  /* removing an unknown risk changes nothing */
	if (b->risk_count == b->risk_capacity) {
		uint32_t cap = b->risk_capacity ? b->risk_capacity * 2 : 8;
		struct risk *v = realloc(b->risks, cap * sizeof(*v));

		if (!v)
			return false;
		b->risks = v;
		b->risk_capacity = cap;
	}
	b->risks[b->risk_count++] = c->risk;
	return true;
}

bool risk_basis_build(struct risk_basis *b, const struct tailoring *t,
		      const struct resolution *r)
{
	memset(b, 0, sizeof(*b));
	for (unsigned p = 0; p <= WIZARD_PAGE_MAX; p++)
		b->acknowledged[p] = CHANGE_NONE;
	b->scope.organization = t->organization;
	b->scope_text = t->scope;
	b->title = t->title;
	b->policy = t->policy;
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];

		if (r && resolution_withdrawn_by(r, k) != CHANGE_NONE)
			continue;
		switch (c->op) {
		case OP_SCOPE:
			take(&b->scope.organization, c->scope.organization);
			take(&b->scope.sites, c->scope.sites);
			take(&b->scope.assets, c->scope.assets);
			take(&b->scope.processes, c->scope.processes);
			take(&b->title, c->scope.title);
			break;
		case OP_POLICY:
			take(&b->policy.awareness, c->policy.awareness);
			take(&b->policy.targets, c->policy.targets);
			take(&b->policy.monitoring, c->policy.monitoring);
			take(&b->policy.feedback, c->policy.feedback);
			break;
		case OP_SCALE:
			b->scale = c->scale;
			b->scale_count = c->scale_count;
			break;
		case OP_RISK:
			if (!set_risk(b, c)) {
				risk_basis_free(b);
				return false;
			}
			break;
		case OP_ACKNOWLEDGE:
			if (c->step <= WIZARD_PAGE_MAX)
				b->acknowledged[c->step] = k;
			break;
		default:
			break;
		}
	}
	return true;
}

void risk_basis_free(struct risk_basis *b)
{
	free(b->risks);
	b->risks = NULL;
	b->risk_count = b->risk_capacity = 0;
}

const struct risk *risk_basis_find(const struct risk_basis *b, const char *id)
{
	for (uint32_t k = 0; id && k < b->risk_count; k++)
		if (strcmp(b->risks[k].id, id) == 0)
			return &b->risks[k];
	return NULL;
}

int risk_basis_rank(const struct risk_basis *b, const char *level)
{
	for (uint32_t k = 0; level && k < b->scale_count; k++)
		if (strcmp(b->scale[k], level) == 0)
			return (int)k;
	return -1;
}

int risk_basis_item_rank(const struct risk_basis *b, const struct resolved *info)
{
	int best = -1;

	for (uint32_t k = 0; info && k < resolved_extra(info)->risk_count; k++) {
		const struct risk *rk = risk_basis_find(b, resolved_extra(info)->risks[k]);
		int rank = rk ? risk_basis_rank(b, rk->level) : -1;

		if (rank >= 0 && (best < 0 || rank < best))
			best = rank;
	}
	return best;
}
