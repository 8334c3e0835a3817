#!/bin/sh
# What the screen tells without being asked, at 80x24 (scripted: no terminal needed): a long path is
# shortened from the left and never pushes [+], the view or the row count
# off the status bar; a closed branch with a change inside shows ~; the
# detail pane says how much text is hidden below and above.
. "$(dirname "$0")/lib.sh"

D=a-rather-long-directory-name/another-long-directory-name
mkdir -p "$E2E_DIR/$D"
E2E_CHDIR=$E2E_DIR
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-01-02 -- "$D/my-organisation-tailoring.yaml"
wait_for "閲覧"
assert_line 23 '^ 閲覧 \| \.\.\./my-organisation-tailoring\.yaml \| 個別管理基準 \| 1/23$'

# A change inside 3.1, then everything closed: the branches holding it say so.
goto_item 3.1.1
keys x
wait_reason_prompt 1
give_reason "当社には該当しないため"
wait_status '^ 閲覧 \| \.\.\./my-organisation-tailoring\.yaml \[\+\] \| 個別管理基準 \| [0-9]+/[0-9]+$'
keys C
wait_position 1/3
assert_line 2 '^~   \+ III ガバナンス基準 '
assert_line 3 '^    \+ IV マネジメント基準 '
keys l
wait_position 1/8
assert_line 2 '^    - III ガバナンス基準 '
assert_line 3 '^~     \+ 3\.1 情報セキュリティガバナンスの'
assert_line 4 '^      \+ 3\.2 評価 '

# 5b-5.9 has more text than the pane has rows.
goto_item 5b-5.9
assert_line 22 "$SEP -- 下にあと [0-9]+ 行 --\$"
assert_line_not 2 "上にあと"
keys Tab G
wait_for "上にあと"
assert_line 2 "$SEP -- 上にあと [0-9]+ 行 --\$"
assert_line_not 22 "下にあと"
# Saved: the path is the same, without [+].  (The message line with the
# whole path is cut at 80 columns: not this test's business.)
keys Tab s
wait_status '^ 閲覧 \| \.\.\./my-organisation-tailoring\.yaml \| 個別管理基準 \| [0-9]+/[0-9]+$'
finish
pass
