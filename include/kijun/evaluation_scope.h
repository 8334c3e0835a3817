/* Which items of an individual standard an evaluation covers: the scope,
 * the gate from design to operation, and the items whose text changed
 * since they were evaluated. */
#ifndef KIJUN_EVALUATION_SCOPE_H
#define KIJUN_EVALUATION_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/evaluation.h"
#include "kijun/query.h"
#include "kijun/resolve.h"

/* True when item i of the individual standard is one an auditor
 * evaluates: a detailed control, or a control with no detailed control
 * under it, that is in the individual standard (not excluded, split or
 * merged away). */
bool evaluation_scope_evaluable(const struct resolution *res, uint32_t i);

/* True when item i is in scope: NULL or blank is the whole tailoring;
 * otherwise ids separated by spaces or commas, each taking the item of
 * that id, everything under it, and ids that grow from it (5a-5.1 takes
 * 5a-5.1.2 and 5a-5.1/a, never 5a-5.10).  Until the query language lands
 * this is the whole scope grammar; its parser will take the same string. */
bool evaluation_scope_has(const char *scope, const struct catalog *cat, uint32_t i);

/* The scope may be a query instead (docs/query.md): it is one when it
 * holds a colon, #, a bracket or a quote, or the word and, or or not;
 * else it is the ids above.  An item is in a query scope when it or an
 * item above it matches, so `id:4.4.8` or a control's attribute takes its
 * detailed controls.  An audit scope saved in the tailoring (@NAME) is
 * turned into its query text by the caller (audit_scope_text). */
bool evaluation_scope_is_query(const char *scope);
/* Compiles a query scope against res's catalog: *out NULL for an id scope.
 * False, with *err, when the query does not read. */
bool evaluation_scope_compile(const char *scope, const struct resolution *res,
			      struct query **out, struct query_error *err);

/* Fills e (freshly initialised, kind and scope set) with every evaluable
 * item in scope, in document order, each with its text hash.  For an
 * operating evaluation, `design` is the design evaluation it follows:
 * only the items evaluation_gate_reason takes, and whose text is the one
 * the design evaluation saw, come in; the others are
 * recorded in e's absent list with the reason (design items the
 * tailoring no longer has are left out silently: they are reported as
 * gone when the design evaluation is opened).  False when out of memory,
 * or when a query scope does not read (check it first with
 * evaluation_scope_compile). */
bool evaluation_scope_build(struct evaluation *e, const struct resolution *res,
			    const struct evaluation *design);

/* How an evaluated item stands against the individual standard now. */
enum eval_drift {
	DRIFT_NONE,     /* the same text as when it was evaluated */
	DRIFT_CHANGED,  /* its text changed: evaluate it again */
	DRIFT_GONE,     /* no longer in the individual standard */
};
enum eval_drift evaluation_scope_drift(const struct eval_item *it, const struct resolution *res);

/* A result recorded on an item whose text changed is a result on the new
 * text: the item takes the text hash it has now (nothing for an item no
 * longer there).  False when out of memory. */
bool evaluation_scope_rehash(struct evaluation *e, struct eval_item *it,
			     const struct resolution *res);

#endif
