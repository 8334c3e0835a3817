/* Catalog files: reading with located problems, canonical writing.  The
 * format is described in docs/catalog-format.md. */
#ifndef KIJUN_CATALOG_IO_H
#define KIJUN_CATALOG_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/strbuf.h"

#define CATALOG_FORMAT "kijun-catalog/1"

/* How deep YAML may nest in a catalog: far more than any real standard
 * needs (parts, sections, controls, details, entries), far less than what
 * would exhaust anything. */
#define CATALOG_MAX_DEPTH 64

/* Reads a catalog from buf[0..len); `name` names it in problems.  On
 * success *c holds it and diags is untouched.  On failure every problem
 * found is in diags and *c is left empty (already freed). */
bool catalog_read(struct catalog *c, const char *name, const char *buf,
		  size_t len, struct diag_list *diags);

bool catalog_load_file(struct catalog *c, const char *path, struct diag_list *diags);

/* The first items of the catalog file at path, read from its first
 * `bytes` bytes alone: what a screen can draw while the rest loads.  The
 * items read are whole; the lists they are in end early.  False (and *c
 * empty) when the file is no longer than `bytes` (load it whole), or when
 * its start does not read as a catalog in kijun's canonical form: the
 * whole file's load says what is wrong. */
bool catalog_load_head(struct catalog *c, const char *path, size_t bytes);
/* The same of head[0..len), the start of a longer catalog text. */
bool catalog_read_head(struct catalog *c, const char *name, const char *head, size_t len);

/* The catalog compiled into the binary: kijun's reference catalog of
 * 情報セキュリティ管理基準. */
bool catalog_load_builtin(struct catalog *c, struct diag_list *diags);
/* The built-in catalogs by id: "meti-ismk-2025", "csf-2.0" (NIST CSF 2.0,
 * for step 3).  catalog_load_builtin_id is false (nothing in diags) for an
 * id that is not built in. */
bool catalog_builtin_known(const char *id);
bool catalog_load_builtin_id(struct catalog *c, const char *id, struct diag_list *diags);
const char *catalog_builtin_name(void);
/* The built-in catalog's YAML text, as compiled in. */
const char *catalog_builtin_text(size_t *len);

/* Appends the canonical YAML form of c to out. */
bool catalog_write(const struct catalog *c, struct strbuf *out);
/* Writes it to out as it goes, never holding it whole (false when the
 * emitter or a write failed; what was written stays written). */
bool catalog_write_file(const struct catalog *c, FILE *out);

/* "sha256:<hex>" of c's canonical form, into out: what a tailoring
 * records of the catalog it was made from. */
bool catalog_hash(const struct catalog *c, char out[72]);

/* Writes c to path atomically (keeping "path~"). */
bool catalog_save_file(const struct catalog *c, const char *path, struct diag_list *diags);

#endif
