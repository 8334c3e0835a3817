/* Spreadsheet exports (CSV and TSV) read into rows of cells, each cell
 * knowing where it starts, so a bad value is reported at its place. */
#ifndef KIJUN_CSV_H
#define KIJUN_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "kijun/arena.h"
#include "kijun/diag.h"

enum csv_encoding {
	CSV_ENCODING_AUTO,   /* a BOM says UTF-8; else UTF-8 if valid, else CP932 */
	CSV_ENCODING_UTF8,
	CSV_ENCODING_CP932,  /* Shift_JIS as Excel on Windows writes it */
};

struct csv_cell {
	const char *text;  /* UTF-8; quotes undone, line breaks as "\n" */
	unsigned line;     /* 1-based, in the file */
	unsigned column;   /* 1-based, in characters */
};

struct csv_row {
	struct csv_cell *cells;
	size_t count;
	unsigned line;     /* where the record starts */
};

struct csv_table {
	struct csv_row *rows;
	size_t count;
	enum csv_encoding encoding;  /* what the file turned out to be */
	struct arena arena;          /* every cell and row */
};

/* Parses an encoding name: utf-8, utf8, cp932, shift_jis, sjis,
 * windows-31j (any case); -1 if unknown. */
int csv_encoding_parse(const char *name, enum csv_encoding *out);

/* Reads buf[0..len): decodes it to UTF-8 (dropping a BOM), then splits it
 * into records at LF, CRLF or CR, and records into cells at sep (',' or
 * '\t'), RFC 4180 quoting: "a ""b""" is a "b", and a quoted cell may hold
 * separators and line breaks.  Empty lines are skipped.  `name` names the
 * file in problems.  On failure every problem found (an unterminated
 * quote, text after a closing quote, bytes not in the encoding) is in
 * diags with its line and column, and t is empty. */
bool csv_read(struct csv_table *t, const char *name, const char *buf, size_t len,
	      char sep, enum csv_encoding encoding, struct diag_list *diags);

void csv_free(struct csv_table *t);

#endif
