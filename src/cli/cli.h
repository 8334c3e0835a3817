/* Subcommands that print to stdout instead of opening the screen.  Each
 * returns an exit code (0 ok, 1 usage, 2 invalid input); main() exits. */
#ifndef KIJUN_CLI_H
#define KIJUN_CLI_H

#include <stdio.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/tailoring.h"

enum exit_code { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_INVALID = 2 };

/* `kijun catalog list|check|format [FILE]` */
int cli_catalog(int argc, char **argv);

/* `kijun resolve FILE` and `kijun changes FILE` (argv[0] says which). */
int cli_tailoring(int argc, char **argv);

/* `kijun recover FILE [--apply|--discard]`: the edit journal
 * (docs/journal.md).  Exit 0 done, 1 usage, 2 FILE or the journal cannot
 * be used (the journal is then kept), 3 no journal. */
int cli_recover(int argc, char **argv);
enum { EXIT_NO_JOURNAL = 3 };

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
