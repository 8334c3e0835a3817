/* Tailoring files (docs/tailoring-format.md) and what a tailoring stands
 * on: its base chain down to a catalog, loaded, checked and resolved. */
#ifndef KIJUN_TAILORING_IO_H
#define KIJUN_TAILORING_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/resolve.h"
#include "kijun/strbuf.h"
#include "kijun/tailoring.h"

#define TAILORING_FORMAT "kijun-tailoring/1"
#define TAILORING_MAX_DEPTH 32

/* Reads a tailoring; on failure every problem is in diags and *t is empty. */
bool tailoring_read(struct tailoring *t, const char *name, const char *buf,
		    size_t len, struct diag_list *diags);
bool tailoring_load_file(struct tailoring *t, const char *path, struct diag_list *diags);

/* The canonical YAML form. */
bool tailoring_write(const struct tailoring *t, struct strbuf *out);
/* Atomic, keeps the permissions, leaves the previous version as path~. */
bool tailoring_save_file(const struct tailoring *t, const char *path, struct diag_list *diags);

enum file_format { FORMAT_UNKNOWN, FORMAT_CATALOG, FORMAT_TAILORING };
/* What a kijun file is, by its top-level `format` key. */
enum file_format file_format_of(const char *buf, size_t len);

/* "sha256:<hex>" of a catalog's / tailoring's canonical form, into out. */
bool catalog_hash(const struct catalog *c, char out[72]);
bool tailoring_hash(const struct tailoring *t, char out[72]);

/* A tailoring opened for work, with everything it stands on. */
struct workspace {
	char *path;                  /* the tailoring file */
	struct tailoring t;
	struct catalog root;         /* the catalog at the bottom of the chain */
	struct tailoring *bases;     /* base tailorings, the one nearest the
				      * catalog first */
	struct resolution *base_res; /* their resolutions, same order */
	uint32_t base_count;
	struct resolution res;       /* t applied: the individual standard */
	bool resolved;
	struct diag_list warnings;   /* e.g. a base that changed since */
};

/* Opens path: a tailoring file, loading its bases.  Errors (unreadable,
 * invalid, a missing base, a cycle) go to diags. */
bool workspace_open(struct workspace *w, const char *path, struct diag_list *diags);

/* A new, empty tailoring of the built-in catalog, to be saved as path. */
bool workspace_create(struct workspace *w, const char *path, struct diag_list *diags);

/* Re-applies t to its base after an edit.  False when out of memory. */
bool workspace_resolve(struct workspace *w);

/* The catalog t applies to (the root catalog or the last base's result). */
const struct catalog *workspace_base(const struct workspace *w);

bool workspace_save(struct workspace *w, struct diag_list *diags);

void workspace_free(struct workspace *w);

#endif
