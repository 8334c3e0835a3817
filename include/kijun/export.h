/* Exports of the individual standard, for people who will never run
 * kijun: Markdown, a printable HTML page, CSV for Excel, and OSCAL 1.2.1
 * JSON (the resolved catalog, or a profile carrying the changes).  Each
 * writes the whole document into a strbuf; the caller puts it on stdout
 * or saves it with file_write.  docs/interop.md says what maps to OSCAL. */
#ifndef KIJUN_EXPORT_H
#define KIJUN_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/strbuf.h"
#include "kijun/workspace.h"

enum export_format {
	EXPORT_MD,
	EXPORT_HTML,
	EXPORT_CSV,
	EXPORT_OSCAL_CATALOG,
	EXPORT_OSCAL_PROFILE,
	EXPORT_FORMAT_COUNT
};
/* "md", "html", "csv", "oscal-catalog", "oscal-profile"; -1 if unknown. */
int export_format_parse(const char *name, enum export_format *out);

/* Writes w's individual standard (w must be resolved) in format f.
 * `now` is an RFC 3339 time in UTC for OSCAL's last-modified when the
 * tailoring has no dated change.  False when out of memory. */
bool export_write(struct strbuf *out, enum export_format f, const struct workspace *w,
		  const char *now);

/* The writers, one file each (export_md.c ...). */
void export_md(struct strbuf *out, const struct workspace *w);
/* The appendix of every change of w with its step, reason, author and
 * date, as a Markdown table under `heading` (the evaluation report's
 * appendix too). */
void export_md_changes(struct strbuf *out, const struct workspace *w, const char *heading);
void export_html(struct strbuf *out, const struct workspace *w);
void export_csv(struct strbuf *out, const struct workspace *w);
void export_oscal_catalog(struct strbuf *out, const struct workspace *w, const char *now);
void export_oscal_profile(struct strbuf *out, const struct workspace *w, const char *now);

/* ---- shared by the writers (export.c) ---- */

/* The items of the individual standard in document order: those out of
 * it (excluded, split, merged) are skipped.  ITEM_NONE at the end. */
uint32_t export_first(const struct resolution *r);
uint32_t export_next(const struct resolution *r, uint32_t i);

/* One line that says what the item is beyond its text: level, technical
 * (and interval), marks, source, internal-rule links, in the interface
 * language; "" when none.  Appended to out, not cleaned. */
void export_item_facts(struct strbuf *out, const struct resolution *r, uint32_t i);

/* What a change points at, as `kijun changes` shows it. */
void export_change_target(struct strbuf *out, const struct change *c);

/* A UUID (version 5 form, RFC 4122 variant) from SHA-256 of "kijun:" +
 * a + ":" + b: the same ids give the same UUID on every export. */
void export_uuid(char out[37], const char *a, const char *b);

/* The latest date of any change as "YYYY-MM-DDT00:00:00Z", or NULL. */
const char *export_last_date(const struct workspace *w, char buf[32]);

#endif
