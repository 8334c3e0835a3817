/* Tailoring files (docs/tailoring-format.md): reading, canonical writing,
 * saving.  What a tailoring stands on is workspace.h. */
#ifndef KIJUN_TAILORING_IO_H
#define KIJUN_TAILORING_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/diag.h"
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
/* The same with file_write's flags (FILE_WRITE_*, file.h) and its result,
 * so a caller can ask about a read-only file and force the save. */
int tailoring_save_file_flags(const struct tailoring *t, const char *path, unsigned flags,
			      struct diag_list *diags);

/* "sha256:<hex>" of a tailoring's canonical form, into out. */
bool tailoring_hash(const struct tailoring *t, char out[72]);

#endif
