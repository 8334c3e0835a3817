/* Unit tests for include/kijun/diff.h: spans for common rewordings,
 * character boundaries, a shortest script (checked against a plain LCS
 * table on random texts), the marks, and the fallback for large inputs. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"

#include "kijun/diff.h"
#include "kijun/text.h"

#define SAME DIFF_SAME
#define DEL DIFF_DELETED
#define INS DIFF_INSERTED

/* Compares the spans of diff(old, new) with want[0..n). */
static void expect_spans(const char *old_text, const char *new_text,
			 const struct diff_span *want, size_t n)
{
	struct diff d = { 0 };

	assert_true(diff_compute(old_text, new_text, &d));
	assert_int_equal(d.count, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(d.spans[i].kind, want[i].kind);
		assert_int_equal(d.spans[i].start, want[i].start);
		assert_int_equal(d.spans[i].end, want[i].end);
	}
	diff_free(&d);
}

#define EXPECT(o, n, ...) do { \
		const struct diff_span want_[] = { __VA_ARGS__ }; \
		expect_spans(o, n, want_, sizeof(want_) / sizeof(want_[0])); \
	} while (0)

static size_t count_chars(const char *s)
{
	size_t len = strlen(s), pos = 0, n = 0;
	uint32_t cp;

	while (pos < len) {
		pos += utf8_decode(s + pos, len - pos, &cp);
		n++;
	}
	return n;
}

static bool on_boundary(const char *s, size_t at)
{
	size_t len = strlen(s), pos = 0;
	uint32_t cp;

	while (pos < at)
		pos += utf8_decode(s + pos, len - pos, &cp);
	return pos == at;
}

/* Checks what every diff must satisfy: the SAME and DELETED spans tile the
 * old text, SAME and INSERTED tile the new, SAME text is equal on both
 * sides, no span is empty, every edge is a character boundary, and each
 * change lists its deletion before its insertion.  Returns the characters
 * deleted plus inserted. */
static size_t check_diff(const char *old_text, const char *new_text,
			 const struct diff *d)
{
	size_t x = 0, y = 0, edits = 0;

	for (size_t i = 0; i < d->count; i++) {
		const struct diff_span *sp = &d->spans[i];
		const char *side = sp->kind == INS ? new_text : old_text;
		size_t *at = sp->kind == INS ? &y : &x;
		char *piece;

		assert_true(sp->start < sp->end);
		assert_int_equal(sp->start, *at);
		assert_true(on_boundary(side, sp->start));
		assert_true(on_boundary(side, sp->end));
		if (i > 0) {
			assert_false(sp->kind == d->spans[i - 1].kind);
			assert_false(sp->kind == DEL && d->spans[i - 1].kind == INS);
		}
		if (sp->kind == SAME) {
			assert_memory_equal(old_text + x, new_text + y, sp->end - sp->start);
			y += sp->end - sp->start;
		} else {
			piece = strndup(side + sp->start, sp->end - sp->start);
			assert_non_null(piece);
			edits += count_chars(piece);
			free(piece);
		}
		*at = sp->end;
	}
	assert_int_equal(x, strlen(old_text));
	assert_int_equal(y, strlen(new_text));
	return edits;
}

/* ---- spans ------------------------------------------------------------------ */

static void test_identical(void **state)
{
	const char *s = "情報セキュリティ方針を定める。";

	(void)state;
	EXPECT(s, s, { SAME, 0, strlen(s) });
	EXPECT("abc", "abc", { SAME, 0, 3 });
}

static void test_empty(void **state)
{
	struct diff d = { 0 };

	(void)state;
	assert_true(diff_compute("", "", &d));
	assert_int_equal(d.count, 0);
	diff_free(&d);
	assert_true(diff_compute(NULL, NULL, &d));
	assert_int_equal(d.count, 0);
	diff_free(&d);
	EXPECT("", "記録の保護", { INS, 0, 15 });
	EXPECT(NULL, "abc", { INS, 0, 3 });
	EXPECT("記録の保護", "", { DEL, 0, 15 });
	EXPECT("abc", NULL, { DEL, 0, 3 });
}

static void test_insertion(void **state)
{
	(void)state;
	/* 情報セキュリティ + 基本 + 方針 */
	EXPECT("情報セキュリティ方針", "情報セキュリティ基本方針",
	       { SAME, 0, 24 }, { INS, 24, 30 }, { SAME, 24, 30 });
	EXPECT("方針", "新しい方針", { INS, 0, 9 }, { SAME, 0, 6 });
	EXPECT("方針", "方針（改訂）", { SAME, 0, 6 }, { INS, 6, 18 });
}

static void test_deletion(void **state)
{
	(void)state;
	EXPECT("定期的かつ継続的に見直す。", "継続的に見直す。",
	       { DEL, 0, 15 }, { SAME, 15, 39 });
	EXPECT("文書化し、承認する。", "承認する。", { DEL, 0, 15 }, { SAME, 15, 30 });
	EXPECT("abc", "ac", { SAME, 0, 1 }, { DEL, 1, 2 }, { SAME, 2, 3 });
}

static void test_replacement_japanese(void **state)
{
	const char *old_text = "管理層は、組織の方針に従う。";
	const char *new_text = "最高情報セキュリティ責任者は、組織の方針に従う。";

	(void)state;
	/* 管理層 (3 characters) gives way to 最高情報セキュリティ責任者 (13);
	 * they share no character, so nothing inside them is kept. */
	EXPECT(old_text, new_text,
	       { DEL, 0, 9 }, { INS, 0, 39 }, { SAME, 9, strlen(old_text) });
	/* A change in the middle keeps what surrounds it on both sides. */
	EXPECT("組織は年に一回見直す。", "組織は毎四半期見直す。",
	       { SAME, 0, 9 }, { DEL, 9, 21 }, { INS, 9, 21 }, { SAME, 21, 33 });
	/* A character common to both rewordings (に) is kept: the script is
	 * the shortest, 年 + 一回 out and 四半期ごと in. */
	EXPECT("組織は年に一回見直す。", "組織は四半期ごとに見直す。",
	       { SAME, 0, 9 }, { DEL, 9, 12 }, { INS, 9, 24 }, { SAME, 12, 15 },
	       { DEL, 15, 21 }, { SAME, 21, 33 });
}

static void test_interleaved(void **state)
{
	(void)state;
	EXPECT("abcdef", "axcyef",
	       { SAME, 0, 1 }, { DEL, 1, 2 }, { INS, 1, 2 }, { SAME, 2, 3 },
	       { DEL, 3, 4 }, { INS, 3, 4 }, { SAME, 4, 6 });
	/* The common character in the middle of a rewording is kept. */
	EXPECT("責任を負う", "責務を果たす",
	       { SAME, 0, 3 }, { DEL, 3, 6 }, { INS, 3, 6 }, { SAME, 6, 9 },
	       { DEL, 9, 15 }, { INS, 9, 18 });
}

static void test_multibyte_boundaries(void **state)
{
	(void)state;
	/* あ E3 81 82 and い E3 81 84 share two leading bytes: a byte diff
	 * would keep them and cut both characters in half. */
	EXPECT("あ", "い", { DEL, 0, 3 }, { INS, 0, 3 });
	EXPECT("xあy", "xいy",
	       { SAME, 0, 1 }, { DEL, 1, 4 }, { INS, 1, 4 }, { SAME, 4, 5 });
	/* ... and the same at the end (…82 vs …84 share trailing bytes too):
	 * ア E3 82 A2, イ E3 82 A4; 😀 F0 9F 98 80, 😁 F0 9F 98 81. */
	EXPECT("アイ", "イイ", { DEL, 0, 3 }, { INS, 0, 3 }, { SAME, 3, 6 });
	EXPECT("😀a", "😁a", { DEL, 0, 4 }, { INS, 0, 4 }, { SAME, 4, 5 });
	/* é as U+00E9 against e + U+0301: different code points. */
	EXPECT("\xC3\xA9", "e\xCC\x81", { DEL, 0, 2 }, { INS, 0, 3 });
}

static void test_invalid_bytes(void **state)
{
	(void)state;
	/* Two bad bytes are different characters, not two U+FFFD alike. */
	EXPECT("a\xFF" "b", "a\xFE" "b",
	       { SAME, 0, 1 }, { DEL, 1, 2 }, { INS, 1, 2 }, { SAME, 2, 3 });
	EXPECT("a\xFF" "b", "a\xFF" "b", { SAME, 0, 3 });
	/* A real U+FFFD is not a bad byte. */
	EXPECT("\xEF\xBF\xBD", "\xBD", { DEL, 0, 3 }, { INS, 0, 1 });
}

static void test_reuse(void **state)
{
	struct diff d = { 0 };

	(void)state;
	assert_true(diff_compute("abcdef", "axcyef", &d));
	assert_int_equal(d.count, 7);
	assert_true(diff_compute("abc", "abc", &d));
	assert_int_equal(d.count, 1);
	assert_int_equal(d.spans[0].kind, SAME);
	assert_true(diff_compute("", "", &d));
	assert_int_equal(d.count, 0);
	diff_free(&d);
	diff_free(&d);
	assert_null(d.spans);
}

/* ---- shortest script --------------------------------------------------------- */

static size_t split(const char *s, uint32_t *cp)
{
	size_t len = strlen(s), pos = 0, n = 0;

	while (pos < len)
		pos += utf8_decode(s + pos, len - pos, &cp[n++]);
	return n;
}

static size_t lcs_length(const char *a_text, const char *b_text)
{
	uint32_t a[64], b[64];
	size_t n = split(a_text, a), m = split(b_text, b);
	static size_t t[65][65];

	for (size_t i = 0; i <= n; i++)
		for (size_t j = 0; j <= m; j++)
			t[i][j] = !i || !j ? 0 :
				  a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 :
				  t[i - 1][j] > t[i][j - 1] ? t[i - 1][j] : t[i][j - 1];
	return t[n][m];
}

static unsigned long rng = 12345;

static unsigned next_random(void)
{
	rng = rng * 1103515245UL + 12345UL;
	return (unsigned)(rng >> 16) & 0x7FFF;
}

/* Random texts from a few characters of each UTF-8 length, some sharing
 * leading bytes, so matches and near-matches are frequent. */
static void random_text(char *out, size_t chars)
{
	static const char *const alphabet[] = {
		"a", "b", "、", "。", "あ", "い", "情", "報", "😀", "😁",
	};
	size_t len = 0;

	for (size_t i = 0; i < chars; i++) {
		const char *c = alphabet[next_random() % 10];

		memcpy(out + len, c, strlen(c));
		len += strlen(c);
	}
	out[len] = '\0';
}

/* b as a with a few characters dropped, replaced or added. */
static void random_edit(const char *a, char *b)
{
	size_t len = strlen(a), pos = 0, out = 0;
	uint32_t cp;

	while (pos < len) {
		size_t n = utf8_decode(a + pos, len - pos, &cp);
		unsigned r = next_random() % 8;

		if (r == 0 || r == 1) {  /* replace or add */
			random_text(b + out, 1);
			out += strlen(b + out);
		}
		if (r != 0 && r != 2) {  /* keep */
			memcpy(b + out, a + pos, n);
			out += n;
		}
		pos += n;
	}
	b[out] = '\0';
}

static void test_shortest_random(void **state)
{
	char a[24 * 4 + 1], b[48 * 4 + 1];
	struct diff d = { 0 };

	(void)state;
	for (int round = 0; round < 3000; round++) {
		random_text(a, next_random() % 25);
		if (round % 2)
			random_edit(a, b);
		else
			random_text(b, next_random() % 25);
		assert_true(diff_compute(a, b, &d));
		assert_int_equal(check_diff(a, b, &d),
				 count_chars(a) + count_chars(b) - 2 * lcs_length(a, b));
	}
	diff_free(&d);
}

/* ---- marks --------------------------------------------------------------------- */

static void test_marks(void **state)
{
	const char *old_text = "年に一回見直す。";
	const char *new_text = "四半期ごとに見直す。";
	unsigned char om[64], nm[64];
	struct diff d = { 0 };
	size_t ol = strlen(old_text), nl = strlen(new_text);

	(void)state;
	memset(om, 7, sizeof(om));
	memset(nm, 7, sizeof(nm));
	assert_true(diff_compute(old_text, new_text, &d));
	diff_mark_old(&d, om, ol + 1);
	diff_mark_new(&d, nm, nl + 1);
	/* 年 deleted; に kept; 一回 deleted. */
	for (size_t i = 0; i <= ol; i++)
		assert_int_equal(om[i], i < 3 || (i >= 6 && i < 12));
	/* 四半期ごと inserted; に kept. */
	for (size_t i = 0; i <= nl; i++)
		assert_int_equal(nm[i], i < 15);
	/* Nothing written past len. */
	assert_int_equal(om[ol + 1], 7);
	assert_int_equal(nm[nl + 1], 7);
	/* A short array is filled only as far as it goes. */
	memset(om, 7, sizeof(om));
	diff_mark_old(&d, om, 4);
	assert_memory_equal(om, "\1\1\1\0\7", 5);
	diff_free(&d);
}

static void test_marks_identical_and_empty(void **state)
{
	unsigned char m[8];
	struct diff d = { 0 };

	(void)state;
	assert_true(diff_compute("同じ", "同じ", &d));
	memset(m, 7, sizeof(m));
	diff_mark_old(&d, m, 7);
	assert_memory_equal(m, "\0\0\0\0\0\0\0", 7);
	diff_mark_new(&d, m, 7);
	assert_memory_equal(m, "\0\0\0\0\0\0\0", 7);
	assert_true(diff_compute("", "新", &d));
	diff_mark_old(&d, m, 1);
	assert_int_equal(m[0], 0);
	diff_mark_new(&d, m, 4);
	assert_memory_equal(m, "\1\1\1\0", 4);
	diff_free(&d);
}

/* ---- large inputs -------------------------------------------------------------- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* chars random characters from the first `range` of the CJK block. */
static char *random_cjk(size_t chars, unsigned range, const char *prefix,
			const char *suffix)
{
	char *s = malloc(strlen(prefix) + chars * 3 + strlen(suffix) + 1);
	size_t len = strlen(prefix);

	assert_non_null(s);
	memcpy(s, prefix, len);
	for (size_t i = 0; i < chars; i++)
		len += utf8_encode(0x4E00 + next_random() % range, s + len);
	strcpy(s + len, suffix);
	return s;
}

static void test_large_fallback(void **state)
{
	const char *prefix = "共通の前置き", *suffix = "共通の結び。";
	char *a = random_cjk(20000, 500, prefix, suffix);
	char *b = random_cjk(20000, 500, prefix, suffix);
	size_t p = strlen(prefix), s = strlen(suffix);
	struct diff d = { 0 };
	struct timespec t0;

	(void)state;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_true(diff_compute(a, b, &d));
	assert_true(seconds_since(&t0) < 1.0);
	/* The common ends stay; the middle is replaced wholesale. */
	EXPECT(a, b, { SAME, 0, p }, { DEL, p, strlen(a) - s },
	       { INS, p, strlen(b) - s }, { SAME, strlen(a) - s, strlen(a) });
	check_diff(a, b, &d);
	diff_free(&d);
	free(a);
	free(b);
}

static void test_edit_bound(void **state)
{
	/* Small enough for the search (3,000 × 3,000) but too different: the
	 * edit bound ends it quickly. */
	char *a = random_cjk(3000, 8, "", ""), *b = random_cjk(3000, 8, "", "");
	char *c = random_cjk(3000, 8, "", "");
	struct diff d = { 0 };
	struct timespec t0;
	size_t edits;

	(void)state;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_true(diff_compute(a, b, &d));
	assert_true(seconds_since(&t0) < 2.0);
	check_diff(a, b, &d);
	/* Random texts over 8 characters share little more than half their
	 * length, so some 2,700 edits are needed: past the bound, the middle
	 * is one deletion and one insertion (between any common ends). */
	assert_true(d.count >= 2 && d.count <= 4);
	for (size_t i = 0, del = 0, ins = 0; i < d.count; i++) {
		del += d.spans[i].kind == DEL;
		ins += d.spans[i].kind == INS;
		assert_true(del <= 1 && ins <= 1);
	}
	diff_free(&d);
	/* Unrelated alphabets: nothing in common at all. */
	for (char *q = c; *q; q += 3)
		q[2] = (char)(q[2] | 0x20);  /* U+4E20.. instead of U+4E00.. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_true(diff_compute(a, c, &d));
	assert_true(seconds_since(&t0) < 2.0);
	edits = check_diff(a, c, &d);
	assert_int_equal(edits, 6000);
	diff_free(&d);
	/* A few edits far apart in a long text are still found exactly. */
	memcpy(c, a, strlen(a) + 1);
	memcpy(c + 300, "改", 3);
	memcpy(c + 6000, "訂", 3);
	assert_true(diff_compute(a, c, &d));
	assert_int_equal(d.count, 7);
	assert_int_equal(check_diff(a, c, &d), 4);
	diff_free(&d);
	free(a);
	free(b);
	free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_insertion),
		cmocka_unit_test(test_deletion),
		cmocka_unit_test(test_replacement_japanese),
		cmocka_unit_test(test_interleaved),
		cmocka_unit_test(test_multibyte_boundaries),
		cmocka_unit_test(test_invalid_bytes),
		cmocka_unit_test(test_reuse),
		cmocka_unit_test(test_shortest_random),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_marks_identical_and_empty),
		cmocka_unit_test(test_large_fallback),
		cmocka_unit_test(test_edit_bound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
