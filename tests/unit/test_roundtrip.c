/* Saving is deterministic and load -> save of a canonical file gives the
 * same bytes, the built-in catalog first of all. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"
#include "kijun/catalog_io.h"

static char *write_to_string(const struct catalog *c, size_t *len)
{
	struct strbuf out;

	strbuf_init(&out);
	assert_true(catalog_write(c, &out));
	return strbuf_detach(&out, len);
}

static void test_builtin_is_canonical(void **state)
{
	struct catalog c;
	struct diag_list d;
	size_t len, builtin_len;
	const char *builtin = catalog_builtin_text(&builtin_len);
	char *again;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&c, &d));
	again = write_to_string(&c, &len);
	assert_int_equal(len, builtin_len);
	assert_memory_equal(again, builtin, len);
	free(again);
	catalog_free(&c);
	diag_list_free(&d);
}

static void test_save_is_deterministic(void **state)
{
	struct catalog a, b;
	struct diag_list d;
	size_t la, lb;
	char *sa, *sb;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&a, &d));
	sa = write_to_string(&a, &la);
	/* Load what was written, write again: same bytes. */
	assert_true(catalog_read(&b, "again", sa, la, &d));
	sb = write_to_string(&b, &lb);
	assert_int_equal(la, lb);
	assert_memory_equal(sa, sb, la);
	free(sa);
	free(sb);
	catalog_free(&a);
	catalog_free(&b);
	diag_list_free(&d);
}

/* Hand-written input in a loose style comes back in canonical form, and
 * that form is stable. */
static void test_loose_input_normalizes(void **state)
{
	static const char loose[] =
		"items:\n"
		"  - kind: part\n"
		"    id: P\n"
		"    title: \"部\"\n"
		"    text: |\n"
		"      一行目\n"
		"      二行目\n"
		"    items:\n"
		"      - {id: '5.1', kind: control, title: 5.1, references: [x-1]}\n"
		"edition: 2026-01-01\n"
		"title: yes\n"
		"id: c\n"
		"format: kijun-catalog/1\n";
	static const char canonical[] =
		"format: kijun-catalog/1\n"
		"id: c\n"
		"title: 'yes'\n"
		"edition: '2026-01-01'\n"
		"items:\n"
		"- id: P\n"
		"  kind: part\n"
		"  title: 部\n"
		"  text: |\n"
		"    一行目\n"
		"    二行目\n"
		"  items:\n"
		"  - id: '5.1'\n"
		"    kind: control\n"
		"    title: '5.1'\n"
		"    references:\n"
		"    - x-1\n";
	struct catalog c, c2;
	struct diag_list d;
	size_t len, len2;
	char *out, *out2;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_read(&c, "loose", loose, strlen(loose), &d));
	out = write_to_string(&c, &len);
	assert_string_equal(out, canonical);
	assert_true(catalog_read(&c2, "canonical", out, len, &d));
	out2 = write_to_string(&c2, &len2);
	assert_string_equal(out2, canonical);
	free(out);
	free(out2);
	catalog_free(&c);
	catalog_free(&c2);
	diag_list_free(&d);
}

/* Text that YAML would misread if written plain survives a round trip. */
static void test_tricky_text_survives(void **state)
{
	static const char *const texts[] = {
		"- starts like a list", "key: value inside", "# not a comment",
		"trailing space ", " leading space", "true", "null", "0x1F", "1e5",
		"@at", "`tick`", "a\tb", "line\n  indented\n", "ends\n\n", "\xe2\x80\xae",
		"\x1b[2J", "'quotes' \"both\"", "…全角：コロン", "",
	};
	struct catalog c, c2;
	struct diag_list d;

	(void)state;
	diag_list_init(&d);
	for (size_t k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		size_t len;
		char *out;
		uint32_t i, j;

		assert_true(catalog_init(&c));
		c.id = "c";
		c.title = "t";
		c.edition = "e";
		i = catalog_append(&c, ITEM_ROOT_INDEX, ITEM_PART);
		c.items[i].id = "P";
		c.items[i].title = texts[k];
		c.items[i].text = texts[k][0] ? texts[k] : NULL;
		out = write_to_string(&c, &len);
		if (!catalog_read(&c2, "rt", out, len, &d))
			fail_msg("text %zu did not load back:\n%s", k, out);
		j = catalog_find(&c2, "P");
		assert_int_not_equal(j, ITEM_NONE);
		assert_string_equal(c2.items[j].title, texts[k]);
		if (texts[k][0])
			assert_string_equal(c2.items[j].text, texts[k]);
		free(out);
		catalog_free(&c);
		catalog_free(&c2);
	}
	diag_list_free(&d);
}

static void test_save_file_roundtrip(void **state)
{
	char dir[] = "/tmp/kijun-rt-XXXXXX", path[256];
	struct catalog c, c2;
	struct diag_list d;
	size_t len, blen;
	const char *builtin = catalog_builtin_text(&blen);
	FILE *f;
	char *back;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/cat.yaml", dir);
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&c, &d));
	assert_true(catalog_save_file(&c, path, &d));
	assert_true(catalog_load_file(&c2, path, &d));
	assert_int_equal(catalog_size(&c2), catalog_size(&c));
	f = fopen(path, "rb");
	assert_non_null(f);
	back = malloc(blen + 1);
	len = fread(back, 1, blen + 1, f);
	fclose(f);
	assert_int_equal(len, blen);
	assert_memory_equal(back, builtin, blen);
	free(back);
	catalog_free(&c);
	catalog_free(&c2);
	diag_list_free(&d);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_is_canonical),
		cmocka_unit_test(test_save_is_deterministic),
		cmocka_unit_test(test_loose_input_normalizes),
		cmocka_unit_test(test_tricky_text_survives),
		cmocka_unit_test(test_save_file_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
