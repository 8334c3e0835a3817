#!/bin/sh
# The next period (issue 12): kijun eval new --previous carries the last
# period's procedures, samples and evidence references forward and resets
# results and states; the auditor's screen shows per item the last result
# and whether the tailoring changed its text since, with the change that
# did; a previous evaluation of another kind is refused.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
cp "$E2E_TOP/data/examples/guideline-examples.yaml" "$W/corp.yaml"

has() {
	printf '%s\n' "$1" | grep -qE -- "$2" || fail "no line matches /$2/ in: $1"
}

# ---- last period: 5a-5.1.1 effective with a procedure, a sample and
# evidence; 5a-5.1.2 not effective with a finding ----
kijun_cli 0 eval new corp.yaml -o d2025.yaml --kind design --scope "5a-5.1" \
	--period 2025-04-01..2026-03-31
awk '
/^  result: none$/ && n < 2 {
	n++
	if (n == 1) {
		print "  result: effective"
		print "  procedures:"
		print "  - method: inspection"
		print "    subject: 情報セキュリティ基本方針 第2版"
		print "  sampling:"
		print "    population: 取締役会の議事録 12件"
		print "    size: 2"
		print "    samples:"
		print "    - 2025-06"
		print "    deviations: なし"
		print "  evidence:"
		print "  - what: 取締役会議事録"
		print "    where: 総務部"
		print "  comment: 前期のコメント"
		print "  updated: '\''2026-03-20'\''"
	} else {
		print "  result: not-effective"
		print "  findings:"
		print "  - grade: major"
		print "    text: 見直しの記録がない"
		print "  updated: '\''2026-03-21'\''"
	}
	next
}
{ print }' "$W/d2025.yaml" >"$W/d2025.tmp" && mv "$W/d2025.tmp" "$W/d2025.yaml"
kijun_cli 0 results d2025.yaml
has "$(cli_out)" '^5a-5\.1\.1	todo	effective	inspection	1		2026-03-20$'

# ---- the tailoring changes 5a-5.1.2 after the last period ----
cat >>"$W/corp.yaml" <<'YAML'
- op: reword
  target: 5a-5.1.2
  step: 1
  text: 情報セキュリティ基本方針は、取締役会が年に一度見直す。
  reason: 見直しの頻度を明記するため。
  author: 事務局
  date: '2026-06-01'
YAML

# ---- a previous evaluation of another kind is refused ----
kijun_cli 2 eval new corp.yaml -o x.yaml --kind operating --from d2025.yaml --previous d2025.yaml
[ ! -e "$W/x.yaml" ] || fail "an evaluation was written though --previous is of another kind"
has "$(cli_err)" 'd2025\.yaml は整備状況評価です。運用状況評価ではありません'

# ---- this period ----
kijun_cli 0 eval new corp.yaml -o d2026.yaml --kind design --previous d2025.yaml \
	--period 2026-04-01..2027-03-31
has "$(cli_err)" 'd2025\.yaml から 5 項目の手続・サンプル・証跡を引き継ぎました'
grep -q '^previous:$' "$W/d2026.yaml" || fail "the new evaluation does not name the previous one"
grep -q '^scope: 5a-5.1$' "$W/d2026.yaml" || fail "the scope was not carried forward"
kijun_cli 0 results d2026.yaml
# Procedures and evidence carried; results, states, findings reset.
has "$(cli_out)" '^5a-5\.1\.1	todo	none	inspection	1		$'
has "$(cli_out)" '^5a-5\.1\.2	todo	none		0		$'
grep -q 'deviations' "$W/d2026.yaml" && fail "the last period's deviations were carried"
grep -q '前期のコメント\|見直しの記録がない' "$W/d2026.yaml" && fail "the last period's opinion was carried"
sed -n "/samples:/,+1p" "$W/d2026.yaml" >"$E2E_DIR/samples"; grep -q "2025-06" "$W/d2026.yaml" || fail "the sample ids were not carried: $(cat "$W/d2026.yaml")"

# ---- the auditor's screen: the last period on each item ----
start KIJUN_DATE=2026-11-29 -- d2026.yaml
wait_line 4 '^\[1/5\] 5a-5\.1\.1'
assert_line 6 '^ 前期の結果: 有効（2026-03-20）$'
assert_contains '本文は前期に評価したときのままです'
keys l
wait_line 4 '^\[2/5\] 5a-5\.1\.2'
# The text changed: a warning right under the id, then the last result;
# further down, the change that did it.
assert_line 6 '^ ! 前期から本文が変わりました'
assert_line 7 '^ 前期の結果: 有効でない（2026-03-21）$'
keys G
wait_line 4 '^\[5/5\]'
keys g l
wait_line 4 '^\[2/5\] 5a-5\.1\.2'
keys Space
assert_contains '前期以降の変更: #'
assert_contains ' 文言の修正（2026-06-01）: 見直しの頻度を明記するため。'
keys q
finish

# ---- the report puts the last period's result beside this one's ----
kijun_cli 0 report d2026.yaml --format md
has "$(cli_out)" '^\| 項目 ID \| 評価結果 \| 作業状態 \| 判断 \| コメント \| 承認 \| 前期 \|$'
has "$(cli_out)" '^\| 5a-5\.1\.2 \| 未評価 \| 未着手 \|  \|  \|  \| 有効でない \|$'
kijun_cli 0 report d2025.yaml --format md
printf '%s\n' "$(cli_out)" | grep -qF '| 前期 |' && fail "a report without a last period has a last-period column"
pass
