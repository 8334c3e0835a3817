/* Unit tests for include/kijun/search.h: item_matches, catalog_search and
 * the ranked search_collect. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog.h"
#include "kijun/catalog_io.h"
#include "kijun/search.h"

/* Document order:
 *   1        part     ガバナンス基準 / Governance
 *   1.1      section  情報セキュリティ方針 / Information security policy
 *   1.1.1    control  text "Top management shall approve the policy."
 *   1.1.1.1  detail   text "方針を文書化し、承認する。"
 *   1.1.1.1/a entry   label "a)" text "承認の記録"
 *   2        part     管理策基準 / Controls
 *   2.1      control  text "Backups are tested."
 *   2.2      control  title "バックアップ" text "復旧手順を試験する。"
 */
static struct catalog cat;

static uint32_t add(uint32_t parent, enum item_kind kind, const char *id,
		    const char *title, const char *title_en, const char *text,
		    const char *label)
{
	uint32_t i = catalog_append(&cat, parent, kind);
	struct item *it;
	bool oom = true;

	assert_int_not_equal(i, ITEM_NONE);
	it = catalog_item(&cat, i);
	it->id = arena_strdup(&cat.arena, id);
	it->title = title ? arena_strdup(&cat.arena, title) : NULL;
	it->title_en = title_en ? arena_strdup(&cat.arena, title_en) : NULL;
	it->text = text ? arena_strdup(&cat.arena, text) : NULL;
	it->label = label ? arena_strdup(&cat.arena, label) : NULL;
	assert_int_equal(catalog_index_id(&cat, i, &oom), ITEM_NONE);
	assert_false(oom);
	return i;
}

static int setup(void **state)
{
	uint32_t p1, s11, c111, d, p2;

	(void)state;
	if (!catalog_init(&cat))
		return -1;
	p1 = add(ITEM_ROOT_INDEX, ITEM_PART, "1", "ガバナンス基準", "Governance", NULL, NULL);
	s11 = add(p1, ITEM_SECTION, "1.1", "情報セキュリティ方針",
		  "Information security policy", NULL, NULL);
	c111 = add(s11, ITEM_CONTROL, "1.1.1", NULL, NULL,
		   "Top management shall approve the policy.", NULL);
	d = add(c111, ITEM_DETAIL, "1.1.1.1", NULL, NULL, "方針を文書化し、承認する。", NULL);
	add(d, ITEM_ENTRY, "1.1.1.1/a", NULL, NULL, "承認の記録", "a)");
	p2 = add(ITEM_ROOT_INDEX, ITEM_PART, "2", "管理策基準", "Controls", NULL, NULL);
	add(p2, ITEM_CONTROL, "2.1", NULL, NULL, "Backups are tested.", NULL);
	add(p2, ITEM_CONTROL, "2.2", "バックアップ", NULL, "復旧手順を試験する。", NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

static uint32_t id(const char *s)
{
	uint32_t i = catalog_find(&cat, s);

	if (i == ITEM_NONE)
		fail_msg("no item %s", s);
	return i;
}

static const struct item *it_of(const char *s)
{
	return catalog_item(&cat, id(s));
}

static const char *name(uint32_t i)
{
	return i == ITEM_NONE ? "(none)" : catalog_item(&cat, i)->id;
}

/* ---- item_matches ----------------------------------------------------- */

static void test_matches_id(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1.1.1"), "1.1.1"));
	assert_true(item_matches(it_of("1.1.1.1/a"), "1/a"));
	assert_true(item_matches(it_of("2.1"), "2."));
	assert_false(item_matches(it_of("2.1"), "2.2"));
	assert_false(item_matches(it_of("1"), "1.1"));
}

static void test_matches_title(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1"), "ガバナンス"));
	assert_true(item_matches(it_of("1.1"), "セキュリティ"));
	assert_true(item_matches(it_of("2.2"), "バックアップ"));
	assert_false(item_matches(it_of("2"), "ガバナンス"));
}

static void test_matches_title_en(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1"), "Governance"));
	assert_true(item_matches(it_of("1.1"), "security policy"));
	assert_false(item_matches(it_of("1.1"), "security  policy"));
	assert_false(item_matches(it_of("1"), "Controls"));
}

static void test_matches_text(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1.1.1"), "approve"));
	assert_true(item_matches(it_of("1.1.1.1"), "文書化"));
	assert_true(item_matches(it_of("2.2"), "試験する。"));
	assert_false(item_matches(it_of("1.1.1"), "approves"));
	assert_false(item_matches(it_of("1.1.1.1"), "承認の記録"));
}

static void test_matches_label(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1.1.1.1/a"), "a)"));
	assert_false(item_matches(it_of("1.1.1.1"), "a)"));
}

static void test_matches_ascii_case_insensitive(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1"), "governance"));
	assert_true(item_matches(it_of("1"), "GOVERNANCE"));
	assert_true(item_matches(it_of("1"), "gOvErNaNcE"));
	assert_true(item_matches(it_of("1.1.1"), "TOP MANAGEMENT"));
	assert_true(item_matches(it_of("2.1"), "backups ARE"));
	assert_true(item_matches(it_of("1.1.1.1/a"), "A)"));
	/* Mixed-case query against mixed-case text, both ways. */
	assert_true(item_matches(it_of("1.1"), "INFORMATION Security"));
	assert_false(item_matches(it_of("1.1"), "INFORMATIONsecurity"));
}

/* Every way the fast paths could go wrong: a needle that starts with no
 * letter but holds some, one that stops short at the end of the text,
 * one whose first letter comes again before the match, and the same
 * against a catalog-free item: the results of folding byte by byte. */
static void test_matches_fast_paths(void **state)
{
	struct item it = { .id = "5a-5.4", .title = "aaAAab ISMS", .text = "x(ABC)y 情報B" };

	(void)state;
	assert_true(item_matches(&it, "5A-5"));     /* starts with a digit, holds a letter */
	assert_true(item_matches(&it, "-5.4"));     /* no letter at all */
	assert_true(item_matches(&it, "AAB"));      /* the first a's are false starts */
	assert_true(item_matches(&it, "isms"));     /* at the very end */
	assert_false(item_matches(&it, "ismsx"));   /* one past the end */
	assert_true(item_matches(&it, "(abc)"));    /* a bracket first, then letters */
	assert_false(item_matches(&it, "(abd)"));
	assert_true(item_matches(&it, "情報b"));    /* Japanese, then a letter */
	assert_false(item_matches(&it, "情報c"));
	assert_true(item_matches(&it, "Y 情"));
	assert_false(item_matches(&it, "\x80"));  /* no letter: byte for byte */
}

static void test_matches_japanese_exact(void **state)
{
	(void)state;
	assert_true(item_matches(it_of("1.1"), "情報"));
	assert_true(item_matches(it_of("1.1"), "情報セキュリティ方針"));
	assert_false(item_matches(it_of("1.1"), "報情"));
	assert_false(item_matches(it_of("1.1"), "情報セキュリティ方針。"));
	/* Katakana vs hiragana, full-width vs ASCII: no folding. */
	assert_false(item_matches(it_of("1.1"), "せきゅりてぃ"));
	assert_false(item_matches(it_of("1"), "ＧＯＶＥＲＮＡＮＣＥ"));
	/* A partial character does not match the whole one. */
	assert_false(item_matches(it_of("1.1"), "\xE6\x83\x86"));  /* 惆, not 情 */
}

static void test_matches_nothing(void **state)
{
	(void)state;
	assert_false(item_matches(it_of("2.1"), "zzz"));
	assert_false(item_matches(it_of("2.2"), "Governance"));
	/* Longer than every field. */
	assert_false(item_matches(it_of("2.1"),
				  "Backups are tested. And then some more."));
}

/* ---- catalog_search ---------------------------------------------------- */

static void expect_search(uint32_t from, const char *query, bool forward,
			  const char *want, bool want_wrapped)
{
	bool wrapped = !want_wrapped;
	uint32_t got = catalog_search(&cat, from, query, forward, &wrapped);

	if (got != (want ? id(want) : ITEM_NONE))
		fail_msg("search \"%s\" %s from %s: got %s, want %s", query,
			 forward ? "forward" : "backward", name(from), name(got),
			 want ? want : "(none)");
	assert_int_equal(wrapped, want_wrapped);
}

static void test_search_forward(void **state)
{
	(void)state;
	/* 承認 is in 1.1.1.1 and 1.1.1.1/a; "policy" in 1.1 and 1.1.1. */
	expect_search(id("1"), "承認", true, "1.1.1.1", false);
	expect_search(id("1.1.1.1"), "承認", true, "1.1.1.1/a", false);
	expect_search(id("1.1"), "policy", true, "1.1.1", false);
	expect_search(id("1"), "試験", true, "2.2", false);
	/* Goes into children and across parts. */
	expect_search(id("1.1.1"), "2.1", true, "2.1", false);
}

static void test_search_backward(void **state)
{
	(void)state;
	expect_search(id("2.2"), "承認", false, "1.1.1.1/a", false);
	expect_search(id("1.1.1.1/a"), "承認", false, "1.1.1.1", false);
	expect_search(id("1.1.1"), "policy", false, "1.1", false);
	expect_search(id("2"), "policy", false, "1.1.1", false);
	expect_search(id("2.1"), "基準", false, "2", false);
}

static void test_search_wraps(void **state)
{
	(void)state;
	/* Past the end: back to the first match from the top. */
	expect_search(id("1.1.1.1/a"), "承認", true, "1.1.1.1", true);
	expect_search(id("2.2"), "policy", true, "1.1", true);
	expect_search(id("2"), "Governance", true, "1", true);
	/* Before the beginning: to the last match from the bottom. */
	expect_search(id("1.1.1.1"), "承認", false, "1.1.1.1/a", true);
	expect_search(id("1"), "基準", false, "2", true);
	expect_search(id("1"), "2.", false, "2.2", true);
}

static void test_search_from_none(void **state)
{
	(void)state;
	/* From nothing: the first item is included. */
	expect_search(ITEM_NONE, "Governance", true, "1", false);
	expect_search(ITEM_NONE, "基準", true, "1", false);
	expect_search(ITEM_NONE, "承認", true, "1.1.1.1", false);
	/* Backward: from the last one, included. */
	expect_search(ITEM_NONE, "バックアップ", false, "2.2", false);
	expect_search(ITEM_NONE, "基準", false, "2", false);
	expect_search(ITEM_NONE, "policy", false, "1.1.1", false);
}

static void test_search_no_match(void **state)
{
	bool wrapped = false;

	(void)state;
	assert_int_equal(catalog_search(&cat, id("1.1"), "存在しない", true, &wrapped),
			 ITEM_NONE);
	assert_int_equal(catalog_search(&cat, id("1.1"), "nothing here", false, &wrapped),
			 ITEM_NONE);
	expect_search(ITEM_NONE, "nothing here", true, NULL, false);
	expect_search(ITEM_NONE, "nothing here", false, NULL, false);
}

static void test_search_only_origin_matches(void **state)
{
	(void)state;
	/* Nothing else matches: the origin itself is tried last. */
	expect_search(id("2.1"), "Backups", true, "2.1", true);
	expect_search(id("2.1"), "Backups", false, "2.1", true);
	expect_search(id("1"), "Governance", true, "1", true);
	expect_search(id("2.2"), "バックアップ", false, "2.2", true);
	expect_search(id("1.1.1.1/a"), "記録", true, "1.1.1.1/a", true);
}

static void test_search_origin_tried_last(void **state)
{
	(void)state;
	/* 1.1 and 1.1.1 match "policy": from 1.1.1 forward, the search wraps
	 * to 1.1, never stopping at the origin first. */
	expect_search(id("1.1.1"), "policy", true, "1.1", true);
	expect_search(id("1.1"), "policy", false, "1.1.1", true);
}

static void test_search_empty_catalog(void **state)
{
	struct catalog empty;
	bool wrapped = true;

	(void)state;
	assert_true(catalog_init(&empty));
	assert_int_equal(catalog_search(&empty, ITEM_NONE, "x", true, &wrapped), ITEM_NONE);
	assert_false(wrapped);
	catalog_free(&empty);
}

/* ---- search_collect: ranked hits ---------------------------------------- */

static void expect_hits(const uint8_t *hidden, uint32_t origin, const char *query,
			const char *const *want, uint32_t n)
{
	uint32_t *hits, count;

	assert_true(search_collect(&cat, hidden, origin, query, &hits, &count));
	if (count != n)
		fail_msg("%s: %u hits, want %u", query, count, n);
	for (uint32_t k = 0; k < n; k++)
		assert_string_equal(catalog_item(&cat, hits[k])->id, want[k]);
	free(hits);
}

static void test_collect_ranks(void **state)
{
	static const char *const one[] = { "1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.1/a", "2.1" };
	static const char *const two[] = { "2", "2.1", "2.2" };

	(void)state;
	/* The exact id, then ids that start with it, then text (2.1 holds "1"). */
	expect_hits(NULL, ITEM_NONE, "1", one, 6);
	expect_hits(NULL, ITEM_NONE, "2", two, 3);
}

static void test_collect_from_origin(void **state)
{
	static const char *const want[] = { "1.1", "1.1.1.1", "1.1.1.1/a", "1.1.1" };

	(void)state;
	/* The exact id wherever it is; the rest from just after the origin,
	 * wrapping, the origin last. */
	expect_hits(NULL, id("1.1.1"), "1.1", want, 4);
}

static void test_collect_skips_hidden(void **state)
{
	static const char *const want[] = { "1.1.1", "1.1.1.1", "1.1.1.1/a" };
	uint8_t hidden[16] = { 0 };
	uint32_t *hits, count;

	(void)state;
	hidden[id("1.1")] = 1;
	expect_hits(hidden, ITEM_NONE, "1.1", want, 3);
	assert_true(search_collect(&cat, hidden, ITEM_NONE, "ガバナンス", &hits, &count));
	assert_int_equal(count, 1);
	free(hits);
	hidden[id("1")] = 1;
	assert_true(search_collect(&cat, hidden, ITEM_NONE, "ガバナンス", &hits, &count));
	assert_int_equal(count, 0);
	assert_null(hits);
	assert_true(search_collect(&cat, NULL, ITEM_NONE, "", &hits, &count));
	assert_int_equal(count, 0);
}

/* The cache answers as search_collect does, key after key as a search bar
 * asks (each query the last one and one more character, then one that
 * is not), and folds again once reset after the catalog changed. */
static void expect_same(struct search_cache *x, uint32_t origin, const char *query)
{
	uint32_t *a, *b, na, nb;

	assert_true(search_collect(&cat, NULL, origin, query, &a, &na));
	assert_true(search_cache_collect(x, &cat, NULL, origin, query, &b, &nb));
	if (na != nb)
		fail_msg("%s: %u hits through the cache, want %u", query, nb, na);
	for (uint32_t k = 0; k < na; k++)
		assert_int_equal(a[k], b[k]);
	free(a);
	free(b);
}

static void test_cache_narrows(void **state)
{
	static const char *const keys[] = {
		"1", "1.", "1.1", "1.1.", "1.1.1", "1.1.1x",  /* down to nothing */
		"t", "to", "top", "TOP M", "a", "a)", "承", "承認", "承認の",
		"b", "ba", "bac", "back", "backu", "backups", "2", "2.", "2.2",
	};
	struct search_cache *x = search_cache_new();
	uint32_t *hits, count, i;
	const char *old;

	(void)state;
	assert_non_null(x);
	for (unsigned k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		expect_same(x, k % 2 ? id("1.1.1") : ITEM_NONE, keys[k]);
	/* Narrowed to nothing, then the catalog changes under the same
	 * query: a reset finds what the new text holds. */
	assert_true(search_cache_collect(x, &cat, NULL, ITEM_NONE, "zebra", &hits, &count));
	assert_int_equal(count, 0);
	i = id("2.1");
	old = catalog_item(&cat, i)->text;
	catalog_item(&cat, i)->text = "a Zebra crossing";
	search_cache_reset(x);
	assert_true(search_cache_collect(x, &cat, NULL, ITEM_NONE, "zebra", &hits, &count));
	assert_int_equal(count, 1);
	assert_int_equal(hits[0], i);
	free(hits);
	catalog_item(&cat, i)->text = old;
	search_cache_free(x);
}

/* The cache's hits for q are exactly the items item_matches takes. */
static void expect_cache_hits(struct search_cache *x, const struct catalog *b, const char *q,
			      uint8_t *want)
{
	uint32_t *hits, count, n = 0;

	assert_true(search_cache_collect(x, b, NULL, ITEM_NONE, q, &hits, &count));
	memset(want, 0, b->count);
	for (uint32_t k = 0; k < count; k++)
		want[hits[k]] = 1;
	for (uint32_t i = 1; i < b->count; i++) {
		if (item_matches(&b->items[i], q) != (want[i] != 0))
			fail_msg("query \"%s\": item %s %s by the cache", q, b->items[i].id,
				 want[i] ? "taken" : "missed");
		n += want[i];
	}
	assert_int_equal(n, count);
	free(hits);
}

/* Thousands of queries on b: pieces of its own fields cut at any byte
 * (half a character too), their ASCII in the other case, and short ASCII
 * words; each then one byte longer, as the next key of a search bar. */
static void expect_cache_agrees(const struct catalog *b)
{
	static const char ascii[] = "aAbBeEiIsStT.-1 )";
	struct search_cache *x = search_cache_new();
	unsigned long seed = 11;
	uint8_t *want = calloc(b->count, 1);
	char q[24];

	assert_non_null(x);
	assert_non_null(want);
	for (int round = 0; round < 1200; round++) {
		const struct item *it;
		const char *f = ascii;
		size_t len = sizeof(ascii) - 1, at = 0, qn;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		if (round % 4 == 3) {
			qn = 1 + (seed >> 40) % 3;
			for (size_t k = 0; k < qn; k++)
				q[k] = ascii[(seed >> (8 * k + 8)) % (sizeof(ascii) - 1)];
		} else {
			it = catalog_item(b, 1 + (uint32_t)((seed >> 33) % (b->count - 1)));
			f = round % 3 == 0 && it->title ? it->title
			    : round % 5 == 0 && it->label ? it->label : it->text ? it->text : it->id;
			len = strlen(f);
			at = (seed >> 20) % len;
			qn = 1 + (seed >> 10) % 9;
			if (qn > len - at)
				qn = len - at;
			memcpy(q, f + at, qn);
			for (size_t k = 0; round % 2 && k < qn; k++)
				if ((q[k] >= 'a' && q[k] <= 'z') || (q[k] >= 'A' && q[k] <= 'Z'))
					q[k] ^= 0x20;
		}
		q[qn] = '\0';
		expect_cache_hits(x, b, q, want);
		q[qn] = at + qn < len ? f[at + qn] : 'x';
		q[qn + 1] = '\0';
		expect_cache_hits(x, b, q, want);  /* among the last hits */
	}
	free(want);
	search_cache_free(x);
}

/* On the built-in catalog as loaded: its strings lie packed in file
 * order, so the cache scans runs of neighbouring fields. */
static void test_cache_finds_what_matches(void **state)
{
	struct catalog b;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&b, &d));
	expect_cache_agrees(&b);
	catalog_free(&b);
	diag_list_free(&d);
}

/* And with every field elsewhere: copied last item first, each item's
 * fields in the reverse order, every third title shared with title_en,
 * as strings put in by edits lie. */
static void test_cache_scattered_fields(void **state)
{
	struct catalog b, s;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&b, &d));
	assert_true(catalog_clone(&s, &b));
	for (uint32_t i = s.count; i-- > 1;) {
		struct item *it = &s.items[i];
		const char **f[] = { &it->label, &it->text, &it->title_en, &it->title, &it->id };

		for (size_t k = 0; k < sizeof(f) / sizeof(f[0]); k++)
			if (*f[k])
				*f[k] = arena_strdup(&s.arena, *f[k]);
		if (i % 3 == 0 && it->title)
			it->title_en = it->title;
	}
	expect_cache_agrees(&s);
	catalog_free(&s);
	catalog_free(&b);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches_id),
		cmocka_unit_test(test_matches_title),
		cmocka_unit_test(test_matches_title_en),
		cmocka_unit_test(test_matches_text),
		cmocka_unit_test(test_matches_label),
		cmocka_unit_test(test_matches_ascii_case_insensitive),
		cmocka_unit_test(test_matches_fast_paths),
		cmocka_unit_test(test_cache_finds_what_matches),
		cmocka_unit_test(test_cache_scattered_fields),
		cmocka_unit_test(test_matches_japanese_exact),
		cmocka_unit_test(test_matches_nothing),
		cmocka_unit_test(test_search_forward),
		cmocka_unit_test(test_search_backward),
		cmocka_unit_test(test_search_wraps),
		cmocka_unit_test(test_search_from_none),
		cmocka_unit_test(test_search_no_match),
		cmocka_unit_test(test_search_only_origin_matches),
		cmocka_unit_test(test_search_origin_tried_last),
		cmocka_unit_test(test_search_empty_catalog),
		cmocka_unit_test(test_collect_ranks),
		cmocka_unit_test(test_collect_from_origin),
		cmocka_unit_test(test_collect_skips_hidden),
		cmocka_unit_test(test_cache_narrows),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
