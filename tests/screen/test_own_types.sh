#!/bin/sh
# The organization's own attribute type on the screen: Y writes it in the
# editor and records it with its reason; A then offers it and sets a
# value; f, X and kijun query find it as they find ISO's.
. "$(dirname "$0")/lib.sh"

cd "$E2E_DIR"
editor_text 'type: risk_tier | リスク区分 | Risk tier
high | 高 | High
low | 低'
start KIJUN_AUTHOR=tester KIJUN_DATE=2026-11-25 -- own.yaml
wait_position 1/23
keys Y
wait_line 24 '理由'
keys Tab
type_text "重要度で監査の優先度を決めるため"
keys Enter
wait_line 24 '^記録しました: 属性タイプの定義'

# A offers the new type; the editor sets high on 5a-5.1.
keys f
type_text "id:5a-5.1"
keys Enter
wait_for "f:id:5a-5.1 (1)"
keys G
editor_sed 's/^risk_tier:$/risk_tier: high/'
keys A
wait_line 24 '理由'
editor_seen >"$E2E_DIR/attributes.txt"
grep -qx '# risk_tier (リスク区分): high=高 low=低' "$E2E_DIR/attributes.txt" ||
	fail "A does not offer the own type: $(cat "$E2E_DIR/attributes.txt")"
type_text "リスク評価で高"
keys Enter
wait_line 24 '^記録しました: 属性の設定 5a-5\.1'
keys Escape

# f finds it by its labels; the detail pane shows it.
keys f
type_text "リスク区分:高"
keys Enter
wait_for "f:リスク区分:高 (1)"
keys G
wait_detail 5a-5.1
keys Tab G
wait_for "#高"
assert_contains "リスク区分"
keys Tab Escape
# X: rows by the own type.
keys X
wait_line 2 ' × '
for k in 1 2 3 4 5 6; do
	screen | grep -q '^ リスク区分 × ' && break
	keys r
done
wait_line 2 '^ リスク区分 × .*: 1 項目$'
keys q

# Saved: the change is in the file, with its values.
keys s
wait_for "own.yaml"
grep -q '^- op: attribute-type$' own.yaml || fail "no attribute-type change in own.yaml: $(cat own.yaml)"
grep -q '^  - id: risk_tier$' own.yaml || fail "no risk_tier in own.yaml"
"$KIJUN" query own.yaml 'risk_tier:high' | cut -f1 >q.out
assert_eq "$(cat q.out)" "5a-5.1" "kijun query of the own type"
finish
