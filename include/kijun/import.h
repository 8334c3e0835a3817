/* Catalogs made from what organizations already hold: a spreadsheet of the
 * official wording (CSV/TSV) and OSCAL catalogs.  Problems that stop the
 * import go to diags; what was imported but deserves a look goes to the
 * report's notes.  docs/interop.md says what maps. */
#ifndef KIJUN_IMPORT_H
#define KIJUN_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/csv.h"
#include "kijun/diag.h"

struct import_report {
	struct diag_list notes;   /* not failures: unused columns, unknown ids */
	uint32_t rows;            /* csv: records after the header */
	uint32_t replaced;        /* csv --onto: items the file gave wording to */
	uint32_t *untouched;      /* csv --onto: items of the catalog the file
				   * does not name, indexes into the output */
	uint32_t untouched_count;
	uint32_t unknown_count;   /* csv --onto: ids the catalog lacks */
	uint32_t groups;          /* oscal: groups read */
	uint32_t controls;        /* oscal: controls read, enhancements included */
	uint32_t dropped;         /* oscal: props and parts with no place */
};

void import_report_init(struct import_report *r);
void import_report_free(struct import_report *r);

struct import_csv_options {
	char sep;                      /* ',' or '\t' */
	enum csv_encoding encoding;
	const char *map;               /* "COLUMN=FIELD,...", or NULL */
	const struct catalog *onto;    /* replace wording in a copy of it; must
					* outlive the output.  NULL: a new catalog */
	const struct catalog *types;   /* attribute types for a new catalog's
					* attribute columns (the built-in's) */
	const char *id;                /* a new catalog's id and title */
	const char *title;
};

/* The fields a column may map to, besides an attribute type's id. */
#define IMPORT_CSV_FIELDS "id, parent, kind, label, title, title_en, text, references"

/* Makes *out from the CSV in buf[0..len), named `name` in problems.  The
 * first record names the columns; --map renames them to fields.  A new
 * catalog takes its structure from id, parent (an id above it, or empty
 * for the top) and kind (or, when empty, the kind below the parent's);
 * with `onto`, *out is a copy of that catalog whose titles, English titles,
 * labels and texts are replaced from the non-empty cells, matched by id.
 * On failure diags has every problem at file:line:column and *out is
 * freed. */
bool import_csv(struct catalog *out, const char *name, const char *buf, size_t len,
		const struct import_csv_options *o, struct import_report *rep,
		struct diag_list *diags);

/* Makes *out from an OSCAL catalog (JSON or YAML) in buf[0..len): groups
 * become parts (at the top) and sections, controls controls, controls in
 * controls detailed controls, statement items list entries; params are set
 * into prose by their values, else their labels. */
bool import_oscal(struct catalog *out, const char *name, const char *buf, size_t len,
		  struct import_report *rep, struct diag_list *diags);

#endif
