#!/bin/sh
# [+] says the changes differ from the file: undoing back to what was
# saved clears it, and q then quits without asking.  A new file whose
# changes are all undone has nothing to lose either: q quits, and no file
# is written.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=saved.yaml
MODIFIED='^ 閲覧 \| saved\.yaml \[\+\] \| '
CLEAN='^ 閲覧 \| saved\.yaml \| '

# ---- a new file: a change, then its undo ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-07-08 -- "$F"
wait_status "$CLEAN"
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
wait_status "$MODIFIED"
keys u
wait_message '^取り消しました: 除外 5a-5\.3'
wait_status "$CLEAN"
finish          # q, with no question
[ ! -e "$W/$F" ] || fail "quitting a new file with every change undone wrote $F"

# ---- a saved file: undo to the save, redo past it ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-07-08 -- "$F"
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
save
wait_status "$CLEAN"
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
give_reason "全社で必須とする"
wait_status "$MODIFIED"
keys u
wait_message '^取り消しました: 必須・推奨の設定 5a-5\.1'
wait_status "$CLEAN"
keys C-r          # past the save again: modified
wait_status "$MODIFIED"
keys u
wait_status "$CLEAN"
# Below the save: modified too, and q asks.
keys u
wait_message '^取り消しました: 除外 5a-5\.3'
wait_status "$MODIFIED"
keys q
wait_message '^保存されていない変更があります'
keys Escape
keys C-r
wait_status "$CLEAN"
finish
assert_changes "$F" "$(tsv 1 exclude 5a-5.3 tester 2026-07-08 "別規程で定めるため")"
pass
