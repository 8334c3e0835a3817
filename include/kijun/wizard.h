/* The wizard's pages and what each checks, without a screen: page 0 is the
 * risk basis (guideline I.3), pages 1–7 the steps ①–⑦ of section II,
 * page 8 the summary.  A view shows a page's items (wizard_shows) and its
 * progress; `kijun progress` prints the same numbers. */
#ifndef KIJUN_WIZARD_H
#define KIJUN_WIZARD_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/resolve.h"
#include "kijun/risk.h"
#include "kijun/tailoring.h"

#define WIZARD_SUMMARY WIZARD_PAGE_MAX

/* The parts of the risk basis page 0 asks for. */
enum wizard_part {
	WIZARD_PART_ORGANIZATION,
	WIZARD_PART_SCOPE,        /* sites, assets or processes, or the file's scope */
	WIZARD_PART_POLICY,       /* all four elements */
	WIZARD_PART_SCALE,
	WIZARD_PART_RISKS,        /* at least one risk */
	WIZARD_PART_COUNT
};

struct wizard_progress {
	uint32_t decided;   /* of total: what the page counts as done */
	uint32_t total;
	uint32_t warnings;  /* what its check finds before moving on */
	uint32_t ack;       /* the acknowledge that accepted them, or CHANGE_NONE */
};

/* The warnings still open: none once acknowledged. */
static inline uint32_t wizard_open(const struct wizard_progress *p)
{
	return p->ack != CHANGE_NONE ? 0 : p->warnings;
}

/* The page's name in the interface language (page 0: the risk basis,
 * 1–7: step_label, 8: the summary). */
const char *wizard_page_name(unsigned page);

/* Whether item i of the resolution is what the page is about: ① the
 * base's controls and detailed controls; ②③④ items added from laws,
 * other standards, the organization's own needs; ⑤ items with links;
 * ⑥ controls and detailed controls in the standard; ⑦ technical items.
 * Never for pages 0 and 8. */
bool wizard_concerns(unsigned page, const struct resolution *r, uint32_t i);
/* Whether such an item is done as the page's check asks: ① kept (by a
 * keep on it or an item above), reworded, split, merged or excluded;
 * ⑤ every link has a note; ⑥ a level that its ending does not
 * contradict; ⑦ a review interval; ②③④ always. */
bool wizard_decided(unsigned page, const struct resolution *r, uint32_t i);
/* What the page's tree shows: ① and ⑥ what is still to decide, the other
 * steps everything they concern. */
bool wizard_shows(unsigned page, const struct resolution *r, uint32_t i);

bool wizard_part_done(const struct risk_basis *b, enum wizard_part part);
/* Risks whose level or target level is not on the scale, and treats
 * naming risks not in the register: page 0's further warnings. */
uint32_t wizard_basis_problems(const struct risk_basis *b, const struct resolution *r);

/* The page's numbers.  Page 8 has none. */
void wizard_progress(unsigned page, const struct resolution *r, const struct risk_basis *b,
		     struct wizard_progress *out);

/* The changes by step (0–7) and operation, withdrawn ones left out: the
 * summary's table. */
void wizard_count(const struct tailoring *t, const struct resolution *r,
		  uint32_t counts[STEP_MAX + 1][OP_COUNT]);

#endif
