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

/* ---- the files an evaluation names (evaluation_files.c) -------------- */

/* rel (as the evaluation at eval_path names it) as a path to open:
 * joined to eval_path's directory unless absolute.  malloc'd; NULL when
 * out of memory. */
char *evaluation_files_beside(const char *eval_path, const char *rel);
/* target (a path to open) as the evaluation at eval_path (which need not
 * exist yet; its directory must) names it: relative to its directory.
 * malloc'd; NULL when a path cannot be resolved. */
char *evaluation_files_relative(const char *eval_path, const char *target);
/* "sha256:<hex>" of a file's bytes; false with the problem in diags. */
bool evaluation_files_hash(const char *path, char out[72], struct diag_list *diags);

enum evidence_check {
	EVIDENCE_NO_FILE,   /* the evidence names no file */
	EVIDENCE_OK,        /* the file is there with the recorded sha256 */
	EVIDENCE_CHANGED,   /* it is there with other content (or none recorded) */
	EVIDENCE_MISSING,   /* it cannot be read */
};
enum evidence_check evaluation_files_check(const char *eval_path, const struct eval_evidence *v);

#endif
