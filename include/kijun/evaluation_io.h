/* Evaluation files (docs/evaluation-format.md): reading with every
 * problem at its line and column, canonical writing, atomic saving. */
#ifndef KIJUN_EVALUATION_IO_H
#define KIJUN_EVALUATION_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/diag.h"
#include "kijun/evaluation.h"
#include "kijun/strbuf.h"

/* Reads an evaluation; on failure every problem is in diags and *e is
 * empty (still to be freed). */
bool evaluation_read(struct evaluation *e, const char *name, const char *buf, size_t len,
		     struct diag_list *diags);
bool evaluation_load_file(struct evaluation *e, const char *path, struct diag_list *diags);

/* The canonical YAML form: the same evaluation always gives the same bytes. */
bool evaluation_write(const struct evaluation *e, struct strbuf *out);
/* Atomic (fsynced, renamed over), so a result once saved survives a
 * dropped link or a kill.  No path~: it is saved after every result. */
bool evaluation_save_file(const struct evaluation *e, const char *path, struct diag_list *diags);

#endif
