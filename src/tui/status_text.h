/* The status bar's text, measured in cells.  No curses here, so what gives
 * way on a narrow bar is unit-tested. */
#ifndef KIJUN_STATUS_TEXT_H
#define KIJUN_STATUS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* What the left of the status bar says. */
struct status_fields {
	const char *mode;   /* 閲覧, 詳細, ... */
	const char *name;   /* the file as given on the command line */
	bool editing;       /* a tailoring: [+] and the view are shown */
	bool modified;
	const char *view;   /* 個別管理基準, 基準, 変更のみ */
	unsigned cursor;    /* 1-based row, 0 for none */
	unsigned count;
	bool read_only;     /* [RO] after the name, as vim: changes are refused */
	const char *filter; /* the query filter (f), or NULL */
	unsigned matches;   /* the items it matches */
};

/* The start of path replaced by "..." so that it takes at most `cells`
 * cells: whole directories go first (".../dir/file.yaml"), then the start
 * of the file name itself.  Writes at most size bytes, NUL-terminated. */
void status_fit_path(const char *path, int cells, char *out, size_t size);

/* " MODE | name [+] | view | 3/23" in at most `cells` cells ([RO] for [+]
 * when read_only): only the name is shortened, so [+], the view and the
 * row count always show.  With a filter, " | f:QUERY (12)" comes before
 * the rows, the query cut to STATUS_FILTER_CELLS.  Returns the cells used. */
#define STATUS_FILTER_CELLS 24
int status_format(const struct status_fields *f, int cells, char *out, size_t size);

#endif
