/* The auditor's screen without curses: the item page (the tailored item
 * as the detail pane lays it out, then the evaluation's part), the
 * progress bar and its counts.  Unit-tested (tests/unit/test_eval_page.c). */
#ifndef KIJUN_EVAL_PAGE_H
#define KIJUN_EVAL_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detail.h"
#include "kijun/evaluation.h"
#include "kijun/evaluation_io.h"
#include "kijun/evaluation_scope.h"

/* Appends the evaluation's part of item `it` to a page detail_build
 * made: decision, procedures (with the 質問-only warning), sampling,
 * evidence (checks[k]: how evidence k's file stands, or NULL), findings,
 * comment and sign-off.  drift says whether its text changed since: a
 * warning then goes right under the id. */
void eval_page_item(struct detail *d, const struct evaluation *e, const struct eval_item *it,
		    const enum evidence_check *checks, enum eval_drift drift);

/* The next period (an evaluation made with --previous; nothing
 * otherwise): a "Last period" section with the item's last result and
 * whether its text is the one the last period evaluated (a warning under
 * the id when not), then the tailoring's changes to it (info: its
 * resolution, or NULL) dated after the last period last worked on it. */
void eval_page_last(struct detail *d, const struct evaluation *e, const struct eval_item *it,
		    const struct resolved *info);

/* A governance measure (III.1): its name, the guideline's question and
 * the figures it rests on; nothing for another item. */
void eval_page_governance(struct detail *d, const struct eval_item *it);

/* Puts "under ID TITLE" (the control a detailed control belongs to) as
 * the second line of a page detail_build made: the auditor reads which
 * control the detailed item is part of. */
void eval_page_context(struct detail *d, const char *parent_id, const char *parent_title);

/* "[####......] 4/10" in `cells` cells (at least 8): # for items with a
 * result, . for the rest.  Returns bytes written. */
size_t eval_page_bar(const struct eval_counts *c, int cells, char *out, size_t size);

/* "有効 2  一部有効 1 ..." (results other than 未評価) and "未着手 6 ..."
 * (states, then open findings) for the two lines under the bar. */
void eval_page_results(const struct eval_counts *c, char *out, size_t size);
void eval_page_states(const struct eval_counts *c, char *out, size_t size);

/* The next (forward) or previous item from `from` with no result,
 * wrapping round; `from` itself last.  UINT32_MAX when every item has one. */
uint32_t eval_page_next_open(const struct evaluation *e, uint32_t from, bool forward);

#endif
