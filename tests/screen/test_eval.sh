#!/bin/sh
# The auditor's screen at 80x24 (issue 12): kijun eval new makes a design
# evaluation of ten items; kijun FILE opens it on the first item; one key
# records a result and it is in the file at once; procedures, findings and
# evidence are added on the item; a finding bounds the result; quit in the
# middle and reopened, it starts at the next item without a result with
# nothing lost; the rest is evaluated; kijun results prints it; an
# operating evaluation takes only what the design found effective.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
cp "$E2E_TOP/data/examples/guideline-examples.yaml" "$W/corp.yaml"
printf 'アクセス権申請書 2026年度\n' >"$W/req.txt"
ID="KIJUN_AUTHOR=監査 太郎"
DAY=KIJUN_DATE=2026-11-29

# has TEXT REGEX: a line of TEXT matches the extended REGEX.
has() {
	printf '%s\n' "$1" | grep -qE -- "$2" || fail "no line matches /$2/ in: $1"
}

# results: `kijun results d.yaml`, checked clean.
results() {
	kijun_cli 0 results "${1:-d.yaml}"
	[ ! -s "$E2E_DIR/cli.err" ] || fail "kijun results wrote to stderr: $(cli_err)"
	cli_out
}

# result_of ID: the result column of ID in kijun results.
result_of() {
	results | awk -F '\t' -v id="$1" '$1 == id { print $3 }'
}

# ---- kijun eval new: ten items, in document order ----
kijun_cli 1 eval new corp.yaml -o d.yaml --kind design --period 2027-03-31..2026-04-01
has "$(cli_err)" '^--period は FROM\.\.TO'
kijun_cli 0 eval new corp.yaml -o d.yaml --kind design --scope "5a-5.1 5a-5.2 5a-5.3.1" \
	--period 2026-04-01..2027-03-31
grep -q "^  from: '2026-04-01'$" "$W/d.yaml" || fail "the period was not written"
has "$(cli_err)" '評価対象 10 項目（整備状況評価）、対象外 0 項目'
assert_eq "$(results | wc -l | tr -d ' ')" 10 "items in the new evaluation"
assert_eq "$(results | cut -f 1 | tr '\n' ' ')" \
	"5a-5.1.1 5a-5.1.2 5a-5.1.3 5a-5.1.4 5a-5.1.5 5a-5.2.1 5a-5.2.2 5a-5.2.3 5a-5.2.4 5a-5.3.1 " \
	"the items"
kijun_cli 1 eval new corp.yaml -o d.yaml --kind design
has "$(cli_err)" 'd.yaml は既にあります'
cp "$W/d.yaml" "$E2E_DIR/new.yaml"

# ---- the first session: five items ----
start "$ID" "$DAY" -- d.yaml
wait_line 2 '^\[\.+\] 0/10  有効 0  一部有効 0  有効でない 0  該当なし 0$'
assert_line 3 '^未着手 10  実施中 0  レビュー待ち 0  完了 0  \| 未完了の指摘 0$'
assert_line 4 '^\[1/10\] 5a-5\.1\.1  結果: 未評価  状態: 未着手  1-4,0: 結果  n: 次  \?: キー'
assert_line 5 '^ 5a-5\.1\.1$'
assert_contains '情報セキュリティ方針の策定にあたっては'
wait_status '^ 整備状況評価 \| d\.yaml \| 1/10 '
wait_message '^0 / 10 項目を評価済み'
assert_line 6 '^ 5a-5\.1 情報セキュリティのための方針群 の詳細管理策$'
# ?: the auditor's keys, in Japanese; q goes back.
keys ?
wait_line 2 '^監査画面のキー$'
assert_contains '  1                 結果: 有効'
assert_contains '  c                 コメントを書く・直す'
keys q
wait_line 4 '^\[1/10\] 5a-5\.1\.1'

# 1: 有効, in the file at once.
keys 1
wait_message '^5a-5\.1\.1: 有効（保存しました）$'
assert_line 4 '^\[1/10\] 5a-5\.1\.1  結果: 有効  状態: 実施中'
assert_eq "$(result_of 5a-5.1.1)" effective "5a-5.1.1 in the file right after 1"

# n: the next item without a result; a procedure on it, 質問 alone warned.
keys n
wait_line 4 '^\[2/10\] 5a-5\.1\.2  結果: 未評価'
keys p
wait_message '^手続: i 閲覧  q 質問  o 観察  r 再実施'
keys q
type_text "情報セキュリティ委員会事務局長"
keys Enter
wait_message '^5a-5\.1\.2: 質問（保存しました）$'
assert_contains '質問: 情報セキュリティ委員会事務局長'
assert_contains '! 質問だけでは証拠として弱い'
keys p i
type_text "情報セキュリティ方針 第3版"
keys Enter
wait_message '^5a-5\.1\.2: 閲覧（保存しました）$'
assert_not_contains '! 質問だけでは証拠として弱い'

# A minor deficiency: 有効 is refused, 一部有効 taken.
keys f 2
type_text "方針の承認記録が一部欠けている"
keys Enter
type_text "代理承認の手順がない"
keys Enter
type_text "情報システム部長"
keys Enter
type_text "2027-02-30"
keys Enter
wait_message '^改善の期限 YYYY-MM-DD'
assert_row_with '日付は YYYY-MM-DD で書くか' '.'
keys C-u
type_text "2027-01-31"
keys Enter u
wait_message '^5a-5\.1\.2: 指摘を追加（保存しました）$'
assert_line 3 '未完了の指摘 1$'
keys 1
wait_message '^5a-5\.1\.2: 指摘があるため、結果は最良でも 一部有効 です'
assert_eq "$(result_of 5a-5.1.2)" none "5a-5.1.2 after a refused 1"
keys 2
wait_message '^5a-5\.1\.2: 一部有効（保存しました）$'

# Evidence: a file beside the evaluation, hashed and checked when shown.
keys e
type_text "申請書の写し"
keys Enter
type_text "共有フォルダ 監査/2026"
keys Enter
type_text "req.txt"
keys Enter
wait_message '^5a-5\.1\.2: 証跡を追加（保存しました）$'
keys G
wait_line 4 '^\[10/10\] 5a-5\.3\.1'
keys h
wait_line 4 '^\[9/10\] 5a-5\.2\.4'
keys g l
wait_line 4 '^\[2/10\] 5a-5\.1\.2'
keys PgDn PgDn
assert_contains 'ファイル確認済み: sha256 が一致'
assert_contains '[軽微な不備][緊急][未対応] 方針の承認記録が一部欠けている'

# Three more: 有効でない, 該当なし, 有効, with n between.
keys n
wait_line 4 '^\[1/10\]|^\[3/10\]'
keys g n
wait_line 4 '^\[3/10\] 5a-5\.1\.3  結果: 未評価'
keys 3 n 4 n 1
wait_line 2 '^\[#+\.+\] 5/10  有効 2  一部有効 1  有効でない 1  該当なし 1$'
assert_line 4 '^\[5/10\] 5a-5\.1\.5  結果: 有効'
cp "$W/d.yaml" "$E2E_DIR/mid.yaml"
finish

# ---- reopened: where the work stopped, nothing lost ----
start "$ID" "$DAY" -- d.yaml
wait_line 4 '^\[6/10\] 5a-5\.2\.1  結果: 未評価  状態: 未着手'
assert_line 2 '^\[#+\.+\] 5/10  有効 2  一部有効 1  有効でない 1  該当なし 1$'
wait_message '^5 / 10 項目を評価済み'
cmp -s "$W/d.yaml" "$E2E_DIR/mid.yaml" || fail "opening changed the file: $(diff "$E2E_DIR/mid.yaml" "$W/d.yaml")"
keys h h h h
wait_line 4 '^\[2/10\] 5a-5\.1\.2  結果: 一部有効'
keys PgDn
assert_contains '[軽微な不備][緊急][未対応] 方針の承認記録が一部欠けている'
assert_contains '改善: 情報システム部長、期限 2027-01-31'
keys F
wait_line 2 '^未完了の指摘（1）'
assert_line 3 '^5a-5\.1\.2 2027-01-31 情報システム部長 \[軽微な不備\]\[緊急\]\[未対応\] 方針の承認記録'
keys Enter
wait_line 4 '^\[2/10\] 5a-5\.1\.2'
# The decision takes the partly effective design on to operation.
keys d
type_text "承認記録の補完を条件に運用評価へ進める"
keys Enter
wait_message '^5a-5\.1\.2: 判断を記録（保存しました）$'
keys o p
wait_message '^5a-5\.1\.2: 作成者として承認（保存しました）$'
assert_line 4 '状態: レビュー待ち'
keys n
wait_line 4 '^\[6/10\] 5a-5\.2\.1'
keys 1 n 1 n 1 n 3 n 1
wait_line 2 '^\[#+\] 10/10  有効 6  一部有効 1  有効でない 2  該当なし 1$'
keys n
wait_message '^すべての項目に結果があります$'
finish

assert_eq "$(results | cut -f 1,3 | tr '\t\n' ': ')" \
	"5a-5.1.1:effective 5a-5.1.2:partly-effective 5a-5.1.3:not-effective 5a-5.1.4:not-applicable 5a-5.1.5:effective 5a-5.2.1:effective 5a-5.2.2:effective 5a-5.2.3:effective 5a-5.2.4:not-effective 5a-5.3.1:effective " \
	"the results after two sessions"
assert_eq "$(results | awk -F '\t' '$1 == "5a-5.1.2"')" \
	"$(printf '5a-5.1.2\treview\tpartly-effective\tinquiry,inspection\t1\tminor:open\t2026-11-29')" \
	"5a-5.1.2's line"
grep -q '^    sha256: sha256:' "$W/d.yaml" || fail "the evidence file's hash was not recorded"

# ---- the tailoring changes: the changed item is flagged until evaluated again ----
cat >>"$W/corp.yaml" <<'YAML'
- op: reword
  target: 5a-5.2.1
  step: 4
  text: 情報セキュリティの役割及び責任は、職務記述書に定めて割り当てる。
  reason: 職務記述書で管理しているため。
  author: 情報セキュリティ委員会事務局
  date: '2026-11-28'
YAML
start "$ID" "$DAY" -- d.yaml
wait_message '^個別管理基準が変わりました: 本文変更 1 項目、削除 0 項目（ページに表示）$'
keys G h h h h
wait_line 4 '^\[6/10\] 5a-5\.2\.1  結果: 有効'
assert_contains '! 評価後に本文が変わりました: 評価し直してください'
assert_contains '職務記述書に定めて割り当てる'
keys 1
wait_message '^5a-5\.2\.1: 有効（保存しました）$'
assert_not_contains '! 評価後に本文が変わりました'
finish

# ---- the gate: an operating evaluation of what the design found sound ----
kijun_cli 0 eval new corp.yaml -o o.yaml --kind operating --from d.yaml
has "$(cli_err)" '評価対象 7 項目（運用状況評価）、対象外 3 項目'
assert_eq "$(cli_out | cut -f 1,2 | tr '\t\n' ': ')" \
	"5a-5.1.3:not-effective 5a-5.1.4:not-applicable 5a-5.2.4:not-effective " \
	"the items the gate left out"
assert_eq "$(results o.yaml | cut -f 1 | tr '\n' ' ')" \
	"5a-5.1.1 5a-5.1.2 5a-5.1.5 5a-5.2.1 5a-5.2.2 5a-5.2.3 5a-5.3.1 " "the operating items"
grep -q '^  file: d.yaml$' "$W/o.yaml" || fail "o.yaml does not name its design evaluation"
grep -q "^  to: '2027-03-31'$" "$W/o.yaml" || fail "o.yaml did not take the design's period"
kijun_cli 1 eval new corp.yaml -o o2.yaml --kind operating

# ---- one kijun at a time; a file changed under it is not saved over ----
start "$ID" "$DAY" -- o.yaml
wait_line 4 '^\[1/7\] 5a-5\.1\.1'
[ -f "$W/o.yaml.kijun-lock" ] || fail "no lock beside the open evaluation"
kijun_cli 2 o.yaml
has "$(cli_err)" '^o\.yaml は .*kijun で開いています'
printf '# edited elsewhere\n' >>"$W/o.yaml"
cp "$W/o.yaml" "$E2E_DIR/elsewhere.yaml"
keys 1
wait_message '^保存できません: 開いた後にファイルがディスク上で変わりました'
cmp -s "$W/o.yaml" "$E2E_DIR/elsewhere.yaml" || fail "kijun saved over a file changed on disk"
finish
[ ! -e "$W/o.yaml.kijun-lock" ] || fail "the lock was left after quitting"

# ---- a damaged file: every problem at its place ----
sed 's/^  result: effective$/  result: excellent/' "$W/d.yaml" >"$W/bad.yaml"
kijun_cli 2 results bad.yaml
has "$(cli_err)" '^bad\.yaml:[0-9]+:11: result「excellent」は不明です'
pass
