/* The CSV reader: encodings, quoting, line breaks, and malformed input
 * reported at its line and column (in characters) without crashing. */
#include <stdio.h>
#include <string.h>

#include "test_util.h"
#include "kijun/csv.h"

static bool read_ok(struct csv_table *t, const char *s, size_t len, char sep,
		    enum csv_encoding e)
{
	struct diag_list d;
	bool ok;

	diag_list_init(&d);
	ok = csv_read(t, "t.csv", s, len, sep, e, &d);
	for (size_t k = 0; k < d.count; k++)
		fprintf(stderr, "%u:%u: %s\n", d.items[k].line, d.items[k].column,
			d.items[k].message);
	assert_int_equal(d.count, ok ? 0 : d.count);
	diag_list_free(&d);
	return ok;
}

/* The one problem reading s gives, as "line:column". */
static void assert_problem(const char *s, size_t len, enum csv_encoding e, const char *where)
{
	struct csv_table t;
	struct diag_list d;
	char at[32];

	diag_list_init(&d);
	assert_false(csv_read(&t, "t.csv", s, len, ',', e, &d));
	assert_int_equal(d.count, 1);
	snprintf(at, sizeof(at), "%u:%u", d.items[0].line, d.items[0].column);
	assert_string_equal(at, where);
	assert_int_equal(t.count, 0);
	diag_list_free(&d);
	csv_free(&t);
}

static void test_plain_and_bom(void **state)
{
	static const char with_bom[] = "\xEF\xBB\xBFid,title\n5.1,方針\n";
	struct csv_table t;

	(void)state;
	assert_true(read_ok(&t, with_bom, sizeof(with_bom) - 1, ',', CSV_ENCODING_AUTO));
	assert_int_equal(t.count, 2);
	assert_string_equal(t.rows[0].cells[0].text, "id");  /* no BOM left */
	assert_string_equal(t.rows[1].cells[1].text, "方針");
	assert_int_equal(t.rows[1].cells[1].column, 5);
	assert_int_equal(t.encoding, CSV_ENCODING_UTF8);
	csv_free(&t);
}

static void test_crlf_quotes_multiline(void **state)
{
	static const char s[] =
		"id,text\r\n"
		"a,\"one, \"\"two\"\"\r\nthree\"\r\n"
		"\r\n"
		"b,,\r\n"
		"c";
	struct csv_table t;

	(void)state;
	assert_true(read_ok(&t, s, sizeof(s) - 1, ',', CSV_ENCODING_AUTO));
	assert_int_equal(t.count, 4);
	assert_string_equal(t.rows[1].cells[1].text, "one, \"two\"\nthree");
	assert_int_equal(t.rows[1].line, 2);
	/* The blank line is skipped; records count lines of the file. */
	assert_int_equal(t.rows[2].line, 5);
	assert_int_equal(t.rows[2].count, 3);
	assert_string_equal(t.rows[2].cells[2].text, "");
	assert_int_equal(t.rows[2].cells[2].column, 4);
	assert_int_equal(t.rows[3].count, 1);
	assert_string_equal(t.rows[3].cells[0].text, "c");
	csv_free(&t);
}

static void test_tsv(void **state)
{
	static const char s[] = "id\ttext\n5.1\t\"a\tb\"\tc\n";
	struct csv_table t;

	(void)state;
	assert_true(read_ok(&t, s, sizeof(s) - 1, '\t', CSV_ENCODING_AUTO));
	assert_int_equal(t.rows[1].count, 3);
	assert_string_equal(t.rows[1].cells[1].text, "a\tb");
	csv_free(&t);
}

static void test_cp932(void **state)
{
	/* 方針,管理 in CP932; 0x5C as a second byte (表 = 0x95 0x5C). */
	static const char s[] = "id,title\r\n5.1,\x95\xfb\x90\x6a\r\n5.2,\x95\x5c\r\n";
	struct csv_table t;

	(void)state;
	assert_true(read_ok(&t, s, sizeof(s) - 1, ',', CSV_ENCODING_AUTO));
	assert_int_equal(t.encoding, CSV_ENCODING_CP932);
	assert_string_equal(t.rows[1].cells[1].text, "方針");
	assert_string_equal(t.rows[2].cells[1].text, "表");
	csv_free(&t);
	/* Forced: the same bytes read the same way. */
	assert_true(read_ok(&t, s, sizeof(s) - 1, ',', CSV_ENCODING_CP932));
	assert_string_equal(t.rows[1].cells[1].text, "方針");
	csv_free(&t);
}

static void test_malformed(void **state)
{
	(void)state;
	/* The quote opened at line 2, column 3 never closes. */
	assert_problem("id,t\na,\"open\nmore\n", 18, CSV_ENCODING_AUTO, "2:3");
	/* Text after a closing quote: the place of the stray text, in characters. */
	assert_problem("id,t\n方針,\"x\"y\n", strlen("id,t\n方針,\"x\"y\n"),
		       CSV_ENCODING_AUTO, "2:7");
	/* Bytes that are neither UTF-8 nor CP932 (0x80 is not a CP932 lead byte
	 * after a complete one), found at line 2 column 3. */
	assert_problem("id,t\nab\xff\xff\n", 10, CSV_ENCODING_AUTO, "2:3");
	/* Forced UTF-8 on Shift_JIS bytes. */
	assert_problem("id,t\nab,\x95\xfb\n", 11, CSV_ENCODING_UTF8, "2:4");
	/* A NUL byte. */
	assert_problem("id,t\na\0b\n", 9, CSV_ENCODING_AUTO, "2:2");
}

static void test_encoding_names(void **state)
{
	enum csv_encoding e;

	(void)state;
	assert_int_equal(csv_encoding_parse("Shift_JIS", &e), 0);
	assert_int_equal(e, CSV_ENCODING_CP932);
	assert_int_equal(csv_encoding_parse("UTF-8", &e), 0);
	assert_int_equal(e, CSV_ENCODING_UTF8);
	assert_int_equal(csv_encoding_parse("latin1", &e), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_bom),
		cmocka_unit_test(test_crlf_quotes_multiline),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_cp932),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_encoding_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
