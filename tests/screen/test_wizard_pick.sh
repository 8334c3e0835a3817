#!/bin/sh
# Step 3 picks a control from any catalog file as well as from the built-in
# NIST CSF 2.0: the catalog is asked (csf-2.0 offered), the control is added
# as a detailed control under the chosen item with its source named by the
# catalog's title and the control's id; an item that is not a control of
# that catalog is refused.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=p.yaml
cp "$E2E_TOP/tests/golden/small-catalog.yaml" "$W/other.yaml"
kijun_cli 0 new "$F" --title "取り込みの例"

start KIJUN_AUTHOR=事務局 KIJUN_DATE=2026-11-29 -- "$F"
wait_status ' p\.yaml '
keys w ']'
wait_message '警告'
keys n
wait_for 'ウィザード 1/7'
keys ']'
wait_message '警告 667 件'
keys n
wait_for 'ウィザード 2/7'
keys ']'
wait_for 'ウィザード 3/7'
keys p
wait_message '^追加先の項目:'
type_text "3.1.1"
keys Enter
wait_message '^取り込む元.*: csf-2\.0'
keys C-u
type_text "other.yaml"
keys Enter
wait_message '^管理策の ID:'
type_text "S1"
keys Enter
wait_message 'S1 は other\.yaml の管理策ではありません'
keys p
type_text "3.1.1"
keys Enter
keys C-u
type_text "other.yaml"
keys Enter
type_text "S1-2"
keys Enter
wait_line "$(window_rows)" '理由:'
type_text "他社基準の管理策を取り込むため"
keys Enter
wait_message '^記録しました: '
keys s
wait_message '保存しました'
keys q
wait_status '^ 閲覧 '
finish
grep -q '    id: S1-2$' "$W/$F" || fail "the picked control is not in the file: $(cat "$W/$F")"
grep -q '    kind: standard$' "$W/$F" || fail "the picked control's source kind"
title=$(sed -n 's/^title: //p' "$W/other.yaml" | head -1)
grep -q "    ref: $title S1-2\$" "$W/$F" || fail "the picked control's source names the catalog: $(grep -n 'ref:' "$W/$F")"
pass
