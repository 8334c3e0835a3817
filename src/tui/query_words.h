/* A query's error in words, in the current language, for the filter
 * prompt and the command line: the core keeps it as a code and a column. */
#ifndef KIJUN_QUERY_WORDS_H
#define KIJUN_QUERY_WORDS_H

#include <stddef.h>

#include "kijun/query.h"

/* "column 7: "xyz" is not a value here" into buf (always terminated);
 * returns buf.  The word is sanitized. */
const char *query_describe(const struct query_error *e, char *buf, size_t size);

/* The cells of text before character column `column` (1-based): where a
 * caret under the query goes.  Control characters count as their shown
 * escapes do not: the caller shows the query sanitized, which keeps
 * printable text as it is. */
int query_caret_cells(const char *text, unsigned column);

/* The byte offset of character column `column` in text (its length when
 * past the end): where the line editor's cursor goes. */
size_t query_column_offset(const char *text, unsigned column);

#endif
