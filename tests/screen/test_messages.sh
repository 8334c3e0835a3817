#!/bin/sh
# A message wider than the line ends in ">" and names M; M shows every
# message so far, newest first and whole, so a failed save's cause can be
# read to its end.  q, Esc or M close it.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=no-such-directory-for-kijun/a-rather-long-file-name.yaml

start KIJUN_AUTHOR=tester KIJUN_DATE=2026-07-08 -- "$F"
wait_position 1/23
keys M
wait_status '^ メッセージ \| '
assert_line 2 '^メッセージ（1 件、新しい順）$'
assert_contains "新しい個別管理基準です"
keys q
wait_status '^ 閲覧 \| '

keys x
give_reason "別規程で定めるため"
keys s
# Cut at the edge, and said so.
wait_message '^保存できませんでした: no-such-directory-for-kijun/a-rather-long-file-n> M で全文$'
assert_not_contains "No such file or directory"

keys M
wait_status '^ メッセージ \| '
assert_line 2 '^メッセージ（3 件、新しい順）$'
# The newest first, whole: its cause to the end.
assert_line 4 '^保存できませんでした:$'
assert_line 5 '^  no-such-directory-for-kijun/a-rather-long-file-name\.yaml: 同じ場所に一時ファ$'
assert_line 6 '^  イルを作れません: No such file or directory$'
assert_line 7 '^記録しました: 除外 III'
assert_line 8 '^新しい個別管理基準です'
keys M
wait_status '^ 閲覧 \| '
# Nothing was saved: q asks; n quits without saving.
keys q
wait_message '^保存されていない変更があります'
keys n
wait_exit 10
assert_clean_exit 0
[ ! -e "$W/$F" ] || fail "$F was written"
pass
