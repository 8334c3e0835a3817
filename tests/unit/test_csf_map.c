/* Unit tests for include/kijun/csf_map.h and the query term csf: on the
 * built-in catalog; each control's functions are checked against what
 * ../shared/data/iso27002-2022-controls.tsv gives for its number. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kijun/catalog_io.h"
#include "kijun/csf_map.h"
#include "kijun/query.h"

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

static uint32_t control_numbered(const char *number)
{
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
		const struct item *x = catalog_item(&cat, i);
		const char *dash = strchr(x->id, '-');

		if (x->kind == ITEM_CONTROL && dash && !strcmp(dash + 1, number))
			return i;
	}
	return ITEM_NONE;
}

static void test_parse_and_ids(void **state)
{
	(void)state;
	assert_int_equal(csf_function_parse("PR"), CSF_PR);
	assert_int_equal(csf_function_parse("pr"), CSF_PR);
	assert_int_equal(csf_function_parse("Protect"), CSF_PR);
	assert_int_equal(csf_function_parse("防御"), CSF_PR);
	assert_int_equal(csf_function_parse("ガバナンス"), CSF_GV);
	assert_int_equal(csf_function_parse("統治"), CSF_GV);
	assert_int_equal(csf_function_parse("復旧"), CSF_RC);
	assert_int_equal(csf_function_parse("XX"), -1);
	assert_int_equal(csf_function_parse(""), -1);
	assert_string_equal(csf_function_id(CSF_DE), "DE");
	assert_string_equal(csf_function_id(CSF_FUNCTION_COUNT), "");
}

/* Every control whose concepts say 識別 has ID, and so on for each
 * function; the ones without the attribute have none of it. */
static void test_concepts_give_functions(void **state)
{
	unsigned seen[CSF_FUNCTION_COUNT] = { 0 };

	(void)state;
	for (int f = 0; f < CSF_FUNCTION_COUNT; f++) {
		int t, v;

		assert_true(csf_function_attr(&cat, (enum csf_function)f, &t, &v));
		assert_string_equal(cat.types[t].id, f == CSF_GV ? "capabilities" : "concepts");
		for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
			const struct item *it = catalog_item(&cat, i);
			bool has = false;

			for (uint32_t k = 0; k < it->attr_count; k++)
				has |= it->attrs[k].type == t && it->attrs[k].value == v;
			assert_int_equal(has, (csf_functions(&cat, i) >> f) & 1);
			seen[f] += has;
		}
		assert_true(seen[f] > 0);
	}
}

static void test_functions_equal_shared_table(void **state)
{
	static const char *const names[] = {
		"Governance", "Identify", "Protect", "Detect", "Respond", "Recover",
	};
	char path[512], line[4096];
	const char *dir = getenv("KIJUN_SHARED_DATA");
	FILE *f;
	unsigned rows = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/iso27002-2022-controls.tsv",
		 dir && *dir ? dir : SHARED_DATA_DEFAULT);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot read %s", path);
	assert_non_null(fgets(line, sizeof(line), f));
	while (fgets(line, sizeof(line), f)) {
		char *col[9], *p = line;
		unsigned want = 0;
		uint32_t i;
		int n = 0;

		line[strcspn(line, "\r\n")] = '\0';
		while (n < 9 && p) {
			col[n++] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		assert_int_equal(n, 9);
		/* concepts (col 6) give ID..RC; capabilities (col 7) Governance GV. */
		for (int fn = 0; fn < CSF_FUNCTION_COUNT; fn++) {
			const char *list = col[fn == CSF_GV ? 7 : 6];
			size_t len = strlen(names[fn]);

			for (const char *s = strstr(list, names[fn]); s; s = strstr(s + 1, names[fn]))
				if ((s == list || s[-1] == ',') && (!s[len] || s[len] == ','))
					want |= 1u << fn;
		}
		i = control_numbered(col[0]);
		if (i == ITEM_NONE)
			fail_msg("control %s is missing", col[0]);
		if (csf_functions(&cat, i) != want)
			fail_msg("%s: functions %#x, the table gives %#x", col[0],
				 csf_functions(&cat, i), want);
		rows++;
	}
	fclose(f);
	assert_int_equal(rows, 93);
	/* A few by hand: policies GV ID, segregation GV PR, monitoring DE RS. */
	assert_int_equal(csf_functions(&cat, control_numbered("5.1")), (1u << CSF_GV) | (1u << CSF_ID));
	assert_int_equal(csf_functions(&cat, control_numbered("5.3")), (1u << CSF_GV) | (1u << CSF_PR));
	assert_int_equal(csf_functions(&cat, control_numbered("8.16")), (1u << CSF_DE) | (1u << CSF_RS));
}

static unsigned count(const char *text)
{
	struct query_error e;
	struct query *q = query_compile(text, &cat, &e);
	unsigned n = 0;

	if (!q)
		fail_msg("%s: code %d at %u", text, e.code, e.column);
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i))
		n += query_match(q, &cat, i, NULL);
	query_free(q);
	return n;
}

static void test_query_term(void **state)
{
	struct query_error e;

	(void)state;
	assert_true(count("csf:PR") > 0);
	assert_int_equal(count("csf:PR"), count("concepts:Protect"));
	assert_int_equal(count("csf:防御"), count("csf:pr"));
	assert_int_equal(count("csf:GV"), count("capabilities:Governance"));
	assert_int_equal(count("csf:ID and csf:GV"), count("#識別 and #ガバナンス"));
	assert_null(query_compile("csf:XX", &cat, &e));
	assert_int_equal(e.code, QUERY_UNKNOWN_VALUE);
	assert_int_equal(e.column, 5);
	assert_string_equal(e.word, "XX");
	assert_null(query_compile("kind:control and csf:", &cat, &e));
	assert_int_equal(e.code, QUERY_EMPTY_VALUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_and_ids),
		cmocka_unit_test(test_concepts_give_functions),
		cmocka_unit_test(test_functions_equal_shared_table),
		cmocka_unit_test(test_query_term),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
