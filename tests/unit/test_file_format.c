/* file_format_of_file: what kind of kijun file a path holds, read from its
 * first 64 KB when the format key is there, else from the whole file; the
 * answer must be the whole file's in every case. */
#include "test_util.h"

#include "kijun/diag.h"
#include "kijun/file_format.h"

static char path[256];

static enum file_format of_text(const char *text, size_t len)
{
	struct diag_list d;
	enum file_format f;

	test_put_file(path, sizeof(path), "format", text, len);
	diag_list_init(&d);
	f = file_format_of_file(path, &d);
	assert_int_equal(d.count, 0);
	diag_list_free(&d);
	unlink(path);
	assert_int_equal(f, file_format_of(text, len));
	return f;
}

/* A text of n bytes: `before`, then Japanese (three bytes a character, so
 * that 64 KB falls inside one), then `after`. */
static char *padded(const char *before, size_t n, const char *after)
{
	char *t = malloc(n + strlen(before) + strlen(after) + 16);
	size_t len = strlen(before);

	assert_non_null(t);
	strcpy(t, before);
	while (len + 3 < n) {
		memcpy(t + len, "\xe6\x9c\xac", 3);  /* 本 */
		len += 3;
	}
	strcpy(t + len, after);
	return t;
}

static void test_format_first(void **state)
{
	static const char cat[] = "format: kijun-catalog/1\nid: x\ntitle: t\n";
	static const char tai[] = "format: kijun-tailoring/1\nid: t\n";
	static const char ev[] = "format: kijun-evaluation/1\n";
	char *big = padded("format: kijun-tailoring/1\nnotice: ", 200000, "\n");

	(void)state;
	assert_int_equal(of_text(cat, strlen(cat)), FORMAT_CATALOG);
	assert_int_equal(of_text(tai, strlen(tai)), FORMAT_TAILORING);
	assert_int_equal(of_text(ev, strlen(ev)), FORMAT_EVALUATION);
	/* A large file with a character across the 64 KB mark. */
	assert_int_equal(of_text(big, strlen(big)), FORMAT_TAILORING);
	free(big);
}

/* The format key past the first 64 KB, or a first line longer than
 * that: the whole file tells. */
static void test_format_late(void **state)
{
	char *late = padded("id: x\nnotice: ", 100000, "\nformat: kijun-evaluation/1\n");
	char *one_line = padded("notice: ", 100000, "");
	char *none = padded("id: x\nnotice: ", 100000, "\n");

	(void)state;
	assert_int_equal(of_text(late, strlen(late)), FORMAT_EVALUATION);
	assert_int_equal(of_text(one_line, strlen(one_line)), FORMAT_UNKNOWN);
	assert_int_equal(of_text(none, strlen(none)), FORMAT_UNKNOWN);
	free(late);
	free(one_line);
	free(none);
}

/* What cannot be read says why, as reading it whole does. */
static void test_format_unreadable(void **state)
{
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	assert_int_equal(file_format_of_file("/nonexistent/kijun.yaml", &d), FORMAT_UNKNOWN);
	assert_true(d.count > 0);
	diag_list_free(&d);
	diag_list_init(&d);
	assert_int_equal(file_format_of_file("/", &d), FORMAT_UNKNOWN);
	assert_true(d.count > 0);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_first),
		cmocka_unit_test(test_format_late),
		cmocka_unit_test(test_format_unreadable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
