#!/bin/sh
# The tailoring of data/examples/guideline-examples.yaml (the examples of
# the METI guideline, chapter II), opened from a copy: every example is on
# the screen (the reworded texts against their base, the added items where
# they belong, the reasons in the history, the marks in the tree), the
# three views (v), and `kijun resolve` / `kijun changes` agree.  Saved
# without changes, the file keeps its bytes.
. "$(dirname "$0")/lib.sh"

E2E_COLS=200
E2E_ROWS=60
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
EXAMPLE=$E2E_TOP/data/examples/guideline-examples.yaml
cp "$EXAMPLE" "$W/guideline.yaml"
cp "$EXAMPLE" "$E2E_DIR/original.yaml"
F=guideline.yaml

AUTHOR=情報セキュリティ委員会事務局
DATE=2026-11-25
# The new texts and the reasons, as the example file has them.
TEXT_54=最高情報セキュリティ責任者は、当社の情報セキュリティ基本方針、情報セキュリティスタンダード及びそれらに基づく手順書に沿って情報セキュリティを実践するよう、全ての従業者に求める。
WHY_54=誰が何を求めるのかを読み手がすぐに分かるよう、一般的な主語と文書名を、当社で定めている役職名と規程の名称に置き換えた。
TEXT_6=文書化した情報を定めた期間保持すること
WHY_6=廃棄に関する要求を次の項目に分けて強めるため、この項目は保持だけを扱うようにした。
TEXT_7=文書化した情報を破棄し、確実に廃棄されたことを確かめること
WHY_7=以前に廃棄を委託した事業者から情報が漏えいしたことがあり、廃棄したものとして扱うだけでなく、自ら破棄したときも外部に委託したときも、実際に廃棄されたことまで確かめる必要があるため。
TEXT_921=個人情報を含む重要な情報を記録した文書は、専用の目録で管理する。
WHY_921=個人情報には通常よりも強い保護が求められるため、目録を分けて所在と取扱いを確実に把握できるようにする。
TEXT_F=全ての要員、及び期間の長短にかかわらず一時的に入退室する全ての者に、電子的に確認できる身分証を着用させる。従業員、供給者及び訪問者を見分けやすくするため、供給者及び訪問者が立ち入るときは色で区別したストラップを使用させる。
WHY_F=物理的な入退の管理を、当社で実際に運用している方法（電子的に確認できる身分証と色分けしたストラップ）に合わせた。
TEXT_E=地震：地震による記憶媒体及び関連する情報処理システムの損傷を防ぐため、揺れの影響を抑えられる場所に保管し、地震が起きたときに安全に停止させる設備を設ける。
WHY_E=当社がリスクとして認識している地震への対策を、物理的及び環境的脅威の例に加えるため。

# The base texts, from the built-in catalog.
kijun_cli 0 catalog list
cp "$E2E_DIR/cli.out" "$E2E_DIR/base.tsv"
base_text() {
	awk -F '\t' -v id="$1" '$1 == id { print $4 }' "$E2E_DIR/base.tsv"
}
BASE_6=$(base_text 4.8.2.2/6)
BASE_F=$(base_text 7a-7.2.3/f)
# A control's text is not in the listing (its title is): take it from the
# catalog's source.
BASE_54=$(sed -n '/- id: 5a-5\.4$/,/^ *text: /s/^ *text: //p' "$E2E_TOP/data/catalog/meti-ismk-2025.yaml")
[ -n "$BASE_6" ] && [ -n "$BASE_F" ] && [ -n "$BASE_54" ] || fail "no base text for 4.8.2.2/6, 7a-7.2.3/f or 5a-5.4"
case $BASE_54 in
管理層は、組織として定めた*) ;;
*) fail "the base text of 5a-5.4 is \"$BASE_54\"" ;;
esac

# ---- the command line: changes and resolve ----
assert_changes "$F" "$(
	tsv 1 reword 5a-5.4 "$AUTHOR" "$DATE" "$WHY_54"
	tsv 4 reword 4.8.2.2/6 "$AUTHOR" "$DATE" "$WHY_6"
	tsv 4 add 4.8.2.2/7 "$AUTHOR" "$DATE" "$WHY_7"
	tsv 4 add 5b-5.9.2.1 "$AUTHOR" "$DATE" "$WHY_921"
	tsv 4 reword 7a-7.2.3/f "$AUTHOR" "$DATE" "$WHY_F"
	tsv 4 add 7a-7.5.5/e "$AUTHOR" "$DATE" "$WHY_E"
)"
assert_eq "$(cut -f1 "$E2E_DIR/cli.out" | tail -n +2 | tr '\n' ,)" "1,4,4,4,4,4," "the steps of kijun changes"

kijun_cli 0 resolve "$F"
[ ! -s "$E2E_DIR/cli.err" ] || fail "kijun resolve wrote to stderr: $(cli_err)"
# Exactly the six examples are not kept; everything else is.
assert_eq "$(head -n 1 "$E2E_DIR/cli.out")" "$(printf 'id\tkind\tparent\theading\tcontrol_type\tproperties\tconcepts\tcapabilities\tdomains\tstatus\tlevel\ttechnical\tmarks\tchanges')" "the header of kijun resolve"
assert_eq "$(awk -F '\t' 'NR > 1 && $10 != "kept" { print $1 "=" $10 }' "$E2E_DIR/cli.out" | sort | tr '\n' ' ')" \
	"4.8.2.2/6=reworded 4.8.2.2/7=added 5a-5.4=reworded 5b-5.9.2.1=added 7a-7.2.3/f=reworded 7a-7.5.5/e=added " \
	"the items kijun resolve does not list as kept"
assert_eq "$(awk -F '\t' 'NF != 14' "$E2E_DIR/cli.out" | head -3)" "" "resolve lines with other than 14 fields"
assert_eq "$(resolved "$F" 5b-5.9.2.1 2 3 4 10 14)" "detail|5b-5.9.2|$TEXT_921|added|1" "resolve 5b-5.9.2.1"
assert_eq "$(resolved "$F" 4.8.2.2/7 2 3 4 10)" "entry|4.8.2.2|$TEXT_7|added" "resolve 4.8.2.2/7"
assert_eq "$(resolved "$F" 4.8.2.2/6 4 10)" "$TEXT_6|reworded" "resolve 4.8.2.2/6"
assert_eq "$(resolved "$F" 7a-7.2.3/f 4 10)" "$TEXT_F|reworded" "resolve 7a-7.2.3/f"
assert_eq "$(resolved "$F" 7a-7.5.5/e 2 3 4 10)" "entry|7a-7.5.5|$TEXT_E|added" "resolve 7a-7.5.5/e"
assert_eq "$(resolved "$F" 5a-5.4 4 10 11 12 13 14)" "管理層の責任|reworded||||1" "resolve 5a-5.4"
assert_eq "$(resolved "$F" 5a-5.3 10 14)" "kept|0" "resolve 5a-5.3"
# The added items come right after the ones they follow.
kijun_cli 0 resolve "$F"
assert_eq "$(awk -F '\t' '$1 == "7a-7.5.5/d" { getline; print $1 }' "$E2E_DIR/cli.out")" "7a-7.5.5/e" \
	"the item after 7a-7.5.5/d"
assert_eq "$(awk -F '\t' '$1 == "4.8.2.2/6" { getline; print $1 }' "$E2E_DIR/cli.out")" "4.8.2.2/7" \
	"the item after 4.8.2.2/6"

# ---- the screen ----
start "$F"
wait_for "閲覧"
assert_line 1 '^ kijun \| 活用ガイドライン II 章の例による個別管理基準  \(情報セキュリティ管理基準 令和7年3月改訂版\)$'
wait_status '^ 閲覧 \| guideline\.yaml \| 個別管理基準 \| 1/23 '
assert_eq "$(message_line)" "" "the message line of a tailoring whose changes all apply"

# 5a-5.4: reworded, against its base, with the reason in the history.
goto_item 5a-5.4
assert_line 3 "$SEP 管理策 / 修正\$"
assert_tree_row "+ 5a-5.4 管理層の責任" "^\\*   +\\+ 5a-5\\.4 管理層の責任$"
assert_detail_text "$TEXT_54"
assert_match "$SEP 基準の文\$"
assert_detail_text "$BASE_54"
assert_match "$SEP 変更履歴（1）\$"
assert_detail_text "手順1  $DATE  $AUTHOR  文言の修正"
assert_detail_text "理由: $WHY_54"
# In this order: the text, then the base's, then the history.
detail_text | awk -v a="$(nospace "$TEXT_54")" -v b="基準の文$(nospace "$BASE_54")" -v c="変更履歴（1）" '
	{ if (!(index($0, a) < index($0, b) && index($0, b) < index($0, c))) exit 1 }' ||
	fail "5a-5.4: the reworded text, the base text and the history are not in that order"
# Its neighbours are unchanged: no mark.
assert_tree_row "+ 5a-5.3 職務の分離" "^ {4} +\\+ 5a-5\\.3 職務の分離"

# 4.8.2.2: bullet 6 reworded, bullet 7 added after it.
goto_item 4.8.2.2
keys l          # open it: its entries in the tree
wait_for "・ 文書化した情報を定めた期間保持すること"
assert_detail_text "・［修正］$TEXT_6"
assert_detail_text "・［追加］$TEXT_7"
assert_no_detail_text "$BASE_6"
detail_text | awk -v a="［修正］$(nospace "$TEXT_6")" -v b="［追加］$(nospace "$TEXT_7")" '
	{ if (!(index($0, a) > 0 && index($0, a) < index($0, b))) exit 1 }' ||
	fail "4.8.2.2: the new bullet 7 should follow bullet 6"
assert_tree_row "・ 文書化した情報を定めた期間保持すること" '^\*   +・ 文書化した情報を定めた期間保持すること'
assert_tree_row "・ 文書化した情報を破棄し、" '^A   +・ 文書化した情報を破棄し、確実に廃棄された'
assert_tree_row "・ 版管理などによる文書化" '^ {4} +・ 版管理などによる文書化した情報の変更の統制'
# Bullet 7 comes right after bullet 6 in the tree.
tree_row_after '・ 文書化した情報を定めた期間保持すること' | grep -qE '^A +・ 文書化した情報を破棄し' ||
	fail "the tree row after bullet 6 of 4.8.2.2 is \"$(tree_row_after '・ 文書化した情報を定めた期間保持すること')\""

goto_item 4.8.2.2/6
assert_line 3 "$SEP 列挙項目 / 修正\$"
assert_detail_text "$TEXT_6"
assert_match "$SEP 基準の文\$"
assert_detail_text "$BASE_6"
assert_detail_text "理由: $WHY_6"

goto_item 4.8.2.2/7
assert_line 3 "$SEP 列挙項目 / 追加\$"
assert_detail_text "$TEXT_7"
assert_not_contains "基準の文"
assert_match "$SEP 出典\$"
assert_detail_text "組織の必要: 委託先からの情報漏えい事案の再発防止"
assert_detail_text "手順4  $DATE  $AUTHOR  追加"
assert_detail_text "理由: $WHY_7"

# 5b-5.9.2.1: added below 5b-5.9.2, one level deeper.
goto_item 5b-5.9.2.1
assert_line 3 "$SEP 詳細管理策 / 追加\$"
assert_detail_text "$TEXT_921"
assert_detail_text "組織の必要: 個人情報の取扱いに関する社内の要求"
assert_detail_text "理由: $WHY_921"
parent_row=$(tree_rows | grep -E -m 1 -- " - 5b-5\\.9\\.2 目録は" || true)
[ -n "$parent_row" ] || fail "no open row for 5b-5.9.2"
child_row=$(tree_row_after "$parent_row")
printf '%s\n' "$child_row" | grep -qE '^A +5b-5\.9\.2\.1 個人情報を含む重要な情報' ||
	fail "the row below 5b-5.9.2 should be 5b-5.9.2.1 marked A, but is \"$child_row\""
# One level deeper: its id starts two cells right of its parent's.
pcol=$(printf '%s\n' "$parent_row" | sed 's/5b-5\.9\.2 .*//' | wc -m)
ccol=$(printf '%s\n' "$child_row" | sed 's/5b-5\.9\.2\.1 .*//' | wc -m)
assert_eq "$ccol" "$((pcol + 2))" "the column of 5b-5.9.2.1's id (5b-5.9.2's is at $pcol)"

# 7a-7.2.3: entry f) reworded.
keys C           # close everything: the tree has room for the entries
wait_status '| 1/3 '
goto_item 7a-7.2.3
keys l
wait_for "f) 全ての要員、及び期間"
assert_detail_text "f)［修正］$TEXT_F"
assert_tree_row "f) 全ての要員、及び期間" '^\*   +f\) 全ての要員、及び期間の長短'
assert_tree_row "e) 供給者の要員には" '^ {4} +e\) 供給者の要員には'
goto_item 7a-7.2.3/f
assert_line 3 "$SEP 列挙項目 / 修正\$"
assert_detail_text "電子的に確認できる身分証"
assert_detail_text "$TEXT_F"
assert_match "$SEP 基準の文\$"
assert_detail_text "$BASE_F"
assert_detail_text "理由: $WHY_F"

# 7a-7.5.5: the new entry e) 地震.
keys C
wait_status '| 1/3 '
goto_item 7a-7.5.5
keys l
wait_for "e) 地震："
assert_detail_text "e)［追加］$TEXT_E"
assert_tree_row "e) 地震：" '^A   +e\) 地震：地震による記憶媒体'
assert_tree_row "d) 爆発物及び武器" '^ {4} +d\) 爆発物及び武器'
tree_row_after 'd) 爆発物及び武器' | grep -qE '^A +e\) 地震：' ||
	fail "the tree row after d) of 7a-7.5.5 is \"$(tree_row_after 'd) 爆発物及び武器')\""
goto_item 7a-7.5.5/e
assert_line 3 "$SEP 列挙項目 / 追加\$"
assert_detail_text "$TEXT_E"
assert_detail_text "組織の必要: 当社のリスクアセスメントで識別した地震のリスク"
assert_detail_text "理由: $WHY_E"

# ---- v: the base ----
goto_item 5a-5.4
keys v
wait_message '^表示: 基準$'
wait_status '^ 閲覧 \| guideline\.yaml \| 基準 \| '
wait_detail 5a-5.4
assert_detail_text "$BASE_54"
assert_no_detail_text "最高情報セキュリティ責任者"
assert_not_contains "基準の文"
assert_detail_text "（個別管理基準で変更されています。v で表示を切り替えます）"
# What the examples added is not in the base.
assert_not_contains "5b-5.9.2.1"
assert_not_contains "地震：地震による"
assert_not_contains "文書化した情報を破棄し"
goto_item 7a-7.2.3/f
assert_detail_text "$BASE_F"
assert_no_detail_text "$TEXT_F"
goto_item 4.8.2.2
assert_detail_text "・$BASE_6"
assert_no_detail_text "［修正］"
assert_no_detail_text "［追加］"
# The base cannot be changed.
keys x
wait_message '^基準の表示では変更できません。v で個別管理基準の表示に切り替えてください$'

# ---- v: the changes only, with their ancestors ----
keys v
wait_message '^表示: 変更のみ$'
wait_status '^ 閲覧 \| guideline\.yaml \| 変更のみ \| [0-9]+/22 '
# The ids (or labels) of the tree's rows, in order.
tree_names() {
	tree_rows | cut -c5- |
		sed -e 's/^ *//' -e 's/^[-+] //' | awk 'NF { print $1 }' | tr '\n' ' '
}
assert_eq "$(tree_names)" \
	"IV 4.8 4.8.2 4.8.2.2 ・ ・ V 5 5a 5a-5.4 5b 5b-5.9 5b-5.9.2 5b-5.9.2.1 7 7a 7a-7.2 7a-7.2.3 f) 7a-7.5 7a-7.5.5 e) " \
	"the rows of the changes-only view"
assert_tree_row "・ 文書化した情報を定めた期間" '^\*   +・ '
assert_tree_row "・ 文書化した情報を破棄し" '^A   +・ '
assert_tree_row "5b-5.9.2.1 個人情報" '^A   +5b-5\.9\.2\.1 '
assert_tree_row " 5b-5.9.2 目録" '^ {4} +- 5b-5\.9\.2 '
assert_not_contains "III ガバナンス基準"
assert_not_contains "5a-5.3"
goto_item 5b-5.9.2.1
assert_detail_text "$TEXT_921"

# ---- v: back to the tailored view, with what was open before ----
keys v
wait_message '^表示: 個別管理基準$'
wait_status '^ 閲覧 \| guideline\.yaml \| 個別管理基準 \| '
wait_detail 5b-5.9.2.1
# Unchanged items are back.
assert_tree_row "5b-5.9.3 目録の正確性" '^ {4} +5b-5\.9\.3 '
keys g
# Not every item opened, as the changes-only view had them: what the
# tailored and base views had open, with the cursor's item shown.
wait_position 1/86
assert_tree_row "III ガバナンス基準" '^ {4}\+ III '
goto_item 5a-5.4
assert_detail_text "$TEXT_54"

finish
# Looking changes nothing: the copy is as it was, the example untouched.
cmp -s "$W/guideline.yaml" "$E2E_DIR/original.yaml" || fail "kijun changed the file it only showed"
[ ! -e "$W/guideline.yaml~" ] || fail "kijun made a backup of a file it did not save"
cmp -s "$EXAMPLE" "$E2E_DIR/original.yaml" || fail "data/examples/guideline-examples.yaml changed"

# Saved by kijun without changes, the example keeps its bytes (it is in
# kijun's own form), and the backup is the same.
start "$F"
wait_status '^ 閲覧 \| guideline\.yaml \| 個別管理基準 \| 1/23 '
keys s
wait_message '^6 件の変更を guideline\.yaml に保存しました$'
finish
cmp -s "$W/guideline.yaml" "$E2E_DIR/original.yaml" ||
	fail "saving the example without changes changed it: $(diff "$E2E_DIR/original.yaml" "$W/guideline.yaml")"
cmp -s "$W/guideline.yaml~" "$E2E_DIR/original.yaml" || fail "guideline.yaml~ is not the example"
pass
