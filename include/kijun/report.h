/* Reports of an evaluation, for the audited and for those who read audit
 * reports without kijun: Markdown, CSV for Excel, one printable HTML
 * page, and an OSCAL 1.2.1 assessment-results document.  Every report
 * keeps the facts (procedures, samples, deviations, evidence) apart from
 * the auditor's opinion (results, findings, comments).  Each writes the
 * whole document into a strbuf; docs/interop.md says what maps to OSCAL. */
#ifndef KIJUN_REPORT_H
#define KIJUN_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/evaluation.h"
#include "kijun/strbuf.h"
#include "kijun/workspace.h"

enum report_format { REPORT_MD, REPORT_CSV, REPORT_HTML, REPORT_OSCAL_AR, REPORT_FORMAT_COUNT };
/* "md", "csv", "html", "oscal-ar"; -1 when unknown. */
int report_format_parse(const char *name, enum report_format *out);

/* What a report is made of: the evaluation, the tailoring it names
 * (resolved), the evaluation's file name as the report shows it, and an
 * RFC 3339 UTC time for OSCAL's last-modified and the report's date. */
struct report {
	const struct evaluation *e;
	const struct workspace *w;
	const char *name;
	const char *now;
};

/* Writes the report in format f.  False when out of memory. */
bool report_write(struct strbuf *out, enum report_format f, const struct report *r);

/* The writers, one file each (report_md.c ...). */
void report_md(struct strbuf *out, const struct report *r);
void report_csv(struct strbuf *out, const struct report *r);
void report_html(struct strbuf *out, const struct report *r);
void report_oscal_ar(struct strbuf *out, const struct report *r);

/* ---- the shared walk (report.c) ---- */

/* The report's title: the evaluation's, else its kind and the tailoring's. */
void report_title(struct strbuf *out, const struct report *r);
/* "Comment", or for a governance measure "Conclusion": what the auditor
 * wrote of it. */
const char *report_comment_word(const struct report *r);
/* The item's title in the tailoring (a governance measure's name), or
 * NULL when it is gone. */
const char *report_item_title(const struct report *r, const struct eval_item *it);
/* "FROM – TO", "" when the evaluation has no period. */
void report_period(struct strbuf *out, const struct evaluation *e);
/* One line per fact, in the interface language, not cleaned:
 * "閲覧: subject"; "what / where / obtained / by / file"; the sampling
 * block as lines (population, period, frequency, size, samples). */
void report_procedure(struct strbuf *out, const struct eval_procedure *p);
void report_evidence(struct strbuf *out, const struct eval_evidence *v);
void report_sampling(struct strbuf *out, const struct eval_sampling *s);
/* A governance measure's figures as lines: the answers on top
 * management, the key risks and each group's share (then all groups'),
 * each department's target, actual and reach (then how many reached);
 * "" for an item without figures. */
void report_governance(struct strbuf *out, const struct eval_item *it);
/* "重大な不備 (緊急, 未対応): text" with cause, owner and due on their
 * own lines. */
void report_finding(struct strbuf *out, const struct eval_finding *f);
/* The sign-off: "作成者 X (date); レビュー者 Y (date)"; "" when none. */
void report_signoff(struct strbuf *out, const struct eval_item *it);

/* Every finding of the evaluation in one walk: item order, then the
 * order on the item.  *item and *k start at 0; false when done. */
bool report_next_finding(const struct evaluation *e, uint32_t *item, uint32_t *k,
			 const struct eval_item **it, const struct eval_finding **f);

#endif
