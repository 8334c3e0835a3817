/* Unit tests for src/tui/status_text.h: the status bar keeps [+], the view
 * and the row count, and shortens the path from the left, in cells. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/text.h"
#include "../../src/tui/status_text.h"

#define LONG_PATH "/tmp/a-very-long-directory/another-long-directory/my-tailoring.yaml"

static int setup(void **state)
{
	(void)state;
	if (!test_utf8_locale()) {
		fprintf(stderr, "test_status_text: no UTF-8 LC_CTYPE could be set\n");
		return -1;
	}
	return 0;
}

static void test_short_path_unchanged(void **state)
{
	char out[128];

	(void)state;
	status_fit_path("a/b.yaml", 20, out, sizeof(out));
	assert_string_equal(out, "a/b.yaml");
	status_fit_path("a/b.yaml", 8, out, sizeof(out));
	assert_string_equal(out, "a/b.yaml");
}

static void test_whole_directories_go_first(void **state)
{
	char out[128];

	(void)state;
	/* The path is 67 cells, ".../another-long-directory/my-tailoring.yaml" 44. */
	status_fit_path(LONG_PATH, 67, out, sizeof(out));
	assert_string_equal(out, LONG_PATH);
	status_fit_path(LONG_PATH, 66, out, sizeof(out));
	assert_string_equal(out, ".../a-very-long-directory/another-long-directory/my-tailoring.yaml");
	status_fit_path(LONG_PATH, 44, out, sizeof(out));
	assert_string_equal(out, ".../another-long-directory/my-tailoring.yaml");
	status_fit_path(LONG_PATH, 43, out, sizeof(out));
	assert_string_equal(out, ".../my-tailoring.yaml");
	/* The marker is ASCII: never U+2026, whose width depends on the terminal. */
	assert_null(strstr(out, "\xE2\x80\xA6"));
}

static void test_file_name_cut_from_the_left(void **state)
{
	char out[128];

	(void)state;
	status_fit_path(LONG_PATH, 10, out, sizeof(out));
	assert_string_equal(out, "...ng.yaml");
	status_fit_path(LONG_PATH, 3, out, sizeof(out));
	assert_string_equal(out, "...");
	status_fit_path(LONG_PATH, 2, out, sizeof(out));
	assert_string_equal(out, "..");
	status_fit_path(LONG_PATH, 0, out, sizeof(out));
	assert_string_equal(out, "");
}

static void test_japanese_measured_in_cells(void **state)
{
	char out[128];

	(void)state;
	/* 個別管理基準.yaml: 6 wide characters and 5 ASCII = 17 cells. */
	status_fit_path("/home/監査/個別管理基準.yaml", 21, out, sizeof(out));
	assert_string_equal(out, ".../個別管理基準.yaml");
	assert_int_equal(text_width(out), 21);
	status_fit_path("/home/監査/個別管理基準.yaml", 12, out, sizeof(out));
	assert_string_equal(out, "...基準.yaml");
	/* 11 cells: 基 would straddle the edge, so it stays out whole. */
	status_fit_path("/home/監査/個別管理基準.yaml", 11, out, sizeof(out));
	assert_string_equal(out, "...準.yaml");
	assert_int_equal(text_width(out), 10);
}

static void test_bar_keeps_modified_view_and_count(void **state)
{
	struct status_fields f = { "閲覧", LONG_PATH, true, true, "個別管理基準", 3, 23, false, NULL, 0 };
	char out[512];
	int used;

	(void)state;
	used = status_format(&f, 60, out, sizeof(out));
	assert_int_equal(used, 55);
	assert_int_equal(used, text_width(out));
	assert_string_equal(out, " 閲覧 | .../my-tailoring.yaml [+] | 個別管理基準 | 3/23");
	/* At the smallest screen the name gives way, never the rest. */
	assert_int_equal(status_format(&f, 40, out, sizeof(out)), 40);
	assert_string_equal(out, " 閲覧 | ...aml [+] | 個別管理基準 | 3/23");
	used = status_format(&f, 200, out, sizeof(out));
	assert_string_equal(out, " 閲覧 | " LONG_PATH " [+] | 個別管理基準 | 3/23");
	f.modified = false;
	status_format(&f, 80, out, sizeof(out));
	assert_string_equal(out, " 閲覧 | .../another-long-directory/my-tailoring.yaml | 個別管理基準 | 3/23");
	/* Read-only (another kijun holds the file): said where [+] would be. */
	f.read_only = true;
	status_format(&f, 40, out, sizeof(out));
	assert_string_equal(out, " 閲覧 | ...ml [RO] | 個別管理基準 | 3/23");
}

static void test_bar_browsing(void **state)
{
	struct status_fields f = { "BROWSE", LONG_PATH, false, false, "", 1, 1329, false, NULL, 0 };
	char out[512];

	(void)state;
	assert_int_equal(status_format(&f, 40, out, sizeof(out)), 40);
	assert_string_equal(out, " BROWSE | .../my-tailoring.yaml | 1/1329");
}

/* The filter (f) shows with its count; a long query is cut, never the rows. */
static void test_bar_filter(void **state)
{
	struct status_fields f = { "BROWSE", "t.yaml", false, false, "", 2, 8, false, "概念:識別", 5 };
	char out[512];
	int used;

	(void)state;
	status_format(&f, 80, out, sizeof(out));
	assert_string_equal(out, " BROWSE | t.yaml | f:概念:識別 (5) | 2/8");
	f.filter = "概念:識別 運用機能:ガバナンス or 概念:防御";
	used = status_format(&f, 70, out, sizeof(out));
	assert_int_equal(used, text_width(out));
	assert_string_equal(out, " BROWSE | t.yaml | f:概念:識別 運用機能:ガ... (5) | 2/8");
	/* Narrow, the name gives way first. */
	assert_int_equal(status_format(&f, 50, out, sizeof(out)), 50);
	assert_string_equal(out, " BROWSE | . | f:概念:識別 運用機能:ガ... (5) | 2/8");
	f.editing = true;
	f.view = "個別管理基準";
	f.filter = "id:5a-*";
	status_format(&f, 80, out, sizeof(out));
	assert_string_equal(out, " BROWSE | t.yaml | 個別管理基準 | f:id:5a-* (5) | 2/8");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_short_path_unchanged),
		cmocka_unit_test(test_whole_directories_go_first),
		cmocka_unit_test(test_file_name_cut_from_the_left),
		cmocka_unit_test(test_japanese_measured_in_cells),
		cmocka_unit_test(test_bar_keeps_modified_view_and_count),
		cmocka_unit_test(test_bar_browsing),
		cmocka_unit_test(test_bar_filter),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
