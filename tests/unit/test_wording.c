/* Unit tests for include/kijun/wording.h: reading a requirement's sentence
 * ending, and checking it against the item's level. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "test_util.h"

#include "kijun/wording.h"

static const char *ending_name(enum wording_ending e)
{
	switch (e) {
	case ENDING_NONE: return "none";
	case ENDING_MANDATORY: return "mandatory";
	case ENDING_RECOMMENDED: return "recommended";
	}
	return "?";
}

static void expect_ending(const char *text, enum wording_ending want)
{
	enum wording_ending got = wording_ending(text);

	if (got != want)
		fail_msg("「%s」: %s, want %s", text ? text : "(null)",
			 ending_name(got), ending_name(want));
}

/* ---- wording_ending ----------------------------------------------------------- */

static void test_mandatory(void **state)
{
	static const char *const texts[] = {
		"組織は、情報セキュリティ方針を定め、経営陣が承認しなければならない。",
		"情報セキュリティのための方針群は、あらかじめ定めた間隔で、又は重大な"
		"変化が発生した場合にレビューする。",
		"バックアップの復旧手順について、定期的に試験を行う。",
		"情報資産の取扱いに関する規則は、管理責任者が定めるものとする。",
		"アクセス権の見直しを、少なくとも年に一回実施することとする。",
		"特権的アクセス権の割当てが認可された者に限られることを確実にする。",
		"情報資産ごとに管理責任者を定める。",
		"利用者IDの共有は許可しない。",
		"パスワードを平文で保存してはならない。",
		"取得したログを改ざん及び認可されていないアクセスから保護すること。",
		"ソフトウェアの導入には、事前の承認を得る必要がある。",
		"装置は、正しく保守し、可用性及び完全性を継続的に維持する状態に保つ。",
		"情報セキュリティ事象は、適切な経路を通して速やかに報告します。",
		"委託先には、秘密保持契約の締結が求められる。",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		expect_ending(texts[i], ENDING_MANDATORY);
}

static void test_recommended(void **state)
{
	static const char *const texts[] = {
		"情報セキュリティ方針は、組織の事業戦略と整合していることが望ましい。",
		"重要な情報のバックアップは、遠隔地にも保管するのが望ましい。",
		"外部の専門家によるレビューを定期的に受けるよう努める。",
		"情報セキュリティに関する最新の動向の把握に努めること。",
		"リモートアクセスには多要素認証の導入を推奨する。",
		"可搬型の記憶媒体は、暗号化して保管することが推奨される。",
		"必要に応じて、暗号化の代わりに物理的な保護を用いることができる。",
		"小規模な組織では、役割を兼任してもよい。",
		"開発環境と試験環境は、同一のものであっても差し支えない。",
		"業務で私物の機器を利用することは望ましくない。",
		"重要なシステムの構成情報は、複数の担当者で共有することが望ましいです。",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		expect_ending(texts[i], ENDING_RECOMMENDED);
}

static void test_none(void **state)
{
	static const char *const texts[] = {
		"記録の保護",                          /* a list entry */
		"a) 取得したログの保持期間",
		"5.1 情報セキュリティのための方針群",  /* a heading */
		"情報セキュリティ方針",
		"外部の専門家の助言を得る",            /* a fragment of a list */
		"情報セキュリティの最終的な責任は、経営陣にある責任である。",
		"利用者は、自らのパスワードを変更できる。",
		"重要度に応じた分類。",
		"Top management shall approve the information security policy.",
		"Backups should be tested regularly.",
		"",
		"  \n",
		"。",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		expect_ending(texts[i], ENDING_NONE);
	expect_ending(NULL, ENDING_NONE);
}

static void test_longest_phrase_wins(void **state)
{
	(void)state;
	/* 努め… inside an obligation, できる inside a permission. */
	expect_ending("継続的な改善に努めなければならない。", ENDING_MANDATORY);
	expect_ending("管理者は、ログを閲覧することができる。", ENDING_RECOMMENDED);
	expect_ending("管理者は、ログを閲覧できる。", ENDING_NONE);
	/* The negative of a recommendation is still a recommendation. */
	expect_ending("共有アカウントの使用は望ましくない。", ENDING_RECOMMENDED);
	expect_ending("共有アカウントを使用する必要はない。", ENDING_RECOMMENDED);
	expect_ending("共有アカウントを使用しない。", ENDING_MANDATORY);
}

static void test_last_sentence_only(void **state)
{
	(void)state;
	expect_ending("アクセス制御方針を定める。ただし、業務上の必要に応じて例外を"
		      "設けることが望ましい。", ENDING_RECOMMENDED);
	expect_ending("ログは一元的に管理することが望ましい。なお、ログは少なくとも"
		      "一年間保存する。", ENDING_MANDATORY);
	expect_ending("次の事項を含む手順を定める。\na) 記録の保護", ENDING_NONE);
	expect_ending("手順を定めることが望ましい。\n次の事項を考慮する。", ENDING_MANDATORY);
	expect_ending("手順を定める。\n次の事項を考慮することが望ましい。\n",
		      ENDING_RECOMMENDED);
}

static void test_trailing_noise(void **state)
{
	(void)state;
	expect_ending("情報資産の目録を作成する。\n", ENDING_MANDATORY);
	expect_ending("情報資産の目録を作成する。\r\n", ENDING_MANDATORY);
	expect_ending("情報資産の目録を作成する。   ", ENDING_MANDATORY);
	expect_ending("情報資産の目録を作成する。\u3000", ENDING_MANDATORY);
	expect_ending("情報資産の目録を作成する．", ENDING_MANDATORY);
	expect_ending("「情報資産の目録を作成する。」", ENDING_MANDATORY);
	expect_ending("（情報資産の目録を作成することが望ましい。）", ENDING_RECOMMENDED);
	expect_ending("情報資産の目録を作成することが望ましい\n", ENDING_RECOMMENDED);
	expect_ending("情報資産の目録を作成する。」）\n", ENDING_MANDATORY);
	/* A note after the wording is looked past, not read as the ending. */
	expect_ending("情報資産の目録を作成する（5.9参照）。", ENDING_MANDATORY);
	expect_ending("目録を作成することが望ましい（附属書A参照）。\n", ENDING_RECOMMENDED);
	expect_ending("目録を作成する。（注）", ENDING_MANDATORY);
	expect_ending("目録を作成する（例えば、年に一回。）。", ENDING_MANDATORY);
	expect_ending("目録を作成する。\n（少なくとも年に一回見直すことが望ましい。）",
		      ENDING_MANDATORY);
	expect_ending("（目録を作成する。）", ENDING_MANDATORY);
	expect_ending("（目録を作成することが望ましい）", ENDING_RECOMMENDED);
	expect_ending("記録の保護（ログを含む）", ENDING_NONE);
	/* Only one final 。 is looked past. */
	expect_ending("目録を作成する。。", ENDING_NONE);
}

/* ---- wording_contradicts --------------------------------------------------------- */

static void test_mandatory_item(void **state)
{
	(void)state;
	assert_true(wording_contradicts("重要な情報は暗号化することが望ましい。",
					WORDING_MANDATORY));
	assert_true(wording_contradicts("脆弱性情報の収集に努める。", WORDING_MANDATORY));
	assert_true(wording_contradicts("多要素認証を推奨する。", WORDING_MANDATORY));
	assert_true(wording_contradicts("ログを外部に保管することができる。",
					WORDING_MANDATORY));
	assert_false(wording_contradicts("重要な情報は暗号化しなければならない。",
					 WORDING_MANDATORY));
	assert_false(wording_contradicts("重要な情報を暗号化する。", WORDING_MANDATORY));
	assert_false(wording_contradicts("暗号鍵の管理手順を定める。\n", WORDING_MANDATORY));
}

static void test_recommended_item(void **state)
{
	(void)state;
	assert_true(wording_contradicts("重要な情報は暗号化しなければならない。",
					WORDING_RECOMMENDED));
	assert_true(wording_contradicts("重要な情報を暗号化する。", WORDING_RECOMMENDED));
	assert_true(wording_contradicts("定期的に脆弱性診断を行う。", WORDING_RECOMMENDED));
	assert_true(wording_contradicts("暗号化には、承認された方式を用いることとする。",
					WORDING_RECOMMENDED));
	assert_true(wording_contradicts("暗号化されることを確実にする。",
					WORDING_RECOMMENDED));
	assert_true(wording_contradicts("暗号鍵の管理手順を定める。", WORDING_RECOMMENDED));
	assert_false(wording_contradicts("重要な情報は暗号化することが望ましい。",
					 WORDING_RECOMMENDED));
	assert_false(wording_contradicts("脆弱性情報の収集に努める。", WORDING_RECOMMENDED));
	assert_false(wording_contradicts("多要素認証を推奨する。", WORDING_RECOMMENDED));
}

static void test_none_never_contradicts(void **state)
{
	static const char *const texts[] = {
		"記録の保護", "5.1 情報セキュリティのための方針群",
		"Top management shall approve the policy.", "", NULL,
	};

	(void)state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_false(wording_contradicts(texts[i], WORDING_MANDATORY));
		assert_false(wording_contradicts(texts[i], WORDING_RECOMMENDED));
	}
}

static void test_odd_bytes(void **state)
{
	(void)state;
	/* Cut or bad UTF-8 at the end must neither crash nor read past it. */
	expect_ending("\xE3\x80", ENDING_NONE);
	expect_ending("定める\xE3\x80", ENDING_NONE);
	expect_ending("\xFF\xFF\xFF\xFF\xFF", ENDING_NONE);
	expect_ending("\x80", ENDING_NONE);
	expect_ending("）", ENDING_NONE);
	expect_ending("（（（）", ENDING_NONE);
	expect_ending("定める）。", ENDING_MANDATORY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mandatory),
		cmocka_unit_test(test_recommended),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_longest_phrase_wins),
		cmocka_unit_test(test_last_sentence_only),
		cmocka_unit_test(test_trailing_noise),
		cmocka_unit_test(test_mandatory_item),
		cmocka_unit_test(test_recommended_item),
		cmocka_unit_test(test_none_never_contradicts),
		cmocka_unit_test(test_odd_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
