#!/bin/sh
# Searching: / jumps as you type and reveals the match inside closed
# parents; Enter keeps it, Esc goes back; n and N step through the matches
# and wrap; Japanese queries; "not found".
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23

keys n          # nothing searched yet
wait_for "まだ検索していません。/ で検索します"

keys j j
wait_position 3/23
wait_detail 3.2

# ---- Esc returns to where / was pressed, with the tree as it was ----
keys /
wait_for " 検索 | "
assert_line 24 '^/$'
type_text "7a-7.2.3"
wait_line 24 '^/7a-7\.2\.3$'
wait_position 28/43
wait_detail 7a-7.2.3
keys Escape
wait_position 3/23
wait_detail 3.2
wait_for " 閲覧 | "
assert_line 24 '^$'
assert_not_contains "7a-7.2"
assert_line 22 '^  \+ 6 人的管理策 '

# ---- Backspace on an empty query leaves the search ----
keys /
wait_for " 検索 | "
type_text "7a"
wait_line 24 '^/7a$'
keys BSpace BSpace
wait_line 24 '^/$'
wait_position 3/23
keys BSpace
wait_for " 閲覧 | "
wait_position 3/23

# ---- Enter keeps the match: 7a-7.2.3, revealed inside V, 7, 7a, 7a-7.2 ----
keys /
type_text "7a-7.2.3"
wait_position 28/43
keys Enter
wait_for " 閲覧 | "
wait_position 28/43
assert_line 24 '^/7a-7\.2\.3$'
wait_detail 7a-7.2.3
assert_line 3 "$SEP 詳細管理策$"
assert_row_with "- 7 物理的管理策" '^  - 7 物理的管理策 '
assert_row_with "- 7a 物理的管理策" '^    - 7a 物理的管理策 '
assert_row_with "7a-7.2 物理的入退" '^      - 7a-7\.2 物理的入退 '
assert_row_with "7a-7.2.3 " "^        \+ 7a-7\.2\.3 物理的な入退管理を運 $SEP"
# Its text and its list entries a) to f), hanging after their labels.
assert_contains "物理的な入退管理を運用するに当たって"
assert_line 8 "$SEP  a\) 全ての出入りについて、紙の入退記"
assert_line 9 "$SEP {5}[^ ]"     # the rest hangs under the text, not the label
assert_contains " b) 情報を処理又は保管する区域への入"
assert_contains " c) 要員その他の手段によって監視され"
assert_contains " d) 法令の範囲内で、入室時及び退出時"
# e) and f) are further down: Tab moves the focus to the detail pane.
keys Tab
wait_for " 詳細 | "
keys G
wait_for " e) 供給者の要員には、必要な場合に限"
assert_contains " f) 要員及び利害関係者には、身分が一"
assert_not_contains " a) 全ての出入り"
assert_eq "$(position)" 28/43 "position while the detail pane scrolls"
keys g
wait_for " a) 全ての出入りについて"
keys Tab
wait_for " 閲覧 | "

# ---- n and N: the entries' ids contain the query too ----
keys n
wait_detail 7a-7.2.3/a
wait_position 29/49
assert_line 24 '^/7a-7\.2\.3$'
assert_line 20 "^        - 7a-7\.2\.3 物理的な入退管理を運 $SEP$"
assert_line 21 "^ {12}a\) 全ての出入りについて、紙 $SEP$"
assert_line 22 "^ {12}b\) 情報を処理又は保管する区 $SEP$"
keys n
wait_detail 7a-7.2.3/b
keys n n n n
wait_detail 7a-7.2.3/f
wait_position 34/49
keys n          # past the last match: from the top again
wait_detail 7a-7.2.3
wait_position 28/49
wait_for "末尾まで検索したので先頭から続けました: 7a-7.2.3"
keys N          # and backwards past the first
wait_detail 7a-7.2.3/f
wait_for "先頭まで検索したので末尾から続けました: 7a-7.2.3"
keys N
wait_detail 7a-7.2.3/e
wait_line 24 '^\?7a-7\.2\.3$'

# ---- a Japanese query ----
keys /
type_text "地震"
wait_line 24 '^/地震$'
wait_detail 7a-7.5.3
keys Enter
wait_line 24 '^/地震$'
wait_for " 閲覧 | "
wait_detail 7a-7.5.3
assert_contains "火災、洪水、地震、爆発"

# ---- not found: the cursor stays, the message says so ----
before=$(position)
keys /
type_text "竜巻"
wait_line 24 '^/竜巻$'
keys Enter
wait_line 24 '^見つかりません: 竜巻$'
wait_for " 閲覧 | "
wait_detail 7a-7.5.3
assert_eq "$(position)" "$before" "position after a search that found nothing"
keys Escape     # clears the message line
wait_line 24 '^$'
keys n
wait_line 24 '^見つかりません: 竜巻$'
wait_detail 7a-7.5.3

finish
pass
