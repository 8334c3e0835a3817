#!/bin/sh
# Saving and quitting, at 80x24: [+] in the status bar after a change and
# not after s; a saved file keeps its permission bits and its previous
# version as FILE~; q with unsaved changes asks (Esc stays, other keys are
# ignored, n quits without saving, y saves and quits); the saved file loads
# again; saving it again without changes writes the same bytes.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=save.yaml
AUTHOR=tester
DATE=2026-09-10
QUESTION='^保存されていない変更があります。 y 保存して終了  n 保存せずに終了  Esc 戻る$'
C1=$(tsv 1 exclude 5a-5.3 $AUTHOR $DATE "別規程で定めるため")
C2=$(tsv 6 level 5a-5.1 $AUTHOR $DATE "全社で必須とする")
C3=$(tsv 6 level 5a-5.4 $AUTHOR $DATE "推奨にとどめる")

# mode FILE: its permission bits, in octal.
mode() {
	stat -c %a "$1"
}

# ---- a new file: [+] after a change, not after s ----
start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| save\.yaml \| 個別管理基準 \| 1/23 '
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
wait_status '^ 閲覧 \| save\.yaml \[\+\] \| 個別管理基準 \| '
[ ! -e "$W/$F" ] || fail "$F exists before s"
keys s
wait_message '^1 件の変更を save\.yaml に保存しました$'
wait_status '^ 閲覧 \| save\.yaml \| 個別管理基準 \| '
[ -f "$W/$F" ] || fail "s did not write $F"
[ ! -e "$W/$F~" ] || fail "a backup of a file that did not exist"
assert_changes "$F" "$C1"

# ---- the second save: the mode kept, the previous version as FILE~ ----
chmod 600 "$W/$F"
cp "$W/$F" "$E2E_DIR/v1.yaml"
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
give_reason "全社で必須とする"
wait_status '^ 閲覧 \| save\.yaml \[\+\] \| '
keys s
wait_message '^2 件の変更を save\.yaml に保存しました$'
wait_status '^ 閲覧 \| save\.yaml \| '
assert_eq "$(mode "$W/$F")" 600 "the mode of $F after s"
[ -f "$W/$F~" ] || fail "no $F~ after saving over $F"
cmp -s "$W/$F~" "$E2E_DIR/v1.yaml" || fail "$F~ is not the previous version: $(diff "$E2E_DIR/v1.yaml" "$W/$F~")"
assert_changes "$F" "$C1
$C2"
cp "$W/$F" "$E2E_DIR/v2.yaml"
# The files beside it: the file, its backup and the lock of this kijun;
# no temporary, and no journal after a save.
assert_eq "$(ls -A "$W" | tr '\n' ' ')" "save.yaml save.yaml.kijun-lock save.yaml~ " "the files in the directory"

# ---- q with unsaved changes: Esc stays, n quits without saving ----
goto_item 5a-5.4
keys m
wait_message '^水準: '
keys 2
give_reason "推奨にとどめる"
# The unsaved change is in the journal, private, before it is shown.
[ -f "$W/$F.kijun-journal" ] || fail "no journal after an unsaved change"
assert_eq "$(mode "$W/$F.kijun-journal")" 600 "the mode of the journal"
grep -q '推奨にとどめる' "$W/$F.kijun-journal" || fail "the journal lacks the change"
keys q
wait_message "$QUESTION"
keys Escape
wait_message '^取り消しました$'
wait_status '^ 閲覧 \| save\.yaml \[\+\] \| '
assert_eq "$(exited && echo exited || echo running)" running "kijun after q Esc"
keys q
wait_message "$QUESTION"
keys x j          # other keys do nothing here
wait_message "$QUESTION"
assert_eq "$(exited && echo exited || echo running)" running "kijun after q x j"
screen >"$E2E_DIR/before-q.$E2E_RUNS"
keys n
wait_exit 10
assert_clean_exit 0
cmp -s "$W/$F" "$E2E_DIR/v2.yaml" || fail "n saved: $(diff "$E2E_DIR/v2.yaml" "$W/$F")"
cmp -s "$W/$F~" "$E2E_DIR/v1.yaml" || fail "n touched $F~"
assert_eq "$(ls -A "$W" | tr '\n' ' ')" "save.yaml save.yaml~ " "the files in the directory after n"
assert_eq "$(mode "$W/$F")" 600 "the mode of $F after n"

# ---- q, y: saves, then quits ----
start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| save\.yaml \| 個別管理基準 \| '
goto_item 5a-5.4
keys m
wait_message '^水準: '
keys 2
give_reason "推奨にとどめる"
wait_status '^ 閲覧 \| save\.yaml \[\+\] \| '
keys q
wait_message "$QUESTION"
screen >"$E2E_DIR/before-q.$E2E_RUNS"
keys y
wait_exit 10
assert_clean_exit 0
assert_changes "$F" "$C1
$C2
$C3"
cmp -s "$W/$F~" "$E2E_DIR/v2.yaml" || fail "$F~ is not the version before y: $(diff "$E2E_DIR/v2.yaml" "$W/$F~")"
assert_eq "$(mode "$W/$F")" 600 "the mode of $F after y"
cp "$W/$F" "$E2E_DIR/v3.yaml"

# ---- saved again without changes: the same bytes ----
start KIJUN_AUTHOR=other KIJUN_DATE=2030-01-01 -- "$F"
wait_status '^ 閲覧 \| save\.yaml \| 個別管理基準 \| '
assert_eq "$(message_line)" "" "the message line on opening a saved tailoring"
keys s
wait_message '^3 件の変更を save\.yaml に保存しました$'
wait_status '^ 閲覧 \| save\.yaml \| '
cmp -s "$W/$F" "$E2E_DIR/v3.yaml" || fail "saving without changes changed $F: $(diff "$E2E_DIR/v3.yaml" "$W/$F")"
cmp -s "$W/$F~" "$E2E_DIR/v3.yaml" || fail "$F~ is not the version before the last s"
# Nothing unsaved: q quits at once.
finish
cmp -s "$W/$F" "$E2E_DIR/v3.yaml" || fail "q after s changed $F"
pass
