#!/bin/sh
# Governance effectiveness (issue 12, the guideline's III.1): kijun eval
# new --kind governance makes the three measures; the auditor's screen
# shows a page per measure with the guideline's question and its figures
# (top management's answers, each group's share of staff aware of the key
# risks, each department's target and reach); a result recorded there is
# in the file; kijun results and the reports carry the measures; a file
# with an item that is no measure is refused at the id.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
cp "$E2E_TOP/tests/golden/small.yaml" "$E2E_TOP/tests/golden/small-catalog.yaml" "$W/"

has() {
	printf '%s\n' "$1" | grep -qE -- "$2" || fail "no line matches /$2/ in: $1"
}

kijun_cli 1 eval new small.yaml -o g.yaml --kind governance --scope S1
kijun_cli 0 eval new small.yaml -o g.yaml --kind governance --period 2026-04-01..2027-03-31
has "$(cli_err)" '評価対象 3 項目（ガバナンスの有効性評価）'
kijun_cli 0 results g.yaml
assert_eq "$(cli_out | cut -f 1 | tr '\n' ' ')" "top-management risk-awareness targets " "the measures"

# The figures, as an auditor writes them into the file.
awk '
/^- id: risk-awareness$/ { print; getline; print; getline; print
	print "  risks:"; print "  - 個人情報の漏えい"
	print "  groups:"
	print "  - group: 役員"; print "    aware: 8"; print "    total: 10"
	print "  - group: 従業員"; print "    aware: 420"; print "    total: 600"
	next }
/^- id: targets$/ { print; getline; print; getline; print
	print "  targets:"
	print "  - department: 営業部"; print "    target: 訓練メールの開封率 10% 以下"
	print "    actual: 8%"; print "    reached: reached"
	print "  - department: 開発部"; print "    target: 脆弱性の修正 30 日以内"
	print "    reached: not-reached"
	next }
{ print }' "$W/g.yaml" >"$W/g.tmp" && mv "$W/g.tmp" "$W/g.yaml"
sed -i 's/^  informed: unknown$/  informed: yes/' "$W/g.yaml"
kijun_cli 0 results g.yaml

# ---- the screen: a page per measure ----
start KIJUN_DATE=2026-11-29 -- g.yaml
wait_line 4 '^\[1/3\] top-management  結果: 未評価'
assert_contains 'トップマネジメントにおける役割の遂行'
assert_contains '最新の動向を認識している: はい'
assert_contains 'トップマネジメントへの伝達の仕組みが機能している: 未確認'
assert_not_contains 'なくなりました'
# m records the measure's figures where it stands.
keys m y n
wait_message '^top-management: 測定値を記録（保存しました）$'
assert_contains 'トップマネジメントへの伝達の仕組みが機能している: いいえ'
keys l
wait_line 4 '^\[2/3\] risk-awareness'
assert_contains 'リスク認識の共有の程度'
assert_contains '役員: 8 / 10 人（80%）'
assert_contains '全体: 70% が重要なリスクを認識'
keys 2
wait_message '^risk-awareness: 一部有効（保存しました）$'
# A group's count: the same group again replaces it; a bad count is asked again.
keys m g
type_text "役員"
keys Enter
type_text "9 of 10"
keys Enter
wait_message '^認識している人数/全体の人数: 9 of 10'
keys C-u
type_text "10/10"
keys Enter
wait_message '^risk-awareness: 測定値を記録（保存しました）$'
assert_contains '役員: 10 / 10 人（100%）'
assert_contains '全体: 70% が重要なリスクを認識'
keys l
wait_line 4 '^\[3/3\] targets'
assert_contains '営業部: 目標 訓練メールの開封率 10% 以下、実績 8%: 達成'
assert_contains '1 / 2 部署が目標を達成'
keys m
type_text "開発部"
keys Enter
type_text "脆弱性の修正 30 日以内"
keys Enter
type_text "96%"
keys Enter r
wait_message '^targets: 測定値を記録（保存しました）$'
assert_contains '開発部: 目標 脆弱性の修正 30 日以内、実績 96%: 達成'
assert_contains '2 / 2 部署が目標を達成'
keys q
finish
kijun_cli 0 results g.yaml
has "$(cli_out)" '^risk-awareness	doing	partly-effective	'
grep -q "^  reporting: 'no'$" "$W/g.yaml" || fail "the answer on reporting is not in the file"
assert_eq "$(grep -c '^  - group: 役員$' "$W/g.yaml")" 1 "役員 groups after recording it again"

# ---- the report carries the measures ----
kijun_cli 0 report g.yaml --format md
has "$(cli_out)" '^### risk-awareness リスク認識の共有の程度$'
has "$(cli_out)" '^従業員: 420 / 600 人（70%）  $'
has "$(cli_out)" '^\| risk-awareness \| 一部有効 \|'
has "$(cli_out)" '^\| 項目 ID \| 評価結果 \| 作業状態 \| 判断 \| 結論 \| 承認 \|$'
# The OSCAL assessment results of a governance evaluation validate too.
if [ -d "$E2E_TOP/tests/oscal/node_modules/ajv" ]; then
	kijun_cli 0 report g.yaml --format oscal-ar -o g.json
	node "$E2E_TOP/tests/oscal/validate.js" \
		"${KIJUN_SHARED_DATA:-$E2E_TOP/../shared/data}/oscal/schema/oscal_assessment-results_schema.json" \
		"$W/g.json" >"$E2E_DIR/validate.log" 2>&1 ||
		fail "governance assessment results do not validate: $(head -n 20 "$E2E_DIR/validate.log")"
fi
kijun_cli 0 report g.yaml --format csv -o g.csv
node "$E2E_TOP/tests/golden/csv_read.js" "$W/g.csv" >"$E2E_DIR/rows.json" || fail "the CSV does not read back"
node -e '
const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const head = rows.find(r => r[0] === "項目 ID");
const col = head.indexOf("事実: 測定項目（III.1）");
const t = rows.find(r => r[0] === "targets");
if (col < 0 || !t[col].includes("開発部: 目標 脆弱性の修正 30 日以内、実績 96%: 達成")) { console.error(head, t); process.exit(1); }
' "$E2E_DIR/rows.json" || fail "the CSV has no measure column"

# ---- an item that is no measure, at its place ----
sed 's/^- id: targets$/- id: S1-1.1/' "$W/g.yaml" >"$W/bad.yaml"
kijun_cli 2 results bad.yaml
has "$(cli_err)" 'bad\.yaml:[0-9]+:[0-9]+: .*S1-1\.1 はガバナンスの測定項目ではありません'
pass
