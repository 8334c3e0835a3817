/* Unit tests for include/kijun/session.h (and session_io.h): the session
 * driven with no screen, on the built-in catalog. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

#include "kijun/catalog_io.h"
#include "kijun/search.h"
#include "kijun/session.h"
#include "kijun/session_io.h"
#include "test_session_fixture.h"

static int setup(void **state)
{
	return fixture_open(state, "山田 太郎", "2026-01-15");
}

static int teardown(void **state)
{
	return fixture_close(state);
}

static struct change exclude(const char *target)
{
	struct change c;

	memset(&c, 0, sizeof(c));
	c.op = OP_EXCLUDE;
	c.step = 1;
	c.target = target;
	c.reason = "対象外";
	c.item.kind = -1;
	return c;
}

static uint32_t find(const struct session *s, const char *id)
{
	uint32_t i = catalog_find(session_shown(s), id);

	if (i == ITEM_NONE)
		fail_msg("no item %s", id);
	return i;
}

static enum item_status status_of(const struct session *s, const char *id)
{
	return (enum item_status)session_info(s, find(s, id))->status;
}

static uint32_t changes(const struct session *s)
{
	return session_workspace(s)->t.count;
}

static const char *id_of(const struct session *s, uint32_t i)
{
	assert_int_not_equal(i, ITEM_NONE);
	return catalog_item(session_shown(s), i)->id;
}

/* ---- applying ------------------------------------------------------------ */

static void test_apply_records_and_resolves(void **state)
{
	struct fixture *f = *state;
	struct change c = exclude("3.2");
	struct session_result r;

	assert_false(session_modified(&f->s));
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	assert_int_equal(r.code, SESSION_OK);
	assert_string_equal(r.focus, "3.2");
	assert_int_equal(changes(&f->s), 1);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_EXCLUDED);
	/* The session's author and date are what is recorded. */
	assert_string_equal(session_workspace(&f->s)->t.changes[0].author, "山田 太郎");
	assert_string_equal(session_workspace(&f->s)->t.changes[0].date, "2026-01-15");
	assert_true(session_modified(&f->s));
	assert_true(session_can_undo(&f->s));
}

static void test_apply_refuses_invalid(void **state)
{
	struct fixture *f = *state;
	struct change c = exclude("3.2");
	struct session_result r;

	c.reason = "  ";
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_INVALID_CHANGE);
	assert_int_equal(r.problem.code, PROBLEM_REASON_EMPTY);
	assert_int_equal(changes(&f->s), 0);
	assert_false(session_modified(&f->s));
}

static void test_apply_refuses_conflict(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("4.1"), gone = exclude("9.9.9"), twice = exclude("4.1");
	struct session_result r;

	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &gone, &r), SESSION_CONFLICT);
	assert_non_null(r.conflict);
	assert_int_equal(r.conflict->index, 0);
	assert_ptr_equal(r.conflict->from, &session_workspace(&f->s)->t);
	assert_non_null(r.change);
	assert_string_equal(r.change->target, "9.9.9");
	assert_null(r.focus);
	/* Never recorded, nothing left behind, and redo is untouched. */
	assert_int_equal(changes(&f->s), 0);
	assert_int_equal(session_conflict_count(&f->s), 0);
	assert_false(session_modified(&f->s));
	assert_true(session_can_redo(&f->s));
	/* Excluding what is already excluded conflicts too. */
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &twice, &r), SESSION_CONFLICT);
	assert_int_equal(r.conflict->index, 1);
	assert_int_equal(changes(&f->s), 1);
	assert_int_equal(status_of(&f->s, "4.1"), STATUS_EXCLUDED);
}

static void test_apply_on_catalog_is_read_only(void **state)
{
	struct session s;
	struct diag_list d;
	struct change c = exclude("3.2");
	struct session_result r;

	(void)state;
	diag_list_init(&d);
	assert_true(session_load_file(&s, NULL, SESSION_OPEN_ANY, &d));
	assert_false(session_editing(&s));
	assert_int_equal(session_set_author(&s, "a"), SESSION_OK);
	assert_int_equal(session_set_date(&s, "2026-01-01"), SESSION_OK);
	assert_int_equal(session_apply(&s, &c, &r), SESSION_READ_ONLY);
	assert_int_equal(session_undo(&s, &r), SESSION_READ_ONLY);
	assert_int_equal(session_set_view(&s, SESSION_VIEW_CHANGES), SESSION_READ_ONLY);
	assert_false(session_modified(&s));
	session_free(&s);
	diag_list_free(&d);
}

/* ---- undo and redo ----------------------------------------------------------- */

static void test_undo_redo(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), b = exclude("4.1"), c = exclude("3.3");
	struct session_result r;

	assert_int_equal(session_undo(&f->s, &r), SESSION_NOTHING_TO_UNDO);
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &b, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_string_equal(r.focus, "4.1");
	assert_string_equal(r.change->target, "4.1");
	assert_int_equal(changes(&f->s), 1);
	assert_int_equal(status_of(&f->s, "4.1"), STATUS_KEPT);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_EXCLUDED);
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_string_equal(r.focus, "4.1");
	assert_int_equal(changes(&f->s), 2);
	assert_int_equal(status_of(&f->s, "4.1"), STATUS_EXCLUDED);
	assert_int_equal(session_redo(&f->s, &r), SESSION_NOTHING_TO_REDO);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_NOTHING_TO_UNDO);
	assert_int_equal(changes(&f->s), 0);
	/* A new change clears what could be redone. */
	assert_true(session_can_redo(&f->s));
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	assert_false(session_can_redo(&f->s));
	assert_int_equal(session_redo(&f->s, &r), SESSION_NOTHING_TO_REDO);
}

/* A group (B: a level for a whole branch) is one undo step; the change
 * before it and after it are their own. */
static void test_undo_group(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), b = exclude("4.1"), c = exclude("3.3"),
		      d = exclude("4.2");
	struct session_result r;

	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	session_group_begin(&f->s);
	assert_int_equal(session_apply(&f->s, &b, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	session_group_end(&f->s);
	assert_int_equal(session_apply(&f->s, &d, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 3);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 1);
	assert_string_equal(r.focus, "4.1");
	assert_int_equal(status_of(&f->s, "3.3"), STATUS_KEPT);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_EXCLUDED);
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 3);
	assert_int_equal(status_of(&f->s, "3.3"), STATUS_EXCLUDED);
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 4);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 0);
	assert_false(session_modified(&f->s));
}

/* kijun resolve and changes open a tailoring only to read it: the result
 * took the base's items, so it must be the same as an editable one's, and
 * every edit is refused instead of resolving on a base with no items. */
static void test_open_to_read(void **state)
{
	static const char *const path = "data/examples/guideline-examples.yaml";
	struct session edit, once;
	struct diag_list d;
	struct change c = exclude("3.2");
	struct session_result r;
	const struct resolution *a, *b;

	(void)state;
	diag_list_init(&d);
	assert_true(session_load_file(&edit, path, SESSION_OPEN_TAILORING, &d));
	assert_true(session_load_file(&once, path, SESSION_OPEN_RESULT, &d));
	a = session_resolution(&edit);
	b = session_resolution(&once);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->cat.count, b->cat.count);
	assert_int_equal(a->changed_count, b->changed_count);
	assert_true(a->changed_count > 0);
	assert_int_equal(a->conflict_count, b->conflict_count);
	for (uint32_t i = 1; i < a->cat.count; i++) {
		const struct item *x = &a->cat.items[i], *y = &b->cat.items[i];

		assert_string_equal(x->id, y->id);
		assert_true(x->text == y->text || (x->text && y->text && strcmp(x->text, y->text) == 0));
		assert_int_equal(a->info[i].status, b->info[i].status);
		assert_int_equal(a->info[i].level, b->info[i].level);
		assert_int_equal(a->info[i].history_count, b->info[i].history_count);
	}
	assert_int_equal(session_set_author(&once, "a"), SESSION_OK);
	assert_int_equal(session_set_date(&once, "2026-01-01"), SESSION_OK);
	assert_int_equal(session_apply(&once, &c, &r), SESSION_READ_ONLY);
	assert_int_equal(session_undo(&once, &r), SESSION_READ_ONLY);
	assert_int_equal(session_redo(&once, &r), SESSION_READ_ONLY);
	assert_int_equal(session_set_view(&once, SESSION_VIEW_BASE), SESSION_READ_ONLY);
	assert_false(workspace_resolve(session_workspace(&once)));
	assert_int_equal(session_resolution(&once)->cat.count, a->cat.count);
	session_free(&edit);
	session_free(&once);
	diag_list_free(&d);
}

static void test_undo_keeps_changes_from_the_file(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), b = exclude("4.1");
	struct session_result r;
	struct diag_list d;
	struct session s2;

	diag_list_init(&d);
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_save_file(&f->s, &d), SESSION_SAVED);
	assert_true(session_load_file(&s2, f->path, SESSION_OPEN_TAILORING, &d));
	assert_int_equal(changes(&s2), 1);
	assert_false(session_modified(&s2));
	assert_int_equal(session_undo(&s2, &r), SESSION_NOTHING_TO_UNDO);
	assert_int_equal(session_set_author(&s2, "b"), SESSION_OK);
	assert_int_equal(session_set_date(&s2, "2026-02-01"), SESSION_OK);
	assert_int_equal(session_apply(&s2, &b, &r), SESSION_OK);
	assert_int_equal(session_undo(&s2, &r), SESSION_OK);
	assert_false(session_modified(&s2));
	assert_int_equal(session_undo(&s2, &r), SESSION_NOTHING_TO_UNDO);
	assert_int_equal(changes(&s2), 1);
	assert_int_equal(status_of(&s2, "3.2"), STATUS_EXCLUDED);
	session_free(&s2);
	diag_list_free(&d);
}

/* A read-only file is its own outcome, with nothing written, so the
 * screen can ask; the forced save then replaces it and keeps the mode. */
static void test_save_read_only_then_forced(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), b = exclude("4.1");
	struct session_result r;
	struct diag_list d;
	struct stat st;
	struct session s2;

	diag_list_init(&d);
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_save_file(&f->s, &d), SESSION_SAVED);
	assert_int_equal(chmod(f->path, 0444), 0);
	assert_int_equal(session_apply(&f->s, &b, &r), SESSION_OK);
	assert_int_equal(session_save_file(&f->s, &d), SESSION_SAVE_READ_ONLY);
	assert_true(session_modified(&f->s));
	assert_true(session_load_file(&s2, f->path, SESSION_OPEN_TAILORING, &d));
	assert_int_equal(changes(&s2), 1);
	session_free(&s2);
	diag_list_free(&d);
	diag_list_init(&d);
	assert_int_equal(session_save_file_force(&f->s, &d), SESSION_SAVED);
	assert_false(session_modified(&f->s));
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0444);
	assert_true(session_load_file(&s2, f->path, SESSION_OPEN_TAILORING, &d));
	assert_int_equal(changes(&s2), 2);
	session_free(&s2);
	diag_list_free(&d);
}

static void test_modified_against_save(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), b = exclude("4.1");
	struct session_result r;
	struct diag_list d;

	diag_list_init(&d);
	/* Undo back to the state as opened is not modified. */
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_false(session_modified(&f->s));
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_true(session_modified(&f->s));
	assert_int_equal(session_save_file(&f->s, &d), SESSION_SAVED);
	assert_false(session_modified(&f->s));
	/* apply, save, undo: modified; redo: as saved again. */
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_true(session_modified(&f->s));
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_false(session_modified(&f->s));
	/* The same count with a different change is still modified. */
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &b, &r), SESSION_OK);
	assert_int_equal(changes(&f->s), 1);
	assert_true(session_modified(&f->s));
	/* Past the save and back. */
	session_mark_saved(&f->s);
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_true(session_modified(&f->s));
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_false(session_modified(&f->s));
	diag_list_free(&d);
}

/* ---- views ------------------------------------------------------------------ */

static void test_view_hidden(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), sp;
	struct new_item parts[2] = {
		{ .id = "4.1.1a", .text = "一つ目", .kind = -1 },
		{ .id = "4.1.1b", .text = "二つ目", .kind = -1 },
	};
	struct session_result r;
	const uint8_t *h;

	memset(&sp, 0, sizeof(sp));
	sp.op = OP_SPLIT;
	sp.step = 1;
	sp.target = "4.1.1";
	sp.parts = parts;
	sp.part_count = 2;
	sp.reason = "分ける";
	sp.item.kind = -1;
	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_apply(&f->s, &sp, &r), SESSION_OK);
	assert_string_equal(r.focus, "4.1.1a");

	/* Tailored: the split item gives way to its parts; excluded stays. */
	assert_int_equal(session_view(&f->s), SESSION_VIEW_TAILORED);
	h = session_hidden(&f->s);
	assert_true(h[find(&f->s, "4.1.1")]);
	assert_false(h[find(&f->s, "4.1.1a")]);
	assert_false(h[find(&f->s, "3.2")]);
	assert_false(h[find(&f->s, "3.3")]);

	/* Base: everything, and no part exists. */
	assert_int_equal(session_set_view(&f->s, SESSION_VIEW_BASE), SESSION_OK);
	h = session_hidden(&f->s);
	assert_int_equal(catalog_find(session_shown(&f->s), "4.1.1a"), ITEM_NONE);
	for (uint32_t i = 1; i < session_shown(&f->s)->count; i++)
		assert_false(h[i]);

	/* Changes only: what changes shaped, and their parents. */
	assert_int_equal(session_set_view(&f->s, SESSION_VIEW_CHANGES), SESSION_OK);
	h = session_hidden(&f->s);
	assert_false(h[find(&f->s, "3.2")]);
	assert_false(h[find(&f->s, "III")]);
	assert_false(h[find(&f->s, "4.1.1a")]);
	assert_false(h[find(&f->s, "4.1")]);
	assert_true(h[find(&f->s, "3.3")]);
	assert_true(h[find(&f->s, "3.1")]);

	/* An undo recomputes it. */
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	h = session_hidden(&f->s);
	assert_true(h[find(&f->s, "4.1")]);
	assert_false(h[find(&f->s, "3.2")]);
}

/* ---- search ------------------------------------------------------------------ */

static void test_search_rank(void **state)
{
	struct item it = { .id = "6a-6.1", .title = "選考", .text = "候補者 3.2" };

	(void)state;
	assert_int_equal(search_rank(&it, "6a-6.1"), SEARCH_ID_EXACT);
	assert_int_equal(search_rank(&it, "6A-6.1"), SEARCH_ID_EXACT);
	assert_int_equal(search_rank(&it, "6.1"), SEARCH_ID_EXACT);
	assert_int_equal(search_rank(&it, "6."), SEARCH_ID_PREFIX);
	assert_int_equal(search_rank(&it, "6a"), SEARCH_ID_PREFIX);
	assert_int_equal(search_rank(&it, "a-6"), SEARCH_TEXT);
	assert_int_equal(search_rank(&it, "3.2"), SEARCH_TEXT);
	assert_int_equal(search_rank(&it, "選考"), SEARCH_TEXT);
	assert_int_equal(search_rank(&it, "7.1"), SEARCH_NONE);
	assert_int_equal(search_rank(&it, ""), SEARCH_NONE);
}

static void test_search_exact_ids_first(void **state)
{
	struct fixture *f = *state;
	uint32_t hit, prev;
	bool wrapped;

	/* Each of these has longer ids containing it earlier in the
	 * document (3.1.3.2, 3.1.4.1, 4.4.6.1). */
	assert_int_equal(session_search(&f->s, "3.2", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2");
	assert_int_equal(session_search(&f->s, "4.1", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "4.1");
	assert_int_equal(session_search(&f->s, "6.1", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "6a-6.1");
	/* Wherever the search starts. */
	assert_int_equal(session_search(&f->s, "3.2", find(&f->s, "3.2.3"), &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2");
	/* No exact id: the first id that starts with it, after the origin. */
	assert_int_equal(session_search(&f->s, "3.2.", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2.1");
	assert_int_equal(session_search(&f->s, "3.2.", find(&f->s, "3.2.1"), &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2.1.1");
	/* No id at all: text, in document order after the origin. */
	assert_int_equal(session_search(&f->s, "選考", ITEM_NONE, &hit), SESSION_OK);
	assert_int_equal(hit, catalog_search(session_shown(&f->s), ITEM_NONE, "選考", true,
					     &wrapped));
	assert_string_equal(id_of(&f->s, hit), "5d-5.20.2/e");
	prev = catalog_search(session_shown(&f->s), hit, "選考", true, &wrapped);
	assert_int_equal(session_search(&f->s, "選考", hit, &hit), SESSION_OK);
	assert_int_equal(hit, prev);
	assert_string_not_equal(id_of(&f->s, hit), "5d-5.20.2/e");
	assert_string_equal(session_search_query(&f->s), "選考");
	assert_int_equal(session_search(&f->s, "no such words here", ITEM_NONE, &hit),
			 SESSION_NOT_FOUND);
	assert_int_equal(hit, ITEM_NONE);
}

static void test_search_next_wraps(void **state)
{
	struct fixture *f = *state;
	uint32_t hit, first, prev, n = 0;
	bool wrapped;

	assert_int_equal(session_search_next(&f->s, ITEM_NONE, true, &hit, &wrapped),
			 SESSION_NO_SEARCH);
	assert_int_equal(session_search(&f->s, "3.2", ITEM_NONE, &first), SESSION_OK);
	/* After the exact id come the ids that start with it. */
	assert_int_equal(session_search_next(&f->s, first, true, &hit, &wrapped), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2.1");
	assert_false(wrapped);
	/* Back from the first hit wraps to the last, a text match. */
	assert_int_equal(session_search_next(&f->s, first, false, &prev, &wrapped), SESSION_OK);
	assert_true(wrapped);
	assert_int_equal(search_rank(catalog_item(session_shown(&f->s), prev), "3.2"),
			 SEARCH_TEXT);
	/* Forward from the last wraps to the first; every hit once between. */
	hit = first;
	do {
		assert_int_equal(session_search_next(&f->s, hit, true, &hit, &wrapped), SESSION_OK);
		n++;
		assert_true(n < 2000);
	} while (!wrapped);
	assert_int_equal(hit, first);
	assert_true(n > 10);
	assert_int_equal(session_search_next(&f->s, first, false, &hit, &wrapped), SESSION_OK);
	assert_int_equal(hit, prev);
}

static void test_search_skips_hidden(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("4.1");
	struct session_result r;
	uint32_t hit;
	bool wrapped;

	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	assert_int_equal(session_set_view(&f->s, SESSION_VIEW_CHANGES), SESSION_OK);
	/* 3.2 and everything naming it are left out of this view. */
	assert_int_equal(session_search(&f->s, "3.2", ITEM_NONE, &hit), SESSION_NOT_FOUND);
	assert_int_equal(session_search(&f->s, "4.1", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "4.1");
	assert_false(session_hidden(&f->s)[hit]);
	/* n from the only hit comes back to it. */
	assert_int_equal(session_search_next(&f->s, hit, true, &hit, &wrapped), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "4.1");
	assert_true(wrapped);
	/* Once the view shows everything, the hits are taken again. */
	assert_int_equal(session_set_view(&f->s, SESSION_VIEW_TAILORED), SESSION_OK);
	assert_int_equal(session_search_next(&f->s, find(&f->s, "4.1"), true, &hit, &wrapped),
			 SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "4.1");
	assert_int_equal(session_search(&f->s, "3.2", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2");
}

/* The search's folded texts follow the document: a query that extends one
 * that found nothing finds the text a change has just put there, and
 * loses it again on undo. */
static void test_search_follows_changes(void **state)
{
	struct fixture *f = *state;
	struct change c = exclude("3.2");
	struct session_result r;
	uint32_t hit;

	c.op = OP_REWORD;
	c.text = "Zebra crossings are checked weekly.";
	assert_true(session_search_prepare(&f->s));
	assert_int_equal(session_search(&f->s, "zeb", ITEM_NONE, &hit), SESSION_NOT_FOUND);
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	/* Folded before the change (the search bar opened), searched after. */
	assert_true(session_search_prepare(&f->s));
	assert_int_equal(session_search(&f->s, "zebr", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2");
	assert_int_equal(session_search(&f->s, "zebra CROSS", ITEM_NONE, &hit), SESSION_OK);
	assert_string_equal(id_of(&f->s, hit), "3.2");
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_true(session_search_prepare(&f->s));
	assert_int_equal(session_search(&f->s, "zebra cross", ITEM_NONE, &hit),
			 SESSION_NOT_FOUND);
}

/* ---- who and when -------------------------------------------------------------- */

static void test_author(void **state)
{
	struct fixture *f = *state;
	struct change c = exclude("3.2");
	struct session_result r;
	char long_name[200];

	/* Shift_JIS 東京: what made every save fail with "out of memory". */
	assert_int_equal(session_set_author(&f->s, "\x93\x8c\x8b\x9e"), SESSION_BAD_AUTHOR);
	assert_string_equal(session_author(&f->s), "");
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_NO_AUTHOR);
	assert_int_equal(changes(&f->s), 0);
	assert_int_equal(session_set_author(&f->s, "a\x01z"), SESSION_BAD_AUTHOR);
	assert_int_equal(session_set_author(&f->s, "a\nz"), SESSION_BAD_AUTHOR);
	assert_int_equal(session_set_author(&f->s, "a\xc2\x85z"), SESSION_BAD_AUTHOR);  /* NEL */
	assert_int_equal(session_set_author(&f->s, "a\xe2\x80\xaez"), SESSION_BAD_AUTHOR);  /* RLO */
	/* No length limit: a long name is still a name. */
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_int_equal(session_set_author(&f->s, long_name), SESSION_OK);
	assert_string_equal(session_author(&f->s), long_name);
	assert_int_equal(session_set_author(&f->s, ""), SESSION_NO_AUTHOR);
	assert_int_equal(session_set_author(&f->s, NULL), SESSION_NO_AUTHOR);
	assert_int_equal(session_set_author(&f->s, "鈴木 花子 (監査部)"), SESSION_OK);
	assert_string_equal(session_author(&f->s), "鈴木 花子 (監査部)");
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	assert_string_equal(session_workspace(&f->s)->t.changes[0].author, "鈴木 花子 (監査部)");
}

static void test_date(void **state)
{
	struct fixture *f = *state;
	struct change c = exclude("3.2");
	struct session_result r;
	static const char *const bad[] = {
		"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00",
		"2026-1-01", "20260101", "2026/01/01", "2026-01-01x", "0000-01-01",
		"２０２６-01-01", "yesterday",
	};
	static const char *const good[] = { "2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31" };

	for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		if (session_set_date(&f->s, bad[k]) != SESSION_BAD_DATE)
			fail_msg("%s accepted", bad[k]);
	assert_int_equal(session_set_date(&f->s, "1900-02-29"), SESSION_BAD_DATE);
	assert_string_equal(session_date(&f->s), "");
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_NO_DATE);
	assert_int_equal(changes(&f->s), 0);
	assert_int_equal(session_set_date(&f->s, ""), SESSION_NO_DATE);
	for (size_t k = 0; k < sizeof(good) / sizeof(good[0]); k++)
		if (session_set_date(&f->s, good[k]) != SESSION_OK)
			fail_msg("%s refused", good[k]);
	assert_int_equal(session_apply(&f->s, &c, &r), SESSION_OK);
	assert_string_equal(session_workspace(&f->s)->t.changes[0].date, "2026-12-31");
}

static void test_identity_from_environment(void **state)
{
	struct fixture *f = *state;

	setenv("KIJUN_AUTHOR", "\x93\x8c\x8b\x9e", 1);
	setenv("KIJUN_DATE", "2026-03-04", 1);
	assert_int_equal(session_load_identity(&f->s), SESSION_BAD_AUTHOR);
	assert_string_equal(session_author(&f->s), "");
	assert_string_equal(session_date(&f->s), "2026-03-04");
	setenv("KIJUN_AUTHOR", "佐藤", 1);
	setenv("KIJUN_DATE", "2026-02-30", 1);
	assert_int_equal(session_load_identity(&f->s), SESSION_BAD_DATE);
	assert_string_equal(session_author(&f->s), "佐藤");
	assert_string_equal(session_date(&f->s), "");
	unsetenv("KIJUN_AUTHOR");
	unsetenv("KIJUN_DATE");
	/* From the account, and today: both usable. */
	assert_int_equal(session_load_identity(&f->s), SESSION_OK);
	assert_string_not_equal(session_author(&f->s), "");
	assert_int_equal(strlen(session_date(&f->s)), 10);
}

/* ---- withdraw, retarget and the conflicts they act on ------------------------ */

/* The fixture's file with these changes (YAML list entries) in it, opened
 * as the session. */
static void open_with(struct fixture *f, const char *changes_yaml)
{
	char text[4096];
	struct diag_list d;
	FILE *fp;

	snprintf(text, sizeof(text),
		 "format: kijun-tailoring/1\nid: corp\nbase:\n  catalog: meti-ismk-2025\n"
		 "changes:\n%s", changes_yaml);
	fp = fopen(f->path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	session_free(&f->s);
	diag_list_init(&d);
	if (!session_load_file(&f->s, f->path, SESSION_OPEN_TAILORING, &d)) {
		for (size_t i = 0; i < d.count; i++)
			fprintf(stderr, "%u:%u: %s\n", d.items[i].line, d.items[i].column,
				d.items[i].message);
		fail_msg("the tailoring does not open");
	}
	diag_list_free(&d);
	assert_int_equal(session_set_author(&f->s, "山田 太郎"), SESSION_OK);
	assert_int_equal(session_set_date(&f->s, "2026-01-15"), SESSION_OK);
}

#define WHO "  reason: 古い\n  author: a\n  date: '2026-01-01'\n"

static struct change taking(enum change_op op, uint32_t ref, const char *target)
{
	struct change c = exclude(target);

	c.op = op;
	c.ref = ref;
	c.reason = "誤りだったため";
	return c;
}

static void test_withdraw_and_undo(void **state)
{
	struct fixture *f = *state;
	struct change w = taking(OP_WITHDRAW, 1, NULL);
	struct session_result r;

	assert_int_equal(catalog_find(session_shown(&f->s), "4.1.9"), ITEM_NONE);
	open_with(f, "- op: exclude\n  target: 4.1.9\n  step: 1\n" WHO);
	assert_int_equal(session_conflict_count(&f->s), 1);
	assert_int_equal(session_apply(&f->s, &w, &r), SESSION_OK);
	assert_string_equal(r.focus, "4.1.9");   /* what the withdrawn change aimed at */
	assert_int_equal(session_conflict_count(&f->s), 0);
	assert_true(session_modified(&f->s));
	/* Undo brings the conflict back; redo takes it away again. */
	assert_int_equal(session_undo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_conflict_count(&f->s), 1);
	assert_int_equal(session_conflict(&f->s, 0)->problem.code, PROBLEM_NOT_IN_BASE);
	assert_false(session_modified(&f->s));
	assert_int_equal(session_redo(&f->s, &r), SESSION_OK);
	assert_int_equal(session_conflict_count(&f->s), 0);
	/* Withdrawing it again is a conflict: not recorded. */
	assert_int_equal(session_apply(&f->s, &w, &r), SESSION_CONFLICT);
	assert_int_equal(r.conflict->problem.code, PROBLEM_ALREADY_WITHDRAWN);
	assert_int_equal(changes(&f->s), 2);
}

static void test_withdraw_refused_by_the_check(void **state)
{
	struct fixture *f = *state;
	struct change a = exclude("3.2"), w = taking(OP_WITHDRAW, 2, NULL);
	struct session_result r;

	assert_int_equal(session_apply(&f->s, &a, &r), SESSION_OK);
	/* Change 2 would be the withdraw itself. */
	assert_int_equal(session_apply(&f->s, &w, &r), SESSION_INVALID_CHANGE);
	assert_int_equal(r.problem.code, PROBLEM_CHANGE_NOT_EARLIER);
	w.ref = 1;
	assert_int_equal(session_apply(&f->s, &w, &r), SESSION_OK);
	assert_int_equal(status_of(&f->s, "3.2"), STATUS_KEPT);
	/* A withdraw is not withdrawn: undo it, or record the change again. */
	w.ref = 2;
	assert_int_equal(session_apply(&f->s, &w, &r), SESSION_INVALID_CHANGE);
	assert_int_equal(r.problem.code, PROBLEM_CHANGE_NOT_TAKEABLE);
	assert_int_equal(changes(&f->s), 2);
}

static void test_retarget_in_session(void **state)
{
	struct fixture *f = *state;
	struct change rt = taking(OP_RETARGET, 1, "4.1.1"), bad = taking(OP_RETARGET, 1, "NOWHERE");
	struct session_result r;

	open_with(f, "- op: exclude\n  target: 4.1.9\n  step: 1\n" WHO);
	/* An exclusion moves by target, not by parent. */
	bad.target = NULL;
	bad.parent = "4.1";
	assert_int_equal(session_apply(&f->s, &bad, &r), SESSION_INVALID_CHANGE);
	assert_int_equal(r.problem.code, PROBLEM_RETARGET_NEEDS_TARGET);
	/* To an id that does not exist: the retarget's conflict, refused. */
	bad = taking(OP_RETARGET, 1, "NOWHERE");
	assert_int_equal(session_apply(&f->s, &bad, &r), SESSION_CONFLICT);
	assert_int_equal(r.conflict->problem.code, PROBLEM_NOT_IN_BASE);
	assert_int_equal(changes(&f->s), 1);
	assert_int_equal(session_apply(&f->s, &rt, &r), SESSION_OK);
	assert_string_equal(r.focus, "4.1.1");
	assert_int_equal(status_of(&f->s, "4.1.1"), STATUS_EXCLUDED);
	assert_int_equal(session_conflict_count(&f->s), 0);
}

static void test_conflict_focus(void **state)
{
	struct fixture *f = *state;

	open_with(f,
		  /* 1: gone from the base: its id grows from 4.1 */
		  "- op: exclude\n  target: 4.1.9\n  step: 1\n" WHO
		  /* 2, 3: split away, then changed again */
		  "- op: split\n  target: 4.1.1\n  step: 1\n  parts:\n"
		  "  - id: 4.1.1a\n    text: 一\n  - id: 4.1.1b\n    text: 二\n" WHO
		  "- op: exclude\n  target: 4.1.1\n  step: 1\n" WHO
		  /* 4, 5: excluded twice: the item itself */
		  "- op: exclude\n  target: 3.2\n  step: 1\n" WHO
		  "- op: exclude\n  target: 3.2\n  step: 1\n" WHO
		  /* 6: retargeted to nothing: where the moved change stands */
		  "- op: reword\n  target: 3.3\n  step: 1\n  title: 新\n" WHO
		  "- op: retarget\n  change: 6\n  target: 9.9.9.9\n  step: 1\n" WHO
		  /* nothing near at all */
		  "- op: exclude\n  target: ZZZ\n  step: 1\n" WHO);
	assert_int_equal(session_conflict_count(&f->s), 5);
	assert_string_equal(id_of(&f->s, session_conflict_focus(&f->s, 0)), "4.1");
	/* 4.1.1 is hidden in the tailored view: its parent. */
	assert_true(session_hidden(&f->s)[find(&f->s, "4.1.1")]);
	assert_string_equal(id_of(&f->s, session_conflict_focus(&f->s, 1)), "4.1");
	assert_string_equal(id_of(&f->s, session_conflict_focus(&f->s, 2)), "3.2");
	assert_int_equal(session_conflict(&f->s, 3)->index, 6);
	assert_string_equal(id_of(&f->s, session_conflict_focus(&f->s, 3)), "3.3");
	assert_int_equal(session_conflict_focus(&f->s, 4), ITEM_NONE);
	assert_int_equal(session_conflict_focus(&f->s, 5), ITEM_NONE);
	/* In the base view 4.1.1 is shown: the item itself. */
	assert_int_equal(session_set_view(&f->s, SESSION_VIEW_BASE), SESSION_OK);
	assert_string_equal(id_of(&f->s, session_conflict_focus(&f->s, 1)), "4.1.1");
}

static void test_code_messages(void **state)
{
	(void)state;
	for (int k = 0; k < SESSION_CODE_COUNT; k++) {
		const char *m = session_code_message((enum session_code)k);

		assert_non_null(m);
		assert_true(m[0] != '\0');
		assert_null(strchr(m, '%'));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_apply_records_and_resolves, setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply_refuses_invalid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_apply_refuses_conflict, setup, teardown),
		cmocka_unit_test(test_apply_on_catalog_is_read_only),
		cmocka_unit_test_setup_teardown(test_undo_redo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_group, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_keeps_changes_from_the_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_modified_against_save, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_hidden, setup, teardown),
		cmocka_unit_test(test_search_rank),
		cmocka_unit_test_setup_teardown(test_search_exact_ids_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_next_wraps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_follows_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_skips_hidden, setup, teardown),
		cmocka_unit_test_setup_teardown(test_author, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identity_from_environment, setup, teardown),
		cmocka_unit_test(test_code_messages),
		cmocka_unit_test_setup_teardown(test_withdraw_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_withdraw_refused_by_the_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retarget_in_session, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_focus, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_read_only_then_forced, setup, teardown),
		cmocka_unit_test(test_open_to_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
