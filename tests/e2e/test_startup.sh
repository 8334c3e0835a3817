#!/bin/sh
# Startup at 80x24: the header, the three parts, the status bar; q quits
# with status 0 and nothing on stderr.
. "$(dirname "$0")/lib.sh"

start
wait_for "閲覧"

# Header: the catalog title and edition in the top bar.
assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'

# The three parts, open, with their sections below; the first is selected.
assert_line 2 "^- III ガバナンス基準 +$SEP III$"
assert_contains "- III ガバナンス基準"
assert_contains "- IV マネジメント基準"
assert_contains "- V 管理策基準"
assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的$SEP 部$"
assert_line 8 '^- IV マネジメント基準 '
assert_line 20 '^- V 管理策基準 '

# The detail pane describes part III.
assert_line 4 "$SEP ガバナンス基準$"
assert_line 5 "$SEP Governance Standard$"
assert_contains "下位の項目: 5"

# Status bar (row 23) and an empty message line (row 24).
assert_line 23 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 1/23 +\?:ヘルプ  q:終了$'
assert_eq "$(position)" "1/23" "status bar position"
assert_line 24 '^$'

finish
pass
