/* Whole-file reads with a size bound, and saves as a careful editor makes
 * them. */
#ifndef KIJUN_FILE_H
#define KIJUN_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/diag.h"

/* kijun's files are text a person can review; anything larger than this is
 * refused before it is read, so a wrong path cannot exhaust memory. */
#define FILE_MAX_BYTES ((size_t)128 << 20)

/* Reads the whole regular file into a NUL-terminated malloc'd buffer.
 * Returns false with a problem in diags (not found, unreadable, too large,
 * or not a regular file: a FIFO, a device or a directory is refused at
 * once, never waited on). */
bool file_read_all(const char *path, char **data, size_t *len, struct diag_list *diags);

/* What file_write may do beyond replacing the file. */
enum {
	FILE_WRITE_BACKUP = 1 << 0,   /* keep the old version as "path~" */
	FILE_WRITE_PRIVATE = 1 << 1,  /* a new file is 0600, whatever the umask */
	FILE_WRITE_FORCE = 1 << 2,    /* replace a read-only file (the user said so) */
};

enum file_write_result {
	FILE_WRITTEN,
	FILE_WRITE_FAILED,     /* nothing changed; the reason is in diags */
	FILE_WRITE_READ_ONLY,  /* nothing changed: the file is read-only (no
				* write permission bit, or not writable by us);
				* ask, then call again with FILE_WRITE_FORCE */
};

/* Replaces `path` with data[0..len) so that a crash at any moment leaves
 * either the old file or the new one: write ".NAME.kijun-tmp.PID" beside
 * it, fsync, keep the old one as "path~" (a hard link, or a copy where the
 * file system has none), rename, fsync the directory.
 *
 * A symlink is followed: its target is replaced and the link stays.  An
 * existing file keeps its permissions, and its owner and group where the
 * process may set them; a new file follows the umask (0666 & ~umask), or
 * is 0600 under FILE_WRITE_PRIVATE.  Temporary files that an earlier kijun
 * left there (its pid no longer runs) are removed first. */
enum file_write_result file_write(const char *path, const char *data, size_t len,
				  unsigned flags, struct diag_list *diags);

/* file_write with FILE_WRITE_BACKUP when `backup` is set; true when
 * written.  A read-only file is refused with a problem in diags. */
bool file_write_atomic(const char *path, const char *data, size_t len,
		       bool backup, struct diag_list *diags);

#endif
