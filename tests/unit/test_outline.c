/* Unit tests for src/tui/outline.h: the tree as the screen shows it. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog.h"
#include "../../src/tui/outline.h"

/* The tree used by every test:
 *
 *   1                 part
 *     1.1             section
 *       1.1.1         control
 *         1.1.1.1     detail
 *         1.1.1.2     detail
 *       1.1.2         control
 *     1.2             section
 *       1.2.1         control
 *   2                 part
 *     2.1             section
 *       2.1.1         control
 *   3                 part (no children)
 *   4                 part
 *     4.1 ... 4.6     controls
 */
struct fixture {
	struct catalog c;
	struct outline o;
};

static uint32_t add(struct catalog *c, uint32_t parent, enum item_kind kind, const char *id)
{
	uint32_t i = catalog_append(c, parent, kind);
	bool oom = true;

	assert_int_not_equal(i, ITEM_NONE);
	catalog_item(c, i)->id = arena_strdup(&c->arena, id);
	catalog_item(c, i)->title = arena_strdup(&c->arena, "見出し");
	assert_non_null(catalog_item(c, i)->id);
	assert_int_equal(catalog_index_id(c, i, &oom), ITEM_NONE);
	assert_false(oom);
	return i;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	uint32_t p1, s11, c111, s12, p2, s21, p4;

	if (!f || !catalog_init(&f->c)) {
		free(f);
		return -1;
	}
	p1 = add(&f->c, ITEM_ROOT_INDEX, ITEM_PART, "1");
	s11 = add(&f->c, p1, ITEM_SECTION, "1.1");
	c111 = add(&f->c, s11, ITEM_CONTROL, "1.1.1");
	add(&f->c, c111, ITEM_DETAIL, "1.1.1.1");
	add(&f->c, c111, ITEM_DETAIL, "1.1.1.2");
	add(&f->c, s11, ITEM_CONTROL, "1.1.2");
	s12 = add(&f->c, p1, ITEM_SECTION, "1.2");
	add(&f->c, s12, ITEM_CONTROL, "1.2.1");
	p2 = add(&f->c, ITEM_ROOT_INDEX, ITEM_PART, "2");
	s21 = add(&f->c, p2, ITEM_SECTION, "2.1");
	add(&f->c, s21, ITEM_CONTROL, "2.1.1");
	add(&f->c, ITEM_ROOT_INDEX, ITEM_PART, "3");
	p4 = add(&f->c, ITEM_ROOT_INDEX, ITEM_PART, "4");
	for (int k = 1; k <= 6; k++) {
		char id[8] = "4.0";

		id[2] = (char)('0' + k);
		add(&f->c, p4, ITEM_CONTROL, id);
	}
	if (!outline_init(&f->o, &f->c)) {
		catalog_free(&f->c);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	outline_free(&f->o);
	catalog_free(&f->c);
	free(f);
	return 0;
}

#define TOTAL_ITEMS 19u

static uint32_t id(const struct fixture *f, const char *s)
{
	uint32_t i = catalog_find(&f->c, s);

	if (i == ITEM_NONE)
		fail_msg("no item %s", s);
	return i;
}

static const char *cur_id(const struct fixture *f)
{
	uint32_t i = outline_current(&f->o);

	return i == ITEM_NONE ? "(none)" : catalog_item(&f->c, i)->id;
}

/* The visible rows as "1 1.1 1.2 2 ..." */
static void expect_rows(const struct fixture *f, const char *want)
{
	char got[512] = "";

	for (uint32_t r = 0; r < f->o.row_count; r++) {
		if (r)
			strcat(got, " ");
		strcat(got, catalog_item(&f->c, f->o.rows[r])->id);
	}
	assert_string_equal(got, want);
}

static void expect_visible(const struct fixture *f)
{
	const struct outline *o = &f->o;

	assert_true(o->row_count > 0);
	assert_true(o->cursor < o->row_count);
	assert_true(o->top <= o->cursor);
	if (o->cursor >= o->top + o->height)
		fail_msg("cursor %u outside [%u, %u)", o->cursor, o->top,
			 o->top + o->height);
	assert_true(o->top < o->row_count);
}

/* Puts the cursor on a visible item. */
static void go_to(struct fixture *f, const char *s)
{
	uint32_t i = id(f, s);

	for (uint32_t r = 0; r < f->o.row_count; r++) {
		if (f->o.rows[r] == i) {
			outline_move(&f->o, (long)r - (long)f->o.cursor);
			assert_int_equal(outline_current(&f->o), i);
			return;
		}
	}
	fail_msg("%s is not visible", s);
}

static void test_init_top_level(void **state)
{
	struct fixture *f = *state;

	expect_rows(f, "1 2 3 4");
	assert_int_equal(f->o.cursor, 0);
	assert_int_equal(f->o.top, 0);
	assert_string_equal(cur_id(f), "1");
	for (uint32_t i = 1; i < f->c.count; i++)
		assert_false(outline_is_expanded(&f->o, i));
	assert_int_equal(f->c.count - 1, TOTAL_ITEMS);
}

static void test_init_empty_catalog(void **state)
{
	struct catalog c;
	struct outline o;

	(void)state;
	assert_true(catalog_init(&c));
	assert_true(outline_init(&o, &c));
	assert_int_equal(o.row_count, 0);
	assert_int_equal(outline_current(&o), ITEM_NONE);
	outline_move(&o, 3);
	outline_page(&o, 1);
	outline_toggle(&o);
	outline_expand_all(&o);
	outline_collapse(&o);
	assert_int_equal(outline_current(&o), ITEM_NONE);
	outline_free(&o);
	catalog_free(&c);
}

static void test_toggle(void **state)
{
	struct fixture *f = *state;

	outline_toggle(&f->o);
	assert_true(outline_is_expanded(&f->o, id(f, "1")));
	expect_rows(f, "1 1.1 1.2 2 3 4");
	assert_string_equal(cur_id(f), "1");
	go_to(f, "1.1");
	outline_toggle(&f->o);
	expect_rows(f, "1 1.1 1.1.1 1.1.2 1.2 2 3 4");
	assert_string_equal(cur_id(f), "1.1");
	go_to(f, "1");
	outline_toggle(&f->o);
	expect_rows(f, "1 2 3 4");
	assert_false(outline_is_expanded(&f->o, id(f, "1")));
	assert_string_equal(cur_id(f), "1");
	/* The section keeps its state while hidden. */
	outline_toggle(&f->o);
	expect_rows(f, "1 1.1 1.1.1 1.1.2 1.2 2 3 4");
}

static void test_toggle_leaf_does_nothing(void **state)
{
	struct fixture *f = *state;

	go_to(f, "3");
	outline_toggle(&f->o);
	assert_false(outline_is_expanded(&f->o, id(f, "3")));
	expect_rows(f, "1 2 3 4");
	assert_string_equal(cur_id(f), "3");
}

static void test_toggle_keeps_cursor_item_below(void **state)
{
	struct fixture *f = *state;

	go_to(f, "4");
	outline_toggle(&f->o);
	expect_rows(f, "1 2 3 4 4.1 4.2 4.3 4.4 4.5 4.6");
	assert_string_equal(cur_id(f), "4");
	go_to(f, "2");
	outline_toggle(&f->o);
	expect_rows(f, "1 2 2.1 3 4 4.1 4.2 4.3 4.4 4.5 4.6");
	assert_string_equal(cur_id(f), "2");
}

static void test_expand_then_step_in(void **state)
{
	struct fixture *f = *state;

	go_to(f, "2");
	outline_expand(&f->o);
	assert_true(outline_is_expanded(&f->o, id(f, "2")));
	assert_string_equal(cur_id(f), "2");
	expect_rows(f, "1 2 2.1 3 4");
	outline_expand(&f->o);          /* already open: into the first child */
	assert_string_equal(cur_id(f), "2.1");
	expect_rows(f, "1 2 2.1 3 4");
	outline_expand(&f->o);
	assert_string_equal(cur_id(f), "2.1");
	expect_rows(f, "1 2 2.1 2.1.1 3 4");
	outline_expand(&f->o);
	assert_string_equal(cur_id(f), "2.1.1");
	/* A leaf: nothing happens. */
	outline_expand(&f->o);
	assert_string_equal(cur_id(f), "2.1.1");
	expect_rows(f, "1 2 2.1 2.1.1 3 4");
}

static void test_collapse(void **state)
{
	struct fixture *f = *state;

	outline_expand(&f->o);          /* 1 */
	go_to(f, "1.2");
	outline_expand(&f->o);
	go_to(f, "1.2.1");
	expect_rows(f, "1 1.1 1.2 1.2.1 2 3 4");
	/* A leaf: to its parent, which stays open. */
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1.2");
	expect_rows(f, "1 1.1 1.2 1.2.1 2 3 4");
	/* Open: closes. */
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1.2");
	assert_false(outline_is_expanded(&f->o, id(f, "1.2")));
	expect_rows(f, "1 1.1 1.2 2 3 4");
	/* Closed: to its parent. */
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1");
	assert_true(outline_is_expanded(&f->o, id(f, "1")));
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1");
	expect_rows(f, "1 2 3 4");
	/* A closed top-level item has nowhere to go. */
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1");
	go_to(f, "3");
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "3");
	expect_rows(f, "1 2 3 4");
}

static void test_collapse_closed_non_leaf_goes_to_parent(void **state)
{
	struct fixture *f = *state;

	outline_expand(&f->o);          /* 1 */
	go_to(f, "1.1");
	assert_false(outline_is_expanded(&f->o, id(f, "1.1")));
	outline_collapse(&f->o);
	assert_string_equal(cur_id(f), "1");
	expect_rows(f, "1 1.1 1.2 2 3 4");
}

static void test_expand_all(void **state)
{
	struct fixture *f = *state;

	go_to(f, "3");
	outline_expand_all(&f->o);
	assert_int_equal(f->o.row_count, TOTAL_ITEMS);
	expect_rows(f, "1 1.1 1.1.1 1.1.1.1 1.1.1.2 1.1.2 1.2 1.2.1 2 2.1 2.1.1 3 "
		       "4 4.1 4.2 4.3 4.4 4.5 4.6");
	assert_string_equal(cur_id(f), "3");
	/* Leaves are not marked open. */
	assert_false(outline_is_expanded(&f->o, id(f, "3")));
	assert_false(outline_is_expanded(&f->o, id(f, "1.1.1.1")));
	assert_true(outline_is_expanded(&f->o, id(f, "1.1.1")));
	assert_true(outline_is_expanded(&f->o, id(f, "4")));
}

static void test_expand_all_keeps_cursor(void **state)
{
	struct fixture *f = *state;

	go_to(f, "2");
	outline_expand(&f->o);
	outline_expand(&f->o);          /* on 2.1 */
	assert_string_equal(cur_id(f), "2.1");
	outline_expand_all(&f->o);
	assert_string_equal(cur_id(f), "2.1");
	assert_int_equal(f->o.rows[f->o.cursor], id(f, "2.1"));
}

static void test_collapse_all_moves_to_ancestor(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	go_to(f, "1.1.1.2");
	outline_collapse_all(&f->o);
	expect_rows(f, "1 2 3 4");
	assert_string_equal(cur_id(f), "1");
	for (uint32_t i = 1; i < f->c.count; i++)
		assert_false(outline_is_expanded(&f->o, i));

	outline_expand_all(&f->o);
	go_to(f, "4.5");
	outline_collapse_all(&f->o);
	assert_string_equal(cur_id(f), "4");
	assert_int_equal(f->o.cursor, 3);

	/* A top-level item stays itself. */
	go_to(f, "2");
	outline_collapse_all(&f->o);
	assert_string_equal(cur_id(f), "2");
}

static void test_expand_to_depth(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	go_to(f, "1.1.1.2");
	outline_expand_to(&f->o, 1);
	expect_rows(f, "1 1.1 1.2 2 2.1 3 4 4.1 4.2 4.3 4.4 4.5 4.6");
	assert_string_equal(cur_id(f), "1.1");     /* the visible ancestor */
	assert_true(outline_is_expanded(&f->o, id(f, "1")));
	assert_false(outline_is_expanded(&f->o, id(f, "1.1")));
	assert_false(outline_is_expanded(&f->o, id(f, "1.1.1")));

	outline_expand_to(&f->o, 2);
	expect_rows(f, "1 1.1 1.1.1 1.1.2 1.2 1.2.1 2 2.1 2.1.1 3 4 4.1 4.2 4.3 4.4 "
		       "4.5 4.6");
	assert_string_equal(cur_id(f), "1.1");
	assert_false(outline_is_expanded(&f->o, id(f, "1.1.1")));

	go_to(f, "1.1.1");
	outline_expand_to(&f->o, 3);
	assert_int_equal(f->o.row_count, TOTAL_ITEMS);
	assert_string_equal(cur_id(f), "1.1.1");

	/* Back up a level closes what is deeper, and the cursor climbs. */
	go_to(f, "1.1.1.1");
	outline_expand_to(&f->o, 2);
	assert_string_equal(cur_id(f), "1.1.1");
	outline_expand_to(&f->o, 0);
	expect_rows(f, "1 2 3 4");
	assert_string_equal(cur_id(f), "1");
}

static void test_move_clamps(void **state)
{
	struct fixture *f = *state;

	outline_set_height(&f->o, 10);
	outline_move(&f->o, -1);
	assert_int_equal(f->o.cursor, 0);
	outline_move(&f->o, -1000);
	assert_int_equal(f->o.cursor, 0);
	outline_move(&f->o, 2);
	assert_int_equal(f->o.cursor, 2);
	assert_string_equal(cur_id(f), "3");
	outline_move(&f->o, 1000);
	assert_int_equal(f->o.cursor, 3);
	assert_string_equal(cur_id(f), "4");
	outline_move(&f->o, 1);
	assert_int_equal(f->o.cursor, 3);
	outline_move(&f->o, -2);
	assert_string_equal(cur_id(f), "2");
	outline_first(&f->o);
	assert_int_equal(f->o.cursor, 0);
	outline_last(&f->o);
	assert_int_equal(f->o.cursor, 3);
}

static void test_keep_visible_scrolling(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	outline_set_height(&f->o, 4);
	for (uint32_t k = 0; k < TOTAL_ITEMS + 3; k++) {
		outline_move(&f->o, 1);
		expect_visible(f);
	}
	assert_int_equal(f->o.cursor, TOTAL_ITEMS - 1);
	assert_int_equal(f->o.top, TOTAL_ITEMS - 4);
	/* Moving up inside the screen does not scroll. */
	outline_move(&f->o, -3);
	assert_int_equal(f->o.top, TOTAL_ITEMS - 4);
	expect_visible(f);
	/* One more scrolls by one row. */
	outline_move(&f->o, -1);
	assert_int_equal(f->o.top, TOTAL_ITEMS - 5);
	expect_visible(f);
	for (uint32_t k = 0; k < TOTAL_ITEMS + 3; k++) {
		outline_move(&f->o, -1);
		expect_visible(f);
	}
	assert_int_equal(f->o.cursor, 0);
	assert_int_equal(f->o.top, 0);

	outline_last(&f->o);
	expect_visible(f);
	outline_first(&f->o);
	expect_visible(f);
	assert_int_equal(f->o.top, 0);
	/* Big jumps. */
	outline_move(&f->o, 12);
	expect_visible(f);
	outline_move(&f->o, -7);
	expect_visible(f);
}

static void test_set_height_keeps_cursor_visible(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	outline_set_height(&f->o, 20);
	outline_move(&f->o, 15);
	assert_int_equal(f->o.top, 0);
	outline_set_height(&f->o, 3);
	expect_visible(f);
	assert_int_equal(f->o.cursor, 15);
	outline_set_height(&f->o, 0);    /* treated as one row */
	expect_visible(f);
	assert_int_equal(f->o.top, 15);
	outline_set_height(&f->o, 50);   /* everything fits: no scrolling */
	assert_int_equal(f->o.top, 0);
	assert_int_equal(f->o.cursor, 15);
}

static void test_collapse_keeps_visible(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	outline_set_height(&f->o, 4);
	outline_last(&f->o);             /* 4.6 */
	expect_visible(f);
	outline_collapse_all(&f->o);     /* 4 rows now, cursor on 4 */
	expect_visible(f);
	assert_string_equal(cur_id(f), "4");
	assert_int_equal(f->o.top, 0);
	outline_expand_all(&f->o);
	expect_visible(f);
	assert_string_equal(cur_id(f), "4");
	go_to(f, "1.1.1.2");
	expect_visible(f);
	outline_collapse(&f->o);         /* leaf: to 1.1.1 */
	expect_visible(f);
	outline_collapse(&f->o);         /* closes 1.1.1 */
	expect_visible(f);
	assert_string_equal(cur_id(f), "1.1.1");
}

static void test_page(void **state)
{
	struct fixture *f = *state;
	uint32_t prev_top, pages = 0;

	outline_expand_all(&f->o);
	outline_set_height(&f->o, 4);
	/* From the top, a page moves view and cursor together. */
	outline_page(&f->o, 1);
	expect_visible(f);
	assert_true(f->o.top > 0 && f->o.top <= 4);
	assert_int_equal(f->o.cursor, f->o.top);
	prev_top = f->o.top;
	outline_page(&f->o, 1);
	expect_visible(f);
	assert_true(f->o.top > prev_top && f->o.top <= prev_top + 4);
	assert_int_equal(f->o.cursor - f->o.top, 0);
	/* Paging on reaches the last row and stays there. */
	while (f->o.cursor != f->o.row_count - 1 && pages++ < 20) {
		outline_page(&f->o, 1);
		expect_visible(f);
	}
	assert_int_equal(f->o.cursor, TOTAL_ITEMS - 1);
	outline_page(&f->o, 1);
	expect_visible(f);
	assert_int_equal(f->o.cursor, TOTAL_ITEMS - 1);
	assert_int_equal(f->o.top, TOTAL_ITEMS - 4);
	/* And back. */
	pages = 0;
	while (f->o.cursor != 0 && pages++ < 20) {
		prev_top = f->o.top;
		outline_page(&f->o, -1);
		expect_visible(f);
		assert_true(f->o.top <= prev_top);
	}
	assert_int_equal(f->o.cursor, 0);
	assert_int_equal(f->o.top, 0);
	outline_page(&f->o, -1);
	assert_int_equal(f->o.cursor, 0);
}

static void test_page_keeps_screen_row(void **state)
{
	struct fixture *f = *state;
	uint32_t row;

	outline_expand_all(&f->o);
	outline_set_height(&f->o, 5);
	outline_move(&f->o, 2);
	row = f->o.cursor - f->o.top;
	outline_page(&f->o, 1);
	expect_visible(f);
	assert_int_equal(f->o.cursor - f->o.top, row);
	outline_page(&f->o, 1);
	expect_visible(f);
	assert_int_equal(f->o.cursor - f->o.top, row);
	outline_page(&f->o, -1);
	expect_visible(f);
	assert_int_equal(f->o.cursor - f->o.top, row);
}

static void test_page_short_list(void **state)
{
	struct fixture *f = *state;

	outline_set_height(&f->o, 10);   /* 4 rows fit */
	outline_page(&f->o, 1);
	assert_int_equal(f->o.cursor, 3);
	assert_int_equal(f->o.top, 0);
	outline_page(&f->o, -1);
	assert_int_equal(f->o.cursor, 0);
	assert_int_equal(f->o.top, 0);
}

static void test_reveal(void **state)
{
	struct fixture *f = *state;

	outline_set_height(&f->o, 3);
	outline_reveal(&f->o, id(f, "1.1.1.2"));
	assert_string_equal(cur_id(f), "1.1.1.2");
	assert_true(outline_is_expanded(&f->o, id(f, "1")));
	assert_true(outline_is_expanded(&f->o, id(f, "1.1")));
	assert_true(outline_is_expanded(&f->o, id(f, "1.1.1")));
	/* Nothing else was opened. */
	assert_false(outline_is_expanded(&f->o, id(f, "1.2")));
	assert_false(outline_is_expanded(&f->o, id(f, "2")));
	assert_false(outline_is_expanded(&f->o, id(f, "4")));
	expect_rows(f, "1 1.1 1.1.1 1.1.1.1 1.1.1.2 1.1.2 1.2 2 3 4");
	assert_int_equal(f->o.cursor, 4);
	expect_visible(f);

	outline_reveal(&f->o, id(f, "4.6"));
	assert_string_equal(cur_id(f), "4.6");
	assert_true(outline_is_expanded(&f->o, id(f, "4")));
	assert_int_equal(f->o.cursor, f->o.row_count - 1);
	expect_visible(f);

	outline_reveal(&f->o, id(f, "2.1.1"));
	assert_string_equal(cur_id(f), "2.1.1");
	expect_visible(f);

	/* A top-level item, already visible. */
	outline_reveal(&f->o, id(f, "1"));
	assert_string_equal(cur_id(f), "1");
	assert_int_equal(f->o.cursor, 0);
	assert_int_equal(f->o.top, 0);
	/* ITEM_NONE changes nothing. */
	outline_reveal(&f->o, ITEM_NONE);
	assert_string_equal(cur_id(f), "1");
}

static void test_reveal_inside_collapsed(void **state)
{
	struct fixture *f = *state;

	outline_expand_all(&f->o);
	go_to(f, "1.1");
	outline_collapse(&f->o);         /* 1.1 closed, 1 still open */
	outline_reveal(&f->o, id(f, "1.1.2"));
	assert_true(outline_is_expanded(&f->o, id(f, "1.1")));
	assert_string_equal(cur_id(f), "1.1.2");
	/* 1.1.1 kept its own state (open). */
	assert_true(outline_is_expanded(&f->o, id(f, "1.1.1")));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_init_top_level),
		cmocka_unit_test(test_init_empty_catalog),
		T(test_toggle),
		T(test_toggle_leaf_does_nothing),
		T(test_toggle_keeps_cursor_item_below),
		T(test_expand_then_step_in),
		T(test_collapse),
		T(test_collapse_closed_non_leaf_goes_to_parent),
		T(test_expand_all),
		T(test_expand_all_keeps_cursor),
		T(test_collapse_all_moves_to_ancestor),
		T(test_expand_to_depth),
		T(test_move_clamps),
		T(test_keep_visible_scrolling),
		T(test_set_height_keeps_cursor_visible),
		T(test_collapse_keeps_visible),
		T(test_page),
		T(test_page_keeps_screen_row),
		T(test_page_short_list),
		T(test_reveal),
		T(test_reveal_inside_collapsed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
