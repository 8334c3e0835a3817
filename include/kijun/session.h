/* One open document and everything a screen, a command, the wizard or
 * the auditor does with it: a catalog to browse, or a workspace (a
 * tailoring with its bases) to change.  Changes are checked and recorded
 * here and nowhere else; undo and redo, the modified flag, the view
 * filter and search live here too.  No files and no words: outcomes are
 * codes, which the views turn into words (session_code_message); files
 * are session_io.h. */
#ifndef KIJUN_SESSION_H
#define KIJUN_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "kijun/catalog.h"
#include "kijun/diag.h"
#include "kijun/problem.h"
#include "kijun/query.h"
#include "kijun/resolve.h"
#include "kijun/risk.h"
#include "kijun/tailoring.h"
#include "kijun/workspace.h"

/* What the tree shows of a workspace. */
enum session_view {
	SESSION_VIEW_TAILORED,  /* the individual standard: base with the changes */
	SESSION_VIEW_BASE,      /* the base as it is, marked where it was changed */
	SESSION_VIEW_CHANGES,   /* only the items changes shaped, with their parents */
	SESSION_VIEW_COUNT
};

enum session_code {
	SESSION_OK,
	SESSION_NO_MEMORY,
	SESSION_READ_ONLY,       /* a catalog is open, or a tailoring opened
				  * only to be read: nothing to change */
	SESSION_INVALID_CHANGE,  /* the change check refused it: see problem */
	SESSION_CONFLICT,        /* it cannot apply to the base: see conflict */
	SESSION_NO_AUTHOR,       /* no author given yet */
	SESSION_BAD_AUTHOR,      /* not UTF-8, or holds control characters */
	SESSION_NO_DATE,         /* no date given yet */
	SESSION_BAD_DATE,        /* not a real YYYY-MM-DD */
	SESSION_NOTHING_TO_UNDO, /* no change of this session is left */
	SESSION_NOTHING_TO_REDO,
	SESSION_NOT_FOUND,       /* search: nothing (shown) matches */
	SESSION_NO_SEARCH,       /* n/N before any search */
	SESSION_CODE_COUNT
};

/* What an apply, undo or redo did. */
struct session_result {
	enum session_code code;
	/* The id for the cursor: what the change made or changed; after an
	 * undo, what it had changed, or where what it made stood.  NULL when
	 * nothing was done.  Valid while the session lives. */
	const char *focus;
	/* The change applied, undone, redone or refused.  Valid until the
	 * next session call that changes the document. */
	const struct change *change;
	/* SESSION_INVALID_CHANGE: what the change check found (code
	 * PROBLEM_NONE otherwise); the views word it. */
	struct problem problem;
	/* SESSION_CONFLICT: why it cannot apply (read its from and index;
	 * its words come from resolve.h).  Valid until the next session call
	 * that changes the document. */
	const struct conflict *conflict;
};

struct session_undo;
struct session;

/* Keeps item i of session_shown() in the tree (true) or leaves it out. */
typedef bool (*session_narrow_fn)(void *ctx, const struct session *s, uint32_t i);

/* What the observer is told: a change recorded, undone or redone. */
enum session_event { SESSION_APPLIED, SESSION_UNDONE, SESSION_REDONE };

/* Called after every apply, undo or redo that changed the document
 * (SESSION_OK, or SESSION_NO_MEMORY after the change was made), before
 * the call returns, with the change it recorded, took back or put back (valid
 * until the next call that changes the document).  The journal listens
 * here (journal_observe), so the core only calls a pointer and never
 * touches a file. */
typedef void (*session_observer)(void *ctx, const struct session *s,
				 enum session_event ev, const struct change *c);

/* The fields are the session's own: read them through the functions. */
struct session {
	struct catalog *catalog;    /* browsing: owned */
	struct workspace *ws;       /* working on a tailoring: owned */
	enum session_view view;
	uint8_t *hidden;            /* per item of the shown catalog */
	uint32_t hidden_size;

	uint32_t start;             /* changes before this session: not undone */
	uint64_t *serial;           /* per change: which apply made it (0: the file) */
	uint32_t serial_capacity;
	uint64_t next_serial;
	struct session_undo *redo;  /* undone changes, newest last */
	uint32_t redo_count;
	uint32_t redo_capacity;
	uint32_t saved_count;       /* the state at the last save */
	uint64_t saved_top;

	struct resolution rejected; /* the last refused change's resolution */
	bool has_rejected;
	struct change rejected_change;

	char *author;               /* NULL until a valid one is given */
	char date[11];              /* "" until a valid one is given */

	char *query;                /* the last search; NULL before any */
	uint32_t *matches;          /* its hits, best first */
	uint32_t match_count;
	bool matches_stale;         /* the document changed since */
	struct search_cache *search; /* folded texts: NULL until the first search */

	struct query *filter;       /* the query filter (f): owned; NULL for none */
	uint32_t filter_count;      /* items it matches among those shown */

	session_observer observer;  /* NULL: nobody listens */
	void *observer_ctx;

	session_narrow_fn narrow;   /* the wizard's page; NULL for none */
	void *narrow_ctx;
	bool position_moved;        /* the wizard's page changed since the save */

	bool grouping;              /* between session_group_begin and _end */
	uint64_t group_serial;      /* the group's serial; 0 before its first apply */

	struct risk_basis basis;    /* rebuilt in place after every change */
	bool has_basis;
};

/* A session on a catalog to browse, or on a workspace to change; either
 * way it takes over the object (malloc'd, freed by session_free).  False
 * when out of memory (the object is then freed too). */
bool session_init_catalog(struct session *s, struct catalog *c);
bool session_init_workspace(struct session *s, struct workspace *w);
void session_free(struct session *s);

/* True when a tailoring is open (changes can be made). */
bool session_editing(const struct session *s);
/* The workspace (NULL when browsing) and the catalog the tree shows now. */
struct workspace *session_workspace(const struct session *s);
const struct catalog *session_shown(const struct session *s);
/* The resolution when a tailoring is open, else NULL. */
const struct resolution *session_resolution(const struct session *s);
/* The risk basis as the changes have made it, or NULL (browsing, or out
 * of memory).  The address stays while the session lives and the contents
 * follow every change: compile risk: queries against it
 * (query_compile_risk). */
const struct risk_basis *session_basis(const struct session *s);
/* Item i of the shown catalog as resolved, or NULL (browsing, or an item
 * the resolution does not know). */
const struct resolved *session_info(const struct session *s, uint32_t i);

/* ---- who and when ---------------------------------------------------- */

/* The author recorded on every change from now on.  SESSION_BAD_AUTHOR
 * (the author is then unset) unless valid UTF-8 with no control
 * characters; SESSION_NO_AUTHOR when blank. */
enum session_code session_set_author(struct session *s, const char *author);
/* The date recorded on changes: a real calendar date as YYYY-MM-DD,
 * else SESSION_BAD_DATE and the date is unset. */
enum session_code session_set_date(struct session *s, const char *date);
const char *session_author(const struct session *s);  /* "" when unset */
const char *session_date(const struct session *s);

/* ---- changes ----------------------------------------------------------- */

/* Records c (its author and date are the session's; its strings are
 * copied): checks it (change_check, and change_check_ref for what a
 * withdraw or retarget names), appends it, resolves again.  A change that
 * conflicts with the base is taken back, never recorded.  SESSION_OK
 * clears redo and marks the session modified.  The focus is the id the
 * change made (add, merge, the first split part) or changed. */
enum session_code session_apply(struct session *s, const struct change *c,
				struct session_result *r);
/* Taking back or moving an earlier change is a change like any other,
 * with its reason, through session_apply: for change number n (the
 * 1-based position `kijun changes` and `!` show; a conflict's is
 * x->index + 1, own conflicts only, see session_conflict_is_own):
 *
 *	struct change c = { .op = OP_WITHDRAW, .ref = n, .step = ...,
 *			    .reason = ... };
 *	struct change c = { .op = OP_RETARGET, .ref = n, .target = "new-id",
 *			    .step = ..., .reason = ... };
 *
 * A retarget of an add takes .parent or .after instead of .target; a
 * merge cannot be retargeted (withdraw it, merge again).  Undo takes a
 * withdraw back like any change, and the conflict returns. */

/* As session_apply, but c keeps its own author and date (a change read
 * back from a journal, or kept over a reload): it is checked the same. */
enum session_code session_replay(struct session *s, const struct change *c,
				 struct session_result *r);
/* The item change c (of the open tailoring) made or changed: the new
 * item of an add or merge, the first part of a split, else its target
 * (a withdraw's: the withdrawn change's).  NULL when there is none. */
const char *session_change_item(const struct session *s, const struct change *c);

/* Takes back the newest change of this session (never one from the
 * file) or puts the newest undone one back. */
enum session_code session_undo(struct session *s, struct session_result *r);
enum session_code session_redo(struct session *s, struct session_result *r);
bool session_can_undo(const struct session *s);
bool session_can_redo(const struct session *s);
/* The applies between these two make one undo step: one session_undo
 * takes them all back, one session_redo puts them all back (a level for
 * a whole branch).  The observer still hears of each change.  Groups do
 * not nest; a refused apply inside one is simply not in it. */
void session_group_begin(struct session *s);
void session_group_end(struct session *s);

/* True when the changes differ from the last save (or from the file as
 * opened): undoing back to it is not modified, redoing past it is. */
bool session_modified(const struct session *s);
/* Call after io saved the tailoring as it is now. */
void session_mark_saved(struct session *s);
/* How many changes at the front are the same as in the file as last
 * saved (or opened): the ones after them are this session's unsaved
 * changes, in order. */
uint32_t session_saved_prefix(const struct session *s);
/* Recovery only: lets undo take back the newest n changes read from the
 * file too, as the session that journaled their undo could (it had made
 * them before a save). */
void session_extend_undo(struct session *s, uint32_t n);

/* Sets (fn NULL: clears) the one observer; see session_observer. */
void session_set_observer(struct session *s, session_observer fn, void *ctx);

/* ---- what the tree shows ------------------------------------------------ */

/* Switches the view (browsing has only the one) and computes what it
 * leaves out.  SESSION_READ_ONLY when browsing a catalog. */
enum session_code session_set_view(struct session *s, enum session_view v);
enum session_view session_view(const struct session *s);
/* Per item of session_shown(): nonzero where the view leaves it out.
 * Recomputed by every call that changes the document or the view; valid
 * until then. */
const uint8_t *session_hidden(const struct session *s);
/* A further narrowing of the view (the wizard's page), under the query
 * filter: items fn does not keep are left out, except as the parents of
 * kept ones.  fn NULL clears it.  Call again (same fn) when what it looks
 * at changed other than through the session. */
enum session_code session_set_narrow(struct session *s, session_narrow_fn fn, void *ctx);

/* Where the wizard was left (tailoring's wizard_page): saved with the
 * file, so it marks the session modified, but is no change. */
void session_set_wizard_page(struct session *s, unsigned page);

/* Filters the tree by a query (query.h), on top of the view: the items it
 * matches stay with their ancestors, the rest are hidden.  Takes over q
 * (compiled against session_shown(); NULL clears the filter) and frees
 * the one before.  SESSION_NO_MEMORY leaves the filter set but nothing
 * hidden by it. */
enum session_code session_set_filter(struct session *s, struct query *q);
/* How many items the view shows that q would match, the current filter
 * aside: a filter that matches nothing can be refused before it empties
 * the tree.  UINT32_MAX when out of memory. */
uint32_t session_count_matches(const struct session *s, const struct query *q);
/* The filter, or NULL. */
const struct query *session_filter(const struct session *s);
/* How many shown items the filter matches (not counting the ancestors
 * shown with them); 0 without a filter. */
uint32_t session_filter_count(const struct session *s);

/* ---- search ------------------------------------------------------------ */

/* Searches the shown items for query (remembered for n/N): an exact id
 * first, then ids that start with it, then any text, each in document
 * order from just after origin.  *hit is the best, or ITEM_NONE
 * (SESSION_NOT_FOUND); hidden items never match. */
enum session_code session_search(struct session *s, const char *query, uint32_t origin,
				 uint32_t *hit);
/* The next (or previous) hit of the last search after `from` (the cursor)
 * in that order, wrapping round (then *wrapped is set).  When `from` is
 * not a hit, the hits are taken again from `from`. */
enum session_code session_search_next(struct session *s, uint32_t from, bool forward,
				      uint32_t *hit, bool *wrapped);
/* Does now what the first search would (index every text), for a screen
 * opening its search bar: the keys typed in it then answer at once.
 * False when out of memory (the search will try again). */
bool session_search_prepare(struct session *s);
/* The last query given to session_search, "" before any. */
const char *session_search_query(const struct session *s);

/* ---- problems ---------------------------------------------------------- */

/* Changes (this tailoring's or a base's) that do not apply to the base. */
uint32_t session_conflict_count(const struct session *s);
const struct conflict *session_conflict(const struct session *s, uint32_t k);
/* The change conflict k is about. */
const struct change *session_conflict_change(const struct session *s, uint32_t k);
/* True when conflict k is about this tailoring's change (so it can be
 * acted on), false for a base tailoring's. */
bool session_conflict_is_own(const struct session *s, uint32_t k);
/* Where the `!` list jumps for conflict k, as an item of session_shown():
 * the item the change is aimed at (for a retarget, its new place, else
 * the moved change's); when that id does not exist, the nearest one its
 * id grows from (7a-7.5.5 for 7a-7.5.5/e); when the view hides it (split
 * or merged away), its nearest shown ancestor.  ITEM_NONE when there is
 * no such conflict or nothing near. */
uint32_t session_conflict_focus(const struct session *s, uint32_t k);
/* What opening found: a base that changed since, say. */
const struct diag_list *session_warnings(const struct session *s);

/* The English message for a code, for _(); printf arguments: none. */
const char *session_code_message(enum session_code code);

#endif
