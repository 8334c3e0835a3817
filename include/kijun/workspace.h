/* A tailoring opened for work, with everything it stands on: its base
 * tailorings down to a catalog, and their resolutions.  Reading and
 * writing it is io (workspace_io.h); resolving and freeing are core. */
#ifndef KIJUN_WORKSPACE_H
#define KIJUN_WORKSPACE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/resolve.h"
#include "kijun/tailoring.h"

struct workspace {
	char *path;                  /* the tailoring file */
	struct tailoring t;
	struct catalog root;         /* the catalog at the bottom of the chain;
				      * under bases only its header is left:
				      * the first base's resolution took its
				      * items */
	struct tailoring *bases;     /* base tailorings, the one nearest the
				      * catalog first */
	struct resolution *base_res; /* their resolutions, same order; each
				      * took the items of the one below, so
				      * only the last has any */
	uint32_t base_count;
	struct resolution res;       /* t applied: the individual standard */
	bool resolved;
	bool base_taken;             /* res took its base's items (opened only
				      * to be read): it cannot be resolved again */
	struct diag_list warnings;   /* e.g. a base that changed since */
	/* "sha256:<hex>" of the file as io last read or wrote it, "" when it
	 * is not on disk yet: a save first checks the file is still that. */
	char disk_hash[72];
};

/* Re-applies t to its base after an edit.  False when out of memory, or
 * when the base gave its items to res (workspace_open_to_read). */
bool workspace_resolve(struct workspace *w);

/* The catalog t applies to (the root catalog or the last base's result). */
const struct catalog *workspace_base(const struct workspace *w);

/* The resolution of the last base tailoring, or NULL when t stands on the
 * catalog itself: what resolve_apply carries statuses over from. */
const struct resolution *workspace_base_info(const struct workspace *w);

/* The tailoring's title and organization as they stand: the file's,
 * replaced by the newest scope change that sets one and is not withdrawn
 * (the wizard's start page records them so).  The title falls back to
 * the id; the organization may be NULL.  w must be resolved. */
const char *workspace_title(const struct workspace *w);
const char *workspace_organization(const struct workspace *w);

void workspace_free(struct workspace *w);

#endif
