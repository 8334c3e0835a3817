#!/bin/sh
# Saves the file on disk does not allow as it is: one changed on disk
# since it was opened (another editor saved) is not overwritten; r
# reloads it and re-applies the unsaved changes on top, and one that no
# longer applies is listed in the messages (M), never dropped silently.
# A read-only (0444) file asks first: n keeps it, y replaces it.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=corp.yaml
A=tester
D=2026-09-10

# tailoring CHANGE...: a tailoring file with the changes "op target reason"
# (author other, date 2026-01-01).
tailoring() {
	printf 'format: kijun-tailoring/1\nid: corp\nbase:\n  catalog: meti-ismk-2025\n  edition: 令和7年3月改訂版\nchanges:\n'
	for c in "$@"; do
		set -- $c
		printf -- "- op: %s\n  target: %s\n  step: 1\n  reason: %s\n  author: other\n  date: '2026-01-01'\n" "$1" "$2" "$3"
	done
}

# ---- changed on disk: refused, then reloaded with the change on top ----
tailoring "exclude 5a-5.1 元の除外" >"$W/$F"
start KIJUN_AUTHOR=$A KIJUN_DATE=$D -- "$F"
wait_status '^ 閲覧 \| corp\.yaml \| '
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
tailoring "exclude 5a-5.1 元の除外" "exclude 5a-5.4 他の人の除外" >"$W/$F"
cp "$W/$F" "$E2E_DIR/theirs.yaml"
keys s
wait_message '^corp\.yaml はディスク上で変わりました。 r 読み込み直して変更を再適用  Esc 戻る$'
cmp -s "$W/$F" "$E2E_DIR/theirs.yaml" || fail "the other save was overwritten"
keys r
wait_message '^読み込み直し、変更 1 件を再適用しました。s で保存します$'
wait_status '^ 閲覧 \| corp\.yaml \[\+\] \| '
save
assert_changes "$F" "$(tsv 1 exclude 5a-5.1 other 2026-01-01 元の除外)
$(tsv 1 exclude 5a-5.4 other 2026-01-01 他の人の除外)
$(tsv 1 exclude 5a-5.3 $A $D 別規程で定めるため)"

# ---- a change that no longer applies: listed, not lost silently ----
goto_item 5a-5.2
keys x
give_reason "重複のため"
tailoring "exclude 5a-5.1 元の除外" "exclude 5a-5.4 他の人の除外" "exclude 5a-5.3 別規程で定めるため" \
	"exclude 5a-5.2 先に除外" >"$W/$F"
keys s
wait_message '^corp\.yaml はディスク上で変わりました。'
keys r
wait_message '^読み込み直しました: 0 件を再適用（全 1 件）、1 件は不可（M で一覧）$'
keys M
wait_status '^ メッセージ \| '
assert_contains "再適用できませんでした: 除外 5a-5.2（tester、2026-09-10）"
assert_contains "理由: 重複のため"
keys q
finish

# ---- a read-only file: asked; n keeps it, y replaces it ----
tailoring "exclude 5a-5.1 元の除外" >"$W/$F"
chmod 444 "$W/$F"
cp "$W/$F" "$E2E_DIR/ro.yaml"
start KIJUN_AUTHOR=$A KIJUN_DATE=$D -- "$F"
wait_status '^ 閲覧 \| corp\.yaml \| '
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
keys s
wait_message '^corp\.yaml は読み取り専用です。それでも保存しますか\? y/n'
keys n
wait_message '^保存しませんでした$'
cmp -s "$W/$F" "$E2E_DIR/ro.yaml" || fail "n replaced the read-only file"
keys s
wait_message '^corp\.yaml は読み取り専用です。'
keys y
wait_message '^2 件の変更を corp\.yaml に保存しました$'
finish
assert_changes "$F" "$(tsv 1 exclude 5a-5.1 other 2026-01-01 元の除外)
$(tsv 1 exclude 5a-5.3 $A $D 別規程で定めるため)"
assert_eq "$(stat -c %a "$W/$F")" 444 "the mode after a forced save"
pass
