#!/bin/sh
# English: --lang en, --lang=en and KIJUN_LANG=en show the English
# interface and titles; the help lists every key in English; L switches the
# language while running, both ways.
. "$(dirname "$0")/lib.sh"

start --lang en
wait_for " BROWSE | "
assert_line 1 '^ kijun \| Information Security Management Standard '
assert_line 2 "^- III Governance Standard +$SEP III$"
assert_line 3 "^  \+ 3\.1 Objectives of Information Securi$SEP part$"
assert_line 20 '^- V Control Standard '
assert_line 23 '^ BROWSE \| \(built-in\) meti-ismk-2025\.yaml \| 1/23 +\?:help  q:quit$'
assert_not_contains "閲覧"
assert_contains "5 items below"
keys j
wait_detail 3.1
assert_line 3 "$SEP section$"

keys '?'
wait_for " HELP | "
assert_line 2 '^ Keys$'
assert_line 4 "^ The tree is on the left; the selected item's text and attributes on the right\.$"
assert_line 6 '^ Marks in a tailoring: \* changed, A added, x excluded, s split, m merged,$'
assert_line 7 '^ ~ changes inside a closed branch, M mandatory, R recommended, T technical,$'
assert_line 9 '^  j, Down +next row$'
assert_contains "  PgDn, Ctrl-F    next page"
assert_not_contains "キー操作"
assert_help_lists_keymap en
wait_line 2 '^ Keys$'
keys G
wait_for "Press q, Esc or ? to close this help."
assert_contains "In a search: type to jump as you go, Enter keeps the match, Esc goes back."
keys q
wait_for " BROWSE | "
wait_position 2/23

# L: to Japanese and back, keeping the place.
keys L
wait_for " 閲覧 | "
wait_line 24 '^表示言語: 日本語$'
assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'
assert_line 2 "^- III ガバナンス基準 +$SEP 3\.1$"
assert_line 3 "$SEP 節$"
assert_line 23 '\?:ヘルプ  q:終了$'
assert_eq "$(position)" 2/23 "position after L"
keys L
wait_for " BROWSE | "
wait_line 24 '^language: English$'
assert_line 2 "^- III Governance Standard +$SEP 3\.1$"
assert_line 3 "$SEP section$"
keys '?'
wait_line 2 '^ Keys$'
keys q
wait_for " BROWSE | "
finish

# --lang=en, and KIJUN_LANG=en in the environment.
start --lang=en
wait_for " BROWSE | "
finish
start KIJUN_LANG=en
wait_for " BROWSE | "
assert_line 2 '^- III Governance Standard '
finish
# --lang wins over KIJUN_LANG.
start KIJUN_LANG=en --lang ja
wait_for " 閲覧 | "
finish

# L from Japanese: the message is in English.
start
wait_for " 閲覧 | "
keys L
wait_for " BROWSE | "
wait_line 24 '^language: English$'
assert_line 2 '^- III Governance Standard '
finish

# The command line speaks English too.
out=$("$KIJUN" --lang en --help 2>"$E2E_DIR/err") || fail "kijun --lang en --help failed"
[ ! -s "$E2E_DIR/err" ] || fail "kijun --lang en --help wrote to stderr: $(cat "$E2E_DIR/err")"
printf '%s\n' "$out" | grep -q '^usage:$' && printf '%s\n' "$out" | grep -q '^  kijun \[OPTIONS\] \[FILE\]  ' ||
	fail "kijun --lang en --help: no English usage line in: $out"
pass
