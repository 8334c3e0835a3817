#!/bin/sh
# The journal as the screen uses it: a change made after a save, then
# kill -9; the next kijun FILE finds the dead holder's lock (offered for
# takeover) and the journal (what it holds: changes, author), and r brings
# the change back; s saves it, q leaves no journal and no lock.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=corp.yaml
C1=$(tsv 1 exclude 5a-5.3 tester 2026-09-10 "別規程で定めるため")
C2=$(tsv 1 exclude 5a-5.4 tester 2026-09-10 "対象外のため")

start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_status '^ 閲覧 \| corp\.yaml \| '
[ -f "$W/$F.kijun-lock" ] || fail "no lock while kijun has $F open"
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
save
[ ! -e "$W/$F.kijun-journal" ] || fail "a journal after the save"
goto_item 5a-5.4
keys x
give_reason "対象外のため"
# Shown, so already fsynced in the journal.
grep -q '対象外のため' "$W/$F.kijun-journal" || fail "the shown change is not in the journal"
pid=$(sed -n 's/^pid: //p' "$W/$F.kijun-lock")
[ -n "$pid" ] || fail "no pid in the lock"
kill -9 "$pid"
wait_exit 10
assert_eq "$(cat "$(status_file)")" 137 "the status after kill -9"
assert_changes "$F" "$C1"

# ---- the next start: the stale lock, then the journal ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_for "corp.yaml には、もう動いていない kijun のロックがあります"
assert_contains "（pid $pid）"
assert_contains "t ロックを引き継ぐ"
keys t
wait_for "corp.yaml には、正常に終了しなかった kijun の保存されていない変更があります"
assert_contains "変更 1 件、取り消し 0 件、やり直し 0 件（作成者 tester）"
assert_contains "r 変更を復元"
keys r
wait_message '^ジャーナルから 1 件の変更を復元しました。s で保存します$'
wait_status '^ 閲覧 \| corp\.yaml \[\+\] \| '
save
finish
assert_changes "$F" "$C1
$C2"
[ ! -e "$W/$F.kijun-journal" ] || fail "the journal outlived a clean quit"
[ ! -e "$W/$F.kijun-lock" ] || fail "the lock outlived a clean quit"
pass
