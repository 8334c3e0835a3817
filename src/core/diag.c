#include "kijun/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *list)
{
	memset(list, 0, sizeof(*list));
}

void diag_list_clear(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	list->count = 0;
	list->dropped = 0;
}

void diag_list_free(struct diag_list *list)
{
	diag_list_clear(list);
	free(list->items);
	diag_list_init(list);
}

void diag_addv(struct diag_list *list, const char *file, unsigned line,
	       unsigned column, const char *fmt, va_list ap)
{
	struct diag *d;
	va_list copy;
	int n;

	if (list->count >= DIAG_KEEP)
		goto drop;
	if (list->count == list->capacity) {
		size_t cap = list->capacity ? list->capacity * 2 : 8;
		struct diag *items = realloc(list->items, cap * sizeof(*items));

		if (!items)
			goto drop;
		list->items = items;
		list->capacity = cap;
	}
	d = &list->items[list->count];
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		goto drop;
	d->message = malloc((size_t)n + 1);
	d->file = strdup(file ? file : "");
	if (!d->message || !d->file) {
		free(d->message);
		free(d->file);
		goto drop;
	}
	vsnprintf(d->message, (size_t)n + 1, fmt, ap);
	d->line = line;
	d->column = column;
	list->count++;
	return;
drop:
	list->dropped++;
}

void diag_add(struct diag_list *list, const char *file, unsigned line,
	      unsigned column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(list, file, line, column, fmt, ap);
	va_end(ap);
}

int diag_any(const struct diag_list *list)
{
	return list->count > 0 || list->dropped > 0;
}

int diag_format(const struct diag *d, char *buf, size_t size)
{
	if (d->line && d->column)
		return snprintf(buf, size, "%s:%u:%u: %s", d->file, d->line,
				d->column, d->message);
	if (d->line)
		return snprintf(buf, size, "%s:%u: %s", d->file, d->line,
				d->message);
	return snprintf(buf, size, "%s: %s", d->file, d->message);
}

static int diag_before(const struct diag *a, const struct diag *b)
{
	if (a->line != b->line)
		return a->line < b->line;
	return a->column < b->column;
}

void diag_list_sort(struct diag_list *list, size_t from)
{
	/* Insertion sort: stable, and lists are at most DIAG_KEEP long. */
	for (size_t i = from + 1; i < list->count; i++) {
		struct diag d = list->items[i];
		size_t j = i;

		while (j > from && diag_before(&d, &list->items[j - 1])) {
			list->items[j] = list->items[j - 1];
			j--;
		}
		list->items[j] = d;
	}
}
