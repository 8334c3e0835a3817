/* catalog_load_head: the first items of a large catalog, read from the
 * start of its file for the screen's first frame.  Whatever it reads must
 * be the catalog's own first items, each whole, never an item made up of
 * a text that looks like one. */
#include "test_util.h"

#include <stdio.h>
#include <unistd.h>

#include "kijun/catalog_io.h"

static char path[256];

static void put_file(const char *text, size_t len)
{
	test_put_file(path, sizeof(path), "head", text, len);
}

static void assert_same_text(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/* head holds the first items of full, in the same places, each with all
 * its own fields; a link it has is full's; the item after it in full is
 * not the first of its list (the cut is never just after "items:"). */
static void assert_head_of(const struct catalog *head, const struct catalog *full)
{
	assert_true(head->count > 1);
	assert_true(head->count <= full->count);
	assert_int_equal(head->type_count, full->type_count);
	assert_string_equal(head->title, full->title);
	for (uint32_t i = 1; i < head->count; i++) {
		const struct item *h = &head->items[i], *f = &full->items[i];

		assert_string_equal(h->id, f->id);
		assert_same_text(h->title, f->title);
		assert_same_text(h->text, f->text);
		assert_int_equal(h->parent, f->parent);
		assert_int_equal(h->ref_count, f->ref_count);
		assert_int_equal(h->attr_count, f->attr_count);
		if (h->first_child != ITEM_NONE)
			assert_int_equal(h->first_child, f->first_child);
		if (h->next_sibling != ITEM_NONE)
			assert_int_equal(h->next_sibling, f->next_sibling);
	}
	if (head->count < full->count) {
		uint32_t next = head->count;

		assert_int_not_equal(full->items[full->items[next].parent].first_child, next);
	}
}

/* Heads of every size of the built-in catalog's file. */
static void test_heads_of_builtin(void **state)
{
	struct catalog full, head;
	struct diag_list d;
	size_t len;
	const char *text = catalog_builtin_text(&len);
	unsigned loaded = 0, tried = 0;
	uint32_t last_count = 0;

	(void)state;
	put_file(text, len);
	diag_list_init(&d);
	assert_true(catalog_read(&full, "builtin", text, len, &d));
	/* Forty sizes across the file: each reads, scans and parses its
	 * head, which under the sanitizers is not free. */
	for (size_t bytes = 1000; bytes < len; bytes += len / 40 + 17, tried++) {
		if (!catalog_load_head(&head, path, bytes))
			continue;
		loaded++;
		assert_head_of(&head, &full);
		/* More of the file, never fewer items. */
		assert_true(head.count >= last_count);
		last_count = head.count;
		catalog_free(&head);
	}
	/* Only the first few kilobytes (the attribute types) give none. */
	assert_true(loaded > tried * 9 / 10);
	/* A file that fits is loaded whole, not by its head. */
	assert_false(catalog_load_head(&head, path, len));
	assert_false(catalog_load_head(&head, path, len + 100));
	catalog_free(&full);
	diag_list_free(&d);
	unlink(path);
}

/* A text whose lines look like items is a text: no head holds them as
 * items, whatever the cut. */
static const char literal[] =
	"format: kijun-catalog/1\n"
	"id: x\n"
	"title: t\n"
	"edition: e\n"
	"items:\n"
	"- id: '1'\n"
	"  kind: part\n"
	"  title: one\n"
	"  items:\n"
	"  - id: '1.1'\n"
	"    kind: control\n"
	"    title: a\n"
	"    text: |-\n"
	"      first line\n"
	"      - id: fake1\n"
	"        kind: control\n"
	"      - id: fake2\n"
	"      last line\n"
	"  - id: '1.2'\n"
	"    kind: control\n"
	"    title: b\n"
	"    text: |-\n"
	"      - id: fake3\n"
	"      - id: fake4\n"
	"  - id: '1.3'\n"
	"    kind: control\n"
	"    title: c\n"
	"- id: '2'\n"
	"  kind: part\n"
	"  title: two\n";

/* Reads the head of text at every length; each that loads must be a head
 * of the whole, and pass `also`.  Returns how many loaded. */
static unsigned heads_of_every_length(const char *text, void (*also)(const struct catalog *))
{
	struct catalog full, head;
	struct diag_list d;
	size_t len = strlen(text);
	unsigned loaded = 0;

	put_file(text, len);
	diag_list_init(&d);
	assert_true(catalog_read(&full, "text", text, len, &d));
	for (size_t bytes = 1; bytes < len; bytes++) {
		if (!catalog_load_head(&head, path, bytes))
			continue;
		loaded++;
		assert_head_of(&head, &full);
		if (also)
			also(&head);
		catalog_free(&head);
	}
	catalog_free(&full);
	diag_list_free(&d);
	unlink(path);
	return loaded;
}

static void no_fake_items(const struct catalog *head)
{
	uint32_t i = catalog_find(head, "1.1");

	assert_int_equal(catalog_find(head, "fake1"), ITEM_NONE);
	assert_int_equal(catalog_find(head, "fake3"), ITEM_NONE);
	/* Whole texts only: a head that has 1.1 has all of it. */
	if (i != ITEM_NONE)
		assert_string_equal(catalog_item(head, i)->text,
				    "first line\n- id: fake1\n  kind: control\n- id: fake2\nlast line");
}

static void test_literal_is_not_cut(void **state)
{
	(void)state;
	/* Cut before 1.2, before 1.3 and before 2. */
	assert_true(heads_of_every_length(literal, no_fake_items) > 0);
}

/* Lines counted as YAML counts them: a CR alone, U+2028 and U+0085 in a
 * text end a line for libyaml, and the cut is still where the item is. */
static const char breaks[] =
	"format: kijun-catalog/1\n"
	"id: x\n"
	"title: t\n"
	"edition: e\n"
	"items:\n"
	"- id: '1'\r"
	"  kind: part\r\n"
	"  title: \"one\xe2\x80\xa8two\xc2\x85three\"\n"
	"- id: '2'\n"
	"  kind: part\n"
	"  title: two\n"
	"- id: '3'\n"
	"  kind: part\n"
	"  title: three\n";

static void test_line_breaks(void **state)
{
	(void)state;
	assert_true(heads_of_every_length(breaks, NULL) > 0);
}

/* What is not a catalog in canonical form has no head to show. */
static void test_not_a_catalog(void **state)
{
	static const char tailoring[] =
		"format: kijun-tailoring/1\n"
		"id: t\n"
		"base: x.yaml\n"
		"changes:\n"
		"- id: c1\n"
		"  op: exclude\n"
		"- id: c2\n"
		"  op: exclude\n"
		"- id: c3\n"
		"  op: exclude\n";
	static const char other_order[] =
		"format: kijun-catalog/1\n"
		"id: x\n"
		"title: t\n"
		"edition: e\n"
		"items:\n"
		"- kind: part\n"
		"  id: '1'\n"
		"  title: one\n"
		"- kind: part\n"
		"  id: '2'\n"
		"  title: two\n"
		"- kind: part\n"
		"  id: '3'\n"
		"  title: three\n";
	struct catalog head;

	(void)state;
	put_file(tailoring, strlen(tailoring));
	for (size_t bytes = 1; bytes < strlen(tailoring); bytes++)
		assert_false(catalog_load_head(&head, path, bytes));
	put_file(other_order, strlen(other_order));
	for (size_t bytes = 1; bytes < strlen(other_order); bytes++)
		assert_false(catalog_load_head(&head, path, bytes));
	unlink(path);
	assert_false(catalog_load_head(&head, path, 100));
	assert_false(catalog_load_head(&head, "/", 100));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heads_of_builtin),
		cmocka_unit_test(test_literal_is_not_cut),
		cmocka_unit_test(test_line_breaks),
		cmocka_unit_test(test_not_a_catalog),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
