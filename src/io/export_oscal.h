/* What the two OSCAL writers share (export_oscal.c). */
#ifndef KIJUN_EXPORT_OSCAL_H
#define KIJUN_EXPORT_OSCAL_H

#include "kijun/export.h"
#include "kijun/json_write.h"

/* The namespace of kijun's own props. */
#define OSCAL_NS "urn:x-kijun:oscal"

/* A kijun id as an OSCAL token: ASCII letters, digits, . and - kept, every
 * other byte (including _) as _XX, and "k-" before one that does not start
 * with a letter or starts with "k-"; so 4.4.8.1 is k-4.4.8.1 and 7a-7.2.3/f
 * is k-7a-7.2.3_2Ff.  Different ids stay different; import_oscal.c undoes
 * it for catalogs kijun wrote. */
void oscal_token(struct strbuf *out, const char *id);
/* json_key(key) then the token of id (suffix appended). */
void oscal_member_token(struct json *j, const char *key, const char *id, const char *suffix);

/* {"name": name, "ns": kijun's (unless OSCAL's own), "value": value on one
 * line, trimmed; "remarks": remarks}.  Nothing when the value is empty. */
void oscal_prop(struct json *j, const char *name, bool own, const char *value, const char *remarks);

/* The metadata object: title, last-modified, version, oscal-version,
 * props naming the tailoring, and one prop per change carrying its
 * reason, step, author and date. */
void oscal_metadata(struct json *j, const struct workspace *w, const char *now);

/* The props of an item: label, status, level, technical, review interval,
 * marks, source, internal-rule links, attribute values when `attrs`. */
void oscal_item_props(struct json *j, const struct resolution *r, uint32_t i, bool attrs);

/* A title fit for OSCAL (one line, never empty): the title, else the id. */
void oscal_title(struct strbuf *out, const struct item *it);

/* "parts": [the item's text as a part named `name` ("statement" for
 * controls, "overview" for groups; id TOKEN_smt or TOKEN_ovw) with its
 * list entries inside]; nothing when it has neither text nor entries. */
void oscal_write_text_part(struct json *j, const struct resolution *r, uint32_t i, const char *name);

#endif
