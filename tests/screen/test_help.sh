#!/bin/sh
# ? shows every key of src/tui/keymap.c with its Japanese description (from
# src/core/i18n_ja.c); j/k/g/G scroll it; q, Esc and ? close it and the tree
# is back as it was.  F1 opens it too.
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23
keys j j
wait_position 3/23
wait_detail 3.2

keys '?'
wait_for " ヘルプ | "
assert_line 2 '^ キー操作$'
assert_line 4 '^ 左はカタログの木、右は選んだ項目の本文と属性です。$'
assert_line 5 '^ \+ は開ける項目、- は開いている項目です。$'
assert_line 6 "^ 個別管理基準の印: \\* 変更、A 追加、x 除外、s 分割、m 統合、$"
assert_line 7 "^ ~ 閉じた枝の中に変更あり、M 必須、R 推奨、T 技術的検証項目、$"
assert_line 8 "^ ! 文末表現が水準と合わない。$"
assert_line 9 '^  j, Down +次の行へ$'
assert_contains "  PgDn, Ctrl-F    次のページへ"
assert_contains "  PgUp, Ctrl-B    前のページへ"
assert_contains "  Enter, Space    項目を開く・閉じる"
assert_not_contains "- III ガバナンス基準"

# Every binding of keymap.c, in Japanese.
assert_help_lists_keymap ja
wait_line 2 '^ キー操作$'

# The end of the help: its last key and the closing hints.
keys G
wait_for "q、Esc または ? でこの画面を閉じます。"
assert_not_contains "キー操作"
assert_contains "検索中: 入力するたびに移動し、Enter で確定、Esc で元の位置に戻ります。"
assert_contains "  t               変更の対象を別の項目に付け替える（理由を付けて記録）"
keys g
wait_line 2 '^ キー操作$'
keys j          # one line down
wait_line 2 '^$'
keys k
wait_line 2 '^ キー操作$'

# q closes the help: the tree is back where it was.
keys q
wait_gone "キー操作"
wait_for " 閲覧 | "
wait_position 3/23
wait_detail 3.2
assert_line 2 '^- III ガバナンス基準 '
assert_not_contains "キー操作"

# F1 opens it, ? closes it; ? opens it, Esc closes it.
keys F1
wait_for " ヘルプ | "
assert_line 2 '^ キー操作$'
keys '?'
wait_for " 閲覧 | "
assert_line 2 '^- III ガバナンス基準 '
keys '?'
wait_for " ヘルプ | "
keys Escape
wait_for " 閲覧 | "
wait_position 3/23
assert_line 2 '^- III ガバナンス基準 '

finish
pass
