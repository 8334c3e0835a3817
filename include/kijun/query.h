/* Queries over resolved items: attribute values by type (概念:識別,
 * #識別, concepts:Identify), id and id prefix, status, level, technical,
 * marks, source kind, kind and free text, joined by and (or side by
 * side), or, not and parentheses.  docs/query.md has the grammar.
 *
 * A query is compiled once against a catalog's attribute types (the
 * organization's own types too: compile against the resolution's
 * catalog), then matched per item without allocating: the tree filter,
 * the command line, the cross-tab and later the balance view and the
 * audit scope all use the one parser.  Errors are codes with a column;
 * the views put them in words. */
#ifndef KIJUN_QUERY_H
#define KIJUN_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kijun/attr_value.h"
#include "kijun/catalog.h"
#include "kijun/csf_map.h"  /* csf:PR */
#include "kijun/resolve.h"

enum query_code {
	QUERY_OK,
	QUERY_NO_MEMORY,
	QUERY_EMPTY,             /* nothing but spaces */
	QUERY_BAD_UTF8,
	QUERY_EXPECTED_TERM,     /* an operator or ")" where a term belongs, or the end */
	QUERY_UNMATCHED_OPEN,    /* "(" never closed: column of the "(" */
	QUERY_UNMATCHED_CLOSE,   /* ")" with no "(" */
	QUERY_UNTERMINATED_QUOTE,/* column of the opening quote */
	QUERY_EMPTY_VALUE,       /* "status:" or "#" with nothing after */
	QUERY_UNKNOWN_FIELD,     /* word: before the colon */
	QUERY_AMBIGUOUS_TYPE,    /* word: names more than one attribute type */
	QUERY_UNKNOWN_VALUE,     /* word: not a value of the field (or of any type, for #) */
	QUERY_NOT_AVAILABLE,     /* word: a field this document cannot answer (risk: on a catalog) */
	QUERY_TOO_LONG,          /* more terms than QUERY_MAX_NODES */
	QUERY_CODE_COUNT
};

/* Where a query went wrong: a code, the 1-based column in characters
 * (code points, so a caret can be placed under it after measuring the
 * cells before it), and the word concerned, for the message. */
struct query_error {
	enum query_code code;
	unsigned column;
	unsigned length;         /* characters the caret spans; at least 1 */
	char word[64];           /* "" when the code takes none; cut to fit */
};

#define QUERY_MAX_NODES 256

struct query;

/* Compiles text against c's attribute types.  NULL on error, with *err
 * set (err->code is QUERY_OK on success). */
struct query *query_compile(const char *text, const struct catalog *c,
			    struct query_error *err);
/* As query_compile, with the risk basis the risk: term needs (risk:高,
 * risk:>=中, risk:R1, risk:any, risk:none).  With b NULL (a catalog
 * browsed) risk: is refused with QUERY_NOT_AVAILABLE.  The query keeps b
 * and reads it when matching, so b must outlive it; the session's basis
 * (session_basis) is rebuilt in place after every change, so a filter
 * compiled against it follows the register. */
struct risk_basis;
struct query *query_compile_risk(const char *text, const struct catalog *c,
				 const struct risk_basis *b, struct query_error *err);
void query_free(struct query *q);
/* The text the query was compiled from. */
const char *query_text(const struct query *q);

/* True when item i of c (the catalog the query was compiled against, or
 * one with the same attribute types) matches.  info is the item's
 * resolution (NULL when browsing a catalog: every item is then kept, with
 * no level, marks or source). */
bool query_match(const struct query *q, const struct catalog *c, uint32_t i,
		 const struct resolved *info);

/* The English message for a code, for _(); printf arguments: the word
 * (a string) for the codes above that take one, else none. */
const char *query_code_message(enum query_code code);
/* True when the code's message takes err->word. */
bool query_code_has_word(enum query_code code);

/* The attribute type a field word names (id, label or English label, or
 * a part of a label that names one type only: 概念, 運用機能); -1 when
 * none, -2 when more than one. */
int query_find_type(const struct catalog *c, const char *word);
/* The value of type t a word names (id, label or English label); -1. */
int query_find_value(const struct attr_type *t, const char *word);

#endif
