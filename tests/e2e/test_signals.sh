#!/bin/sh
# Signals acted on at once, with exit status 128+signal: SIGTERM while
# idle with a change unsaved (143: the journal keeps it, the lock goes);
# SIGHUP while $EDITOR runs (129: the journal holds the changes made
# before it, and the next start offers them).
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=corp.yaml

# kijun_pid: the pid of kijun, the child of the pane's shell.
kijun_pid() {
	pgrep -P "$(tm display-message -p -t "$E2E_SESSION" '#{pane_pid}')"
}

# ---- SIGTERM, idle: 143 within the wait, the change in the journal ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_status '^ 閲覧 \| corp\.yaml \| '
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
pid=$(kijun_pid)
kill -TERM "$pid"
wait_exit 3
assert_eq "$(cat "$(status_file)")" 143 "the status after SIGTERM"
grep -q '別規程で定めるため' "$W/$F.kijun-journal" || fail "the journal lacks the change"
[ ! -e "$W/$F.kijun-lock" ] || fail "the lock outlived SIGTERM"
grep -qF "$F.kijun-journal" "$(stderr_file)" || fail "stderr does not name the journal"

# ---- SIGHUP while $EDITOR runs: 129, nothing lost ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 FAKE_EDITOR_SLEEP=2 -- "$F"
wait_for "r 変更を復元"
keys r
wait_status '^ 閲覧 \| corp\.yaml \[\+\] \| '
goto_item 5a-5.4
keys x
give_reason "対象外のため"
goto_item 5a-5.1
keys r
i=0
while [ ! -f "$E2E_DIR/editor.seen" ]; do
	i=$((i + 1))
	[ "$i" -lt 100 ] || fail "the editor did not start"
	sleep 0.05
done
kill -HUP "$(kijun_pid)"
wait_exit 5
assert_eq "$(cat "$(status_file)")" 129 "the status after SIGHUP during \$EDITOR"
grep -q '別規程で定めるため' "$W/$F.kijun-journal" || fail "the journal lost the recovered change"
grep -q '対象外のため' "$W/$F.kijun-journal" || fail "the journal lacks the change made before \$EDITOR"
[ ! -e "$W/$F" ] || fail "$F was saved"

# ---- the next start offers both ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-09-10 -- "$F"
wait_for "変更 2 件"
keys q
wait_exit 10
assert_clean_exit 0
[ -e "$W/$F.kijun-journal" ] || fail "q at the offer removed the journal"
pass
