/* Whole-file reads with a size bound, and atomic saves. */
#ifndef KIJUN_FILE_H
#define KIJUN_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/diag.h"

/* kijun's files are text a person can review; anything larger than this is
 * refused before it is read, so a wrong path cannot exhaust memory. */
#define FILE_MAX_BYTES ((size_t)128 << 20)

/* Reads the whole file into a NUL-terminated malloc'd buffer.  Returns
 * false with a problem in diags (not found, unreadable, too large). */
bool file_read_all(const char *path, char **data, size_t *len, struct diag_list *diags);

/* Replaces `path` with data[0..len) so that a crash at any moment leaves
 * either the old file or the new one: write a temporary file beside it,
 * fsync, keep the old one as "path~" when `backup` is set, rename, fsync
 * the directory.  A new file gets the permissions of the old one. */
bool file_write_atomic(const char *path, const char *data, size_t len,
		       bool backup, struct diag_list *diags);

#endif
