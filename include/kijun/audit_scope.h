/* The audit scope (guideline III.2, issue 8): a named, saved query in the
 * tailoring, plus items added to it or removed from it by hand, each a
 * recorded change with its reason (OP_AUDIT, OP_AUDIT_ADD,
 * OP_AUDIT_REMOVE), so undo, the journal and the history hold them as
 * any other change.  The scope reads as one query (audit_scope_text), so
 * the filter, `kijun query --scope` and `kijun eval new --scope @NAME` all
 * go through the one parser. */
#ifndef KIJUN_AUDIT_SCOPE_H
#define KIJUN_AUDIT_SCOPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/resolve.h"
#include "kijun/tailoring.h"

#define AUDIT_SCOPE_MAX_HAND 4096  /* items by hand per scope */

struct audit_scope {
	const char *name;
	const char *query;        /* the latest scope change's; NULL: no such scope */
	const char **added;       /* by hand, in the order recorded; strings live in t */
	uint32_t added_count;
	const char **removed;
	uint32_t removed_count;
};

/* The scope named `name` as t's changes leave it (r, t's resolution, says
 * which were withdrawn or retargeted; NULL: none).  A later add takes back
 * an earlier remove of the same item, and the other way round.  False when
 * t defines no such scope or out of memory (then out->query is set). */
bool audit_scope_get(const struct tailoring *t, const struct resolution *r, const char *name,
		     struct audit_scope *out);
void audit_scope_free(struct audit_scope *s);

/* The names t defines, each once, in the order first defined; returns how
 * many there are (at most max are stored). */
uint32_t audit_scope_names(const struct tailoring *t, const struct resolution *r,
			   const char **names, uint32_t max);

/* The scope as one query: ((QUERY) or id:"A" ...) and not id:"C" ...
 * Freshly allocated, or NULL when out of memory. */
char *audit_scope_text(const struct audit_scope *s);

#endif
