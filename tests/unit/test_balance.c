/* Unit tests for include/kijun/balance.h on the built-in catalog: the
 * counts equal what ../shared/data/iso27002-2022-controls.tsv gives, and
 * leaving out every corrective control brings the warning. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/balance.h"
#include "kijun/catalog_io.h"
#include "kijun/i18n.h"
#include "../../src/tui/balance_page.h"

static struct catalog cat;

static int setup(void **state)
{
	struct diag_list d;
	bool ok;

	(void)state;
	diag_list_init(&d);
	ok = catalog_load_builtin(&cat, &d);
	diag_list_free(&d);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

static uint32_t count_of(const struct balance *b, enum balance_dim d, const char *value)
{
	int t = b->type[d], v;

	assert_true(t >= 0);
	v = attr_type_value_find(&cat.types[t], value);
	assert_true(v >= 0);
	return b->count[d][v];
}

/* The numbers as the shared table has them (counted from its columns). */
static void test_balance_builtin(void **state)
{
	struct balance b;

	(void)state;
	assert_true(balance_build(&b, &cat, NULL));
	assert_int_equal(b.total, 93);
	assert_int_equal(count_of(&b, BALANCE_CONTROL_TYPE, "Preventive"), 83);
	assert_int_equal(count_of(&b, BALANCE_CONTROL_TYPE, "Detective"), 13);
	assert_int_equal(count_of(&b, BALANCE_CONTROL_TYPE, "Corrective"), 14);
	assert_int_equal(count_of(&b, BALANCE_PROPERTIES, "Confidentiality"), 87);
	assert_int_equal(count_of(&b, BALANCE_PROPERTIES, "Integrity"), 84);
	assert_int_equal(count_of(&b, BALANCE_PROPERTIES, "Availability"), 85);
	assert_int_equal(count_of(&b, BALANCE_CONCEPTS, "Identify"), 23);
	assert_int_equal(count_of(&b, BALANCE_CONCEPTS, "Protect"), 71);
	assert_int_equal(count_of(&b, BALANCE_CONCEPTS, "Detect"), 14);
	assert_int_equal(count_of(&b, BALANCE_CONCEPTS, "Respond"), 11);
	assert_int_equal(count_of(&b, BALANCE_CONCEPTS, "Recover"), 6);
	assert_int_equal(count_of(&b, BALANCE_DOMAINS, "Governance_and_Ecosystem"), 27);
	assert_int_equal(count_of(&b, BALANCE_DOMAINS, "Protection"), 69);
	assert_int_equal(count_of(&b, BALANCE_DOMAINS, "Defence"), 22);
	assert_int_equal(count_of(&b, BALANCE_DOMAINS, "Resilience"), 8);
	assert_false(balance_lacks_corrective(&b, &cat));
	/* 5% of 93 is 4.65: 4 is thin, 5 is not; nothing counted is empty. */
	assert_true(balance_is_thin(&b, 0));
	assert_true(balance_is_thin(&b, 4));
	assert_false(balance_is_thin(&b, 5));
	assert_false(balance_is_thin(&b, count_of(&b, BALANCE_CONCEPTS, "Recover")));
	balance_free(&b);
}

/* Leaving out every corrective control: the count drops by 14 and the
 * catalog lacks 是正. */
static void test_balance_no_corrective(void **state)
{
	struct balance b;
	uint8_t *skip = calloc(cat.count, 1);
	int t = catalog_type_find(&cat, "control_type");
	int v = attr_type_value_find(&cat.types[t], "Corrective");

	(void)state;
	assert_non_null(skip);
	for (uint32_t i = 1; i < cat.count; i++)
		for (uint32_t k = 0; k < cat.items[i].attr_count; k++)
			if (cat.items[i].attrs[k].type == t && cat.items[i].attrs[k].value == v)
				skip[i] = 1;
	assert_true(balance_build(&b, &cat, skip));
	assert_int_equal(b.total, 93 - 14);
	assert_int_equal(count_of(&b, BALANCE_CONTROL_TYPE, "Corrective"), 0);
	assert_true(balance_lacks_corrective(&b, &cat));
	balance_free(&b);
	/* Nothing counted: no warning, nothing thin. */
	memset(skip, 1, cat.count);
	assert_true(balance_build(&b, &cat, skip));
	assert_int_equal(b.total, 0);
	assert_false(balance_lacks_corrective(&b, &cat));
	assert_false(balance_is_thin(&b, 0));
	balance_free(&b);
	free(skip);
}

/* The line of a value in a built page, by the value's id. */
static size_t line_of(const struct balance_page *p, const struct balance *b,
		      enum balance_dim d, const char *value)
{
	int v = attr_type_value_find(&cat.types[b->type[d]], value);

	for (size_t k = 0; k < p->count; k++)
		if (p->lines[k].kind == BLINE_COUNT && p->lines[k].dim == d &&
		    p->lines[k].value == (uint32_t)v)
			return k;
	fail_msg("no line for %s", value);
	return 0;
}

/* The page: the warning first when 是正 is missing, the empty cell marked,
 * a line's query picks the same controls, in labels or ids. */
static void test_balance_page(void **state)
{
	struct balance b;
	struct balance_page p;
	uint8_t *skip = calloc(cat.count, 1);
	int t = catalog_type_find(&cat, "control_type");
	int v = attr_type_value_find(&cat.types[t], "Corrective");
	char q[256];
	size_t k;

	(void)state;
	i18n_set_language(LANGUAGE_JA);
	assert_true(balance_build(&b, &cat, NULL));
	assert_true(balance_page_build(&p, &cat, &b, 80));
	for (k = 0; k < p.count; k++)
		assert_int_not_equal(p.lines[k].kind, BLINE_WARNING);
	k = line_of(&p, &b, BALANCE_CONCEPTS, "Recover");
	assert_false(p.lines[k].thin);
	assert_int_equal(p.lines[k].count, 6);
	assert_non_null(strstr(p.lines[k].text, "復旧"));
	assert_non_null(strstr(p.lines[k].text, "   6 "));
	/* Not a count line: no query. */
	assert_false(balance_page_query(&p, &cat, &b, 0, true, q, sizeof(q)));
	balance_page_free(&p);
	balance_free(&b);

	assert_non_null(skip);
	for (uint32_t i = 1; i < cat.count; i++)
		for (uint32_t a = 0; a < cat.items[i].attr_count; a++)
			if (cat.items[i].attrs[a].type == t && cat.items[i].attrs[a].value == v)
				skip[i] = 1;
	assert_true(balance_build(&b, &cat, skip));
	assert_true(balance_page_build(&p, &cat, &b, 80));
	assert_int_equal(p.lines[3].kind, BLINE_WARNING);
	assert_non_null(strstr(p.lines[3].text, "是正"));
	k = line_of(&p, &b, BALANCE_CONTROL_TYPE, "Corrective");
	assert_true(p.lines[k].thin);
	assert_int_equal(p.lines[k].count, 0);
	assert_non_null(strstr(p.lines[k].text, "なし"));
	assert_true(balance_page_query(&p, &cat, &b, k, true, q, sizeof(q)));
	assert_string_equal(q, "control_type:Corrective");
	assert_true(balance_page_query(&p, &cat, &b, k, false, q, sizeof(q)));
	assert_string_equal(q, "管理策タイプ:是正");
	i18n_set_language(LANGUAGE_EN);
	assert_true(balance_page_query(&p, &cat, &b, k, false, q, sizeof(q)));
	assert_string_equal(q, "Control_type:Corrective");
	i18n_set_language(LANGUAGE_JA);
	balance_page_free(&p);
	balance_free(&b);
	free(skip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_balance_builtin),
		cmocka_unit_test(test_balance_no_corrective),
		cmocka_unit_test(test_balance_page),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
