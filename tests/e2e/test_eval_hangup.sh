#!/bin/sh
# An auditor's SSH link drops mid-evaluation (issue 12): kijun gets SIGHUP
# in a real terminal while a finding is half typed.  Every result and
# procedure recorded before is in the file (each was saved when recorded);
# the half-typed finding is not; kijun exits cleanly; reopened, it starts
# at the next item without a result.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
cp "$E2E_TOP/data/examples/guideline-examples.yaml" "$W/corp.yaml"

kijun_cli 0 eval new corp.yaml -o d.yaml --kind design --scope "5a-5.1 5a-5.2 5a-5.3.1"

start "KIJUN_AUTHOR=監査 太郎" KIJUN_DATE=2026-11-29 -- d.yaml
wait_line 4 '^\[1/10\] 5a-5\.1\.1'
keys 1
wait_message '^5a-5\.1\.1: 有効（保存しました）$'
keys n
wait_line 4 '^\[2/10\] 5a-5\.1\.2'
keys 3
wait_message '^5a-5\.1\.2: 有効でない（保存しました）$'
keys n
wait_line 4 '^\[3/10\] 5a-5\.1\.3'
keys p o
type_text "サーバ室の入退室"
keys Enter
wait_message '^5a-5\.1\.3: 観察（保存しました）$'
keys f 2
wait_message '^指摘事項:'
type_text "書きかけの指摘"
wait_message '^指摘事項: 書きかけの指摘'

# The link drops: the terminal's SIGHUP reaches kijun.
wrapper=$(tm display-message -p -t "$E2E_SESSION" '#{pane_pid}')
pid=$(ps -o pid= --ppid "$wrapper" | tr -d ' ')
[ -n "$pid" ] || fail "kijun's process was not found under the pane"
kill -HUP "$pid"
wait_exit 10
assert_clean_exit 129  # 128+SIGHUP, as for a tailoring (issue 6)
stop_kijun

kijun_cli 0 results d.yaml
assert_eq "$(cli_out | head -n 3 | cut -f 1-6 | tr '\t\n' ': ')" \
	"5a-5.1.1:doing:effective::0: 5a-5.1.2:doing:not-effective::0: 5a-5.1.3:doing:none:observation:0: " \
	"what was recorded before the hangup"
if grep -q '書きかけの指摘' "$W/d.yaml"; then
	fail "a finding that was never confirmed was recorded"
fi
[ ! -e "$W/corp.yaml.recover" ] || fail "the untouched tailoring got a .recover"
[ ! -e "$W/d.yaml.kijun-lock" ] || fail "the lock was left after the hangup"

# Reopened: where the work stopped.
start "KIJUN_AUTHOR=監査 太郎" KIJUN_DATE=2026-11-29 -- d.yaml
wait_line 4 '^\[3/10\] 5a-5\.1\.3  結果: 未評価  状態: 実施中'
assert_line 2 '^\[#+\.+\] 2/10  有効 1  一部有効 0  有効でない 1  該当なし 0$'
assert_contains '観察: サーバ室の入退室'
finish
pass
