/* Imports: CSV into a new catalog or onto the built-in one, and OSCAL
 * catalogs from the shared data, whose groups and controls are counted
 * here independently (straight from libyaml's events) and must all
 * arrive. */
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/i18n.h"
#include "kijun/import.h"
#include "kijun/strbuf.h"
#include "../../src/io/export_oscal.h"

static char *slurp(const char *path, size_t *len)
{
	struct diag_list d;
	char *buf = NULL;

	diag_list_init(&d);
	if (!file_read_all(path, &buf, len, &d))
		fail_msg("cannot read %s (set KIJUN_SHARED_DATA to the shared data folder)", path);
	diag_list_free(&d);
	return buf;
}

static void print_diags(const struct diag_list *d)
{
	for (size_t k = 0; k < d->count; k++)
		fprintf(stderr, "%s:%u:%u: %s\n", d->items[k].file, d->items[k].line,
			d->items[k].column, d->items[k].message);
}

/* Canonical text of c, then read back and written again: the same. */
static void assert_round_trip(const struct catalog *c)
{
	struct strbuf a, b;
	struct diag_list d;
	struct catalog back;

	strbuf_init(&a);
	strbuf_init(&b);
	diag_list_init(&d);
	assert_true(catalog_write(c, &a));
	if (!catalog_read(&back, "out.yaml", a.data, a.len, &d)) {
		print_diags(&d);
		fail();
	}
	assert_true(catalog_write(&back, &b));
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	catalog_free(&back);
	strbuf_free(&a);
	strbuf_free(&b);
	diag_list_free(&d);
}

/* ---- CSV ---------------------------------------------------------------- */

static bool run_csv(struct catalog *c, const char *text, const struct import_csv_options *o,
		    struct import_report *rep, struct diag_list *d)
{
	import_report_init(rep);
	diag_list_init(d);
	return import_csv(c, "t.csv", text, strlen(text), o, rep, d);
}

static void test_csv_new_catalog(void **state)
{
	struct catalog builtin, c;
	struct import_report rep;
	struct diag_list d;
	struct import_csv_options o = { .sep = ',', .id = "sample", .title = "見本" };
	size_t len;
	char *text = slurp("tests/data/import/sample.csv", &len);
	uint32_t i;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&builtin, &d));
	o.types = &builtin;
	if (!run_csv(&c, text, &o, &rep, &d)) {
		print_diags(&d);
		fail();
	}
	assert_int_equal(catalog_size(&c), 5);
	assert_int_equal(rep.rows, 5);
	i = catalog_find(&c, "5a-5.1");
	assert_int_not_equal(i, ITEM_NONE);
	/* No kind given: the kind below a section is a control. */
	assert_int_equal(c.items[i].kind, ITEM_CONTROL);
	assert_string_equal(c.items[i].text, "方針を定め、\n\"承認\"する。");
	assert_int_equal(c.items[i].attr_count, 2);
	assert_int_equal(c.items[i].ref_count, 1);
	assert_string_equal(c.items[i].refs[0], "27002-5.1");
	assert_int_equal(c.items[catalog_find(&c, "5a-5.1.1")].kind, ITEM_DETAIL);
	i = catalog_find(&c, "5a-5.1.1/a");
	assert_int_equal(c.items[i].kind, ITEM_ENTRY);  /* it has a label */
	assert_string_equal(c.items[i].label, "a)");
	assert_round_trip(&c);
	catalog_free(&c);
	import_report_free(&rep);
	diag_list_free(&d);
	catalog_free(&builtin);
	free(text);
}

/* Every problem at its record's line and the cell's column. */
static void test_csv_problems(void **state)
{
	static const char bad[] =
		"id,parent,kind,title,text,control_type\n"
		"P,,part,部,,\n"
		"P,,part,二重,,\n"             /* 3: the id again */
		"c1,Q,control,見出し,,\n"      /* 4: no such parent */
		"c2,P,widget,見出し,,\n"       /* 5: unknown kind */
		"c3,P,control,,,\n"            /* 6: a control needs a title */
		"c4,P,control,t,,Sometimes\n"  /* 7: not a control_type value */
		"c5,P,control,t,,,extra\n";    /* 8: one cell too many */
	static const char *const want[] = {
		"3:1", "4:4", "5:6", "6:1", "7:17", "8:18",
	};
	struct catalog builtin, c;
	struct import_report rep;
	struct diag_list d, bd;
	struct import_csv_options o = { .sep = ',' };

	(void)state;
	diag_list_init(&bd);
	assert_true(catalog_load_builtin(&builtin, &bd));
	o.types = &builtin;
	i18n_set_language(LANGUAGE_EN);
	assert_false(run_csv(&c, bad, &o, &rep, &d));
	print_diags(&d);
	assert_int_equal(d.count, sizeof(want) / sizeof(want[0]));
	for (size_t k = 0; k < d.count; k++) {
		char at[32];

		snprintf(at, sizeof(at), "%u:%u", d.items[k].line, d.items[k].column);
		assert_string_equal(at, want[k]);
	}
	assert_non_null(strstr(d.items[2].message, "widget"));
	import_report_free(&rep);
	diag_list_free(&d);
	/* A file with no id column, and a --map naming a missing column. */
	o.map = "番号=id";
	assert_false(run_csv(&c, "no,title\n1,a\n", &o, &rep, &d));
	assert_int_equal(d.count, 2);
	import_report_free(&rep);
	diag_list_free(&d);
	/* Under a list entry nothing fits, the kind the row gives or the
	 * one it would get (the fuzzer's: an import that did not read back). */
	o.map = NULL;
	assert_false(run_csv(&c, "id,parent,kind,label,title,text\n"
				 "P,,part,,部,\n"
				 "e,P,,a),,一つ目\n"
				 "d,e,,,,詳細\n"
				 "f,e,detail,,,詳細\n", &o, &rep, &d));
	print_diags(&d);
	assert_int_equal(d.count, 2);
	assert_int_equal(d.items[0].line, 4);
	assert_int_equal(d.items[0].column, 3);  /* the parent that decided it */
	assert_non_null(strstr(d.items[0].message, "cannot be placed inside a list entry"));
	assert_int_equal(d.items[1].line, 5);
	assert_int_equal(d.items[1].column, 5);  /* the kind given */
	import_report_free(&rep);
	diag_list_free(&d);
	/* A quote that never closes: the reader's place, no crash. */
	assert_false(run_csv(&c, "id,title\n\"x,t\n", &o, &rep, &d));
	assert_int_equal(d.items[0].line, 2);
	assert_int_equal(d.items[0].column, 1);
	import_report_free(&rep);
	diag_list_free(&d);
	diag_list_free(&bd);
	catalog_free(&builtin);
}

static void test_csv_onto_builtin(void **state)
{
	struct catalog builtin, c;
	struct import_report rep;
	struct diag_list d;
	struct import_csv_options o = { .sep = ',', .map = "番号=id,名称=title,文言=text" };
	static const char wording[] =
		"番号,名称,文言\n"
		"5a-5.1,方針群（公式）,\n"
		"5a-5.1.1,,公式の文言。\n"
		"zz-9,無い,無い\n"
		"5a-5.1.1,,二度目\n";
	uint32_t i;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_load_builtin(&builtin, &d));
	o.onto = &builtin;
	/* A row naming an id twice is a problem. */
	assert_false(run_csv(&c, wording, &o, &rep, &d));
	assert_int_equal(d.count, 1);
	assert_int_equal(d.items[0].line, 5);
	import_report_free(&rep);
	diag_list_free(&d);
	assert_true(run_csv(&c, "番号,名称,文言\n5a-5.1,方針群（公式）,\n5a-5.1.1,,公式の文言。\nzz-9,無い,無い\n",
			    &o, &rep, &d));
	assert_int_equal(rep.replaced, 2);
	assert_int_equal(rep.unknown_count, 1);
	assert_int_equal(rep.notes.count, 1);      /* zz-9, at 4:1 */
	assert_int_equal(rep.notes.items[0].line, 4);
	assert_int_equal(rep.untouched_count, catalog_size(&builtin) - 2);
	assert_int_equal(catalog_size(&c), catalog_size(&builtin));
	i = catalog_find(&c, "5a-5.1");
	assert_string_equal(c.items[i].title, "方針群（公式）");
	/* An empty cell keeps what the catalog had; attributes stay. */
	assert_string_equal(c.items[i].text,
			    builtin.items[catalog_find(&builtin, "5a-5.1")].text);
	assert_int_equal(c.items[i].attr_count,
			 builtin.items[catalog_find(&builtin, "5a-5.1")].attr_count);
	assert_string_equal(c.items[catalog_find(&c, "5a-5.1.1")].text, "公式の文言。");
	assert_non_null(strstr(c.notice, "2 items"));
	assert_round_trip(&c);
	catalog_free(&c);
	import_report_free(&rep);
	diag_list_free(&d);
	catalog_free(&builtin);
}

/* ---- OSCAL -------------------------------------------------------------- */

/* Counts mappings in lists under "groups" and "controls" keys, from
 * libyaml's events alone: nothing of kijun's reader is involved. */
static void count_oscal(const char *buf, size_t len, unsigned *groups, unsigned *controls)
{
	struct frame { bool map, want_key; char key[32], list_of[32]; } st[256];
	int top = -1;
	yaml_parser_t p;
	yaml_event_t e;
	bool done = false;

	*groups = *controls = 0;
	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		assert_true(yaml_parser_parse(&p, &e));
		switch (e.type) {
		case YAML_SCALAR_EVENT:
			if (top >= 0 && st[top].map) {
				if (st[top].want_key)
					snprintf(st[top].key, 32, "%s", (const char *)e.data.scalar.value);
				st[top].want_key = !st[top].want_key;
			}
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			assert_true(top < 255);
			if (e.type == YAML_MAPPING_START_EVENT && top >= 0 && !st[top].map) {
				*groups += strcmp(st[top].list_of, "groups") == 0;
				*controls += strcmp(st[top].list_of, "controls") == 0;
			}
			top++;
			st[top].map = e.type == YAML_MAPPING_START_EVENT;
			st[top].want_key = true;
			snprintf(st[top].list_of, 32, "%s", top > 0 && st[top - 1].map ? st[top - 1].key : "");
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			top--;
			if (top >= 0 && st[top].map)
				st[top].want_key = true;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&p);
}

static void test_oscal_shared(void **state)
{
	static const char *const files[] = {
		"NIST_SP-800-53_rev4_catalog-min.json",
		"NIST_SP-800-53_rev5_HIGH-baseline-resolved-profile_catalog-min.json",
		"NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json",
		"NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.yaml",
		"NIST_CSF_v2.0_catalog-min.json",
	};
	const char *dir = getenv("KIJUN_SHARED_DATA");

	(void)state;
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char path[512];
		unsigned groups, controls, kinds[ITEM_KIND_COUNT] = { 0 };
		struct import_report rep;
		struct diag_list d;
		struct catalog c;
		size_t len;
		char *buf;

		snprintf(path, sizeof(path), "%s/oscal/%s", dir && *dir ? dir : SHARED_DATA_DEFAULT,
			 files[f]);
		buf = slurp(path, &len);
		count_oscal(buf, len, &groups, &controls);
		assert_true(groups > 0 && controls > 0);
		import_report_init(&rep);
		diag_list_init(&d);
		if (!import_oscal(&c, path, buf, len, &rep, &d)) {
			print_diags(&d);
			fail_msg("%s did not import", files[f]);
		}
		for (uint32_t i = catalog_first(&c); i != ITEM_NONE; i = catalog_next(&c, i))
			kinds[c.items[i].kind]++;
		/* Groups are parts and sections; controls are controls and
		 * (enhancements) detailed controls; statement items entries. */
		if (kinds[ITEM_PART] + kinds[ITEM_SECTION] != groups ||
		    kinds[ITEM_CONTROL] + kinds[ITEM_DETAIL] != controls)
			fail_msg("%s: %u groups and %u controls, imported %u and %u", files[f],
				 groups, controls, kinds[ITEM_PART] + kinds[ITEM_SECTION],
				 kinds[ITEM_CONTROL] + kinds[ITEM_DETAIL]);
		assert_int_equal(rep.groups, groups);
		assert_int_equal(rep.controls, controls);
		assert_round_trip(&c);
		catalog_free(&c);
		import_report_free(&rep);
		diag_list_free(&d);
		free(buf);
	}
}

static void test_oscal_mapping(void **state)
{
	static const char json[] =
		"{\"catalog\": {\"uuid\": \"u\", \"metadata\": {\"title\": \"T\\/1 \\ud83d\\ude00 \\\\ud83d\", \"version\": \"1\"},\n"
		" \"params\": [{\"id\": \"p1\", \"values\": [\"annually\"]},\n"
		"   {\"id\": \"p2\", \"label\": \"roles\"},\n"
		"   {\"id\": \"p3\", \"select\": {\"how-many\": \"one-or-more\", \"choice\": [\"a\", \"{{ insert: param, p2 }}\"]}}],\n"
		" \"groups\": [{\"id\": \"g\", \"title\": \"G\", \"groups\": [{\"id\": \"g2\", \"title\": \"G2\",\n"
		"   \"controls\": [{\"id\": \"c-1\", \"title\": \"C\", \"props\": [{\"name\": \"label\", \"value\": \"C-1\"},\n"
		"       {\"name\": \"level\", \"value\": \"system\"}],\n"
		"     \"parts\": [{\"id\": \"c-1_smt\", \"name\": \"statement\", \"prose\": \"Review {{ insert: param, p1 }} by {{insert: param,p2}}:\",\n"
		"        \"parts\": [{\"id\": \"c-1_smt.a\", \"name\": \"item\", \"props\": [{\"name\": \"label\", \"value\": \"a.\"}], \"prose\": \"x {{ insert: param, p3 }}\",\n"
		"          \"parts\": [{\"id\": \"c-1_smt.a.1\", \"name\": \"item\", \"props\": [{\"name\": \"label\", \"value\": \"1.\"}], \"prose\": \"y\"}]}]},\n"
		"       {\"id\": \"c-1_gdn\", \"name\": \"guidance\", \"prose\": \"g\"}],\n"
		"     \"controls\": [{\"id\": \"c-1.1\", \"title\": \"E\", \"parts\": [{\"name\": \"statement\", \"prose\": \"\\u00e9\"}]}]}]}]}]}}\n";
	struct import_report rep;
	struct diag_list d;
	struct catalog c;
	uint32_t i;

	(void)state;
	import_report_init(&rep);
	diag_list_init(&d);
	if (!import_oscal(&c, "t.json", json, strlen(json), &rep, &d)) {
		print_diags(&d);
		fail();
	}
	/* JSON's escapes, a surrogate pair (which libyaml alone refuses) and
	 * an escaped backslash before "ud83d" (which stays text) among them. */
	assert_string_equal(c.title, "T/1 \xF0\x9F\x98\x80 \\ud83d");
	assert_int_equal(c.items[catalog_find(&c, "g")].kind, ITEM_PART);
	assert_int_equal(c.items[catalog_find(&c, "g2")].kind, ITEM_SECTION);
	i = catalog_find(&c, "c-1");
	assert_int_equal(c.items[i].kind, ITEM_CONTROL);
	assert_string_equal(c.items[i].text, "Review annually by [Assignment: roles]:");
	assert_int_equal(c.items[i].attr_count, 1);  /* level: system */
	i = catalog_find(&c, "c-1_smt.a");
	assert_int_equal(c.items[i].kind, ITEM_ENTRY);
	assert_string_equal(c.items[i].label, "a.");
	assert_string_equal(c.items[i].text,
			    "x [Selection (one or more): a; [Assignment: roles]]");
	i = catalog_find(&c, "c-1_smt.a.1");
	assert_string_equal(c.items[i].label, "a.1.");
	i = catalog_find(&c, "c-1.1");
	assert_int_equal(c.items[i].kind, ITEM_DETAIL);
	assert_string_equal(c.items[i].text, "é");
	/* The control's label prop and its guidance have no place. */
	assert_int_equal(rep.dropped, 2);
	catalog_free(&c);
	import_report_free(&rep);
	diag_list_free(&d);
}

static void test_oscal_problems(void **state)
{
	static const char truncated[] = "{\"catalog\": {\"groups\": [\n{\"id\": \"g\", \"title\": \n";
	struct import_report rep;
	struct diag_list d;
	struct catalog c;

	(void)state;
	i18n_set_language(LANGUAGE_EN);
	import_report_init(&rep);
	diag_list_init(&d);
	assert_false(import_oscal(&c, "t.json", truncated, strlen(truncated), &rep, &d));
	/* Reported where the file ends, the value still missing. */
	assert_true(d.count >= 1);
	assert_int_equal(d.items[0].line, 3);
	diag_list_clear(&d);
	assert_false(import_oscal(&c, "p.json", "{\"profile\": {}}", 15, &rep, &d));
	assert_non_null(strstr(d.items[0].message, "profile"));
	diag_list_clear(&d);
	assert_false(import_oscal(&c, "x.json", "[1, 2]", 6, &rep, &d));
	assert_int_equal(d.count, 1);
	import_report_free(&rep);
	diag_list_free(&d);
}

static const struct item *found(const struct catalog *c, const char *id)
{
	uint32_t i = catalog_find(c, id);

	if (i == ITEM_NONE)
		fail_msg("no item \"%s\"", id);
	return &c->items[i];
}

/* kijun's own OSCAL export imports with its ids as they were: the k- and
 * _XX escapes of oscal_token undone (an id that itself starts "k-"
 * included), an untitled detailed control untitled again, the tailoring's
 * facts not made attribute types.  Another catalog's ids stay as written. */
static void test_oscal_kijun_ids(void **state)
{
	static const char *const ids[] = { "4.4.8.1", "7a-7.2.3/f", "k-1", "S1", "a_b" };
	static const char head[] =
		"{\"catalog\": {\"metadata\": {\"title\": \"T\", \"props\": [{\"name\": \"tailoring\", %s\"value\": \"t\"}]},\n"
		" \"groups\": [{\"id\": \"%s\", \"title\": \"G\", \"controls\": [\n"
		"  {\"id\": \"%s\", \"title\": \"C\", \"controls\": [{\"id\": \"%s\", \"title\": \"%s\",\n"
		"    \"props\": [{\"name\": \"level\", \"ns\": \"urn:x-kijun:oscal\", \"value\": \"mandatory\"}],\n"
		"    \"parts\": [{\"id\": \"x_smt\", \"name\": \"statement\", \"prose\": \"t\"}]}]}]}]}}\n";
	struct strbuf tok[3], json;
	struct import_report rep;
	struct diag_list d;
	struct catalog c;

	(void)state;
	for (size_t k = 0; k < sizeof(ids) / sizeof(*ids); k++) {
		for (int t = 0; t < 3; t++) {
			strbuf_init(&tok[t]);
			oscal_token(&tok[t], ids[(k + (size_t)t) % (sizeof(ids) / sizeof(*ids))]);
		}
		for (int own = 1; own >= 0; own--) {
			const char *g = ids[k], *ctl = ids[(k + 1) % 5], *det = ids[(k + 2) % 5];

			strbuf_init(&json);
			strbuf_addf(&json, head, own ? "\"ns\": \"urn:x-kijun:oscal\", " : "",
				    tok[0].data, tok[1].data, tok[2].data, det);
			import_report_init(&rep);
			diag_list_init(&d);
			if (!import_oscal(&c, "k.json", json.data, json.len, &rep, &d)) {
				print_diags(&d);
				fail_msg("%s", json.data);
			}
			if (own) {
				assert_int_equal(found(&c, g)->kind, ITEM_PART);
				assert_int_equal(found(&c, ctl)->kind, ITEM_CONTROL);
				assert_int_equal(found(&c, det)->kind, ITEM_DETAIL);
				assert_null(found(&c, det)->title);
				assert_int_equal(c.type_count, 0);
			} else {
				assert_int_equal(found(&c, tok[0].data)->kind, ITEM_PART);
				assert_string_equal(found(&c, tok[2].data)->title, det);
				assert_int_equal(c.type_count, 1);
			}
			catalog_free(&c);
			import_report_free(&rep);
			diag_list_free(&d);
			strbuf_free(&json);
		}
		for (int t = 0; t < 3; t++)
			strbuf_free(&tok[t]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_new_catalog),
		cmocka_unit_test(test_csv_problems),
		cmocka_unit_test(test_csv_onto_builtin),
		cmocka_unit_test(test_oscal_shared),
		cmocka_unit_test(test_oscal_mapping),
		cmocka_unit_test(test_oscal_problems),
		cmocka_unit_test(test_oscal_kijun_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
