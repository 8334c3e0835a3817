/* The streamed paths of issue 11: catalog_load_file reads a file without
 * holding it whole (and again whole when it has problems), catalog format
 * writes as it goes, catalog_hash hashes as it writes.  Each must give
 * what the whole-buffer path gives. */
#include "test_util.h"

#include <stdio.h>
#include <unistd.h>

#include "kijun/catalog_io.h"
#include "kijun/sha256.h"

static char path[256];

static void put_file(const char *text, size_t len)
{
	test_put_file(path, sizeof(path), "stream", text, len);
}

/* The diagnostics of a file, loaded from disk and read from a buffer,
 * each as "line:column: message" lines. */
static void diags_text(const struct diag_list *d, char *out, size_t size)
{
	size_t n = 0;

	out[0] = '\0';
	for (size_t i = 0; i < d->count && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%u:%u: %s\n", d->items[i].line,
				      d->items[i].column, d->items[i].message);
}

static void load_both_ways(const char *text, size_t len, bool want_ok)
{
	struct catalog from_file, from_buf;
	struct diag_list df, db;
	char tf[4096], tb[4096];
	bool ok_file, ok_buf;

	put_file(text, len);
	diag_list_init(&df);
	diag_list_init(&db);
	ok_file = catalog_load_file(&from_file, path, &df);
	ok_buf = catalog_read(&from_buf, path, text, len, &db);
	assert_int_equal(ok_file, want_ok);
	assert_int_equal(ok_buf, want_ok);
	diags_text(&df, tf, sizeof(tf));
	diags_text(&db, tb, sizeof(tb));
	assert_string_equal(tf, tb);
	if (want_ok) {
		assert_int_equal(catalog_size(&from_file), catalog_size(&from_buf));
		assert_string_equal(catalog_item(&from_file, catalog_last(&from_file))->id,
				    catalog_item(&from_buf, catalog_last(&from_buf))->id);
		catalog_free(&from_file);
		catalog_free(&from_buf);
	} else {
		assert_true(df.count > 0);
	}
	diag_list_free(&df);
	diag_list_free(&db);
	unlink(path);
}

static void test_builtin_streamed_equals_buffer(void **state)
{
	size_t len;
	const char *text = catalog_builtin_text(&len);

	(void)state;
	load_both_ways(text, len, true);
}

static const char head[] =
	"format: kijun-catalog/1\nid: x\ntitle: t\nedition: e\nitems:\n";

static void test_problems_are_reported_as_from_a_buffer(void **state)
{
	static const char *const bodies[] = {
		/* schema problems: unknown key, duplicate id, a NUL */
		"- id: a\n  kind: part\n  foo: 1\n- id: a\n  kind: control\n  title: \"x\\0y\"\n",
		/* a syntax error */
		"- id: a\n  kind: part\n  title: p\n  items: [\n",
		/* invalid UTF-8 after a syntax error: reported alone */
		"- id: [a\n  kind: part\n  title: \xff\n",
		/* a control character */
		"- id: a\n  kind: part\n  title: t\x01\n",
		/* cut short inside a quoted value */
		"- id: a\n  kind: part\n  title: 'never closed\n",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		char text[512];
		int n = snprintf(text, sizeof(text), "%s%s", head, bodies[i]);

		load_both_ways(text, (size_t)n, false);
	}
}

static void test_format_to_a_file_and_hash_match_the_buffer(void **state)
{
	struct catalog c;
	struct diag_list d;
	struct strbuf b;
	char hash[72], want[72], *got;
	size_t len;
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&c, &d));
	strbuf_init(&b);
	assert_true(catalog_write(&c, &b));
	assert_true(catalog_write_file(&c, f));
	len = (size_t)ftell(f);
	assert_int_equal(len, b.len);
	got = malloc(len);
	assert_non_null(got);
	rewind(f);
	assert_int_equal(fread(got, 1, len, f), len);
	assert_memory_equal(got, b.data, len);
	/* the built-in catalog is canonical: the hash of its text */
	assert_true(catalog_hash(&c, hash));
	sha256_tag(b.data, b.len, want);
	assert_string_equal(hash, want);
	free(got);
	fclose(f);
	strbuf_free(&b);
	catalog_free(&c);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_streamed_equals_buffer),
		cmocka_unit_test(test_problems_are_reported_as_from_a_buffer),
		cmocka_unit_test(test_format_to_a_file_and_hash_match_the_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
