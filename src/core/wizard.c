/* The wizard's checks: which items a step is about and when they are
 * done.  Plain functions of the resolution and the risk basis, so the
 * screen, `kijun progress` and the tests count the same way. */
#include "kijun/wizard.h"

#include <string.h>

#include "kijun/i18n.h"
#include "kijun/text.h"

const char *wizard_page_name(unsigned page)
{
	if (page == WIZARD_SUMMARY)
		return _("summary");
	return step_label(page);
}

static bool is_control(const struct resolution *r, uint32_t i)
{
	uint8_t k = r->cat.items[i].kind;

	return k == ITEM_CONTROL || k == ITEM_DETAIL;
}

/* A keep, not withdrawn, on the item itself. */
static bool kept_here(const struct resolution *r, uint32_t i)
{
	const struct resolved *info = &r->info[i];

	for (uint32_t k = 0; k < info->history_count; k++)
		if (info->history[k].change->op == OP_KEEP &&
		    info->history[k].state != SHAPING_WITHDRAWN)
			return true;
	return false;
}

bool wizard_concerns(unsigned page, const struct resolution *r, uint32_t i)
{
	const struct resolved *info;

	if (i == ITEM_ROOT_INDEX || i >= r->cat.count)
		return false;
	info = &r->info[i];
	switch (page) {
	case 1:
		return is_control(r, i) && info->status != STATUS_ADDED;
	case 2:
	case 3:
	case 4:
		return info->status == STATUS_ADDED && !resolved_is_out(r, i) &&
		       info->source == (page == 2 ? SOURCE_LAW : page == 3 ? SOURCE_STANDARD
							   : SOURCE_ORGANIZATION);
	case 5:
		return resolved_extra(info)->link_count && !resolved_is_out(r, i);
	case 6:
		return is_control(r, i) && !resolved_is_out(r, i);
	case 7:
		return info->technical && !resolved_is_out(r, i);
	default:
		return false;
	}
}

bool wizard_decided(unsigned page, const struct resolution *r, uint32_t i)
{
	const struct resolved *info = &r->info[i];

	switch (page) {
	case 1:
		if (info->status != STATUS_KEPT || resolved_is_out(r, i))
			return true;
		for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE;
		     a = r->cat.items[a].parent)
			if (kept_here(r, a))
				return true;
		return false;
	case 5:
		for (uint32_t k = 0; k < resolved_extra(info)->link_count; k++)
			if (text_is_blank(resolved_extra(info)->links[k].note))
				return false;
		return true;
	case 6:
		return info->level != LEVEL_NONE && !info->wording_conflict;
	case 7:
		return info->review_months > 0;
	default:
		return true;
	}
}

bool wizard_shows(unsigned page, const struct resolution *r, uint32_t i)
{
	if (!wizard_concerns(page, r, i))
		return false;
	return (page != 1 && page != 6) || !wizard_decided(page, r, i);
}

bool wizard_part_done(const struct risk_basis *b, enum wizard_part part)
{
	const struct risk_policy *p = &b->policy;

	switch (part) {
	case WIZARD_PART_ORGANIZATION:
		return !text_is_blank(b->scope.organization);
	case WIZARD_PART_SCOPE:
		return !text_is_blank(b->scope.sites) || !text_is_blank(b->scope.assets) ||
		       !text_is_blank(b->scope.processes) || !text_is_blank(b->scope_text);
	case WIZARD_PART_POLICY:
		return !text_is_blank(p->awareness) && !text_is_blank(p->targets) &&
		       !text_is_blank(p->monitoring) && !text_is_blank(p->feedback);
	case WIZARD_PART_SCALE:
		return b->scale_count >= 2;
	case WIZARD_PART_RISKS:
		return b->risk_count > 0;
	default:
		return false;
	}
}

uint32_t wizard_basis_problems(const struct risk_basis *b, const struct resolution *r)
{
	uint32_t n = 0;

	for (uint32_t k = 0; k < b->risk_count; k++) {
		n += risk_basis_rank(b, b->risks[k].level) < 0;
		n += b->risks[k].target_level && risk_basis_rank(b, b->risks[k].target_level) < 0;
	}
	for (uint32_t i = 1; r && i < r->cat.count; i++)
		for (uint32_t k = 0; k < resolved_extra(&r->info[i])->risk_count; k++)
			n += !risk_basis_find(b, resolved_extra(&r->info[i])->risks[k]);
	return n;
}

void wizard_progress(unsigned page, const struct resolution *r, const struct risk_basis *b,
		     struct wizard_progress *out)
{
	memset(out, 0, sizeof(*out));
	out->ack = page <= STEP_MAX ? b->acknowledged[page] : CHANGE_NONE;
	if (page == 0) {
		out->total = WIZARD_PART_COUNT;
		for (int part = 0; part < WIZARD_PART_COUNT; part++)
			out->decided += wizard_part_done(b, (enum wizard_part)part);
		out->warnings = out->total - out->decided + wizard_basis_problems(b, r);
		return;
	}
	if (page > STEP_MAX)
		return;
	for (uint32_t i = 1; i < r->cat.count; i++) {
		if (!wizard_concerns(page, r, i))
			continue;
		if (page == 5) {
			/* Links, not items: each needs its note. */
			for (uint32_t k = 0; k < resolved_extra(&r->info[i])->link_count; k++) {
				out->total++;
				out->decided += !text_is_blank(resolved_extra(&r->info[i])->links[k].note);
			}
			continue;
		}
		out->total++;
		out->decided += wizard_decided(page, r, i);
	}
	/* ② to ④ add what is needed; there is nothing to warn of. */
	if (page == 1 || page >= 5)
		out->warnings = out->total - out->decided;
}

void wizard_count(const struct tailoring *t, const struct resolution *r,
		  uint32_t counts[STEP_MAX + 1][OP_COUNT])
{
	memset(counts, 0, sizeof(uint32_t) * (STEP_MAX + 1) * OP_COUNT);
	for (uint32_t k = 0; k < t->count; k++) {
		const struct change *c = &t->changes[k];

		if (r && k < r->change_count && resolution_withdrawn_by(r, k) != CHANGE_NONE)
			continue;
		if (c->step <= STEP_MAX && (unsigned)c->op < OP_COUNT)
			counts[c->step][c->op]++;
	}
}
