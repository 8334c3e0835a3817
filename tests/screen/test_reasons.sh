#!/bin/sh
# The reason every change ends with: an empty one, or one of spaces only
# (ASCII or ideographic), cannot be confirmed; Esc cancels the whole
# operation, at the reason or at any earlier prompt; Tab and Shift-Tab
# choose the guideline step, shown in the prompt and saved; and the line
# editor with Japanese: the cursor moves over two-cell characters,
# Backspace, Home, End, and the reason is saved exactly as edited.
. "$(dirname "$0")/lib.sh"

E2E_COLS=120
E2E_ROWS=36
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=reasons.yaml
AUTHOR=tester
DATE=2026-05-06
REASON_NEEDED='^変更には理由が必要です。理由を入力するか、Esc で取り消してください$'

# wait_cursor_x N: until the cursor is in column N.
wait_cursor_x() {
	i=0
	while [ "$(cursor_x)" != "$1" ]; do
		i=$((i + 1))
		[ "$i" -le "$E2E_STEPS" ] || fail "the cursor should be in column $1, not $(cursor_x)"
		sleep "$E2E_POLL"
	done
}
# nothing_recorded: the screen says nothing changed, and no [+].
nothing_recorded() {
	wait_status '^ 閲覧 \| reasons\.yaml \| 個別管理基準 \| '
	assert_line 3 "$SEP 管理策\$"
}

start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| reasons\.yaml \| 個別管理基準 \| 1/23 '
goto_item 5a-5.3

# ---- an empty reason, or spaces only, is refused ----
keys x
wait_reason_prompt 1
wait_status '^ 除外 5a-5\.3 \| 手順1: 情報セキュリティ管理基準の参照・項目の抽出（Tab で手順を変更、Esc で取消）$'
keys Enter
wait_status "$REASON_NEEDED"
wait_message '^［手順1］理由:$'
assert_tree_row " 5a-5.3 " '^ {4} +\+ 5a-5\.3 職務の分離$'
type_text "   "
keys Enter
wait_status "$REASON_NEEDED"
wait_message '^［手順1］理由:$'
assert_eq "$(cursor_x)" "18" "the cursor after three spaces (the label takes 15 cells)"
# Ideographic spaces are blank too.
keys C-u
type_text "　　"
keys Enter
wait_status "$REASON_NEEDED"
assert_eq "$(cursor_x)" "19" "the cursor after two ideographic spaces"
# The complaint gives way to the step again on the next key.
keys C-u
wait_status ' \| 手順1: '

# ---- Esc at the reason cancels the whole operation ----
keys Escape
wait_message '^取り消しました$'
nothing_recorded
assert_tree_row " 5a-5.3 " '^ {4} +\+ 5a-5\.3 職務の分離$'

# Esc at the prompts before the reason too.
keys m
wait_message '^水準: 1:必須 2:推奨 0:指定なし'
keys Escape
wait_message '^取り消しました$'
nothing_recorded
keys R
wait_message '^見出し: 職務の分離$'
type_text "と監督"
keys Escape
wait_message '^取り消しました$'
nothing_recorded
assert_tree_row " 5a-5.3 " '^ {4} +\+ 5a-5\.3 職務の分離$'
# A reworded text waiting for its reason is dropped by Esc only when
# the user says so: n (or Esc) goes back to the reason, y drops it.
editor_text "組織は、相反する職務を分離する。"
keys r
wait_reason_prompt 1
type_text "分離"
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys n
wait_message '^［手順1］理由: 分離$'
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys Escape
wait_message '^［手順1］理由: 分離$'
keys Escape y
wait_message '^取り消しました$'
nothing_recorded
assert_no_detail_text "組織は、相反する職務を分離する。"
# The list of changes is empty: saving writes none.
save
wait_message '^0 件の変更を reasons\.yaml に保存しました$'
assert_changes "$F" ""

# ---- Tab and Shift-Tab choose the step ----
keys x
wait_reason_prompt 1
type_text "別規程で"
keys Tab
wait_reason_prompt 2
wait_status ' \| 手順2: 関連法規制及び考慮すべき事項の明確化（Tab で手順を変更、Esc で取消）$'
wait_message '^［手順2］理由: 別規程で$'
keys Tab
wait_reason_prompt 3
wait_status ' \| 手順3: 他の規定等の参照（'
keys BTab BTab
wait_reason_prompt 1
keys BTab          # from the first step to the last
wait_reason_prompt 7
wait_status ' \| 手順7: 技術的検証項目の追加（'
keys Tab           # and from the last to the first
wait_reason_prompt 1
keys Tab Tab Tab
wait_reason_prompt 4
wait_status ' \| 手順4: 当該組織体に必要と思われる項目の追加（'
type_text "定めるため"
wait_message '^［手順4］理由: 別規程で定めるため$'
keys Enter
wait_message '^記録しました: 除外 5a-5\.3（'
assert_detail_text "手順4  $DATE  $AUTHOR  除外"
assert_detail_text "理由: 別規程で定めるため"
save
assert_changes "$F" "$(tsv 4 exclude 5a-5.3 $AUTHOR $DATE "別規程で定めるため")"
grep -qx '  step: 4' "$W/$F" || fail "$F does not say step: 4: $(cat "$W/$F")"

# ---- Japanese in the line editor ----
# Home and End (as terminals send them: tests/e2e/test_terminal_keys.sh).
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
wait_reason_prompt 6
# The label "［手順6］理由: " takes 15 cells; every character typed here 2.
wait_cursor_x 15
type_text "地震対策が必要だため"
wait_message '^［手順6］理由: 地震対策が必要だため$'
wait_cursor_x 35
keys Left Left     # over た and め
wait_cursor_x 31
keys BSpace        # だ
wait_message '^［手順6］理由: 地震対策が必要ため$'
wait_cursor_x 29
type_text "な"
wait_message '^［手順6］理由: 地震対策が必要なため$'
wait_cursor_x 31
keys Home
wait_cursor_x 15
type_text "当社では"
wait_cursor_x 23
keys Right         # over 地
wait_cursor_x 25
keys DC            # 震
wait_message '^［手順6］理由: 当社では地対策が必要なため$'
type_text "震"
keys End
wait_cursor_x 43
type_text "。"
wait_message '^［手順6］理由: 当社では地震対策が必要なため。$'
wait_cursor_x 45
keys Enter
wait_message '^記録しました: 必須・推奨の設定 5a-5\.1（'
assert_detail_text "理由: 当社では地震対策が必要なため。"
save
assert_changes "$F" "$(
	tsv 4 exclude 5a-5.3 $AUTHOR $DATE "別規程で定めるため"
	tsv 6 level 5a-5.1 $AUTHOR $DATE "当社では地震対策が必要なため。"
)"
grep -qx '  reason: 当社では地震対策が必要なため。' "$W/$F" ||
	fail "$F does not hold the reason as typed: $(cat "$W/$F")"

finish
pass
