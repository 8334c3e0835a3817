/* Reading mapping tables (docs/mapping-format.md): YAML when the text
 * starts with a `format:` key, else CSV or TSV with a header line. */
#ifndef KIJUN_MAPPING_IO_H
#define KIJUN_MAPPING_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/diag.h"
#include "kijun/mapping.h"

#define MAPPING_FORMAT "kijun-mapping/1"

/* Reads buf[0..len) into m (initialized here); `name` names it in
 * problems.  False with every problem in diags (file:line:column), m
 * then empty. */
bool mapping_read(struct mapping *m, const char *name, const char *buf, size_t len,
		  struct diag_list *diags);
bool mapping_load_file(struct mapping *m, const char *path, struct diag_list *diags);

#endif
