/* A pull reader over libyaml's events for kijun's own schemas.
 *
 * Each schema reader walks its document with these calls and reports what
 * does not fit at the exact line and column.  The reader bounds what a
 * hostile file can cost: nesting depth, and aliases (only aliases of plain
 * values are allowed, and their total size is capped, so no alias bomb). */
#ifndef KIJUN_YAML_READER_H
#define KIJUN_YAML_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "kijun/arena.h"
#include "kijun/catalog.h"
#include "kijun/diag.h"

struct yr_mark {
	unsigned line;    /* 1-based */
	unsigned column;  /* 1-based, in characters */
};

/* A scalar just read: valid until the next call on the reader. */
struct yr_scalar {
	const char *value;
	size_t len;
	struct yr_mark mark;
	bool is_null;     /* ~, null or nothing, unquoted */
};

struct yr_anchor;

struct yreader {
	yaml_parser_t parser;
	yaml_event_t event;      /* the event under the cursor */
	yaml_event_t last;       /* the scalar handed out last */
	bool have_event;
	bool have_last;
	bool broken;             /* a fatal problem: every call now fails */
	const char *file;
	const char *input;       /* for locating libyaml's reader errors */
	size_t input_len;
	struct diag_list *diags;
	unsigned depth;
	unsigned max_depth;
	struct yr_anchor *anchors;
	size_t anchor_count;
	size_t anchor_capacity;
	size_t *anchor_index;    /* hash table of anchor_slots indices */
	size_t anchor_slots;     /* a power of two, or 0 */
	size_t alias_bytes;      /* bytes produced by aliases so far */
	size_t alias_budget;
	struct arena *arena;     /* where yr_text and friends copy values */
	bool oom;                /* an allocation failed somewhere */
	int fd;                  /* yr_open_fd: the file read, input is NULL */
	size_t fd_bytes;         /* read from it so far */
};

/* Starts reading buf[0..len) (which must outlive the reader).  Reports
 * invalid UTF-8 at its line and column before libyaml sees it. */
bool yr_open(struct yreader *r, const char *file, const char *buf, size_t len,
	     unsigned max_depth, struct diag_list *diags);
void yr_close(struct yreader *r);

/* As yr_open, without checking the UTF-8 first.  libyaml refuses what
 * that check refuses (strict UTF-8: no overlong forms, surrogates or
 * code points past U+10FFFF), so yr_run checks only when reading failed
 * or stopped early, and a whole valid file is not decoded twice. */
bool yr_open_unchecked(struct yreader *r, const char *file, const char *buf, size_t len,
		       unsigned max_depth, struct diag_list *diags);

/* Reads from fd (a regular file of about len bytes) as libyaml asks for
 * more, so the file is never held whole.  Problems are found but cannot
 * be located exactly without the text (input is NULL): a caller reads the
 * file whole again when there are any (catalog_load_file). */
bool yr_open_fd(struct yreader *r, const char *file, int fd, size_t len,
		unsigned max_depth, struct diag_list *diags);

/* Reports the first invalid UTF-8 of buf[0..len) at its line and column;
 * true when there is none. */
bool yr_utf8_check(const char *file, const char *buf, size_t len, struct diag_list *diags);

/* Enters the single document of the stream; false for an empty stream. */
bool yr_document_begin(struct yreader *r);
/* Leaves it; reports a second document. */
bool yr_document_end(struct yreader *r);

/* Expects a mapping (or sequence).  Otherwise reports "expected <what>",
 * skips the node and returns false. */
bool yr_mapping_begin(struct yreader *r, const char *what, struct yr_mark *at);
bool yr_sequence_begin(struct yreader *r, const char *what, struct yr_mark *at);

/* Reads the next key of the current mapping; false at its end (consumed)
 * or after a fatal problem.  A key that is not a plain value is reported,
 * skipped with its value, and reading goes on. */
bool yr_mapping_next(struct yreader *r, struct yr_scalar *key);

/* True when another element follows in the current sequence; false at its
 * end (consumed) or after a fatal problem. */
bool yr_sequence_next(struct yreader *r);

/* Expects a scalar.  Otherwise reports "<what> must be ..." and skips. */
bool yr_scalar(struct yreader *r, const char *what, struct yr_scalar *out);

/* Skips the next node, whatever it is. */
void yr_skip(struct yreader *r);

/* Where the next event starts. */
struct yr_mark yr_here(struct yreader *r);

/* True when the next node is a scalar / mapping / sequence. */
bool yr_at_scalar(struct yreader *r);

void yr_error(struct yreader *r, struct yr_mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Reads buf[0..len) with read(r, ctx) between opening and closing the
 * reader: bounds the size, points the reader at arena, sorts what read
 * reported by place.  True when nothing was reported. */
bool yr_run(const char *name, const char *buf, size_t len, unsigned max_depth,
	    struct arena *arena, struct diag_list *diags,
	    void (*read)(struct yreader *r, void *ctx), void *ctx);

/* As yr_run, reading from fd with yr_open_fd; true only when the whole
 * file was read with nothing to report. */
bool yr_run_fd(const char *name, int fd, size_t len, unsigned max_depth,
	       struct arena *arena, struct diag_list *diags,
	       void (*read)(struct yreader *r, void *ctx), void *ctx);

/* ---- typed values, copied into r->arena ------------------------------- */

/* A short keyword (a kind, an op) into buf; an empty buf when it does not
 * fit, which the caller reports as unknown. */
bool yr_word(struct yreader *r, const char *what, char *buf, size_t size, struct yr_scalar *s);

/* Any text, or nothing (*out = NULL for ~, null or an empty value). */
bool yr_text(struct yreader *r, const char *what, const char **out);

/* One word on one line: an id, a token, a reference. */
bool yr_token(struct yreader *r, const char *what, const char **out, struct yr_mark *at);
/* Checks a scalar already read is such a word; reports it if not. */
bool yr_check_token(struct yreader *r, const struct yr_scalar *s, const char *what);

/* A list of words. */
void yr_token_list(struct yreader *r, const char *what, const char ***out, uint32_t *count);

/* A whole number within [min, max]. */
bool yr_int(struct yreader *r, const char *what, long min, long max, long *out);

/* true or false. */
bool yr_bool(struct yreader *r, const char *what, bool *out);

/* A calendar date written YYYY-MM-DD. */
bool yr_date(struct yreader *r, const char *what, const char **out);

/* The attribute_types list of catalogs and tailorings. */
void yr_attr_types(struct yreader *r, struct attr_type **types, uint32_t *count);

/* Keys of one mapping, checked against what the schema knows. */
struct yr_fields {
	const char *const *names;
	unsigned count;          /* at most 64 */
	uint64_t seen;
	struct yr_mark at;       /* the mapping, for "missing" reports */
	const char *what;        /* "item", "attribute type" ... */
};

void yr_fields_init(struct yr_fields *f, const char *const *names,
		    unsigned count, const char *what, struct yr_mark at);

/* The index of `key` among the names, or -1 after reporting it as unknown
 * (with a suggestion when one is close) or repeated, and skipping its
 * value. */
int yr_field(struct yreader *r, struct yr_fields *f, const struct yr_scalar *key);

/* Reports each required field (bit i for names[i]) that did not appear. */
void yr_fields_require(struct yreader *r, const struct yr_fields *f,
		       uint64_t required);

#endif
