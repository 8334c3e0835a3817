/* Problems found in an input, returned as values.  The core never prints. */
#ifndef KIJUN_DIAG_H
#define KIJUN_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* One problem at file:line:column.  Line and column are 1-based; 0 means
 * "not known" (a problem with the file as a whole, say).  Columns count
 * characters, not bytes, so they match what an editor shows. */
struct diag {
	char *file;
	unsigned line;
	unsigned column;
	char *message;
};

/* Problems are collected so that a user fixing a hand-edited file sees all of
 * them at once; past DIAG_KEEP the rest are only counted. */
#define DIAG_KEEP 100

struct diag_list {
	struct diag *items;
	size_t count;
	size_t capacity;
	size_t dropped;
};

void diag_list_init(struct diag_list *list);
void diag_list_free(struct diag_list *list);
void diag_list_clear(struct diag_list *list);

/* Formats and keeps a problem.  Running out of memory only counts it. */
void diag_add(struct diag_list *list, const char *file, unsigned line,
	      unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void diag_addv(struct diag_list *list, const char *file, unsigned line,
	       unsigned column, const char *fmt, va_list ap)
	__attribute__((format(printf, 5, 0)));

/* Orders the problems from index `from` on by line and column, keeping
 * the order of those at the same place. */
void diag_list_sort(struct diag_list *list, size_t from);

/* True when at least one problem was found (kept or dropped). */
int diag_any(const struct diag_list *list);

/* "file:line:column: message", or "file: message" when the place is
 * unknown.  Returns the length it wanted, like snprintf. */
int diag_format(const struct diag *d, char *buf, size_t size);

#endif
