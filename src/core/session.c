/* The open document: changes checked in one place, undo and redo with the
 * modified flag measured against the last save, the view filter and
 * search.  The screen, the commands and later the wizard all go through
 * here, so none of them can record what the reader would refuse. */
#include "kijun/session.h"

#include "kijun/change_check.h"

#include <stdlib.h>
#include <string.h>

#include "kijun/i18n.h"
#include "kijun/search.h"
#include "kijun/text.h"

/* An undone change, with which apply made it: redoing it brings back the
 * same state, so a save before the undo counts again. */
struct session_undo {
	struct change c;
	uint64_t serial;
};

static void session_zero(struct session *s)
{
	memset(s, 0, sizeof(*s));
}

static bool update_hidden(struct session *s);
static bool reserve_serial(struct session *s, uint32_t n);

static bool session_begin(struct session *s)
{
	if (s->ws)
		s->start = s->saved_count = s->ws->t.count;
	if ((s->ws && !reserve_serial(s, s->ws->t.count + 1)) || !update_hidden(s)) {
		session_free(s);
		return false;
	}
	return true;
}

bool session_init_catalog(struct session *s, struct catalog *c)
{
	session_zero(s);
	s->catalog = c;
	return session_begin(s);
}

bool session_init_workspace(struct session *s, struct workspace *w)
{
	session_zero(s);
	s->ws = w;
	if (!w->resolved && !workspace_resolve(w)) {
		session_free(s);
		return false;
	}
	return session_begin(s);
}

static void clear_rejected(struct session *s)
{
	if (s->has_rejected)
		resolution_free(&s->rejected);
	s->has_rejected = false;
}

void session_free(struct session *s)
{
	clear_rejected(s);
	if (s->catalog) {
		catalog_free(s->catalog);
		free(s->catalog);
	}
	if (s->ws) {
		workspace_free(s->ws);
		free(s->ws);
	}
	free(s->hidden);
	free(s->serial);
	free(s->redo);
	free(s->matches);
	search_cache_free(s->search);
	free(s->author);
	free(s->query);
	query_free(s->filter);
	if (s->has_basis)
		risk_basis_free(&s->basis);
	session_zero(s);
}

const struct risk_basis *session_basis(const struct session *s)
{
	return s->has_basis ? &s->basis : NULL;
}

bool session_editing(const struct session *s)
{
	return s->ws != NULL;
}

struct workspace *session_workspace(const struct session *s)
{
	return s->ws;
}

const struct catalog *session_shown(const struct session *s)
{
	if (s->catalog)
		return s->catalog;
	if (s->view == SESSION_VIEW_BASE)
		return workspace_base(s->ws);
	return &s->ws->res.cat;
}

const struct resolution *session_resolution(const struct session *s)
{
	return s->ws && s->ws->resolved ? &s->ws->res : NULL;
}

const struct resolved *session_info(const struct session *s, uint32_t i)
{
	const struct resolution *r = session_resolution(s);

	/* The base view's items are the first items of the resolution's
	 * catalog (it is a clone); what was added comes after. */
	if (!r || i == ITEM_NONE || i >= r->cat.count)
		return NULL;
	return &r->info[i];
}

/* ---- who and when ------------------------------------------------------ */

enum session_code session_set_author(struct session *s, const char *author)
{
	free(s->author);
	s->author = NULL;
	if (text_is_blank(author))
		return SESSION_NO_AUTHOR;
	/* Every save writes it; what a YAML file cannot hold is refused
	 * here, once, with a cause, and not at every save. */
	if (!change_check_line(author))
		return SESSION_BAD_AUTHOR;
	s->author = strdup(author);
	return s->author ? SESSION_OK : SESSION_NO_MEMORY;
}

enum session_code session_set_date(struct session *s, const char *date)
{
	s->date[0] = '\0';
	if (!date || !*date)
		return SESSION_NO_DATE;
	/* The reader's own rule, so a date the screen records reads back. */
	if (!change_check_date(date))
		return SESSION_BAD_DATE;
	memcpy(s->date, date, 11);
	return SESSION_OK;
}

const char *session_author(const struct session *s)
{
	return s->author ? s->author : "";
}

const char *session_date(const struct session *s)
{
	return s->date;
}

/* ---- changes ------------------------------------------------------------- */

/* The item a change is aimed at: its target, the place of an addition,
 * the first item of a merge; for a withdraw, what the change it takes
 * back was aimed at; for a retarget, the new place. */
static const char *place_id(const struct tailoring *t, const struct change *c)
{
	switch (c->op) {
	case OP_ADD: return c->after ? c->after : c->parent;
	case OP_MERGE: return c->targets[0];
	case OP_WITHDRAW:
		return c->ref && c->ref <= t->count ? place_id(t, &t->changes[c->ref - 1]) : NULL;
	case OP_RETARGET: return c->target ? c->target : c->after ? c->after : c->parent;
	default: return c->target;
	}
}

const char *session_change_item(const struct session *s, const struct change *c)
{
	const struct tailoring *t = &s->ws->t;

	switch (c->op) {
	case OP_ADD:
	case OP_MERGE: return c->item.id;
	case OP_SPLIT: return c->parts[0].id;
	default: return place_id(t, c);
	}
}

/* Where the cursor goes once a change is taken back: the item it
 * changed, or for what it created, where that stood. */
static const char *undone_focus(const struct tailoring *t, const struct change *c)
{
	return place_id(t, c);
}

/* The document changed: what the view hides and the search hits with it. */
static enum session_code changed(struct session *s)
{
	s->matches_stale = true;
	search_cache_reset(s->search);
	return update_hidden(s) ? SESSION_OK : SESSION_NO_MEMORY;
}

static bool reserve_serial(struct session *s, uint32_t n)
{
	uint64_t *v;
	uint32_t cap;

	if (n <= s->serial_capacity)
		return true;
	cap = s->serial_capacity ? s->serial_capacity : 64;
	while (cap < n)
		cap *= 2;
	v = realloc(s->serial, cap * sizeof(*v));
	if (!v)
		return false;
	memset(v + s->serial_capacity, 0, (cap - s->serial_capacity) * sizeof(*v));
	s->serial = v;
	s->serial_capacity = cap;
	return true;
}

static enum session_code finish(struct session_result *r, enum session_code code)
{
	r->code = code;
	return code;
}

/* A change the document took: the observer hears of it before the
 * caller shows it, even when redrawing's bookkeeping ran out of memory
 * afterwards (the change is in the document all the same). */
static enum session_code told(struct session *s, struct session_result *r,
			      enum session_event ev, enum session_code code)
{
	if (s->observer)
		s->observer(s->observer_ctx, s, ev, r->change);
	return finish(r, code);
}

void session_set_observer(struct session *s, session_observer fn, void *ctx)
{
	s->observer = fn;
	s->observer_ctx = fn ? ctx : NULL;
}

/* The new change's conflict in a trial resolution, or NULL. */
static const struct conflict *conflict_of(const struct resolution *res,
					  const struct tailoring *t, uint32_t index)
{
	for (uint32_t k = 0; k < res->conflict_count; k++)
		if (res->conflicts[k].from == t && res->conflicts[k].index == index)
			return &res->conflicts[k];
	return NULL;
}

enum session_code session_apply(struct session *s, const struct change *in,
				struct session_result *r)
{
	struct workspace *w = s->ws;
	struct resolution trial;
	const struct conflict *x;
	struct change c;
	long index;

	memset(r, 0, sizeof(*r));
	clear_rejected(s);
	r->change = in;
	if (!w || w->base_taken)
		return finish(r, SESSION_READ_ONLY);
	if (!s->author)
		return finish(r, SESSION_NO_AUTHOR);
	if (!s->date[0])
		return finish(r, SESSION_NO_DATE);
	c = *in;
	c.author = s->author;
	c.date = s->date;
	c.line = 0;
	/* The one place a change is checked before it is recorded. */
	if (change_check(&c, &r->problem) != PROBLEM_NONE ||
	    change_check_ref(&c, w->t.changes, w->t.count, &r->problem) != PROBLEM_NONE)
		return finish(r, SESSION_INVALID_CHANGE);
	if (!reserve_serial(s, w->t.count + 1))
		return finish(r, SESSION_NO_MEMORY);
	index = tailoring_append(&w->t, &c);
	if (index < 0)
		return finish(r, SESSION_NO_MEMORY);
	/* Appending may have moved the changes the old resolution points
	 * at: from here on it is replaced or resolved again. */
	if (!resolve_apply(&trial, workspace_base(w), workspace_base_info(w), &w->t)) {
		tailoring_pop(&w->t, &c);
		workspace_resolve(w);
		changed(s);
		return finish(r, SESSION_NO_MEMORY);
	}
	x = conflict_of(&trial, &w->t, (uint32_t)index);
	if (x) {
		/* Taken back, never recorded; the trial is kept so the caller
		 * can read why. */
		s->rejected = trial;
		s->has_rejected = true;
		tailoring_pop(&w->t, &s->rejected_change);
		r->change = &s->rejected_change;
		r->conflict = conflict_of(&s->rejected, &w->t, (uint32_t)index);
		if (!workspace_resolve(w))
			return finish(r, SESSION_NO_MEMORY);
		changed(s);
		return finish(r, SESSION_CONFLICT);
	}
	if (w->resolved)
		resolution_free(&w->res);
	w->res = trial;
	w->resolved = true;
	/* In a group every apply shares the first one's serial: undo and
	 * redo go by serial, so they take the group as one step. */
	if (!s->grouping || !s->group_serial)
		s->group_serial = ++s->next_serial;
	s->serial[index] = s->group_serial;
	s->redo_count = 0;
	r->change = &w->t.changes[index];
	r->focus = session_change_item(s, r->change);
	return told(s, r, SESSION_APPLIED, changed(s));
}

enum session_code session_replay(struct session *s, const struct change *c,
				 struct session_result *r)
{
	char *author = s->author, date[11];
	enum session_code code;

	memcpy(date, s->date, sizeof(date));
	s->author = NULL;
	code = session_set_author(s, c->author);
	if (code == SESSION_OK)
		code = session_set_date(s, c->date);
	if (code == SESSION_OK) {
		code = session_apply(s, c, r);
	} else {
		memset(r, 0, sizeof(*r));
		r->change = c;
		r->code = code;
	}
	free(s->author);
	s->author = author;
	memcpy(s->date, date, sizeof(date));
	return code;
}

bool session_can_undo(const struct session *s)
{
	return s->ws && s->ws->t.count > s->start;
}

bool session_can_redo(const struct session *s)
{
	return s->ws && s->redo_count > 0;
}

static enum session_code undo_one(struct session *s, struct session_result *r)
{
	struct workspace *w = s->ws;
	struct session_undo *u;

	memset(r, 0, sizeof(*r));
	clear_rejected(s);
	if (!w || w->base_taken)
		return finish(r, SESSION_READ_ONLY);
	if (!session_can_undo(s))
		return finish(r, SESSION_NOTHING_TO_UNDO);
	if (s->redo_count == s->redo_capacity) {
		uint32_t cap = s->redo_capacity ? s->redo_capacity * 2 : 16;
		struct session_undo *v = realloc(s->redo, cap * sizeof(*v));

		if (!v)
			return finish(r, SESSION_NO_MEMORY);
		s->redo = v;
		s->redo_capacity = cap;
	}
	u = &s->redo[s->redo_count];
	u->serial = s->serial[w->t.count - 1];
	if (!tailoring_pop(&w->t, &u->c))
		return finish(r, SESSION_NOTHING_TO_UNDO);
	s->redo_count++;
	r->change = &u->c;
	r->focus = undone_focus(&w->t, &u->c);
	if (!workspace_resolve(w))
		return told(s, r, SESSION_UNDONE, SESSION_NO_MEMORY);
	return told(s, r, SESSION_UNDONE, changed(s));
}

static enum session_code redo_one(struct session *s, struct session_result *r)
{
	struct workspace *w = s->ws;
	struct session_undo *u;
	long index;

	memset(r, 0, sizeof(*r));
	clear_rejected(s);
	if (!w || w->base_taken)
		return finish(r, SESSION_READ_ONLY);
	if (!s->redo_count)
		return finish(r, SESSION_NOTHING_TO_REDO);
	if (!reserve_serial(s, w->t.count + 1))
		return finish(r, SESSION_NO_MEMORY);
	u = &s->redo[s->redo_count - 1];
	index = tailoring_append(&w->t, &u->c);
	if (index < 0)
		return finish(r, SESSION_NO_MEMORY);
	s->redo_count--;
	s->serial[index] = u->serial;
	r->change = &w->t.changes[index];
	r->focus = session_change_item(s, r->change);
	if (!workspace_resolve(w))
		return told(s, r, SESSION_REDONE, SESSION_NO_MEMORY);
	return told(s, r, SESSION_REDONE, changed(s));
}

void session_group_begin(struct session *s)
{
	s->grouping = true;
	s->group_serial = 0;
}

void session_group_end(struct session *s)
{
	s->grouping = false;
	s->group_serial = 0;
}

/* The changes of one apply or one group share a serial (0: the file's,
 * each its own step). */
enum session_code session_undo(struct session *s, struct session_result *r)
{
	enum session_code code = undo_one(s, r);
	uint64_t serial = code == SESSION_OK ? s->redo[s->redo_count - 1].serial : 0;

	while (code == SESSION_OK && serial && session_can_undo(s) &&
	       s->serial[s->ws->t.count - 1] == serial)
		code = undo_one(s, r);
	return code;
}

enum session_code session_redo(struct session *s, struct session_result *r)
{
	uint64_t serial = s->redo_count ? s->redo[s->redo_count - 1].serial : 0;
	enum session_code code = redo_one(s, r);

	while (code == SESSION_OK && serial && s->redo_count &&
	       s->redo[s->redo_count - 1].serial == serial)
		code = redo_one(s, r);
	return code;
}

/* The newest change's serial: with the count, it names the whole list,
 * since changes below it only change by undoing it first. */
static uint64_t top_serial(const struct session *s)
{
	uint32_t n = s->ws ? s->ws->t.count : 0;

	return n ? s->serial[n - 1] : 0;
}

bool session_modified(const struct session *s)
{
	if (!s->ws)
		return false;
	return s->ws->t.count != s->saved_count || top_serial(s) != s->saved_top ||
	       s->position_moved;
}

void session_mark_saved(struct session *s)
{
	if (!s->ws)
		return;
	s->saved_count = s->ws->t.count;
	s->saved_top = top_serial(s);
	s->position_moved = false;
}

uint32_t session_saved_prefix(const struct session *s)
{
	uint32_t n = 0, count = s->ws ? s->ws->t.count : 0;

	/* Serials grow along the list, and one at or below the saved top
	 * that is not the saved change at its place would have been undone
	 * and then replaced by an apply, which clears redo: it cannot be
	 * back.  So the shared front is the run of serials up to it. */
	while (n < count && n < s->saved_count && s->serial[n] <= s->saved_top)
		n++;
	return n;
}

void session_extend_undo(struct session *s, uint32_t n)
{
	s->start = n < s->start ? s->start - n : 0;
}

/* ---- what the tree shows -------------------------------------------------- */

/* Marks i and its whole subtree. */
static void hide_subtree(const struct catalog *c, uint8_t *hidden, uint32_t i)
{
	uint32_t end = catalog_next(c, i);

	/* Everything between i and the next item that is not below it. */
	while (end != ITEM_NONE && catalog_is_within(c, end, i))
		end = catalog_next(c, end);
	for (uint32_t k = i; k != end && k != ITEM_NONE; k = catalog_next(c, k))
		hidden[k] = 1;
}

/* What the view leaves out, into hidden (c->count entries). */
static void hide_by_view(const struct session *s, const struct catalog *c, uint8_t *hidden)
{
	const struct resolution *r = session_resolution(s);

	memset(hidden, 0, c->count);
	if (!r)
		return;
	switch (s->view) {
	case SESSION_VIEW_TAILORED:
		/* Split and merged items gave way to new ones; excluded
		 * items stay, marked, so they can be included again. */
		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
			if (!hidden[i] && (r->info[i].status == STATUS_SPLIT ||
					   r->info[i].status == STATUS_MERGED))
				hide_subtree(c, hidden, i);
		break;
	case SESSION_VIEW_CHANGES:
		memset(hidden, 1, c->count);
		for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
			if (!r->info[i].history_count && r->info[i].status == STATUS_KEPT)
				continue;
			for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE;
			     a = c->items[a].parent)
				hidden[a] = 0;
		}
		break;
	default:
		break;
	}
}

/* The items the view shows and q matches: counted, and unless keep is
 * NULL marked there with their ancestors. */
static uint32_t mark_matches(const struct session *s, const struct catalog *c,
			     const struct query *q, const uint8_t *hidden, uint8_t *keep)
{
	uint32_t n = 0;

	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		if (hidden[i] || !query_match(q, c, i, session_info(s, i)))
			continue;
		n++;
		for (uint32_t a = i; keep && a != ITEM_ROOT_INDEX && a != ITEM_NONE && !keep[a];
		     a = c->items[a].parent)
			keep[a] = 1;
	}
	return n;
}

/* Leaves out what the narrowing does not keep, but keeps the parents of
 * what it keeps so the tree still reads as a tree; bit 2 marks them
 * meanwhile. */
static void apply_narrow(struct session *s, const struct catalog *c)
{
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i)) {
		if ((s->hidden[i] & 1) || !s->narrow(s->narrow_ctx, s, i))
			continue;
		for (uint32_t a = i; a != ITEM_ROOT_INDEX && a != ITEM_NONE && !(s->hidden[a] & 2);
		     a = c->items[a].parent)
			s->hidden[a] |= 2;
	}
	for (uint32_t i = catalog_first(c); i != ITEM_NONE; i = catalog_next(c, i))
		s->hidden[i] = (s->hidden[i] & 2) ? (s->hidden[i] & 1) : 1;
}

static bool update_hidden(struct session *s)
{
	const struct catalog *c = session_shown(s);
	uint8_t *keep;

	if (s->hidden_size < c->count) {
		uint8_t *v = realloc(s->hidden, c->count);

		if (!v)
			return false;
		s->hidden = v;
		s->hidden_size = c->count;
	}
	/* The basis first: the filter's risk: terms read it. */
	if (s->ws) {
		if (s->has_basis)
			risk_basis_free(&s->basis);
		s->has_basis = risk_basis_build(&s->basis, &s->ws->t, session_resolution(s));
		if (!s->has_basis)
			return false;
	}
	hide_by_view(s, c, s->hidden);
	if (s->narrow)
		apply_narrow(s, c);
	s->filter_count = 0;
	if (!s->filter)
		return true;
	/* What the view shows and the filter matches stays, with its
	 * ancestors. */
	keep = calloc(c->count, 1);
	if (!keep)
		return false;
	s->filter_count = mark_matches(s, c, s->filter, s->hidden, keep);
	for (uint32_t i = 1; i < c->count; i++)
		if (!keep[i])
			s->hidden[i] = 1;
	free(keep);
	return true;
}

uint32_t session_count_matches(const struct session *s, const struct query *q)
{
	const struct catalog *c = session_shown(s);
	uint8_t *hidden = malloc(c->count ? c->count : 1);
	uint32_t n;

	if (!hidden)
		return UINT32_MAX;
	hide_by_view(s, c, hidden);
	n = mark_matches(s, c, q, hidden, NULL);
	free(hidden);
	return n;
}

enum session_code session_set_filter(struct session *s, struct query *q)
{
	query_free(s->filter);
	s->filter = q;
	return changed(s);
}

const struct query *session_filter(const struct session *s)
{
	return s->filter;
}

uint32_t session_filter_count(const struct session *s)
{
	return s->filter ? s->filter_count : 0;
}

enum session_code session_set_narrow(struct session *s, session_narrow_fn fn, void *ctx)
{
	s->narrow = fn;
	s->narrow_ctx = ctx;
	return changed(s);
}

void session_set_wizard_page(struct session *s, unsigned page)
{
	if (!s->ws || page > WIZARD_PAGE_MAX || s->ws->t.wizard_page == page)
		return;
	s->ws->t.wizard_page = (uint8_t)page;
	s->position_moved = true;
}

enum session_code session_set_view(struct session *s, enum session_view v)
{
	if (!s->ws || s->ws->base_taken)
		return SESSION_READ_ONLY;
	if (v >= SESSION_VIEW_COUNT)
		v = SESSION_VIEW_TAILORED;
	s->view = v;
	return changed(s);
}

enum session_view session_view(const struct session *s)
{
	return s->view;
}

const uint8_t *session_hidden(const struct session *s)
{
	return s->hidden;
}

/* ---- search ---------------------------------------------------------------- */

static bool collect(struct session *s, uint32_t origin)
{
	free(s->matches);
	s->matches = NULL;
	s->match_count = 0;
	s->matches_stale = false;
	if (!s->search && !(s->search = search_cache_new()))
		return false;
	return search_cache_collect(s->search, session_shown(s), s->hidden, origin, s->query,
				    &s->matches, &s->match_count);
}

bool session_search_prepare(struct session *s)
{
	if (!s->search && !(s->search = search_cache_new()))
		return false;
	return search_cache_prepare(s->search, session_shown(s));
}

enum session_code session_search(struct session *s, const char *query, uint32_t origin,
				 uint32_t *hit)
{
	char *copy = strdup(query);

	*hit = ITEM_NONE;
	if (!copy)
		return SESSION_NO_MEMORY;
	free(s->query);
	s->query = copy;
	if (!collect(s, origin))
		return SESSION_NO_MEMORY;
	if (!s->match_count)
		return SESSION_NOT_FOUND;
	*hit = s->matches[0];
	return SESSION_OK;
}

enum session_code session_search_next(struct session *s, uint32_t from, bool forward,
				      uint32_t *hit, bool *wrapped)
{
	uint32_t p = 0;

	*hit = ITEM_NONE;
	*wrapped = false;
	if (!s->query || !s->query[0])
		return SESSION_NO_SEARCH;
	if (!s->matches_stale)
		while (p < s->match_count && s->matches[p] != from)
			p++;
	if (s->matches_stale || p == s->match_count) {
		/* Not on a hit (the cursor moved, or the document changed):
		 * the hits as seen from here. */
		if (!collect(s, from))
			return SESSION_NO_MEMORY;
		if (!s->match_count)
			return SESSION_NOT_FOUND;
		*hit = forward ? s->matches[0] : s->matches[s->match_count - 1];
		return SESSION_OK;
	}
	if (forward) {
		*wrapped = p + 1 == s->match_count;
		p = *wrapped ? 0 : p + 1;
	} else {
		*wrapped = p == 0;
		p = *wrapped ? s->match_count - 1 : p - 1;
	}
	*hit = s->matches[p];
	return SESSION_OK;
}

const char *session_search_query(const struct session *s)
{
	return s->query ? s->query : "";
}

/* ---- problems ---------------------------------------------------------------- */

uint32_t session_conflict_count(const struct session *s)
{
	const struct resolution *r = session_resolution(s);

	return r ? r->conflict_count : 0;
}

const struct conflict *session_conflict(const struct session *s, uint32_t k)
{
	return k < session_conflict_count(s) ? &s->ws->res.conflicts[k] : NULL;
}

const struct change *session_conflict_change(const struct session *s, uint32_t k)
{
	const struct conflict *x = session_conflict(s, k);

	return x ? &x->from->changes[x->index] : NULL;
}

bool session_conflict_is_own(const struct session *s, uint32_t k)
{
	const struct conflict *x = session_conflict(s, k);

	return x && x->from == &s->ws->t;
}

/* The nearest item that exists for an id that does not: ids grow by
 * "/", "." and "-" from their parent's (5.1.3 under 5.1, 7a-7.5.5/e under
 * 7a-7.5.5), so the longest prefix that is an id. */
static uint32_t nearest_by_id(const struct catalog *c, const char *id)
{
	size_t len = strlen(id);
	char *buf = malloc(len + 1);
	uint32_t i = ITEM_NONE;

	if (!buf)
		return ITEM_NONE;
	memcpy(buf, id, len + 1);
	while (i == ITEM_NONE && len > 0) {
		while (len > 0 && !strchr("/.-", buf[len - 1]))
			len--;
		while (len > 0 && strchr("/.-", buf[len - 1]))
			len--;
		buf[len] = '\0';
		if (len)
			i = catalog_find(c, buf);
	}
	free(buf);
	return i;
}

uint32_t session_conflict_focus(const struct session *s, uint32_t k)
{
	const struct conflict *x = session_conflict(s, k);
	const struct catalog *c = session_shown(s);
	const struct change *ch;
	const char *ids[2] = { NULL, NULL };
	uint32_t i = ITEM_NONE;

	if (!x)
		return ITEM_NONE;
	ch = &x->from->changes[x->index];
	if (ch->op == OP_RETARGET) {
		/* Its new place when that exists, else where the change it
		 * moves stands (the retarget then did nothing). */
		ids[0] = place_id(x->from, ch);
		if (ch->ref && ch->ref <= x->index)
			ids[1] = place_id(x->from, &x->from->changes[ch->ref - 1]);
	} else {
		ids[0] = place_id(x->from, ch);
	}
	for (int n = 0; n < 2 && i == ITEM_NONE; n++)
		if (ids[n])
			i = catalog_find(c, ids[n]);
	for (int n = 0; n < 2 && i == ITEM_NONE; n++)
		if (ids[n])
			i = nearest_by_id(c, ids[n]);
	/* Split or merged away, the item is hidden: the nearest shown
	 * ancestor. */
	while (i != ITEM_NONE && i != ITEM_ROOT_INDEX && s->hidden && i < s->hidden_size &&
	       s->hidden[i])
		i = c->items[i].parent;
	return i == ITEM_ROOT_INDEX ? ITEM_NONE : i;
}

const struct diag_list *session_warnings(const struct session *s)
{
	return s->ws ? &s->ws->warnings : NULL;
}

const char *session_code_message(enum session_code code)
{
	switch (code) {
	case SESSION_OK: return N_("done");
	case SESSION_NO_MEMORY: return N_("out of memory");
	case SESSION_READ_ONLY:
		return N_("this is a catalog: open a tailoring file to make changes (kijun FILE.yaml)");
	case SESSION_INVALID_CHANGE: return N_("the change is incomplete: nothing recorded");
	case SESSION_CONFLICT:
		return N_("the change cannot apply to the base: nothing recorded");
	case SESSION_NO_AUTHOR:
		return N_("no author for the changes: set KIJUN_AUTHOR to your name");
	case SESSION_BAD_AUTHOR:
		return N_("the author is not UTF-8 text without control characters: set KIJUN_AUTHOR to your name in UTF-8");
	case SESSION_NO_DATE: return N_("no date for the changes");
	case SESSION_BAD_DATE:
		return N_("the date is not a real date written YYYY-MM-DD: check KIJUN_DATE");
	case SESSION_NOTHING_TO_UNDO: return N_("nothing to undo in this session");
	case SESSION_NOTHING_TO_REDO: return N_("nothing to redo");
	case SESSION_NOT_FOUND: return N_("nothing matches");
	case SESSION_NO_SEARCH: return N_("no search yet: press / to search");
	default: return N_("out of memory");
	}
}
