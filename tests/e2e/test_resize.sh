#!/bin/sh
# Resizing: 80x24 -> 120x40 (wider panes, more rows) -> 40x10 (too small,
# says so) -> 50x10 (the minimum) -> 80x24 (as before); q still quits
# cleanly, also from the "too small" screen.
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23
keys j j
wait_position 3/23
wait_detail 3.2
assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的$SEP 節$"

# ---- larger: the tree takes 60 columns and shows all 23 rows ----
resize 120 40
wait_line 39 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 3/23 +\?:ヘルプ  q:終了$'
assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'
assert_line 2 "^- III ガバナンス基準 {40}$SEP 3\.2$"
assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的及びリスク管理方針  $SEP 節$"
assert_line 24 "^  \+ 8 技術的管理策 {42}$SEP$"
assert_line 25 "^ {60}$SEP$"
assert_line 38 "^ {60}$SEP$"
assert_line 40 '^$'
assert_eq "$(position)" 3/23 "position after growing"

# ---- too small: a message instead of a garbled layout ----
resize 40 10
wait_for "端末が小さすぎます 40x10（50x10 以上）"
assert_contains "50x10"
assert_not_contains "閲覧"
assert_not_contains "ガバナンス基準"
keys j          # ignored while too small (checked at 50x10: still 3/23)
sleep 0.3       # nothing to wait for: let kijun read it before the resize

# ---- the minimum size works ----
resize 50 10
wait_gone "端末が小さすぎます"
wait_line 9 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 3/23'
assert_not_contains "端末が小さすぎます"
assert_line 2 "^- III ガバナンス基準 +$SEP 3\.2$"
assert_line 3 "^  \+ 3\.1 情報セキュリティ $SEP 節$"   # 17 cells: 8 characters and a blank

# ---- back to 80x24: the screen of the start ----
resize 80 24
wait_line 23 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 3/23 +\?:ヘルプ  q:終了$'
assert_line 2 "^- III ガバナンス基準 +$SEP 3\.2$"
assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的$SEP 節$"
assert_line 20 '^- V 管理策基準 '
assert_line 22 '^  \+ 6 人的管理策 '
assert_not_contains "端末が小さすぎます"
keys j
wait_position 4/23
wait_detail 3.3
finish

# ---- q quits from the "too small" screen too ----
start
wait_position 1/23
resize 40 10
wait_for "端末が小さすぎます"
finish
pass
