#!/bin/sh
# The tree by the risks items treat: f risk:>=中 keeps what treats a risk
# at 中 or above, with its parents; O lists the items treating a risk,
# highest level first (a risk off the scale last), and Enter goes to the
# item in the tree.  On the catalog alone O says a tailoring is needed.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=r.yaml
# change TARGET RISK: a treats change.
treats() {
	printf -- '- op: treats\n  target: %s\n  step: 6\n  risks:\n  - %s\n  reason: 対策\n  author: 担当\n  date: %s\n' "$1" "$2" "'2026-01-01'"
}
risk() {
	printf -- '- op: risk\n  step: 0\n  risk:\n    id: %s\n    description: %s\n    level: %s\n  reason: 評価\n  author: 担当\n  date: %s\n' "$1" "$2" "$3" "'2026-01-01'"
}
{
	printf 'format: kijun-tailoring/1\nid: r\nbase:\n  catalog: meti-ismk-2025\nchanges:\n'
	printf -- "- op: scale\n  step: 0\n  scale:\n  - 高\n  - 中\n  - 低\n  reason: 尺度\n  author: 担当\n  date: '2026-01-01'\n"
	risk R1 漏えい 高
	risk R2 停止 中
	risk R3 紛失 極
	treats 5a-5.1 R3
	treats 5a-5.4 R2
	treats 5a-5.8 R1
} >"$W/$F"

start KIJUN_AUTHOR="担当" KIJUN_DATE=2026-01-02 -- "$F"
wait_status '^ 閲覧 \| '
keys f
type_text "risk:>=中"
keys Enter
wait_line 24 '^絞り込み: 2 項目が該当'
assert_match '5a-5\.4 '
assert_match '5a-5\.8 '
assert_no_match '5a-5\.1 '
keys Escape
wait_message '絞り込みを解除しました'

keys O
wait_for "対応するリスクの水準の順に並べた項目（3 件）"
assert_line 5 '^> ?高  5a-5\.8 .*  \(R1\)$'
assert_line 6 '^  ?中  5a-5\.4 .*  \(R2\)$'
assert_line 7 '^  ?-  5a-5\.1 .*  \(R3\)$'
keys j Enter
wait_detail 5a-5.4
keys O G Enter
wait_detail 5a-5.1
finish
