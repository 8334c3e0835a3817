/* The writers behind the exports and --format: JSON escapes and
 * structure, CSV cells as Excel reads them, HTML escapes, OSCAL UUIDs. */
#include <stdio.h>

#include "test_util.h"
#include "kijun/doc_text.h"
#include "kijun/export.h"
#include "kijun/json_write.h"

static char *json_of(void (*build)(struct json *), bool pretty)
{
	struct strbuf b;
	struct json j;

	strbuf_init(&b);
	json_init(&j, &b, pretty);
	build(&j);
	return strbuf_detach(&b, NULL);
}

static void build_nested(struct json *j)
{
	json_object_begin(j);
	json_member_string(j, "a", "x", false);
	json_key(j, "list");
	json_array_begin(j);
	json_uint(j, 1);
	json_bool(j, true);
	json_null(j);
	json_array_begin(j);
	json_array_end(j);
	json_array_end(j);
	json_member_string(j, "skipped", "", true);
	json_key(j, "empty");
	json_object_begin(j);
	json_object_end(j);
	json_object_end(j);
}

static void test_json_structure(void **state)
{
	char *s = json_of(build_nested, false);

	(void)state;
	assert_string_equal(s, "{\"a\":\"x\",\"list\":[1,true,null,[]],\"empty\":{}}");
	free(s);
	s = json_of(build_nested, true);
	assert_string_equal(s, "{\n  \"a\": \"x\",\n  \"list\": [\n    1,\n    true,\n    null,\n    []\n  ],\n  \"empty\": {}\n}\n");
	free(s);
}

static void test_json_escapes(void **state)
{
	static const char in[] = "\"\\\n\t\r\x1b[31m\x7f\xc2\x85\xe2\x80\xae\xe2\x80\xa8\xff管理";
	struct strbuf b;

	(void)state;
	strbuf_init(&b);
	/* Quotes, backslash, line breaks, ESC, DEL, a C1 control, a bidi
	 * override, U+2028, invalid UTF-8, and Japanese kept as it is. */
	json_escape(&b, in, sizeof(in) - 1);
	assert_string_equal(b.data, "\\\"\\\\\\n\\t\\r\\u001B[31m\\u007F\\u0085\\u202E\\u2028\xEF\xBF\xBD管理");
	strbuf_free(&b);
}

static void test_csv_cells(void **state)
{
	struct strbuf b;

	(void)state;
	strbuf_init(&b);
	csv_cell(&b, "plain");
	strbuf_addc(&b, '|');
	csv_cell(&b, "a,b");
	strbuf_addc(&b, '|');
	csv_cell(&b, "say \"hi\"");
	strbuf_addc(&b, '|');
	csv_cell(&b, "two\r\nlines");
	strbuf_addc(&b, '|');
	csv_cell(&b, "=HYPERLINK(\"x\")");
	strbuf_addc(&b, '|');
	csv_cell(&b, "-1");
	strbuf_addc(&b, '|');
	csv_cell(&b, "@SUM");
	strbuf_addc(&b, '|');
	csv_cell(&b, "esc\x1b");
	strbuf_addc(&b, '|');
	csv_cell(&b, NULL);
	assert_string_equal(b.data, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|"
			    "\"'=HYPERLINK(\"\"x\"\")\"|'-1|'@SUM|esc^[|");
	strbuf_free(&b);
}

static void test_html_escape(void **state)
{
	struct strbuf b;

	(void)state;
	strbuf_init(&b);
	html_escape(&b, "<script>alert('x') & \"y\"</script>\x1b");
	assert_string_equal(b.data, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;^[");
	strbuf_free(&b);
}

/* One Markdown escaper for exports and reports: markup characters are
 * escaped, and a line break is kept as the place needs it. */
static void test_markdown(void **state)
{
	static const struct { enum doc_md mode; const char *want; } cases[] = {
		{ DOC_MD_PARA, "a\\*b\\|c  \nd\\<e\\>" },
		{ DOC_MD_CELL, "a\\*b\\|c<br>d\\<e\\>" },
		{ DOC_MD_LINE, "a\\*b\\|c d\\<e\\>" },
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct strbuf b;

		strbuf_init(&b);
		doc_text_md(&b, "a*b|c\nd<e>", cases[k].mode);
		assert_string_equal(b.data, cases[k].want);
		strbuf_free(&b);
	}
}

static void test_uuid(void **state)
{
	char a[37], b[37], c[37];

	(void)state;
	export_uuid(a, "t", "catalog");
	export_uuid(b, "t", "catalog");
	export_uuid(c, "t", "profile");
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_int_equal(strlen(a), 36);
	assert_int_equal(a[14], '5');
	assert_non_null(strchr("89ab", a[19]));
	assert_int_equal(a[8], '-');
	assert_int_equal(a[23], '-');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_structure),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_csv_cells),
		cmocka_unit_test(test_html_escape),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_uuid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
