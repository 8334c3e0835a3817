/* Which kind of kijun file a text is, before it is read in full. */
#ifndef KIJUN_FILE_FORMAT_H
#define KIJUN_FILE_FORMAT_H

#include <stddef.h>

enum file_format { FORMAT_UNKNOWN, FORMAT_CATALOG, FORMAT_TAILORING, FORMAT_EVALUATION };

/* What a kijun file is, by its top-level `format` key. */
enum file_format file_format_of(const char *buf, size_t len);

struct diag_list;

/* The same of the file at path, read only as far as it needs; a file
 * that cannot be read is FORMAT_UNKNOWN with the reason in diags. */
enum file_format file_format_of_file(const char *path, struct diag_list *diags);

#endif
