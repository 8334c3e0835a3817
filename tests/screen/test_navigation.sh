#!/bin/sh
# Moving and opening: j/k/Down/Up, l/Right/Enter/Space, h/Left, g/G and
# Home/End, PgDn/PgUp and Ctrl-F/B/D/U, E and C.  The status bar position and
# the detail pane's id follow the cursor; + and - mark closed and open rows.
. "$(dirname "$0")/lib.sh"

# Every item is a row once all are open.
ALL=$("$KIJUN" catalog list | wc -l | tr -d ' ')
[ "$ALL" -gt 1000 ] || fail "kijun catalog list printed only $ALL items"

start
wait_position 1/23
wait_detail III

# ---- one row at a time ----
keys j
wait_position 2/23
wait_detail 3.1
keys Down
wait_position 3/23
wait_detail 3.2
keys k
wait_position 2/23
wait_detail 3.1
keys Up
wait_position 1/23
wait_detail III
keys k j        # k on the first row stays there (no wrapping to the end)
wait_position 2/23
keys k
wait_position 1/23

# ---- opening and closing ----
keys j
wait_position 2/23
assert_line 3 '^  \+ 3\.1 '
keys l          # opens 3.1: four controls appear below it
wait_position 2/27
assert_line 3 '^  - 3\.1 '
assert_line 4 "^    \+ 3\.1\.1 情報セキュリティに対する経営$SEP"
wait_detail 3.1
keys l          # already open: goes into it
wait_position 3/27
wait_detail 3.1.1
keys h          # 3.1.1 is closed: goes to its parent
wait_position 2/27
wait_detail 3.1
keys h          # closes 3.1
wait_position 2/23
assert_line 3 '^  \+ 3\.1 '
assert_line 4 '^  \+ 3\.2 評価 '
keys Right
wait_position 2/27
assert_line 3 '^  - 3\.1 '
keys Left
wait_position 2/23
assert_line 3 '^  \+ 3\.1 '
keys Enter
wait_position 2/27
assert_line 3 '^  - 3\.1 '
keys Space
wait_position 2/23
assert_line 3 '^  \+ 3\.1 '
keys h          # 3.1 is closed: goes to part III
wait_position 1/23
wait_detail III
keys h          # closes III
wait_position 1/18
assert_line 2 '^\+ III ガバナンス基準 '
assert_line 3 '^- IV マネジメント基準 '
keys l
wait_position 1/23
assert_line 2 '^- III ガバナンス基準 '

# ---- first and last row ----
keys G
wait_position 23/23
wait_detail 8
assert_line 22 '^  \+ 8 技術的管理策 '
keys g
wait_position 1/23
wait_detail III
# (What terminals send for Home and End: tests/e2e/test_terminal_keys.sh.)

# ---- pages: the body has 21 rows; a page keeps one row of context ----
keys PgDn
wait_position 21/23      # the last page: items 3..23 are shown
assert_line 2 '^  \+ 3\.2 評価 '
wait_detail 6
keys PgUp
wait_position 1/23
assert_line 2 '^- III '

# ---- everything open ----
keys E
wait_position "1/$ALL"
assert_line 3 '^  - 3\.1 '
assert_line 4 "^    - 3\.1\.1 情報セキュリティに対する経営$SEP"
assert_line 5 '^        3\.1\.1\.1 経営陣は、'
keys PgDn
wait_position "21/$ALL"
keys C-f
wait_position "41/$ALL"
keys PgUp
wait_position "21/$ALL"
keys C-b
wait_position "1/$ALL"
keys C-d
wait_position "11/$ALL"
keys C-u
wait_position "1/$ALL"
keys G
wait_position "$ALL/$ALL"
keys g
wait_position "1/$ALL"
keys j j j j
wait_position "5/$ALL"
wait_detail 3.1.1.2

# ---- everything closed: the cursor goes to the part that held it ----
keys C
wait_position 1/3
wait_detail III
assert_line 2 '^\+ III ガバナンス基準 '
assert_line 3 '^\+ IV マネジメント基準 '
assert_line 4 '^\+ V 管理策基準 '
assert_line 5 "^ {40}$SEP"
keys Down Down
wait_position 3/3
wait_detail V
finish

pass
