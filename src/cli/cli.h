/* Subcommands that print to stdout instead of opening the screen.  Each
 * returns an exit code (0 ok, 1 usage, 2 invalid input); main() exits. */
#ifndef KIJUN_CLI_H
#define KIJUN_CLI_H

#include <stdio.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/json_write.h"
#include "kijun/strbuf.h"
#include "kijun/evaluation.h"
#include "kijun/session.h"
#include "kijun/tailoring.h"

enum exit_code { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_INVALID = 2 };

/* `kijun catalog list|check|format [FILE]` */
int cli_catalog(int argc, char **argv);

/* `kijun query [FILE] EXPR` and `kijun crosstab [FILE] --rows T --cols T
 * [--only-cols V,...]` (cli_query.c); FILE defaults to the built-in
 * catalog. */
int cli_query(int argc, char **argv);
/* The audit scope NAME of the tailoring open in s as one query text
 * (audit_scope_text; the caller frees it), or NULL after saying on stderr
 * that there is no such scope. */
struct session;
char *cli_scope_text(const struct session *s, const char *name);
/* A query that does not read: the message, the query, a caret under the
 * column, on stderr. */
struct query_error;
void cli_query_error(const char *text, const struct query_error *e);
int cli_crosstab(int argc, char **argv);

/* `kijun resolve|changes FILE [--full] [--format tsv|csv|json]` (argv[0]
 * says which).  Exit 0, 1 usage, 2 FILE cannot be read, 3 some changes
 * do not apply (the listing is complete all the same). */
int cli_tailoring(int argc, char **argv);
enum { EXIT_CONFLICTS = 3 };

/* `kijun export FILE --format md|html|csv|oscal-catalog|oscal-profile [-o OUT]` */
int cli_export(int argc, char **argv);

/* `kijun check FILE...`: every problem of each file; 0 or 2. */
int cli_check(int argc, char **argv);

/* A listing written to `out` as it is made, a few rows at a time (100k
 * items are tens of megabytes): a header row (TSV, CSV with BOM and CRLF)
 * or one JSON document {"file": ..., ROWS_KEY: [{column: value...}...]}.
 * Values go in column order; strings are sanitized for the format. */
enum table_format { TABLE_TSV, TABLE_CSV, TABLE_JSON };
struct cli_table {
	enum table_format fmt;
	FILE *out;
	bool write_failed;
	struct strbuf b;
	struct json j;
	const char *const *names;
	uint32_t ncols;
	uint32_t col;
};
int cli_table_parse_format(const char *name, enum table_format *out);
void cli_table_begin(struct cli_table *t, FILE *out, enum table_format fmt, const char *file,
		     const char *rows_key, const char *const *names, uint32_t ncols);
void cli_table_str(struct cli_table *t, const char *s);
void cli_table_list(struct cli_table *t, const char *const *v, uint32_t n);
void cli_table_uint(struct cli_table *t, uint64_t v, bool blank_zero);
void cli_table_bool(struct cli_table *t, bool v);
/* JSON only: the writer, positioned for the next column's value; NULL for
 * TSV and CSV (the caller then writes the column with cli_table_str). */
struct json *cli_table_json(struct cli_table *t);
void cli_table_end_row(struct cli_table *t);
/* Closes the rows; JSON: returns the writer to add members after them. */
struct json *cli_table_rows_end(struct cli_table *t);
/* Writes the rest and frees it; EXIT_INVALID when out of memory or a
 * write failed (what was written before stays written, as a pipe has it). */
int cli_table_finish(struct cli_table *t);

/* The attribute types `catalog list` and `resolve` show, in column order. */
extern const char *const cli_list_types[5];

/* `kijun import csv|oscal IN [-o OUT] [OPTIONS]`: a catalog from a
 * spreadsheet or an OSCAL catalog (src/io/import_*.c). */
int cli_import(int argc, char **argv);

/* `kijun recover FILE [--apply|--discard]`: the edit journal
 * (docs/journal.md).  Exit 0 done, 1 usage, 2 FILE or the journal cannot
 * be used (the journal is then kept), 3 no journal. */
int cli_recover(int argc, char **argv);
enum { EXIT_NO_JOURNAL = 3 };

/* `kijun eval new TAILORING -o FILE --kind design|operating [--scope
 * QUERY] [--from DESIGN-EVAL]` and `kijun results EVAL` (cli_eval.c). */
int cli_eval(int argc, char **argv);
int cli_results(int argc, char **argv);

/* `kijun report EVAL --format md|csv|html|oscal-ar [-o OUT]` (cli_report.c). */
int cli_report(int argc, char **argv);

/* An evaluation opened with the tailoring it evaluates. */
struct cli_evaluation {
	struct evaluation e;
	struct session s;            /* the tailoring: a workspace session */
	char *tailoring_path;
	bool tailoring_changed;      /* its hash is not the recorded one */
	uint32_t changed, gone;      /* items whose text changed, items gone */
};

/* Opens the evaluation at path and its tailoring; problems go to stderr.
 * Exit code: EXIT_OK (close it later) or EXIT_INVALID. */
int cli_evaluation_open(const char *path, struct cli_evaluation *x);
void cli_evaluation_close(struct cli_evaluation *x);

struct lock;
/* Takes FILE.kijun-lock for the auditor's screen (a dead holder's is
 * taken over), so a second kijun cannot save over the first one's
 * results; says who holds it otherwise.  EXIT_OK (lock_release it
 * later) or EXIT_INVALID. */
int cli_evaluation_lock(const char *path, struct lock *l);

/* `kijun new FILE [--base CATALOG-ID|FILE] [--title T] [--organization O]`:
 * a new tailoring, never over an existing file (exit 2). */
int cli_new(int argc, char **argv);
/* `kijun progress FILE`: per wizard page 0–7, page, name, decided, total,
 * open warnings (TSV). */
int cli_progress(int argc, char **argv);

/* One line of `kijun changes`: step, op, target, author, date, reason.
 * withdrawn_by: the change that withdrew it, or CHANGE_NONE. */
void cli_put_change(FILE *out, const struct change *c, uint32_t withdrawn_by);

/* The columns of `catalog list` for item i: id, kind, parent id, title (or
 * text), then the five attribute columns. */
void cli_put_item(FILE *out, const struct catalog *c, uint32_t i);

/* Loads FILE, or the built-in catalog when path is NULL; prints problems
 * to stderr. */
int cli_load_catalog(const char *path, struct catalog *c);

/* Prints every problem, one per line, to `to`, through text_sanitize. */
void cli_print_diags(FILE *to, const struct diag_list *diags);

/* fprintf whose result passes text_sanitize line by line: for messages
 * that carry ids, keys, paths or other text from a file. */
void cli_printf(FILE *to, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One TSV field through text_sanitize: tabs and line breaks become spaces,
 * so each record stays one line of the right columns, and control, bidi
 * and invalid characters are shown (^[, <U+202E>, U+FFFD), never obeyed. */
void cli_put_field(FILE *out, const char *s);

#endif
