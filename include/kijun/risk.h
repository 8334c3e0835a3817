/* The risk basis of guideline I.3 as the changes have made it: scope,
 * risk management policy, the organization's scale and its risk
 * register.  The tailoring's top-level organization, scope and
 * risk_policy are where it starts; scope, policy, scale and risk changes
 * (not withdrawn) replace what they give, in order. */
#ifndef KIJUN_RISK_H
#define KIJUN_RISK_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/resolve.h"
#include "kijun/tailoring.h"

struct risk_basis {
	struct scope scope;         /* organization: the file's, then scope changes */
	const char *scope_text;     /* the file's top-level scope, as written */
	const char *title;          /* the file's title, then scope changes' */
	struct risk_policy policy;
	const char **scale;         /* highest first; none until a scale change */
	uint32_t scale_count;
	struct risk *risks;         /* the register, in the order first set */
	uint32_t risk_count;
	uint32_t risk_capacity;
	/* Per wizard page: the acknowledge that accepted its warnings (an
	 * index into the changes), or CHANGE_NONE. */
	uint32_t acknowledged[WIZARD_PAGE_MAX + 1];
};

/* Builds the basis of t; r (t's resolution) says which changes are
 * withdrawn.  Strings are t's.  False only when out of memory. */
bool risk_basis_build(struct risk_basis *b, const struct tailoring *t,
		      const struct resolution *r);
void risk_basis_free(struct risk_basis *b);

/* The risk with this id, or NULL. */
const struct risk *risk_basis_find(const struct risk_basis *b, const char *id);
/* Where a level stands on the scale: 0 the highest; -1 when it is not on
 * it (or there is no scale). */
int risk_basis_rank(const struct risk_basis *b, const char *level);
/* The highest-ranked level among the risks an item treats (its rank), or
 * -1 when it treats none on the scale: the sort key and filter hook for
 * the tree. */
int risk_basis_item_rank(const struct risk_basis *b, const struct resolved *info);

#endif
