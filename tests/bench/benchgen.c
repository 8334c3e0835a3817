/* make bench: writes realistic catalogs and tailorings in kijun's own
 * format, deterministic by seed.
 *
 *   benchgen catalog ITEMS SEED            > catalog.yaml
 *   benchgen tailoring ITEMS SEED CHANGES CATALOG-FILE HASH > tailoring.yaml
 *   benchgen chain ITEMS SEED DEPTH BASE-FILE > tailoring.yaml
 *
 * ITEMS and SEED of a tailoring or a chain are those of its catalog.
 *
 * A catalog is parts -> sections -> controls -> detailed controls -> list
 * entries, with Japanese texts of about 100 characters, English titles,
 * references and attributes on some, written in the canonical form
 * `kijun catalog format` writes (so load -> format gives the same bytes).
 * A tailoring is a realistic mix of reword, level, technical, add and
 * exclude changes, each on its own target, so it resolves with no
 * conflict.  `chain` writes one link of a chain of tailorings, each built
 * on the one before (the first on a tailoring of the catalog). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	/* xorshift64*: fast, deterministic on every platform */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ull) >> 33) % n;
}

static void seed(unsigned long s)
{
	rng_state = 0x9E3779B97F4A7C15ull ^ ((uint64_t)s * 0xBF58476D1CE4E5B9ull);
	if (!rng_state)
		rng_state = 1;
}

static const char *const subjects[] = {
	"経営陣は、", "最高情報セキュリティ責任者は、", "情報システム部門は、",
	"各部門の管理者は、", "組織は、", "情報資産の管理責任者は、",
	"委託元の担当者は、", "内部監査部門は、",
};
static const char *const objects[] = {
	"情報資産の目録及び取扱いの手順を", "リスクアセスメントの結果と対応の計画を",
	"アクセス権の付与、変更及び削除の記録を", "委託先との契約における情報セキュリティの要求事項を",
	"事業継続のための手順及び連絡体制を", "利用者の認証情報の管理方法を",
	"暗号鍵の生成、保管及び廃棄の手順を", "ログの取得、保存及び点検の方法を",
	"外部から持ち込まれる媒体の取扱いを", "インシデント発生時の報告経路と判断の基準を",
	"重要な設定の変更に関する承認の手続を", "教育及び訓練の計画とその実施記録を",
};
static const char *const middles[] = {
	"事業への影響の大きさと発生の可能性を踏まえて",
	"法令、規制及び契約上の義務を考慮して",
	"定期的に、また重大な変化があったときに",
	"関係する部門と協議のうえ",
	"最新の脅威動向及び他組織の事例を参考にして",
	"文書化した手順に従って",
};
static const char *const purposes[] = {
	"業務への影響を最小限にとどめるため、", "情報の機密性、完全性及び可用性を維持するため、",
	"委託先を含めた責任の所在を明確にするため、", "監査で確認できる証跡を残すため、",
	"", "",
};
static const char *const endings[] = {
	"定め、承認する。", "見直し、必要に応じて改善する。", "記録し、一定期間保持する。",
	"関係者に周知し、理解されていることを確認する。", "定めることが望ましい。",
	"確実に実施し、その結果を経営陣に報告する。",
};
static const char *const title_words[] = {
	"情報セキュリティ方針", "資産の管理", "アクセス制御", "暗号による管理策",
	"物理的及び環境的セキュリティ", "運用のセキュリティ", "通信のセキュリティ",
	"供給者関係", "インシデント管理", "事業継続", "順守", "人的資源のセキュリティ",
};
static const char *const title_en_words[] = {
	"Information security policy", "Asset management", "Access control",
	"Cryptography", "Physical and environmental security", "Operations security",
	"Communications security", "Supplier relationships", "Incident management",
	"Business continuity", "Compliance", "Human resource security",
};
static const char *const title_tails[] = {
	"の方針", "の計画", "の手順", "の見直し", "の記録", "の体制", "の評価", "の実施",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static FILE *out;  /* the catalog, or /dev/null when only its shape is wanted */
#define putc_out(ch) putc((ch), out)

/* A sentence of about 100 characters. */
static void put_text(void)
{
	fputs(subjects[rnd(N(subjects))], out);
	fputs(purposes[rnd(N(purposes))], out);
	fputs(middles[rnd(N(middles))], out);
	fputs(objects[rnd(N(objects))], out);
	fputs(middles[rnd(N(middles))], out);
	fputs("、", out);
	fputs(endings[rnd(N(endings))], out);
}

static void put_title(unsigned *en)
{
	unsigned w = rnd(N(title_words));

	fputs(title_words[w], out);
	fputs(title_tails[rnd(N(title_tails))], out);
	*en = w;
}

/* Written quoted when a YAML reader could take it for a number or a date,
 * as kijun's writer does. */
static int looks_typed(const char *s)
{
	int digit = 0;

	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = 1;
		else if (!strchr("+-._:eE", *s))
			return 0;
	}
	return digit;
}

static void put_word(const char *s)
{
	if (looks_typed(s))
		fprintf(out, "'%s'", s);
	else
		fputs(s, out);
}

static void indent(unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		putc_out(' ');
}

enum kind { PART = 1, SECTION, CONTROL, DETAIL, ENTRY };
static const char *const kind_names[] = { "", "part", "section", "control", "detail", "entry" };

/* The shape of the tree, kept for the tailoring: ids, kinds, parents. */
struct gen_item {
	char id[64];
	uint8_t kind;
	uint8_t children;
	uint32_t parent;
};

static struct gen_item *items;
static uint32_t item_count;
static const char *const types_yaml =
	"attribute_types:\n"
	"- id: control_type\n  label: 管理策タイプ\n  label_en: Control type\n  values:\n"
	"  - id: Preventive\n    label: 予防\n    label_en: Preventive\n"
	"  - id: Detective\n    label: 検知\n    label_en: Detective\n"
	"  - id: Corrective\n    label: 是正\n    label_en: Corrective\n"
	"- id: properties\n  label: 情報セキュリティ特性\n  label_en: Information security properties\n  values:\n"
	"  - id: Confidentiality\n    label: 機密性\n    label_en: Confidentiality\n"
	"  - id: Integrity\n    label: 完全性\n    label_en: Integrity\n"
	"  - id: Availability\n    label: 可用性\n    label_en: Availability\n"
	"- id: concepts\n  label: サイバーセキュリティ概念\n  label_en: Cybersecurity concepts\n  values:\n"
	"  - id: Identify\n    label: 識別\n    label_en: Identify\n"
	"  - id: Protect\n    label: 防御\n    label_en: Protect\n"
	"  - id: Detect\n    label: 検知\n    label_en: Detect\n"
	"  - id: Respond\n    label: 対応\n    label_en: Respond\n"
	"  - id: Recover\n    label: 復旧\n    label_en: Recover\n";

static const char *const type_values[3][5] = {
	{ "Preventive", "Detective", "Corrective" },
	{ "Confidentiality", "Integrity", "Availability" },
	{ "Identify", "Protect", "Detect", "Respond", "Recover" },
};
static const unsigned type_value_count[3] = { 3, 3, 5 };
static const char *const type_names[3] = { "control_type", "properties", "concepts" };

/* Opens one item: its keys, and "items:" when children follow.  Every
 * item draws the same random numbers whether written or not (to
 * /dev/null), so the tailoring sees the tree the catalog file holds. */
static uint32_t open_item(uint32_t parent, unsigned depth, enum kind kind,
			  const char *id, const char *label, int has_children)
{
	unsigned k = 2 * depth, en;
	uint32_t i = item_count++;

	snprintf(items[i].id, sizeof(items[i].id), "%s", id);
	items[i].kind = (uint8_t)kind;
	items[i].parent = parent;
	items[i].children = 0;
	if (parent != UINT32_MAX)
		items[parent].children++;
	indent(k - 2);
	fputs("- id: ", out);
	put_word(id);
	putc_out('\n');
	indent(k);
	fprintf(out, "kind: %s\n", kind_names[kind]);
	if (label) {
		indent(k);
		fprintf(out, "label: %s\n", label);
	}
	if (kind <= CONTROL) {
		int want_en;

		indent(k);
		fputs("title: ", out);
		put_title(&en);
		putc_out('\n');
		want_en = kind != CONTROL || rnd(2);
		if (want_en) {
			indent(k);
			fprintf(out, "title_en: %s\n", title_en_words[en]);
		}
	}
	if (kind >= CONTROL) {
		indent(k);
		fputs("text: ", out);
		put_text();
		putc_out('\n');
	}
	if (kind == CONTROL) {
		int refs = rnd(2);

		if (refs) {
			indent(k);
			fputs("references:\n", out);
			indent(k);
			fprintf(out, "- '27002-%u.%u'\n", 5 + (i % 4), 1 + (i % 37));
		}
		if (rnd(3) == 0) {
			indent(k);
			fputs("attributes:\n", out);
			for (unsigned t = 0; t < 3; t++) {
				unsigned v = rnd(type_value_count[t]), two = rnd(2);

				indent(k + 2);
				fprintf(out, "%s:\n", type_names[t]);
				indent(k + 2);
				fprintf(out, "- %s\n", type_values[t][v]);
				if (two && v + 1 < type_value_count[t]) {
					indent(k + 2);
					fprintf(out, "- %s\n", type_values[t][v + 1]);
				}
			}
		}
	}
	if (has_children) {
		indent(k);
		fputs("items:\n", out);
	}
	return i;
}

/* The whole tree: 10 parts of sections of 8 controls, each control with
 * 2-5 detailed controls, about a third of which hold 2-6 list entries,
 * until `want` items are written. */
static void build(uint32_t want)
{
	static const char *const labels[] = { "a)", "b)", "c)", "d)", "e)", "f)" };
	char id[32], did[48], eid[64];
	unsigned parts = 10;
	uint32_t per_part = want / parts + 1;

	items = calloc((size_t)want + 64, sizeof(*items));
	if (!items) {
		perror("calloc");
		exit(1);
	}
	item_count = 0;
	for (unsigned p = 1; p <= parts && item_count < want; p++) {
		uint32_t part_end = item_count + per_part, pi;

		snprintf(id, sizeof(id), "%u", p);
		pi = open_item(UINT32_MAX, 1, PART, id, NULL, 1);
		for (unsigned s = 1; item_count < part_end && item_count < want; s++) {
			uint32_t si;

			snprintf(id, sizeof(id), "%u.%u", p, s);
			si = open_item(pi, 2, SECTION, id, NULL, 1);
			for (unsigned c = 1; c <= 8 && item_count < want; c++) {
				unsigned details = 2 + rnd(4);
				uint32_t ci;

				snprintf(id, sizeof(id), "%u.%u.%u", p, s, c);
				ci = open_item(si, 3, CONTROL, id, NULL, 1);
				for (unsigned d = 1; d <= details; d++) {
					unsigned entries = rnd(3) == 0 ? 2 + rnd(5) : 0;
					uint32_t di;

					snprintf(did, sizeof(did), "%s.%u", id, d);
					di = open_item(ci, 4, DETAIL, did, NULL, entries > 0);
					for (unsigned e = 0; e < entries; e++) {
						snprintf(eid, sizeof(eid), "%s/%c", did, 'a' + e);
						open_item(di, 5, ENTRY, eid, labels[e], 0);
					}
				}
			}
		}
	}
}

static void write_catalog(uint32_t want)
{
	fputs("format: kijun-catalog/1\n"
	      "id: bench-catalog\n"
	      "title: ベンチマーク用の管理基準\n"
	      "title_en: A catalog for benchmarks\n"
	      "edition: 第1版\n"
	      "publisher: kijun make bench\n", out);
	fputs(types_yaml, out);
	fputs("items:\n", out);
	build(want);
}

static void change_tail(unsigned step)
{
	fprintf(out, "  step: %u\n", step);
}

static void change_end(void)
{
	fputs("  reason: 当社の体制と運用に合わせ、監査で確認できる表現にするため。\n"
	      "  author: 情報セキュリティ委員会事務局\n"
	      "  date: '2026-11-25'\n", out);
}

/* The changes: each on its own target, never inside an excluded item,
 * added items under controls (detailed controls) or after list entries. */
static void write_changes(uint32_t count, const char *prefix, int may_exclude)
{
	uint8_t *used = calloc(item_count, 1);
	uint32_t stride = item_count / (count + 1), at;

	if (!used) {
		perror("calloc");
		exit(1);
	}
	if (stride == 0)
		stride = 1;
	at = rnd(stride);
	fputs("changes:\n", out);
	for (uint32_t n = 0; n < count; n++, at = (at + stride) % item_count) {
		unsigned op = rnd(100);
		uint32_t i = at;

		if (op >= 90 && !may_exclude)
			op = rnd(90);
		/* an exclusion takes a list entry or a detailed control without
		 * entries, so nothing else targets what is inside it */
		while (used[i] || (op >= 90 && (items[i].children || items[i].kind < DETAIL)))
			i = (i + 1) % item_count;
		used[i] = 1;
		if (op < 40) {
			fputs("- op: reword\n  target: ", out);
			put_word(items[i].id);
			putc_out('\n');
			change_tail(4);
			fputs("  text: ", out);
			put_text();
			putc_out('\n');
		} else if (op < 65) {
			fputs("- op: level\n  target: ", out);
			put_word(items[i].id);
			putc_out('\n');
			change_tail(6);
			fprintf(out, "  level: %s\n", rnd(3) ? "mandatory" : "recommended");
		} else if (op < 75) {
			fputs("- op: technical\n  target: ", out);
			put_word(items[i].id);
			putc_out('\n');
			change_tail(7);
			fprintf(out, "  technical: true\n  review_months: %u\n", 6 + 6 * rnd(4));
		} else if (op < 90) {
			/* a new detailed control under the nearest control (the
			 * next one when the target is a part or a section) */
			uint32_t c = i;
			char nid[128];

			while (items[c].kind > CONTROL)
				c = items[c].parent;
			while (items[c].kind != CONTROL)
				c = (c + 1) % item_count;
			snprintf(nid, sizeof(nid), "%s.%s%u", items[c].id, prefix, n);
			fputs("- op: add\n  parent: ", out);
			put_word(items[c].id);
			putc_out('\n');
			change_tail(4);
			fputs("  item:\n    id: ", out);
			put_word(nid);
			fputs("\n    text: ", out);
			put_text();
			fputs("\n  source:\n    kind: organization\n    ref: 当社のリスクアセスメント\n", out);
		} else {
			fputs("- op: exclude\n  target: ", out);
			put_word(items[i].id);
			putc_out('\n');
			change_tail(3);
		}
		change_end();
	}
	free(used);
}

/* The tree without writing it: the same random draws, to /dev/null. */
static void shape(uint32_t want)
{
	out = fopen("/dev/null", "w");
	if (!out) {
		perror("/dev/null");
		exit(1);
	}
	build(want);
	fclose(out);
	out = stdout;
}

int main(int argc, char **argv)
{
	uint32_t want;

	out = stdout;
	if (argc < 4) {
		fprintf(stderr, "usage: benchgen catalog ITEMS SEED\n"
			"       benchgen tailoring ITEMS SEED CHANGES CATALOG-FILE HASH\n"
			"       benchgen chain ITEMS SEED DEPTH BASE-FILE\n");
		return 2;
	}
	want = (uint32_t)strtoul(argv[2], NULL, 10);
	seed(strtoul(argv[3], NULL, 10));
	if (strcmp(argv[1], "catalog") == 0) {
		write_catalog(want);
	} else if (strcmp(argv[1], "tailoring") == 0 && argc == 7) {
		shape(want);
		/* the catalog's seed drew the tree; the changes draw their own */
		seed(strtoul(argv[3], NULL, 10) * 7919 + strtoul(argv[4], NULL, 10));
		fprintf(out, "format: kijun-tailoring/1\nid: bench-tailoring\n"
			"title: ベンチマーク用の個別管理基準\nbase:\n"
			"  catalog: bench-catalog\n  edition: 第1版\n  hash: %s\n  file: %s\n"
			"organization: ベンチマーク株式会社\n", argv[6], argv[5]);
		write_changes((uint32_t)strtoul(argv[4], NULL, 10), "t", 1);
	} else if (strcmp(argv[1], "chain") == 0 && argc == 6) {
		unsigned depth = (unsigned)strtoul(argv[4], NULL, 10);
		char prefix[16];

		shape(want);
		/* each link draws its own targets; none excludes, so no link
		 * changes what an earlier one took out */
		seed(strtoul(argv[3], NULL, 10) * 1000 + depth);
		snprintf(prefix, sizeof(prefix), "c%u_", depth);
		fprintf(out, "format: kijun-tailoring/1\nid: bench-chain-%u\nbase:\n", depth);
		if (depth == 1)
			fprintf(out, "  tailoring: bench-tailoring\n");
		else
			fprintf(out, "  tailoring: bench-chain-%u\n", depth - 1);
		fprintf(out, "  file: %s\n", argv[5]);
		write_changes(20, prefix, 0);
	} else {
		fprintf(stderr, "benchgen: unknown command %s\n", argv[1]);
		return 2;
	}
	free(items);
	return fflush(out) == 0 ? 0 : 1;
}
