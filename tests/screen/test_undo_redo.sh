#!/bin/sh
# u and Ctrl-R: u takes back the last change (the screen, and the file
# once saved), Ctrl-R puts it back; a new change forgets what could be
# redone; u cannot take back what the file held when it was opened.  Last,
# where the cursor goes when u takes back a merge or an addition.
. "$(dirname "$0")/lib.sh"

E2E_COLS=120
E2E_ROWS=40
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=undo.yaml
AUTHOR=tester
DATE=2026-07-08
NOTHING_TO_UNDO='^この作業で取り消せる変更はありません$'
NOTHING_TO_REDO='^やり直せる変更はありません$'
EXCLUDE=$(tsv 1 exclude 5a-5.3 $AUTHOR $DATE "別規程で定めるため")
LEVEL=$(tsv 6 level 5a-5.1 $AUTHOR $DATE "全社で必須とする")
TECHNICAL=$(tsv 7 technical 8b-8.8 $AUTHOR $DATE "診断で確かめる")

start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| undo\.yaml \| 個別管理基準 \| 1/23 '
keys u
wait_message "$NOTHING_TO_UNDO"
keys C-r
wait_message "$NOTHING_TO_REDO"

# ---- two changes ----
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
give_reason "全社で必須とする"
assert_tree_row " 5a-5.1 " '^\*M  +\+ 5a-5\.1 '
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '

# ---- u takes back the second ----
goto_item 5a-5.5      # u brings the cursor back to what it undoes
keys u
wait_message '^取り消しました: 必須・推奨の設定 5a-5\.1（Ctrl-R でやり直します）$'
wait_detail 5a-5.1
assert_line 3 "$SEP 管理策\$"
assert_tree_row " 5a-5.1 " '^ {4} +\+ 5a-5\.1 '
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '
wait_status '^ 閲覧 \| undo\.yaml \[\+\] \| '
save
assert_changes "$F" "$EXCLUDE"

# ---- Ctrl-R puts it back ----
keys C-r
wait_message '^やり直しました: 必須・推奨の設定 5a-5\.1$'
wait_detail 5a-5.1
assert_tree_row " 5a-5.1 " '^\*M  +\+ 5a-5\.1 '
assert_line 4 "$SEP 必須\$"
wait_status '^ 閲覧 \| undo\.yaml \[\+\] \| '
keys C-r
wait_message "$NOTHING_TO_REDO"
save
assert_changes "$F" "$EXCLUDE
$LEVEL"

# ---- a new change forgets what could be redone ----
keys u
wait_message '^取り消しました: 必須・推奨の設定 5a-5\.1'
goto_item 8b-8.8
keys t
wait_message '^見直しの間隔（か月）: 6$'
keys Enter
give_reason "診断で確かめる"
keys C-r
wait_message "$NOTHING_TO_REDO"
assert_tree_row " 5a-5.1 " '^ {4} +\+ 5a-5\.1 '
save
assert_changes "$F" "$EXCLUDE
$TECHNICAL"

# ---- everything of this session can be taken back, and no more ----
keys u
wait_message '^取り消しました: 技術的検証項目 8b-8\.8'
keys u
wait_message '^取り消しました: 除外 5a-5\.3'
assert_tree_row " 5a-5.3 " '^ {4} +\+ 5a-5\.3 '
keys u
wait_message "$NOTHING_TO_UNDO"
keys C-r
wait_message '^やり直しました: 除外 5a-5\.3$'
keys C-r
wait_message '^やり直しました: 技術的検証項目 8b-8\.8$'
assert_tree_row " 8b-8.8 " '^\* T +\+ 8b-8\.8 '
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '
save
assert_changes "$F" "$EXCLUDE
$TECHNICAL"
finish
cp "$W/$F" "$E2E_DIR/saved.yaml"

# ---- opened again: what the file holds cannot be undone ----
start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| undo\.yaml \| 個別管理基準 \| '
keys u
wait_message "$NOTHING_TO_UNDO"
keys C-r
wait_message "$NOTHING_TO_REDO"
wait_status '^ 閲覧 \| undo\.yaml \| 個別管理基準 \| '
goto_item 5a-5.3
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '
assert_line 3 "$SEP 管理策 / 除外\$"
# A change of this session can; then no more.
goto_item 5a-5.2
keys m
wait_message '^水準: '
keys 2
give_reason "推奨にとどめる"
# Recommended, but its text ends like a requirement ("割り当てる。"): !
assert_tree_row " 5a-5.2 " '^\*!  +\+ 5a-5\.2 '
assert_line 5 "$SEP ! 推奨項目ですが、文末が必須の表現になっています\$"
keys u
wait_message '^取り消しました: 必須・推奨の設定 5a-5\.2'
keys u
wait_message "$NOTHING_TO_UNDO"
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '
assert_tree_row " 5a-5.2 " '^ {4} +\+ 5a-5\.2 '
save
cmp -s "$W/$F" "$E2E_DIR/saved.yaml" ||
	fail "after a change and its undo, the saved file differs: $(diff "$E2E_DIR/saved.yaml" "$W/$F")"
assert_changes "$F" "$EXCLUDE
$TECHNICAL"

# ---- u over a merge and over an addition: the cursor stays there ----
goto_item 7a-7.2.3/a
keys J
wait_message '^統合する項目（id を空白で区切る）: 7a-7\.2\.3/a 7a-7\.2\.3/b$'
keys Enter
wait_message '^統合後の項目の id: 7a-7\.2\.3/a\+$'
editor_text "入退の記録を保護し、入室には認証の仕組みを用いる。"
keys Enter
give_reason "一つの要求にまとめるため"
wait_detail "7a-7.2.3/a+"
keys u
wait_message '^取り消しました: 統合 7a-7\.2\.3/a\+（Ctrl-R でやり直します）$'
# The cursor is where the merged entries are back, not at the top of the
# tree.
wait_line 2 "$SEP 7a-7\\.2\\.3(/[ab])?\$"
assert_tree_row "a) 全ての出入りについて" '^ {4} +a\) 全ての出入りについて'
keys C-r
wait_message '^やり直しました: 統合 7a-7\.2\.3/a\+$'
wait_detail "7a-7.2.3/a+"
keys u
wait_message '^取り消しました: 統合 '

goto_item 7a-7.5.5/d
keys a
wait_message '^新しい項目の id: 7a-7\.5\.5/e$'
keys Enter
wait_message '^本文:$'
type_text "地震：揺れに備える。"
keys Enter
wait_message '^出典: '
keys 3
keys Enter
give_reason "地震に備えるため"
wait_detail 7a-7.5.5/e
keys u
wait_message '^取り消しました: 追加 7a-7\.5\.5/e（Ctrl-R でやり直します）$'
# Where the entry was, not at the top of the tree.
wait_line 2 "$SEP 7a-7\\.5\\.5(/d)?\$"
keys C-r
wait_message '^やり直しました: 追加 7a-7\.5\.5/e$'
wait_detail 7a-7.5.5/e
save
assert_changes "$F" "$EXCLUDE
$TECHNICAL
$(tsv 4 add 7a-7.5.5/e $AUTHOR $DATE "地震に備えるため")"
finish
pass
