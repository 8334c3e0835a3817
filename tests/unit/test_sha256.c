/* Unit tests for include/kijun/sha256.h: the FIPS 180-4 vectors and chunked
 * updates across the 64-byte block boundary (expected digests from
 * sha256sum). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/sha256.h"

static void hex_of(const uint8_t d[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Feeds data in pieces of the given sizes (cycling), then compares. */
static void expect_chunked(const char *data, size_t len, const size_t *sizes,
			   size_t nsizes, const char *want)
{
	struct sha256 h;
	uint8_t d[32];
	char hex[65];
	size_t pos = 0, i = 0;

	sha256_init(&h);
	while (pos < len) {
		size_t n = sizes[i++ % nsizes];

		if (n > len - pos)
			n = len - pos;
		sha256_update(&h, data + pos, n);
		pos += n;
	}
	sha256_final(&h, d);
	hex_of(d, hex);
	assert_string_equal(hex, want);
}

static void expect_hex(const char *s, const char *want)
{
	char hex[65];

	memset(hex, 'x', sizeof(hex));
	sha256_hex(s, strlen(s), hex);
	assert_int_equal(hex[64], '\0');
	assert_string_equal(hex, want);
}

/* ---- FIPS 180-4 vectors ------------------------------------------------- */

static void test_empty(void **state)
{
	struct sha256 h;
	uint8_t d[32];
	char hex[65];

	(void)state;
	expect_hex("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	/* No update at all is the same as an empty one. */
	sha256_init(&h);
	sha256_final(&h, d);
	hex_of(d, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void test_abc(void **state)
{
	(void)state;
	expect_hex("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_448_bits(void **state)
{
	(void)state;
	expect_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_896_bits(void **state)
{
	(void)state;
	expect_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		   "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		   "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
	static char a[1000000];
	static const size_t uneven[] = { 1, 63, 64, 65, 127, 1000, 3, 4096, 17 };
	const char *want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char hex[65];

	(void)state;
	memset(a, 'a', sizeof(a));
	expect_chunked(a, sizeof(a), uneven, sizeof(uneven) / sizeof(uneven[0]), want);
	sha256_hex(a, sizeof(a), hex);
	assert_string_equal(hex, want);
}

static void test_utf8(void **state)
{
	(void)state;
	expect_hex("情報セキュリティ管理基準\n",
		   "330f976a2b3c8cae6c2584275b6da966e8729cd2f3c258269955218386f6a8cc");
}

/* ---- block boundaries ------------------------------------------------------ */

/* "abc...zabc..." of length n: the padding needs one block up to 55 bytes
 * and two from 56; 64 fills a block exactly. */
static const struct {
	size_t len;
	const char *want;
} boundary[] = {
	{ 55, "595615dbe4f0f407ae397d08b4c2cb870cb9b0e11937416f950c5160acf9c005" },
	{ 56, "784f623b787495078e93ff28a25b581df0584055a7e71d8cd90c454716b92f51" },
	{ 63, "5ca3e1ef5207490eac01a795e5cc94d59582a5118bf9534665c8668d87aa647c" },
	{ 64, "2fcd5a0d60e4c941381fcc4e00a4bf8be422c3ddfafb93c809e8d1e2bfffae8e" },
	{ 65, "1b3cd1877ab2f2f19f7be001722554f336cb799df0329de0bb4c118dc6abc06d" },
	{ 119, "faef67da856d6fd9c8d12f9ed0a4fefd3cf0ce085ab43e2907418d457e3c354b" },
	{ 120, "c9512b08619c19fbb503c7da6b46ef20301e5f7a7a5f43989182398536f5c5c8" },
	{ 128, "6c05be2c4268843ae47e68e611277ce62c02153f2f4d2e1e2a1a4b44f766cf74" },
};

static void alphabet(char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('a' + i % 26);
}

static void test_boundary_one_update(void **state)
{
	char buf[128], hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof(boundary) / sizeof(boundary[0]); i++) {
		alphabet(buf, boundary[i].len);
		sha256_hex(buf, boundary[i].len, hex);
		assert_string_equal(hex, boundary[i].want);
	}
}

static void test_boundary_chunked(void **state)
{
	/* Splits that land before, on and after the 64-byte edge. */
	static const size_t splits[][2] = {
		{ 1, 1 }, { 7, 7 }, { 32, 32 }, { 55, 1 }, { 56, 8 },
		{ 63, 1 }, { 64, 64 }, { 60, 5 }, { 3, 61 },
	};
	char buf[128];

	(void)state;
	for (size_t i = 0; i < sizeof(boundary) / sizeof(boundary[0]); i++) {
		alphabet(buf, boundary[i].len);
		for (size_t j = 0; j < sizeof(splits) / sizeof(splits[0]); j++)
			expect_chunked(buf, boundary[i].len, splits[j], 2, boundary[i].want);
	}
}

static void test_zero_length_updates(void **state)
{
	struct sha256 h;
	uint8_t d[32];
	char hex[65];

	(void)state;
	sha256_init(&h);
	sha256_update(&h, "", 0);
	sha256_update(&h, "a", 1);
	sha256_update(&h, NULL, 0);
	sha256_update(&h, "bc", 2);
	sha256_update(&h, "", 0);
	sha256_final(&h, d);
	hex_of(d, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void test_reinit_after_final(void **state)
{
	struct sha256 h;
	uint8_t d[32];
	char hex[65];

	(void)state;
	sha256_init(&h);
	sha256_update(&h, "something else entirely", 23);
	sha256_final(&h, d);
	sha256_init(&h);
	sha256_update(&h, "abc", 3);
	sha256_final(&h, d);
	hex_of(d, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_abc),
		cmocka_unit_test(test_448_bits),
		cmocka_unit_test(test_896_bits),
		cmocka_unit_test(test_million_a),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_boundary_one_update),
		cmocka_unit_test(test_boundary_chunked),
		cmocka_unit_test(test_zero_length_updates),
		cmocka_unit_test(test_reinit_after_final),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
