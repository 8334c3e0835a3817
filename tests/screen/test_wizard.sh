#!/bin/sh
# The wizard (w) at 80x24 on the built-in catalog, the whole way: kijun new
# makes the file; page 0 takes the scope, the policy's four elements, the
# scale and a risk; step 1 keeps part III and excludes IV and V; saved and
# quit halfway, `kijun progress` shows where it stands; reopened, w
# resumes on the page it was left at; step 3 picks a NIST CSF 2.0
# subcategory as a detailed control (p); step 6 gives a level to a whole
# branch (B); the summary says every step is complete, and so does
# `kijun progress`.  Also: a page with open warnings asks before moving
# on, and kijun new refuses to overwrite.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=w.yaml

# progress: `kijun progress` as "page:decided/total:open" words.
progress() {
	kijun_cli 0 --lang=en progress "$F"
	[ ! -s "$E2E_DIR/cli.err" ] || fail "kijun progress wrote to stderr: $(cat "$E2E_DIR/cli.err")"
	awk -F '\t' '{ printf "%s%s:%s/%s:%s", (NR > 1 ? " " : ""), $1, $3, $4, $5 }' "$E2E_DIR/cli.out"
}
# reason TEXT: the reason prompt is open; gives TEXT.
reason() {
	wait_line "$(window_rows)" '理由:'
	type_text "$1"
	keys Enter
	wait_message '^記録しました: '
}
# answer TEXT: types TEXT at the open line prompt and presses Enter.
answer() {
	type_text "$1"
	keys Enter
}

kijun_cli 0 new "$F" --title "例示社の個別管理基準" --organization "株式会社例示"
kijun_cli 2 new "$F"
grep -q 'never overwrites' "$E2E_DIR/cli.err" || true
grep -q '^organization: 株式会社例示$' "$W/$F" || fail "kijun new did not write the organization"
assert_eq "$(progress | cut -d' ' -f1)" "0:1/5:4" "progress of a new file"

start KIJUN_AUTHOR="事務局" KIJUN_DATE=2026-11-25 -- "$F"
keys w
wait_for "ウィザード 0/7  1/5 済  警告 4 件  リスクの前提"
assert_match '^ 組織: 株式会社例示$'
assert_match '^ 対象の拠点: （未記入）$'

# ---- page 0: the title, a scope change with its reason; u takes it back ----
assert_match '^ 表題: 例示社の個別管理基準$'
keys 0
wait_message '^個別管理基準の表題: 例示社の個別管理基準$'
keys C-u
answer "例示社の個別管理基準 第2版"
reason "版を改めた"
assert_match '^ 表題: 例示社の個別管理基準 第2版$'
assert_line 1 '^ kijun \| 例示社の個別管理基準 第2版  \('
keys u
wait_message '^取り消しました: '
assert_match '^ 表題: 例示社の個別管理基準$'
assert_line 1 '^ kijun \| 例示社の個別管理基準  \('
keys C-r
wait_message '^やり直しました: '
assert_match '^ 表題: 例示社の個別管理基準 第2版$'

# ---- page 0: the risk basis ----
keys 2
wait_message '^対象の拠点:'
answer "東京本社"
answer "顧客情報"
answer ""
reason "適用範囲を定める"
assert_match '^ 対象の拠点: 東京本社$'
keys 3
answer "四半期ごとの委員会で共有する"
answer "高は半年以内に中以下にする"
answer "委員会で社長に報告する"
answer "年度末に評価し方針を見直す"
reason "リスク管理方針"
keys 4
answer "高 中 低"
reason "当社の3段階の尺度"
assert_match '^ リスクの尺度: 高 > 中 > 低$'
keys 5
answer "R1"
answer "委託先からの顧客情報の漏えい"
answer "顧客情報"
answer "CI"
answer "高"
answer "中"
answer "2027-05-31"
answer "情報システム部長"
reason "リスクアセスメントの結果"
wait_for "ウィザード 0/7  5/5 済  リスクの前提"
assert_match '^  R1  高 → 中 2027-05-31  CI  委託先からの顧客情報の漏えい$'

# No warnings: ] goes straight on.
keys ]
wait_for "ウィザード 1/7  0/667 済  警告 667 件"
assert_match '基準の項目を一つずつ見て決める'

# ---- step 1: keep III, exclude IV and V ----
keys /
type_text "IV"
keys Enter
keys x
reason "マネジメント基準は別の規程で扱う"
keys /
type_text "V"
keys Enter
keys x
reason "管理策基準は今回の範囲外"
keys /
type_text "III"
keys Enter
keys K
reason "ガバナンス基準はそのまま適用する"
wait_for "ウィザード 1/7  667/667 済"
assert_match '対象はありません。この手順は完了、\] で次へ'

# Saved and quit halfway: progress on the file, position kept.
keys s
wait_message '件の変更を .* に保存しました$'
keys q
wait_status '^ 閲覧 \| '
keys q
wait_exit 10
assert_clean_exit 0
stop_kijun
grep -q '^wizard_page: 1$' "$W/$F" || fail "the wizard's page was not saved"
got=$(progress)
case $got in
"0:5/5:0 1:667/667:0 2:0/0:0 3:0/0:0 4:0/0:0 5:0/0:0 6:0/52:52 7:0/0:0") ;;
*) fail "progress halfway: $got" ;;
esac

# ---- resumed: w opens on step 1 ----
start KIJUN_AUTHOR="事務局" KIJUN_DATE=2026-11-26 -- "$F"
keys w
wait_for "ウィザード 1/7  667/667 済"
keys ] ]
wait_for "ウィザード 3/7  0/0 済"
# Step 3: p picks a NIST CSF 2.0 subcategory as a detailed control.
keys p
wait_message '^追加先の項目:'
answer "3.1.1"
wait_message '^取り込む元.*: csf-2\.0'
answer ""
answer "GV.OC-99"
wait_message 'GV.OC-99 は NIST CSF 2.0 のサブカテゴリではありません'
# A catalog that does not open is said before the control is asked.
keys p
answer "3.1.1"
keys C-u
answer "no-such-catalog.yaml"
wait_message 'no-such-catalog\.yaml'
keys p
answer "3.1.1"
answer ""
answer "GV.OC-01"
reason "組織の使命をリスク管理に反映するため"
wait_for "ウィザード 3/7  1/1 済"
assert_match 'GV\.OC-01 The organizational '
# T links it to the risk it treats.
keys T
wait_message '^対応するリスク'
answer "R1"
reason "委託先管理の対策"
assert_match '\| 対応するリスク$'
assert_match '\|  R1$'
keys ] ]
wait_for "ウィザード 5/7  0/0 済"
keys ]
wait_for "ウィザード 6/7  0/53 済  警告 53 件"
# Open warnings ask before moving on; Esc stays.
keys ]
wait_message '警告 53 件: a 理由を付けて承知する'
keys Escape
wait_for "ウィザード 6/7"
# f: only what treats the risks of the highest level (R1, 高), then all again.
keys f
wait_message '^水準 高 以上のリスクに対応する項目だけ'
assert_match 'GV\.OC-01 The organizational '
assert_no_match ' 3\.1\.2 '
keys f f f
wait_message '^この手順のすべての項目'
assert_match ' 3\.1\.2 '
# B at the top of the branch: every item below without a level.
keys g B
wait_message '水準のない配下の項目すべてに設定する水準は'
keys 1
reason "ガバナンス基準は必須とする"
wait_for "ウィザード 6/7  53/53 済"
# One u takes the whole branch back; Ctrl-R puts it back.
keys u
wait_for "ウィザード 6/7  0/53 済"
keys C-r
wait_for "ウィザード 6/7  53/53 済"
keys ] ]
wait_for "ウィザード: まとめ"
assert_match '^ 1 情報セキュリティ管理基準の参照・項目の抽出: 除外 2 そのまま維持する 1$'
assert_match '^  なし: すべての手順が完了$'
keys s
wait_message '件の変更を .* に保存しました$'
keys q
wait_status '^ 閲覧 \| '
# The tree filtered by the risks' levels: GV.OC-01 treats R1 (高).
keys f
type_text "risk:>=中"
keys Enter
wait_line 24 '^絞り込み: 1 項目が該当'
assert_match 'GV\.OC-01 '
assert_no_match ' 3\.1\.2 '
keys f End C-u
type_text "risk:R9"
keys Enter
wait_line 23 '「R9」はここで使える値ではありません'
keys Escape Escape
finish

got=$(progress)
case $got in
"0:5/5:0 1:667/667:0 2:0/0:0 3:1/1:0 4:0/0:0 5:0/0:0 6:53/53:0 7:0/0:0") ;;
*) fail "progress at the end: $got" ;;
esac
grep -q '^wizard_page: 8$' "$W/$F" || fail "the wizard's last page was not saved"
kijun_cli 0 changes "$F"
grep -q '^3	add	GV\.OC-01	事務局	2026-11-26	組織の使命をリスク管理に反映するため$' "$E2E_DIR/cli.out" ||
	fail "the CSF pick is not a step 3 addition: $(cat "$E2E_DIR/cli.out")"
grep -q '^    kind: standard$' "$W/$F" && grep -q '^    ref: NIST CSF 2.0 GV.OC-01$' "$W/$F" ||
	fail "the CSF pick has no source"
kijun_cli 0 resolve "$F"

# kijun new on a tailoring file: the base is named relative to the new file.
mkdir "$W/sub"
kijun_cli 0 new sub/x.yaml --base "$F"
grep -q '^  tailoring: w$' "$W/sub/x.yaml" && grep -q '^  file: \.\./w\.yaml$' "$W/sub/x.yaml" ||
	fail "kijun new --base FILE: $(cat "$W/sub/x.yaml")"
kijun_cli 0 progress sub/x.yaml
kijun_cli 0 new c.yaml --base csf-2.0
grep -q '^  catalog: csf-2.0$' "$W/c.yaml" || fail "kijun new --base csf-2.0: $(cat "$W/c.yaml")"
# It opens on that catalog: step 1 is about CSF's 106 subcategories.
kijun_cli 0 --lang=en progress c.yaml
grep -q '^1	refer to the standard and extract items	0	106	106$' "$E2E_DIR/cli.out" ||
	fail "progress on a csf-2.0 base: $(cat "$E2E_DIR/cli.out")"
kijun_cli 2 new y.yaml --base nope
[ ! -e "$W/y.yaml" ] || fail "kijun new wrote y.yaml on a base it could not find"
pass
