/* The built-in catalog: its 93 controls and their attributes equal the
 * shared fact table, and every id the METI guideline quotes exists where
 * its number places it. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"

static struct catalog cat;

static int setup(void **state)
{
	struct diag_list d;
	bool ok;

	(void)state;
	diag_list_init(&d);
	ok = catalog_load_builtin(&cat, &d);
	for (size_t i = 0; i < d.count; i++)
		fprintf(stderr, "%u:%u: %s\n", d.items[i].line, d.items[i].column,
			d.items[i].message);
	diag_list_free(&d);
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(&cat);
	return 0;
}

static const struct item *must_find(const char *id)
{
	uint32_t i = catalog_find(&cat, id);

	if (i == ITEM_NONE)
		fail_msg("the built-in catalog has no item %s", id);
	return catalog_item(&cat, i);
}

static const char *parent_id(const struct item *it)
{
	return it->parent == ITEM_ROOT_INDEX ? "" : catalog_item(&cat, it->parent)->id;
}

/* The comma-separated values of one attribute type, in stored order. */
static void attr_list(const struct item *it, const char *type, char *out, size_t size)
{
	int t = catalog_type_find(&cat, type);
	size_t n = 0;

	assert_true(t >= 0);
	out[0] = '\0';
	for (uint32_t k = 0; k < it->attr_count; k++) {
		if (it->attrs[k].type != t)
			continue;
		n += (size_t)snprintf(out + n, size - n, "%s%s", n ? "," : "",
				      cat.types[t].values[it->attrs[k].value].id);
	}
}

static void test_three_parts(void **state)
{
	static const char *const parts[][2] = {
		{ "III", "ガバナンス基準" }, { "IV", "マネジメント基準" }, { "V", "管理策基準" },
	};
	uint32_t i = cat.items[ITEM_ROOT_INDEX].first_child;

	(void)state;
	for (size_t k = 0; k < 3; k++, i = cat.items[i].next_sibling) {
		assert_int_not_equal(i, ITEM_NONE);
		assert_string_equal(cat.items[i].id, parts[k][0]);
		assert_string_equal(cat.items[i].title, parts[k][1]);
		assert_int_equal(cat.items[i].kind, ITEM_PART);
	}
	assert_int_equal(i, ITEM_NONE);
}

static void test_metadata_says_summaries(void **state)
{
	(void)state;
	assert_string_equal(cat.title, "情報セキュリティ管理基準");
	assert_string_equal(cat.edition, "令和7年3月改訂版");
	assert_non_null(cat.notice);
	assert_non_null(strstr(cat.notice, "独自にまとめた要約"));
	assert_non_null(strstr(cat.notice, "not the official wording"));
}

static char *shared_path(const char *name)
{
	const char *dir = getenv("KIJUN_SHARED_DATA");
	char *p = malloc(512);

	assert_non_null(p);
	snprintf(p, 512, "%s/%s", dir && *dir ? dir : SHARED_DATA_DEFAULT, name);
	return p;
}

/* Splits a TSV line in place. */
static int split_tabs(char *line, char **fields, int max)
{
	int n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		fields[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

static void test_controls_equal_shared_table(void **state)
{
	static const char *const types[] = {
		"control_type", "properties", "concepts", "capabilities", "domains",
	};
	char *path = shared_path("iso27002-2022-controls.tsv");
	FILE *f = fopen(path, "r");
	char line[4096], got[1024], want_id[64];
	unsigned rows = 0, controls = 0;

	(void)state;
	if (!f)
		fail_msg("cannot read %s (set KIJUN_SHARED_DATA to the shared data folder)", path);
	assert_non_null(fgets(line, sizeof(line), f));  /* header */
	while (fgets(line, sizeof(line), f)) {
		char *col[9];
		const struct item *it = NULL;

		assert_int_equal(split_tabs(line, col, 9), 9);
		/* The control 5.4 is "5a-5.4": find it by its reference. */
		snprintf(want_id, sizeof(want_id), "27002-%s", col[0]);
		for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
			const struct item *x = catalog_item(&cat, i);
			const char *dash = strchr(x->id, '-');

			if (x->kind != ITEM_CONTROL || !dash || strcmp(dash + 1, col[0]) != 0)
				continue;
			assert_null(it);  /* exactly one control per number */
			it = x;
		}
		if (!it)
			fail_msg("control %s is missing", col[0]);
		assert_int_equal(it->ref_count, 1);
		assert_string_equal(it->refs[0], want_id);
		/* The id's theme and the TSV theme agree: 5a-5.4 is in theme 5. */
		assert_int_equal(it->id[0], col[1][0]);
		assert_string_equal(it->title_en, col[2]);
		assert_string_equal(it->title, col[3]);
		for (int t = 0; t < 5; t++) {
			attr_list(it, types[t], got, sizeof(got));
			if (strcmp(got, col[4 + t]) != 0)
				fail_msg("%s %s: got \"%s\", the table says \"%s\"", it->id,
					 types[t], got, col[4 + t]);
		}
		rows++;
	}
	fclose(f);
	free(path);
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i))
		if (cat.items[i].kind == ITEM_CONTROL && cat.items[i].refs &&
		    strncmp(cat.items[i].refs[0], "27002-", 6) == 0)
			controls++;
	assert_int_equal(rows, 93);
	assert_int_equal(controls, 93);
}

static void test_attribute_labels_follow_table1(void **state)
{
	static const char *const labels[][3] = {
		{ "control_type", "管理策タイプ", "Preventive:予防 Detective:検知 Corrective:是正" },
		{ "properties", "情報セキュリティ特性", "Confidentiality:機密性 Integrity:完全性 Availability:可用性" },
		{ "concepts", "サイバーセキュリティ概念", "Identify:識別 Protect:防御 Detect:検知 Respond:対応 Recover:復旧" },
		{ "capabilities", "運用機能", "Governance:ガバナンス Asset_management:資産管理 Information_protection:情報保護 Human_resource_security:人的資源のセキュリティ Physical_security:物理的セキュリティ System_and_network_security:システム及びネットワークのセキュリティ Application_security:アプリケーションセキュリティ Secure_configuration:セキュリティを保った構成 Identity_and_access_management:識別情報及びアクセスの管理 Threat_and_vulnerability_management:脅威及びぜい弱性の管理 Continuity:継続 Supplier_relationships_security:供給者関係のセキュリティ Legal_and_compliance:法令及び順守 Information_security_event_management:情報セキュリティ事象管理 Information_security_assurance:情報セキュリティ保証" },
		{ "domains", "セキュリティドメイン", "Governance_and_Ecosystem:ガバナンス及びエコシステム Protection:保護 Defence:防御 Resilience:レジリエンス" },
	};

	(void)state;
	assert_int_equal(cat.type_count, 5);
	for (int t = 0; t < 5; t++) {
		const struct attr_type *type = &cat.types[t];
		char got[2048];
		size_t n = 0;

		assert_string_equal(type->id, labels[t][0]);
		assert_string_equal(type->label, labels[t][1]);
		assert_non_null(type->label_en);
		for (uint32_t v = 0; v < type->value_count; v++) {
			n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s:%s", v ? " " : "",
					      type->values[v].id, type->values[v].label);
			assert_non_null(type->values[v].label_en);
		}
		assert_string_equal(got, labels[t][2]);
	}
}

static void expect_entries(const char *id, const char *labels)
{
	const struct item *it = must_find(id);
	uint32_t k = it->first_child;
	char want_id[64];

	for (const char *l = labels; *l; l++, k = cat.items[k].next_sibling) {
		char label[8];

		assert_int_not_equal(k, ITEM_NONE);
		snprintf(want_id, sizeof(want_id), "%s/%c", id, *l);
		assert_string_equal(cat.items[k].id, want_id);
		assert_int_equal(cat.items[k].kind, ITEM_ENTRY);
		if (*l >= 'a') {
			snprintf(label, sizeof(label), "%c)", *l);
			assert_string_equal(cat.items[k].label, label);
		} else {
			assert_string_equal(cat.items[k].label, "・");
		}
		assert_non_null(cat.items[k].text);
	}
	assert_int_equal(k, ITEM_NONE);
}

static void test_guideline_ids_exist(void **state)
{
	const struct item *it;

	(void)state;
	it = must_find("4.4.8.1");
	assert_int_equal(it->kind, ITEM_DETAIL);
	assert_string_equal(parent_id(it), "4.4.8");
	assert_string_equal(parent_id(must_find("4.4.8")), "4.4");
	assert_string_equal(parent_id(must_find("4.4")), "IV");
	it = must_find("4.4.8.2");
	assert_string_equal(parent_id(it), "4.4.8");

	it = must_find("4.8.2.2");
	assert_string_equal(parent_id(it), "4.8.2");
	assert_int_equal(it->ref_count, 1);
	assert_string_equal(it->refs[0], "27001-7.5.3");
	expect_entries("4.8.2.2", "123456");

	it = must_find("5a-5.4");
	assert_int_equal(it->kind, ITEM_CONTROL);
	assert_string_equal(it->title, "管理層の責任");
	assert_string_equal(parent_id(it), "5a");
	assert_string_equal(parent_id(must_find("5a")), "5");
	assert_string_equal(parent_id(must_find("5")), "V");

	it = must_find("5b-5.9.2");
	assert_int_equal(it->kind, ITEM_DETAIL);
	assert_string_equal(parent_id(it), "5b-5.9");

	it = must_find("7a-7.2.3");
	assert_string_equal(parent_id(it), "7a-7.2");
	expect_entries("7a-7.2.3", "abcdef");
	it = must_find("7a-7.5.5");
	assert_string_equal(parent_id(it), "7a-7.5");
	expect_entries("7a-7.5.5", "abcd");
	assert_non_null(strstr(must_find("7a-7.5.5/a")->text, "火災"));
	assert_non_null(strstr(must_find("7a-7.5.5/d")->text, "爆発物"));
	/* The new entry of the guideline's example 4 is not in the base. */
	assert_int_equal(catalog_find(&cat, "7a-7.5.5/e"), ITEM_NONE);
	assert_int_equal(catalog_find(&cat, "5b-5.9.2.1"), ITEM_NONE);
}

/* Numbers follow kijun's reading: group ids are the theme plus a letter,
 * control ids the group, a dash and the control number, detailed ids the
 * control id, a dot and a counter, entries the detailed id, a slash and
 * the letter or bullet number. */
static void test_ids_follow_the_reading(void **state)
{
	(void)state;
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
		const struct item *it = catalog_item(&cat, i);
		const char *pid = parent_id(it);
		size_t pl = strlen(pid);

		switch (it->kind) {
		case ITEM_DETAIL:
			assert_true(strncmp(it->id, pid, pl) == 0 && it->id[pl] == '.');
			break;
		case ITEM_ENTRY:
			assert_true(strncmp(it->id, pid, pl) == 0 && it->id[pl] == '/');
			break;
		case ITEM_CONTROL:
			if (strcmp(catalog_item(&cat, cat.items[it->parent].parent)->id, "V") == 0 ||
			    strchr(it->id, '-'))
				assert_true(strncmp(it->id, pid, pl) == 0 && it->id[pl] == '-');
			else
				assert_true(strncmp(it->id, pid, pl) == 0 && it->id[pl] == '.');
			break;
		default:
			break;
		}
		/* Every part, section and control has a title; every detail and
		 * entry a text. */
		if (it->kind <= ITEM_CONTROL)
			assert_non_null(it->title);
		else
			assert_non_null(it->text);
	}
}

static void test_management_references_27001(void **state)
{
	unsigned details = 0;
	uint32_t iv = catalog_find(&cat, "IV");

	(void)state;
	for (uint32_t i = catalog_first(&cat); i != ITEM_NONE; i = catalog_next(&cat, i)) {
		const struct item *it = catalog_item(&cat, i);

		if (it->kind != ITEM_DETAIL || !catalog_is_within(&cat, i, iv))
			continue;
		details++;
		assert_true(it->ref_count >= 1);
		for (uint32_t r = 0; r < it->ref_count; r++)
			assert_true(strncmp(it->refs[r], "27001-", 6) == 0);
	}
	assert_true(details >= 40);
}

static void test_governance_processes(void **state)
{
	static const char *const processes[] = { "評価", "指示", "モニタ", "伝達" };
	uint32_t iii = catalog_find(&cat, "III");

	(void)state;
	for (size_t p = 0; p < 4; p++) {
		bool found = false;

		for (uint32_t s = cat.items[iii].first_child; s != ITEM_NONE; s = cat.items[s].next_sibling)
			if (cat.items[s].kind == ITEM_SECTION && strcmp(cat.items[s].title, processes[p]) == 0 &&
			    cat.items[s].child_count > 0)
				found = true;
		if (!found)
			fail_msg("no governance section for %s", processes[p]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_parts),
		cmocka_unit_test(test_metadata_says_summaries),
		cmocka_unit_test(test_controls_equal_shared_table),
		cmocka_unit_test(test_attribute_labels_follow_table1),
		cmocka_unit_test(test_guideline_ids_exist),
		cmocka_unit_test(test_ids_follow_the_reading),
		cmocka_unit_test(test_management_references_27001),
		cmocka_unit_test(test_governance_processes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
