#!/bin/sh
# The balance view (B) on the built-in catalog: the counts by control
# type, C/I/A, concept and domain; Enter on a count sets the filter f to
# the query behind it, which the status bar shows and Esc clears.
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23

keys B
wait_line 2 '^ 維持する管理策のバランス: 属性のある管理策 93 件$'
assert_line 6 '^ 管理策タイプ$'
assert_line 7 '^   予防 +83  89% \|+$'
assert_line 8 '^   検知 \(Detective\) +13  13% \|+$'
assert_line 9 '^   是正 +14  15% \|+$'
assert_line 13 '^   完全性 +84  90% '
assert_line 21 '^   復旧 +6   6% \|$'
assert_contains " バランス | "
# The cursor starts on the first count and skips headings and blanks.
keys j j j
keys Enter
wait_for "f:情報セキュリティ特性:... (87)"
wait_line 24 '^絞り込み: 87 項目が該当'
wait_detail 5a-5.1
keys f
wait_line 24 '^絞り込み: 情報セキュリティ特性:機密性$'
keys Escape Escape
wait_line 24 '^絞り込みを解除しました'
assert_not_contains "f:"

# 是正: 14 controls, the tree lists them; q leaves the view untouched.
keys B
wait_for " バランス | "
keys j j Enter
wait_for "f:管理策タイプ:是正 (14)"
assert_contains "5a-5.5"
assert_not_contains "5a-5.1 "
keys B G
wait_line 23 '^ バランス | '
keys q
wait_for "f:管理策タイプ:是正 (14)"

# English: the query is written in English labels, spaces as _.
keys Escape L B Enter
wait_for "f:Control_type:Preventive (83)"
finish
