/* kijun's own YAML writer (src/io/yaml_direct.c, yaml_form.c) against
 * libyaml's emitter: whenever the direct writer claims a document, its
 * bytes are the emitter's.  Hand-picked texts, thousands of seeded random
 * ones, and whole catalogs (built-in, OSCAL-imported, tricky ones). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "kijun/catalog_io.h"
#include "kijun/file.h"
#include "kijun/import.h"
#include "kijun/sha256.h"
#include "../../src/io/catalog_write.h"
#include "../../src/io/yaml_writer.h"

/* Ways a text sits in a document: as a value, an item, deep inside, a
 * key, beside others (a kept break before a plain one), under a sequence
 * root with empty collections, in a sequence inside a sequence. */
enum { SHAPES = 7 };

static void write_shape(struct ywriter *w, int shape, const char *const s[3])
{
	switch (shape) {
	case 0:
		yw_mapping_begin(w);
		yw_pair(w, "k", s[0]);
		yw_mapping_end(w);
		break;
	case 1:
		yw_mapping_begin(w);
		yw_string(w, "seq");
		yw_sequence_begin(w);
		yw_string(w, s[0]);
		yw_string(w, s[1]);
		yw_sequence_end(w);
		yw_mapping_end(w);
		break;
	case 2:
		yw_mapping_begin(w);
		yw_string(w, "items");
		yw_sequence_begin(w);
		yw_mapping_begin(w);
		yw_pair(w, "id", "1.1");
		yw_pair(w, "text", s[0]);
		yw_string(w, "items");
		yw_sequence_begin(w);
		yw_mapping_begin(w);
		yw_pair(w, "text", s[1]);
		yw_string(w, "references");
		yw_sequence_begin(w);
		yw_string(w, s[2]);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_sequence_end(w);
		yw_pair(w, "after", s[1]);
		yw_mapping_end(w);
		break;
	case 3:
		yw_mapping_begin(w);
		yw_pair(w, s[0], "v");
		yw_string(w, "attributes");
		yw_mapping_begin(w);
		yw_string(w, s[1]);
		yw_sequence_begin(w);
		yw_string(w, s[2]);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_mapping_end(w);
		break;
	case 4:
		yw_mapping_begin(w);
		yw_pair(w, "a", s[0]);
		yw_pair(w, "b", s[1]);
		yw_pair(w, "c", s[2]);
		yw_int(w, "n", -12);
		yw_bool(w, "t", true);
		yw_mapping_end(w);
		break;
	case 5:
		yw_sequence_begin(w);
		yw_string(w, s[0]);
		yw_mapping_begin(w);
		yw_mapping_end(w);
		yw_mapping_begin(w);
		yw_pair(w, s[1], s[2]);
		yw_string(w, "empty");
		yw_sequence_begin(w);
		yw_sequence_end(w);
		yw_string(w, "none");
		yw_mapping_begin(w);
		yw_mapping_end(w);
		yw_mapping_end(w);
		yw_sequence_begin(w);
		yw_sequence_end(w);
		yw_sequence_end(w);
		break;
	default:
		yw_mapping_begin(w);
		yw_string(w, "m");
		yw_mapping_begin(w);
		yw_string(w, "n");
		yw_sequence_begin(w);
		yw_sequence_begin(w);
		yw_string(w, s[0]);
		yw_sequence_begin(w);
		yw_string(w, s[1]);
		yw_sequence_end(w);
		yw_sequence_end(w);
		yw_mapping_begin(w);
		yw_pair(w, "a", s[2]);
		yw_mapping_end(w);
		yw_sequence_end(w);
		yw_mapping_end(w);
		yw_mapping_end(w);
		break;
	}
}

static bool write_doc(enum yw_mode mode, int shape, const char *const s[3], struct strbuf *out)
{
	struct ywriter w;

	if (!yw_open_mode(&w, mode, yw_append, out)) {
		yw_close(&w);
		return false;
	}
	write_shape(&w, shape, s);
	return yw_close(&w) && !out->failed;
}

static void show(const char *what, const char *s, size_t len)
{
	fprintf(stderr, "%s: \"", what);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			fputs("\\n", stderr);
		else if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
	fputs("\"\n", stderr);
}

/* Whether the direct writer claimed the document; when it did, its bytes
 * must be the emitter's. */
static bool same_both_ways(int shape, const char *const s[3])
{
	struct strbuf probe, emitted, direct;
	bool claimed, emitted_ok;

	strbuf_init(&probe);
	strbuf_init(&emitted);
	strbuf_init(&direct);
	claimed = write_doc(YW_PROBE, shape, s, &probe);
	assert_int_equal(probe.len, 0);  /* a probe writes nothing */
	emitted_ok = write_doc(YW_EMIT, shape, s, &emitted);
	if (claimed) {
		bool direct_ok = write_doc(YW_DIRECT, shape, s, &direct);

		if (!emitted_ok || !direct_ok || direct.len != emitted.len ||
		    memcmp(direct.data, emitted.data, direct.len) != 0) {
			fprintf(stderr, "shape %d\n", shape);
			for (int k = 0; k < 3; k++)
				show("text", s[k], strlen(s[k]));
			show("emitter", emitted.data ? emitted.data : "", emitted.len);
			show("direct ", direct.data ? direct.data : "", direct.len);
			fail_msg("the direct writer differs from the emitter");
		}
	}
	strbuf_free(&probe);
	strbuf_free(&emitted);
	strbuf_free(&direct);
	return claimed;
}

/* How many of the documents holding s the direct writer claimed, of
 * 2 * SHAPES. */
static int claimed_shapes(const char *s)
{
	const char *const v[3] = { s, s, s };
	const char *const w[3] = { s, "x", "a\nb\n\n" };
	int n = 0;

	for (int shape = 0; shape < SHAPES; shape++) {
		n += same_both_ways(shape, v);
		n += same_both_ways(shape, w);
	}
	return n;
}

/* Claimed as a value and as an item (not necessarily as a key). */
static bool claimed_as_value(const char *s)
{
	const char *const v[3] = { s, s, s };

	return same_both_ways(0, v) && same_both_ways(1, v) && same_both_ways(2, v);
}

static void test_hand_picked(void **state)
{
	/* Texts the direct writer must take: what catalogs hold. */
	static const char *const sure[] = {
		"abc", "情報セキュリティ管理基準", "1.1.1", "27002-7.3", "a)", "(1) 方針",
		"true", "null", "~", "1.0", "0x1F", "2024-01-01", "-", "?", ":", "",
		"a: b", "a:b", "a:", " lead", "trail ", " both ", "a #b", "a#b", "#x",
		"- a", "-a", "? a", "?a", ": a", ":a", "---", "--- a", "...", "a...",
		"'", "it's", "'quoted'", "\"", "say \"x\"", ",a", "[a]", "{a}", "|a", ">a",
		"!a", "&a", "*a", "%a", "@a", "`a", "a, b", "a [b] {c}", "全角\u3000空白",
		"\u3000先頭", "末尾\u3000", "\u00a0nbsp", "e\u0301", "\ue000", "\ufffd",
		"ＡＢＣ", "a\nb", "a\nb\n", "a\nb\n\n", "a\n\n\n", "\n", "\n\n", "\na",
		" a\nb", "  a\n b\n", "a\n\nb", "a\n b", "- a\n- b\n", "a: b\nc # d\n",
		"'q'\n\"d\"", "1.0\ntrue", "行1\n行2\n",
	};
	/* Texts it must leave to the emitter. */
	static const char *const unsure[] = {
		"a\tb", "\ta", "a\u2028b", "a\u2029b", "a\xc2\x85" "b", "\ufeffa", "a\ufeff",
		"\U0001F600", "a\U00010000", "a \nb", "a\n \nb", "a\nb ", "a\nb\t",
		"\x01", "a\rb", "a\x7f", "\xff", "\xe3\x81", "\xc2\x80", "\xef\xbf\xbe",
		"\xed\xa0\x80", "\xc0\xaf",
	};
	char long_plain[200], long_quoted[400], long_lines[800], wide[400];

	(void)state;
	for (size_t i = 0; i < sizeof(sure) / sizeof(sure[0]); i++)
		if (!claimed_as_value(sure[i])) {
			show("not claimed", sure[i], strlen(sure[i]));
			fail();
		}
	for (size_t i = 0; i < sizeof(unsure) / sizeof(unsure[0]); i++)
		if (claimed_shapes(unsure[i])) {
			show("claimed", unsure[i], strlen(unsure[i]));
			fail();
		}
	/* Every shape, keys included, byte for byte where claimed. */
	for (size_t i = 0; i < sizeof(sure) / sizeof(sure[0]); i++)
		claimed_shapes(sure[i]);

	/* Lines past 80 and 128 columns are never folded. */
	memset(long_plain, 0, sizeof(long_plain));
	for (int k = 0; k < 60; k++)
		strcat(long_plain, k % 2 ? "ab " : "cd-");
	strcat(long_plain, "z");
	assert_true(claimed_as_value(long_plain));
	snprintf(long_quoted, sizeof(long_quoted), " %s: x", long_plain);
	assert_true(claimed_as_value(long_quoted));
	snprintf(long_lines, sizeof(long_lines), "%s\n\n%s\n", long_plain, long_plain);
	assert_true(claimed_as_value(long_lines));
	wide[0] = '\0';
	for (int k = 0; k < 50; k++)
		strcat(wide, "漢字");
	assert_true(claimed_as_value(wide));
	assert_int_equal(claimed_shapes("attribute_type"), 2 * SHAPES);
	/* A long key would be written "? key": left to the emitter. */
	assert_int_equal(claimed_shapes(long_plain), 2 * SHAPES - 3);
}

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state % n);
}

/* A text from pieces that matter to YAML's rules; half of the texts
 * only from the pieces before the first the emitter escapes, so that many
 * documents are ones the direct writer claims. */
static void random_text(char *out, size_t cap)
{
	static const char *const pieces[] = {
		" ", "  ", "\n", "\n\n", ":", ": ", " #", "#", "-", "- ", "?", "'",
		"\"", "a", "Z", "1", "0", "0x", ".", "...", "---", "~", "あ", "漢",
		"\u3000", "\u00a0", ",", "[", "]", "{", "}", "|", ">", "!", "&", "*", "%",
		"@", "`", "e", "E", "true", "null", "y", "No", "\ufffd", "\ue000",
		"\ufdd0", "\ud7ff", "\\", "/", "=", "+", "(", ")", "<", "_", "\u00e9",
		"\u0301", "\u200b", "\u00ad",
		"abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij ",
		"情報セキュリティの管理基準に関する長い文章であり、",
		/* From here on the emitter escapes or refuses. */
		"\t", "\xc2\x85", "\u2028", "\u2029", "\ufeff", "\U0001F600", "\r",
		"\x7f", "\xc2\x80", "\xef\xbf\xbe", "\xff", "\xe3\x81", "\xc3",
	};
	size_t all = sizeof(pieces) / sizeof(pieces[0]);
	size_t from = rnd(2) ? all : all - 13;
	size_t n = rnd(8) == 0 ? 10 + rnd(30) : rnd(8), len = 0;

	out[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		const char *p = pieces[rnd((uint32_t)from)];
		size_t pl = strlen(p);

		if (len + pl + 1 > cap)
			break;
		memcpy(out + len, p, pl + 1);
		len += pl;
	}
}

static void test_random_texts(void **state)
{
	char a[2048], b[2048], c[2048];
	const char *const s[3] = { a, b, c };
	unsigned claimed = 0, cases = 12000;

	(void)state;
	rng_state = 0x6b696a756e2d3131ull;  /* fixed: a failure repeats */
	for (unsigned i = 0; i < cases; i++) {
		random_text(a, sizeof(a));
		random_text(b, sizeof(b));
		random_text(c, sizeof(c));
		claimed += same_both_ways((int)rnd(SHAPES), s);
	}
	/* The test means something only when many are claimed. */
	assert_true(claimed > cases / 4);
	assert_true(claimed < cases);
}

/* Items in items as deep as a catalog may nest, texts of every form at
 * each level: the indentation never changes how the emitter writes. */
static void test_deep(void **state)
{
	static const char *const texts[] = {
		"plain text", "a\nb\n", " lead\n\nlast", "kept\n\n", "1.1", "- x", "全角",
	};
	struct strbuf emitted, direct, probe;
	struct ywriter w;
	enum yw_mode modes[] = { YW_PROBE, YW_EMIT, YW_DIRECT };
	struct strbuf *outs[] = { &probe, &emitted, &direct };
	int depth = CATALOG_MAX_DEPTH;

	(void)state;
	for (int m = 0; m < 3; m++) {
		strbuf_init(outs[m]);
		assert_true(yw_open_mode(&w, modes[m], yw_append, outs[m]));
		yw_mapping_begin(&w);
		yw_string(&w, "items");
		yw_sequence_begin(&w);
		for (int k = 0; k < depth; k++) {
			yw_mapping_begin(&w);
			yw_pair(&w, "id", texts[k % 7]);
			yw_pair(&w, "text", texts[(k + 3) % 7]);
			yw_string(&w, "references");
			yw_sequence_begin(&w);
			yw_string(&w, texts[(k + 5) % 7]);
			yw_sequence_end(&w);
			yw_string(&w, "items");
			yw_sequence_begin(&w);
		}
		for (int k = 0; k < depth; k++) {
			yw_sequence_end(&w);
			yw_mapping_end(&w);
		}
		yw_sequence_end(&w);
		yw_mapping_end(&w);
		assert_true(yw_close(&w));
	}
	assert_int_equal(probe.len, 0);
	assert_true(emitted.len > 10000);
	assert_int_equal(direct.len, emitted.len);
	assert_memory_equal(direct.data, emitted.data, emitted.len);
	for (int m = 0; m < 3; m++)
		strbuf_free(outs[m]);
}

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

/* Both writers on c: the same bytes, reading them back gives them again,
 * and catalog_hash is the hash of the emitter's bytes. */
static void check_catalog(const struct catalog *c, bool expect_direct)
{
	struct strbuf emitted, direct, chosen, again;
	struct diag_list d;
	struct catalog back;
	char hash[72], want[72];

	strbuf_init(&emitted);
	strbuf_init(&direct);
	strbuf_init(&chosen);
	strbuf_init(&again);
	diag_list_init(&d);
	assert_int_equal(catalog_writes_direct(c), expect_direct);
	assert_true(catalog_write_mode(c, &emitted, YW_EMIT));
	assert_int_equal(catalog_write_mode(c, &direct, YW_DIRECT), expect_direct);
	if (expect_direct) {
		assert_int_equal(direct.len, emitted.len);
		assert_memory_equal(direct.data, emitted.data, emitted.len);
	} else {
		assert_int_equal(direct.len, 0);
	}
	assert_true(catalog_write(c, &chosen));
	assert_int_equal(chosen.len, emitted.len);
	assert_memory_equal(chosen.data, emitted.data, emitted.len);
	assert_true(catalog_hash(c, hash));
	sha256_tag(emitted.data, emitted.len, want);
	assert_string_equal(hash, want);
	/* Format of format is the same. */
	assert_true(catalog_read(&back, "again", chosen.data, chosen.len, &d));
	assert_true(catalog_write(&back, &again));
	assert_int_equal(again.len, chosen.len);
	assert_memory_equal(again.data, chosen.data, chosen.len);
	catalog_free(&back);
	strbuf_free(&emitted);
	strbuf_free(&direct);
	strbuf_free(&chosen);
	strbuf_free(&again);
	diag_list_free(&d);
}

static void test_builtin_catalogs(void **state)
{
	static const char *const ids[] = { "meti-ismk-2025", "csf-2.0" };

	(void)state;
	for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
		struct catalog c;
		struct diag_list d;

		diag_list_init(&d);
		assert_true(catalog_load_builtin_id(&c, ids[k], &d));
		check_catalog(&c, true);
		catalog_free(&c);
		diag_list_free(&d);
	}
}

static void test_oscal_catalogs(void **state)
{
	static const char *const files[] = {
		"NIST_CSF_v2.0_catalog-min.json",
		"NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json",
	};
	const char *dir = getenv("KIJUN_SHARED_DATA");

	(void)state;
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		struct import_report rep;
		struct diag_list d;
		struct catalog c;
		char path[512];
		size_t len;
		char *buf;

		snprintf(path, sizeof(path), "%s/oscal/%s", dir && *dir ? dir : SHARED_DATA_DEFAULT,
			 files[f]);
		buf = slurp(path, &len);
		import_report_init(&rep);
		diag_list_init(&d);
		assert_true(import_oscal(&c, path, buf, len, &rep, &d));
		check_catalog(&c, true);
		catalog_free(&c);
		import_report_free(&rep);
		diag_list_free(&d);
		free(buf);
	}
}

static const char tricky_catalog[] =
	"format: kijun-catalog/1\n"
	"id: tricky\n"
	"title: \"- a title: with # and 'quotes'\"\n"
	"edition: '2.0'\n"
	"notice: \"first\\n\\n  indented\\nlast\\n\\n\"\n"
	"attribute_types:\n"
	"- id: 'yes'\n"
	"  label: はい\n"
	"  values:\n"
	"  - id: '1.0'\n"
	"    label: \" padded \"\n"
	"items:\n"
	"- id: '1'\n"
	"  kind: part\n"
	"  title: \"@home ~ `x`\"\n"
	"  text: \" starts with a space\\nthen more\\n\"\n"
	"  items:\n"
	"  - id: 1.a\n"
	"    kind: control\n"
	"    title: \"? maybe\"\n"
	"    text: \"kept\\n\\n\"\n"
	"    references:\n"
	"    - \"true\"\n"
	"    - \"a: b\"\n"
	"    attributes:\n"
	"      'yes':\n"
	"      - '1.0'\n";

static void test_tricky_catalogs(void **state)
{
	struct diag_list d;
	struct catalog c;
	char *tab;

	(void)state;
	diag_list_init(&d);
	assert_true(catalog_read(&c, "tricky", tricky_catalog, strlen(tricky_catalog), &d));
	check_catalog(&c, true);
	catalog_free(&c);

	/* One tab anywhere: the whole document goes through the emitter, and
	 * catalog_write still gives its bytes. */
	tab = test_with_line(tricky_catalog, 3, "title: \"a\\tb\"\n");
	assert_true(catalog_read(&c, "tab", tab, strlen(tab), &d));
	check_catalog(&c, false);
	catalog_free(&c);
	free(tab);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_picked),
		cmocka_unit_test(test_random_texts),
		cmocka_unit_test(test_deep),
		cmocka_unit_test(test_builtin_catalogs),
		cmocka_unit_test(test_oscal_catalogs),
		cmocka_unit_test(test_tricky_catalogs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
