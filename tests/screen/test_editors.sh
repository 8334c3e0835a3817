#!/bin/sh
# Editors (issue 6): on a machine with no VISUAL, EDITOR, editor, vi or
# nano, kijun's own editor takes the text (Japanese in cells, a new line,
# wrapping at 80 columns, Ctrl-S, Esc asking first); a template the text
# does not follow reopens the editor on the user's text with the problem
# on top; Esc after writing a text asks before dropping it; an EDITOR that
# does not exist is said to be not found.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=ed.yaml
BASE='情報セキュリティ方針の策定にあたっては、次の事項を考慮する。'

# ---- kijun's own editor: r ----
start NO_EDITOR=1 KIJUN_AUTHOR=tester KIJUN_DATE=2026-03-04 -- "$F"
goto_item 5a-5.1.1
keys r
wait_status '^ 本文 \| ed\.yaml '
assert_line 2 '^kijun のエディタ（VISUAL・EDITOR・vi・nano なし）: Ctrl-S で保存、Esc で取消$'
assert_line 3 "^$BASE\$"
# The cursor starts at the end: 30 characters, 60 cells.
assert_eq "$(cursor_x)" 60 "the cursor at the end of the text"
# Esc with nothing typed closes at once.
keys Escape
wait_message '^取り消しました$'
wait_status '^ 閲覧 \| '
keys r
wait_status '^ 本文 \| '
keys Home
type_text "追記"
assert_eq "$(cursor_x)" 4 "two Japanese characters take four cells"
keys End
type_text "X"
keys BSpace Enter
type_text "二行目"
assert_line 3 "^追記$BASE\$"
assert_line 4 '^二行目$'
assert_eq "$(cursor_x)" 6 "the cursor after 二行目"
keys Left DC
assert_line 4 '^二行$'
# Esc asks first; n (or Esc) goes back to the text.
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys n
wait_status '^ 本文 \| '
assert_line 4 '^二行$'
# Ctrl-C is Esc here: it asks too, and does not quit.
keys C-c
wait_message '^書いた本文を捨てますか\? y/n$'
keys Escape
wait_status '^ 本文 \| '
# A long line wraps at 80 columns: 40 Japanese characters a row.
keys End Enter
type_text "$(printf '長%.0s' $(seq 1 45))"
assert_line 5 '^(長){40}$'
assert_line 6 '^(長){5}$'
assert_eq "$(cursor_x)" 10 "the cursor on the wrapped row"
keys Up
assert_eq "$(cursor_x)" 10 "Up keeps the column"
keys C-s
wait_reason_prompt
give_reason "方針を明確にするため"
save
wait_status '^ 閲覧 \| ed\.yaml '
grep -q "追記$BASE" "$W/$F" && grep -q '二行' "$W/$F" && grep -q '長長長長長' "$W/$F" ||
	fail "the reworded text in $F: $(cat "$W/$F")"

# ---- a: the text in kijun's own editor, then Esc at the source asks ----
keys a
wait_message '^追加する位置: '
keys n
wait_message '^新しい項目の id: '
keys Enter
wait_status '^ 本文 \| '
assert_line 3 '^# 新しい項目'
type_text "新しい管理策の本文"
keys C-s
wait_message '^出典:'
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys Escape
wait_message '^出典:'
keys Escape y
wait_message '^取り消しました$'
wait_status '^ 閲覧 \| ed\.yaml \| '
finish

# ---- a template error reopens the editor on the user's text ----
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-03-04 -- "$F"
goto_item 5a-5.1.1
runs=$(editor_runs)
editor_text "== 5a-5.1.1-1
一つだけの部分"
editor_text_then "== 5a-5.1.1-1
一つ目の部分
== 5a-5.1.1-2
二つ目の部分"
keys S
wait_reason_prompt
assert_eq "$(editor_runs)" $((runs + 2)) "the editor opened again after the bad split"
editor_seen >"$E2E_DIR/seen"
printf '%s\n' "# 分割には、新しい id と本文をもつ部分が 2 つ以上必要です" "#" \
	"== 5a-5.1.1-1" "一つだけの部分" >"$E2E_DIR/seen.want"
cmp -s "$E2E_DIR/seen" "$E2E_DIR/seen.want" ||
	fail "the reopened split: $(diff "$E2E_DIR/seen.want" "$E2E_DIR/seen")"
give_reason "分けて確認するため"
wait_message '^記録しました: 分割 5a-5\.1\.1-1'

# An unknown attribute type, then a good one; Esc at the reason asks.
goto_item 5a-5.5
runs=$(editor_runs)
editor_text "nosuchtype: x"
editor_text_then "control_type: Preventive"
keys A
wait_reason_prompt
assert_eq "$(editor_runs)" $((runs + 2)) "the editor opened again after the unknown type"
editor_seen >"$E2E_DIR/seen"
printf '%s\n' "# 属性の種類 nosuchtype は定義されていません" "#" "nosuchtype: x" >"$E2E_DIR/seen.want"
cmp -s "$E2E_DIR/seen" "$E2E_DIR/seen.want" ||
	fail "the reopened attributes: $(diff "$E2E_DIR/seen.want" "$E2E_DIR/seen")"
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys y
wait_message '^取り消しました$'
keys q
wait_message '保存'
keys n
wait_exit 0

# ---- an EDITOR that is not there is said to be not found ----
start EDITOR=no-such-editor-kijun KIJUN_AUTHOR=tester KIJUN_DATE=2026-03-04 -- "$F"
goto_item 5a-5.1.1
keys r
wait_message '^エディタ no-such-editor-kijun が見つかりません'
keys q
wait_exit 10
# sh's own "not found" is all stderr holds (no sanitizer report).
grep -v 'no-such-editor-kijun: not found' "$(stderr_file)" >"$E2E_DIR/err" || true
[ ! -s "$E2E_DIR/err" ] || fail "kijun's stderr: $(cat "$E2E_DIR/err")"
stop_kijun
pass
