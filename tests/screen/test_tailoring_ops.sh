#!/bin/sh
# The editing keys on a new tailoring (a file that does not exist yet):
# x (exclude, then include again), r (reword, in the fake editor), R
# (retitle), i (link to an internal rule), m (level; and a sentence ending
# that contradicts it), t (technical verification), A (attributes, in the
# fake editor) and # (marks).  After each: the tree's marks and the detail
# pane, then s, and `kijun changes` / `kijun resolve` on the file: the op,
# target, step, author, date and reason, and the effect.
# (a, S and J are in test_tailoring_add.sh.)
. "$(dirname "$0")/lib.sh"

E2E_COLS=160
E2E_ROWS=50
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=new.yaml
AUTHOR="監査 花子"
DATE=2026-01-02

# expect STEP OP TARGET REASON: one more line `kijun changes` should print.
EXPECTED=
expect() {
	EXPECTED="$EXPECTED$(tsv "$1" "$2" "$3" "$AUTHOR" "$DATE" "$4")
"
}
# saved: s, then the file holds every change so far (and no [+]).
saved() {
	save
	wait_status '^ 閲覧 \| new\.yaml \| 個別管理基準 \| '
	assert_changes "$F" "$EXPECTED"
}
# The text of a catalog item (field 4 of `kijun catalog list`).
kijun_cli 0 catalog list
cp "$E2E_DIR/cli.out" "$E2E_DIR/base.tsv"
base_field() {
	awk -F '\t' -v id="$1" -v n="$2" '$1 == id { print $n }' "$E2E_DIR/base.tsv"
}
BASE_54=$(sed -n '/- id: 5a-5\.4$/,/^ *text: /s/^ *text: //p' "$E2E_TOP/data/catalog/meti-ismk-2025.yaml")
[ -n "$BASE_54" ] || fail "no base text for 5a-5.4"

start KIJUN_AUTHOR="$AUTHOR" KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| new\.yaml \| 個別管理基準 \| 1/23 '
wait_message '^新しい個別管理基準です。x、r、a などで変更し、s で保存します。\? でキー一覧$'
[ ! -e "$W/$F" ] || fail "kijun wrote $F before anything was saved"

# ---- x: exclude ----
goto_item 5a-5.3
assert_tree_row " 5a-5.3 職務の分離" '^ {4} +\+ 5a-5\.3 職務の分離$'
keys x
wait_reason_prompt 1
wait_status '^ 除外 5a-5\.3 \| 手順1: 情報セキュリティ管理基準の参照・項目の抽出（Tab で手順を変更、Esc で取消）$'
give_reason "職務の分離は別の規程で定めるため"
wait_message '^記録しました: 除外 5a-5\.3（未保存。s で保存します）$'
wait_status '^ 閲覧 \| new\.yaml \[\+\] \| 個別管理基準 \| '
assert_tree_row " 5a-5.3 職務の分離" '^x +\+ 5a-5\.3 職務の分離$'
assert_line 3 "$SEP 管理策 / 除外\$"
assert_match "$SEP 変更履歴（1）\$"
assert_detail_text "手順1  $DATE  $AUTHOR  除外"
assert_detail_text "理由: 職務の分離は別の規程で定めるため"
# Its neighbours are untouched.
assert_tree_row " 5a-5.2 情報セキュリティの役職" '^ {4} +\+ 5a-5\.2 '
expect 1 exclude 5a-5.3 "職務の分離は別の規程で定めるため"
saved
assert_eq "$(resolved "$F" 5a-5.3 10 14)" "excluded|1" "resolve 5a-5.3 after x"
assert_eq "$(resolved "$F" 5a-5.3.1 10)" "excluded" "resolve 5a-5.3.1 (below the excluded item)"
assert_eq "$(resolved "$F" 5a-5.2 10 14)" "kept|0" "resolve 5a-5.2"
grep -q '^- op: exclude$' "$W/$F" || fail "no exclude in $F: $(cat "$W/$F")"

# ---- x again: include ----
keys x
wait_reason_prompt 1
give_reason "監査で対象に戻すよう求められたため"
wait_message '^記録しました: 再び含める 5a-5\.3（'
assert_tree_row " 5a-5.3 職務の分離" '^\* +\+ 5a-5\.3 職務の分離$'
assert_line 3 "$SEP 管理策 / 変更あり\$"
assert_match "$SEP 変更履歴（2）\$"
assert_detail_text "手順1  $DATE  $AUTHOR  再び含める"
assert_detail_text "理由: 監査で対象に戻すよう求められたため"
expect 1 include 5a-5.3 "監査で対象に戻すよう求められたため"
saved
assert_eq "$(resolved "$F" 5a-5.3 10 14)" "kept|2" "resolve 5a-5.3 after x x"
assert_eq "$(resolved "$F" 5a-5.3.1 10)" "kept" "resolve 5a-5.3.1 after x x"

# ---- r: reword in the editor ----
goto_item 5a-5.4
# The editor leaves the text as it is: nothing to record.
editor_keep
runs=$(editor_runs)
keys r
wait_message '^変更がないため記録しませんでした$'
assert_eq "$(editor_runs)" "$((runs + 1))" "editor runs after r"
assert_eq "$(editor_seen)" "$BASE_54" "the text r gives the editor"
assert_line 3 "$SEP 管理策\$"
# Now it is changed: to a recommendation's ending.
TEXT_54=最高情報セキュリティ責任者は、全ての従業者が方針に沿って情報セキュリティを実践するよう要求することが望ましい。
editor_text "$TEXT_54"
keys r
wait_reason_prompt 1
assert_eq "$(editor_seen)" "$BASE_54" "the text r gives the editor"
give_reason "主語を当社の役職名にしたため"
wait_message '^記録しました: 文言の修正 5a-5\.4（'
assert_tree_row " 5a-5.4 管理層の責任" '^\*   +\+ 5a-5\.4 管理層の責任$'
assert_line 3 "$SEP 管理策 / 修正\$"
assert_detail_text "$TEXT_54"
assert_match "$SEP 基準の文\$"
assert_detail_text "基準の文$BASE_54"
assert_detail_text "手順1  $DATE  $AUTHOR  文言の修正"
expect 1 reword 5a-5.4 "主語を当社の役職名にしたため"
saved
assert_eq "$(resolved "$F" 5a-5.4 4 10 11)" "管理層の責任|reworded|" "resolve 5a-5.4 after r"
grep -qxF "  text: $TEXT_54" "$W/$F" || fail "$F does not hold the new text of 5a-5.4: $(cat "$W/$F")"

# ---- m: mandatory, against a recommendation's ending: ! ----
keys m
wait_message '^水準: 1:必須 2:推奨 0:指定なし'
keys 1
wait_reason_prompt 6
wait_status ' \| 手順6: 管理策の選定（Tab で手順を変更、Esc で取消）$'
give_reason "経営層の指示で必須とする"
wait_message '^記録しました: 必須・推奨の設定 5a-5\.4（'
assert_tree_row " 5a-5.4 管理層の責任" '^\*!  +\+ 5a-5\.4 管理層の責任$'
assert_line 3 "$SEP 管理策 / 修正\$"
assert_line 4 "$SEP 必須\$"
assert_line 5 "$SEP ! 必須項目ですが、文末が推奨の表現になっています\$"
expect 6 level 5a-5.4 "経営層の指示で必須とする"
saved
assert_eq "$(resolved "$F" 5a-5.4 10 11)" "reworded|mandatory" "resolve 5a-5.4 after m 1"
grep -qx '  level: mandatory' "$W/$F" || fail "$F does not say level: mandatory: $(cat "$W/$F")"

# ---- m: mandatory where the text agrees: M ----
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
give_reason "方針群は全社で必須とする"
assert_tree_row " 5a-5.1 情報セキュリティのための方針群" '^\*M  +\+ 5a-5\.1 情報セキュリティのための方針群$'
assert_line 4 "$SEP 必須\$"
assert_not_contains "文末が推奨の表現"
expect 6 level 5a-5.1 "方針群は全社で必須とする"
saved
assert_eq "$(resolved "$F" 5a-5.1 10 11)" "kept|mandatory" "resolve 5a-5.1 after m 1"

# ---- R: retitle ----
goto_item 5a-5.6
keys R
wait_message '^見出し: 専門組織との連絡$'
keys Enter      # the same title: nothing to record
wait_message '^変更がないため記録しませんでした$'
keys R
wait_message '^見出し: 専門組織との連絡$'
keys C-u
type_text "専門組織及び業界団体との連絡"
wait_message '^見出し: 専門組織及び業界団体との連絡$'
keys Enter
wait_reason_prompt 1
give_reason "業界団体も連絡先に含めるため"
wait_message '^記録しました: 文言の修正 5a-5\.6（'
assert_tree_row " 5a-5.6 " '^\*   +\+ 5a-5\.6 専門組織及び業界団体との連絡$'
assert_line 3 "$SEP 管理策 / 修正\$"
assert_match "$SEP 専門組織及び業界団体との連絡\$"
assert_match "$SEP 基準の見出し: 専門組織との連絡\$"
expect 1 reword 5a-5.6 "業界団体も連絡先に含めるため"
saved
assert_eq "$(resolved "$F" 5a-5.6 4 10)" "専門組織及び業界団体との連絡|reworded" "resolve 5a-5.6 after R"
grep -qx '  title: 専門組織及び業界団体との連絡' "$W/$F" || fail "$F does not hold the new title: $(cat "$W/$F")"

# ---- i: link to an internal rule ----
goto_item 5a-5.2
keys i
wait_message '^組織内規定の名称:$'
keys Enter      # a rule needs a name
wait_status '^空にはできません。値を入力するか、Esc で取り消してください$'
type_text "情報セキュリティ基本規程"
keys Enter
wait_message '^条項（省略可）:$'
type_text "第5条"
keys Enter
wait_message '^整合を保つ方法（省略可）:$'
type_text "規程の改定時に対応表を見直す"
keys Enter
wait_reason_prompt 5
wait_status ' \| 手順5: 組織内規定との整合性を図る（'
give_reason "役割の定めが基本規程にあるため"
wait_message '^記録しました: 組織内規定との関連付け 5a-5\.2（'
assert_tree_row " 5a-5.2 " '^\*   +\+ 5a-5\.2 情報セキュリティの役職及び責任$'
assert_match "$SEP 組織内規定\$"
assert_match "$SEP  情報セキュリティ基本規程 第5条\$"
assert_match "$SEP    規程の改定時に対応表を見直す\$"
assert_detail_text "手順5  $DATE  $AUTHOR  組織内規定との関連付け"
expect 5 link 5a-5.2 "役割の定めが基本規程にあるため"
saved
assert_eq "$(resolved "$F" 5a-5.2 10 14)" "kept|1" "resolve 5a-5.2 after i"
sed -n '/^- op: link$/,/^  reason:/p' "$W/$F" >"$E2E_DIR/link.yaml"
grep -qx '    name: 情報セキュリティ基本規程' "$E2E_DIR/link.yaml" &&
	grep -qx '    section: 第5条' "$E2E_DIR/link.yaml" &&
	grep -qx '    note: 規程の改定時に対応表を見直す' "$E2E_DIR/link.yaml" ||
	fail "the link in $F: $(cat "$E2E_DIR/link.yaml")"

# ---- t: technical verification, every 6 months ----
goto_item 8b-8.8
keys t
wait_message '^見直しの間隔（か月）: 6$'
keys Enter
wait_reason_prompt 7
wait_status ' \| 手順7: 技術的検証項目の追加（'
give_reason "脆弱性診断の結果で半年ごとに確かめる"
wait_message '^記録しました: 技術的検証項目 8b-8\.8（'
assert_tree_row " 8b-8.8 " '^\* T +\+ 8b-8\.8 技術的脆弱性の管理$'
assert_line 4 "$SEP 技術的検証項目（6 ?か月ごとに見直し）\$"
expect 7 technical 8b-8.8 "脆弱性診断の結果で半年ごとに確かめる"
saved
assert_eq "$(resolved "$F" 8b-8.8 10 11 12)" "kept||yes" "resolve 8b-8.8 after t"
sed -n '/^- op: technical$/,/^  reason:/p' "$W/$F" >"$E2E_DIR/technical.yaml"
grep -qx '  technical: true' "$E2E_DIR/technical.yaml" &&
	grep -qx '  review_months: 6' "$E2E_DIR/technical.yaml" ||
	fail "the technical change in $F: $(cat "$E2E_DIR/technical.yaml")"

# ---- A: attributes in the editor ----
goto_item 5a-5.5
assert_eq "$(base_field 5a-5.5 5)" "Preventive,Corrective" "control_type of 5a-5.5 in the catalog"
assert_eq "$(screen | grep -A1 -E "$SEP  管理策タイプ\$" | tail -1 | sed 's/^[^|│]*[|│]//')" "    #予防 #是正" \
	"the control type of 5a-5.5 before A"
editor_sed 's/^control_type: Preventive Corrective$/control_type: Preventive/'
keys A
wait_reason_prompt 6
editor_seen >"$E2E_DIR/attributes.txt"
grep -qx '# control_type (管理策タイプ): Preventive=予防 Detective=検知 Corrective=是正' "$E2E_DIR/attributes.txt" &&
	grep -qx 'control_type: Preventive Corrective' "$E2E_DIR/attributes.txt" &&
	grep -qx 'domains: Defence Resilience' "$E2E_DIR/attributes.txt" ||
	fail "the template A gives the editor: $(cat "$E2E_DIR/attributes.txt")"
give_reason "是正の役割は別の管理策で担うため"
wait_message '^記録しました: 属性の設定 5a-5\.5（'
assert_eq "$(screen | grep -A1 -E "$SEP  管理策タイプ\$" | tail -1 | sed 's/^[^|│]*[|│]//')" "    #予防" \
	"the control type of 5a-5.5 after A"
assert_tree_row " 5a-5.5 " '^\*   +\+ 5a-5\.5 関係当局との連絡$'
expect 6 attributes 5a-5.5 "是正の役割は別の管理策で担うため"
saved
assert_eq "$(resolved "$F" 5a-5.5 5 6 10)" "Preventive|Confidentiality,Integrity,Availability|kept" \
	"resolve 5a-5.5 after A"
sed -n '/^- op: attributes$/,/^  reason:/p' "$W/$F" >"$E2E_DIR/attributes.yaml"
grep -qx '    control_type:' "$E2E_DIR/attributes.yaml" && grep -qx '    - Preventive' "$E2E_DIR/attributes.yaml" ||
	fail "the attributes change in $F: $(cat "$E2E_DIR/attributes.yaml")"
# Nothing else changed: only control_type is in the change.
assert_eq "$(grep -c '^    [a-z_]*:$' "$E2E_DIR/attributes.yaml")" 1 "attribute types in the change"

# ---- #: marks, shown after the id ----
keys '#'
wait_message '^マーク（例: .P .B .PB。空にすると削除）:$'
type_text ".P"
keys Enter
wait_reason_prompt 6
give_reason "規程類の整備状況を示すため"
wait_message '^記録しました: マークの設定 5a-5\.5（'
assert_tree_row " 5a-5.5" '^\*   +\+ 5a-5\.5\.P 関係当局との連絡$'
assert_line 4 "$SEP \\.P\$"
expect 6 marks 5a-5.5 "規程類の整備状況を示すため"
saved
assert_eq "$(resolved "$F" 5a-5.5 5 10 13)" "Preventive|kept|.P" "resolve 5a-5.5 after #"

# ---- a number of months out of range is refused, and says why ----
goto_item 8b-8.9
keys t
wait_message '^見直しの間隔（か月）: 6$'
keys BSpace
type_text "0"
keys Enter
# The prompt stays, with what was typed, and the status bar says why.
wait_message '^見直しの間隔（か月）: 0$'
wait_status '^1 から 120 までの月数を入力してください$'
keys BSpace
type_text "121"
keys Enter
wait_status '^1 から 120 までの月数を入力してください$'
keys Escape
wait_message '^取り消しました$'
wait_status '^ 閲覧 \| new\.yaml \| 個別管理基準 \| '
assert_tree_row " 8b-8.9 " '^ {4} +\+ 8b-8\.9 構成管理$'

finish

# The whole file loads again, with every change, and nothing stray.
assert_changes "$F" "$EXPECTED"
assert_eq "$(grep -c '^- op: ' "$W/$F")" 10 "changes in $F"
assert_eq "$(grep -c "^  author: $AUTHOR\$" "$W/$F")" 10 "authors in $F"
assert_eq "$(grep -c "^  date: '$DATE'\$" "$W/$F")" 10 "dates in $F"
kijun_cli 0 resolve "$F"
[ ! -s "$E2E_DIR/cli.err" ] || fail "kijun resolve $F wrote to stderr: $(cli_err)"
assert_eq "$(awk -F '\t' 'NR > 1 && $14 > 0 { print $1 }' "$E2E_DIR/cli.out" | tr '\n' ' ')" \
	"5a-5.1 5a-5.2 5a-5.3 5a-5.4 5a-5.5 5a-5.6 8b-8.8 " "the items with changes"
pass
