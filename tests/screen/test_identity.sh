#!/bin/sh
# Who and when a change is recorded as come from the session: a
# KIJUN_DATE that is no real date, or a KIJUN_AUTHOR that is not UTF-8
# (Shift_JIS, say), is said once at start, and every editing key says it
# again instead of starting a change that could not be recorded; reading
# and quitting still work.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
BAD_DATE='^日付が YYYY-MM-DD 形式の実在する日付ではありません: KIJUN_DATE を確認 +> M で全文$'
BAD_AUTHOR='^作成者が制御文字を含まない UTF-8 の文字列ではありません'

start KIJUN_AUTHOR=tester KIJUN_DATE=2026-02-30 -- who.yaml
wait_message "$BAD_DATE"
goto_item 5a-5.3
keys x
wait_message "$BAD_DATE"
wait_status '^ 閲覧 \| who\.yaml \| '
keys m
wait_message "$BAD_DATE"
keys j
wait_detail 5a-5.4
finish
[ ! -e "$W/who.yaml" ] || fail "who.yaml was written"

# "テ" in Shift_JIS.
start KIJUN_AUTHOR="$(printf '\203e')" KIJUN_DATE=2026-07-08 -- who.yaml
wait_message "$BAD_AUTHOR"
keys x
wait_message "$BAD_AUTHOR"
finish

# Fixed, the same keys record.
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-07-08 -- who.yaml
assert_eq "$(message_line)" "新しい個別管理基準です。x、r、a などで変更し、s で保存します。? でキー一覧" \
	"the message line with a valid author and date"
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
save
finish
assert_changes who.yaml "$(tsv 1 exclude 5a-5.3 tester 2026-07-08 "別規程で定めるため")"
pass
