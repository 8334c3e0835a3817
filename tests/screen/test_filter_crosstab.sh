#!/bin/sh
# The query filter (f) and the cross-tab (X) on the built-in catalog: the
# tree keeps the matches with their parents, the status bar shows the
# query and the count, a bad query points at its column, Esc clears; the
# cross-tab lists table 2's cells with ids and titles and scrolls at 80x24.
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23

# ---- f with table 2's first cell: 識別 x ガバナンス ----
keys f
wait_line 24 '^絞り込み:$'
type_text "概念:識別 運用機能:ガバナンス"
keys Enter
wait_for "f:概念:識別 運用機能:ガ... (5)"
wait_line 24 '^絞り込み: 5 項目が該当'
assert_line 2 '^- V 管理策基準 '
assert_line 3 '^  - 5 組織的管理策 '
assert_line 4 '^    - 5a 方針及び体制 '
assert_line 5 '^        5a-5\.1 '
assert_line 7 '^        5a-5\.4 '
assert_line 9 '^        5a-5\.8 '
assert_line 10 '^ +\|'
assert_not_contains "5a-5.3"
assert_not_contains "ガバナンス基準"
wait_position 4/8
wait_detail 5a-5.1

# ---- f again edits the query; a bad value points at its column ----
keys f
wait_line 24 '^絞り込み: 概念:識別 運用機能:ガバナンス$'
type_text "x"
keys Enter
wait_line 23 '^12 文字目: 「ガバナンスx」はここで使える値ではありません'
wait_line 24 '^絞り込み: 概念:識別 運用機能:ガバナンスx$'
# The cursor sits on the column named: 絞り込み: is 10 cells, then 19.
[ "$(cursor_x)" = 29 ] || fail "cursor at column $(cursor_x), not under ガバナンスx"
# A missing term and an unclosed bracket say where.
keys End C-u
type_text "(#検知 or"
keys Enter
wait_line 23 '^8 文字目: ここに条件がありません'
keys End C-u
type_text "(#検知 or #防御"
keys Enter
wait_line 23 '^1 文字目: この \( が閉じていません'

# A query that matches nothing is not applied: the tree stays.
keys End C-u
type_text "概念:検知 運用機能:ガバナンス"
keys Enter
wait_line 23 '^該当する項目がありません。ツリーはそのままです'
wait_line 24 '^絞り込み: 概念:検知 運用機能:ガバナンス$'

# ---- #検知 matches both types; the detail pane tells them apart ----
keys End C-u
type_text "#検知 id:5e-*"
keys Enter
wait_for "f:#検知 id:5e-* ("
assert_contains "5e-5.25"
keys f End C-u
type_text "管理策タイプ:検知 id:5e-5.25"
keys Enter
wait_for "(1)"
keys Tab G
wait_for "#検知 (Detective)"
assert_contains "#検知 (Detect) #対応"
keys Tab

# ---- Esc clears the filter and brings the tree back ----
keys Escape
wait_line 24 '^絞り込みを解除しました'
assert_not_contains "f:"
assert_contains "+ 4.11 改善"
wait_position 27/35

# ---- f then an empty line clears too ----
keys f
type_text "status:kept kind:part"
keys Enter
wait_for "f:status:kept kind:part (3)"
keys f End C-u Enter
wait_line 24 '^絞り込みを解除しました'

# ---- X: concepts x capabilities, as table 2 ----
keys X
wait_line 2 '^ サイバーセキュリティ概念 × 運用機能: 93 項目'
assert_contains " クロス集計 | "
assert_line 5 '^ 識別$'
assert_line 6 '^   ガバナンス \(5\)$'
assert_line 7 '^     5a-5\.1  情報セキュリティのための方針群$'
assert_line 11 '^     5a-5\.8  プロジェクトマネジメントにおける情報セキュリティ$'
assert_row_with "人的資源のセキュリティ (0)" '^   人的資源のセキュリティ \(0\)$'
assert_line 20 '^     —$'
# Scrolling: G goes to the last cell, Recover x Information security assurance.
keys G
wait_line 21 '^   情報セキュリティ保証 \(0\)$'
assert_line 22 '^     —$'
assert_contains "   法令及び順守 ("
# Rows show the qualifier where two types share a label.
keys g
wait_line 5 '^ 識別$'
keys PgDn PgDn PgDn
wait_for "防御 (Protect)"
n=0
while ! screen | grep -qF "検知 (Detect)"; do
	n=$((n + 1))
	[ "$n" -lt 12 ] || fail "no 検知 (Detect) row after $n pages"
	keys PgDn
done
# r changes the row type, t swaps; Enter goes to the item in the tree.
keys g r
wait_line 2 '^ 運用機能 × 運用機能: '
keys r r
wait_line 2 '^ 管理策タイプ × 運用機能: '
wait_line 5 '^ 予防$'
keys t
wait_line 2 '^ 運用機能 × 管理策タイプ: '
wait_line 5 '^ ガバナンス$'
assert_line 6 '^   予防 \(7\)$'
assert_line 7 '^     5a-5\.1  '
keys j Enter
wait_for " 閲覧 | "
wait_detail 5a-5.2
# It remembers the types; q goes back.
keys X
wait_line 2 '^ 運用機能 × 管理策タイプ: '
keys q
wait_for " 閲覧 | "

# ---- the cross-tab follows the filter ----
keys f
type_text "id:5a-*"
keys Enter
wait_for "f:id:5a-* ("
keys X
wait_line 2 '^ 運用機能 × 管理策タイプ: 8 項目$'
wait_line 4 '^ 絞り込み: id:5a-\*$'
keys Escape
wait_for " 閲覧 | "
finish
