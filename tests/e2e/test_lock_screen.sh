#!/bin/sh
# The lock as the screen uses it: a file another kijun has open is said
# to be held, by whom (user@host, pid) and since when; o opens
# it read-only, where the editing keys say why not and q quits at once,
# leaving the other's lock alone.  A lock whose pid is dead is offered
# for takeover; t takes it, and a clean quit removes it.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=corp.yaml
L=$W/$F.kijun-lock
host=$(uname -n)

# ---- held by a live kijun: another kijun on the same file ----
# The first kijun reads its keys from a pipe kept open here; closing it
# ends that kijun as a lost terminal would.
mkfifo "$E2E_DIR/first.keys"
(cd "$W" && exec "$KIJUN" --script "$E2E_DIR/first.keys" "$F" >/dev/null 2>"$E2E_DIR/first.err") &
holder=$!
exec 5>"$E2E_DIR/first.keys"
printf 'size 80x24\n' >&5
i=0
while [ ! -s "$L" ]; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "the first kijun took no lock"
	sleep 0.05
done
cp "$L" "$E2E_DIR/lock.copy"
since=$(sed -n 's/^since: //p' "$L")
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_for "corp.yaml は別の kijun で開かれています"
assert_contains "ロックしている kijun: $(id -un)@$host（pid $holder）、$since から"
assert_contains "o 読み取り専用で開く  q 終了"
keys o
wait_status '^ 閲覧 \| corp\.yaml \[RO\] \| '
goto_item 5a-5.3
keys x
wait_message '^読み取り専用: 別の kijun がこのファイルを開いています'
keys s
wait_message '^読み取り専用: '
keys q
wait_exit 10
assert_clean_exit 0
cmp -s "$L" "$E2E_DIR/lock.copy" || fail "the other kijun's lock was touched"
[ ! -e "$W/$F" ] || fail "$F was written"
[ ! -e "$W/$F.kijun-journal" ] || fail "a read-only kijun made a journal"
# The tmux server inherited the pipe: it goes first, so closing it here
# is the first kijun's end of input.
stop_kijun
exec 5>&-
wait "$holder" || fail "the first kijun failed: $(cat "$E2E_DIR/first.err")"
[ ! -e "$L" ] || fail "the first kijun left its lock"

# ---- stale: the holder is gone ----
dead=$(sh -c 'echo $$')
printf 'kijun-lock/1\nuser: sato\nhost: %s\npid: %s\nsince: 2026-11-29T06:00:00Z\n' "$host" "$dead" >"$L"
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_for "corp.yaml には、もう動いていない kijun のロックがあります"
assert_contains "（pid $dead）"
keys t
wait_status '^ 閲覧 \| corp\.yaml \| '
assert_eq "$(sed -n 's/^pid: //p' "$L")" "$(pgrep -P "$(tm display-message -p '#{pane_pid}')")" "the lock's pid after t"
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
save
finish
[ ! -e "$L" ] || fail "the lock outlived a clean quit"
pass
