#!/bin/sh
# kijun query and kijun crosstab: the lines of `catalog list` a query
# picks, table 2's cells against the shared ISO/IEC 27002:2022 table, a
# tailoring resolved first (an excluded control leaves the cross-tab), and
# bad queries pointing at their column with status 1.
. "$(dirname "$0")/lib.sh"

out=$E2E_DIR/out
err=$E2E_DIR/err

run() {
	want=$1
	shift
	set +e
	"$KIJUN" "$@" >"$out" 2>"$err"
	got=$?
	set -e
	[ "$got" = "$want" ] ||
		fail "kijun $* exited with $got, not $want; stderr: $(head -c 2000 "$err")"
}
no_stderr() {
	[ ! -s "$err" ] || fail "kijun $* wrote to stderr: $(head -c 2000 "$err")"
}

run 0 catalog list
cp "$out" "$E2E_DIR/list.tsv"

# ---- query: table 2's first cell, in Japanese and English ----
run 0 query 概念:識別 運用機能:ガバナンス
no_stderr query
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "5a-5.1 5a-5.2 5a-5.4 5a-5.5 5a-5.8 " "query 識別 x ガバナンス"
# The lines are catalog list's, whole.
grep -F -x -f "$out" "$E2E_DIR/list.tsv" >"$E2E_DIR/same" || true
assert_eq "$(wc -l <"$E2E_DIR/same")" "5" "query lines are catalog list lines"
run 0 query 'concepts:Identify and capabilities:Governance'
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "5a-5.1 5a-5.2 5a-5.4 5a-5.5 5a-5.8 " "query in English"
# #検知 is a control type and a concept: either, as the TSV says.
run 0 query '#検知'
want=$(awk -F'\t' '$5 ~ /Detective/ || $7 ~ /Detect(,|$)/ { print $1 }' "$E2E_DIR/list.tsv" | tr '\n' ' ')
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "$want" "query #検知"
run 0 query 'id:5a-*' not kind:control
assert_eq "$(cut -f2 "$out" | sort -u | tr '\n' ' ')" "detail entry " "id prefix and not"
# FILE first, when it exists.
run 0 query "$E2E_TOP/data/catalog/meti-ismk-2025.yaml" 'id:5.4'
assert_eq "$(cut -f1 "$out")" "5a-5.4" "query FILE EXPR"

# ---- bad queries: status 1, the column and a caret ----
run 1 --lang en query '概念:識別 運用機能:ガバナンスx'
assert_eq "$(sed -n 1p "$err")" 'kijun: column 12: "ガバナンスx" is not a value here' "bad value"
assert_eq "$(sed -n 3p "$err")" "                     ^" "the caret under column 12"
[ ! -s "$out" ] || fail "a bad query wrote to stdout"
run 1 query '(id:5.1'
grep -q '^kijun: 1 文字目: この ( が閉じていません$' "$err" || fail "unclosed (: $(cat "$err")"
run 1 query 'risk:high'
grep -q 'risk' "$err" || fail "risk: $(cat "$err")"
run 1 query
run 2 query /nonexistent/t.yaml id:5.1
grep -q "ファイルがありません" "$err" || fail "a missing FILE: $(cat "$err")"

# ---- crosstab: concepts x capabilities, cell by cell from the TSV ----
run 0 crosstab --rows concepts --cols capabilities
no_stderr crosstab
awk -F'\t' 'NR > 1 {
	nc = split($7, c, ","); np = split($8, p, ",")
	for (a = 1; a <= nc; a++) for (b = 1; b <= np; b++) {
		k = c[a] "\t" p[b]; cell[k] = cell[k] (cell[k] == "" ? "" : ",") $1
	}
} END { for (k in cell) print k "\t" cell[k] }' ../shared/data/iso27002-2022-controls.tsv |
	sort >"$E2E_DIR/want"
# Our ids are 5a-5.1: the ISO number is after the dash; empty cells go.
awk -F'\t' '$3 != "" { n = split($3, v, ","); s = ""
	for (i = 1; i <= n; i++) { sub(/^[0-9]+[a-z]-/, "", v[i]); s = s (i > 1 ? "," : "") v[i] }
	print $1 "\t" $2 "\t" s }' "$out" | sort >"$E2E_DIR/got"
diff "$E2E_DIR/want" "$E2E_DIR/got" >"$E2E_DIR/diff" ||
	fail "crosstab differs from the shared table: $(head -20 "$E2E_DIR/diff")"
# Every cell is a line, 5 x 15.
assert_eq "$(wc -l <"$out")" "75" "crosstab cells"
# Japanese type names, --only-cols as table 2 picks them.
run 0 crosstab --rows 概念 --cols 運用機能 --only-cols ガバナンス,Information_protection,Application_security
assert_eq "$(wc -l <"$out")" "15" "only-cols cells"
assert_eq "$(sed -n 1p "$out")" "Identify	Governance	5a-5.1,5a-5.2,5a-5.4,5a-5.5,5a-5.8" "first cell"
assert_eq "$(sed -n 7p "$out")" "Detect	Governance	" "an empty cell"
run 1 crosstab --rows concepts
run 1 crosstab --rows セキュリティ --cols concepts
run 1 crosstab --rows concepts --cols capabilities --only-cols Nothing

# ---- a tailoring is resolved first ----
printf 'format: kijun-tailoring/1\nid: t\nbase:\n  catalog: meti-ismk-2025\nchanges:\n- op: exclude\n  target: 5a-5.4\n  step: 1\n  reason: 理由\n  author: 担当\n  date: %s\n' "'2026-01-01'" >"$E2E_DIR/t.yaml"
run 0 query "$E2E_DIR/t.yaml" status:excluded
assert_eq "$(cut -f1 "$out")" "5a-5.4" "status comes from the resolution"
run 0 query "$E2E_DIR/t.yaml" 'id:5.4* not status:excluded'
assert_eq "$(cut -f1 "$out" | head -1)" "5a-5.4.1" "the rest of 5a-5.4"
run 0 query "$E2E_DIR/t.yaml" 'status:excluded or status:reworded'
assert_eq "$(cut -f1 "$out")" "5a-5.4" "or"
run 0 crosstab "$E2E_DIR/t.yaml" --rows concepts --cols capabilities --only-cols Governance
assert_eq "$(sed -n 1p "$out")" "Identify	Governance	5a-5.1,5a-5.2,5a-5.5,5a-5.8" "crosstab of a tailoring"
# ---- risk: and --sort risk on a tailoring with a register ----
R=$E2E_DIR/r.yaml
cat >"$R" <<'YAML'
format: kijun-tailoring/1
id: r
base:
  catalog: meti-ismk-2025
changes:
- op: scale
  step: 0
  scale:
  - 高
  - 中
  - 低
  reason: 尺度
  author: 担当
  date: '2026-01-01'
- op: risk
  step: 0
  risk:
    id: R1
    description: 漏えい
    level: 高
  reason: 評価
  author: 担当
  date: '2026-01-01'
- op: risk
  step: 0
  risk:
    id: R2
    description: 停止
    level: 中
  reason: 評価
  author: 担当
  date: '2026-01-01'
- op: treats
  target: 5a-5.4
  step: 6
  risks:
  - R2
  reason: 対策
  author: 担当
  date: '2026-01-01'
- op: treats
  target: 5a-5.8
  step: 6
  risks:
  - R1
  reason: 対策
  author: 担当
  date: '2026-01-01'
YAML
run 0 query "$R" 'risk:高'
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "5a-5.8 " "risk:高"
run 0 query "$R" 'risk:>=中'
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "5a-5.4 5a-5.8 " "risk:>=中"
run 0 query "$R" 'risk:R2 or risk:none id:5a-5.1'
assert_eq "$(cut -f1 "$out" | tr '\n' ' ')" "5a-5.1 5a-5.4 " "risk:R2, risk:none"
run 1 --lang en query "$R" 'risk:極'
grep -q '"極" is not a value here' "$err" || fail "risk:極: $(cat "$err")"
# Highest level first, the tree's order within one, no risk last.
run 0 query "$R" --sort risk 'id:5a-5.1 or id:5a-5.4 or id:5a-5.8'
no_stderr query --sort risk
assert_eq "$(cut -f1,2 "$out" | tr '\t\n' ': ')" "高:5a-5.8 中:5a-5.4 -:5a-5.1 " "--sort risk"
run 0 query "$R" --sort risk
assert_eq "$(cut -f2 "$out" | tr '\n' ' ')" "5a-5.8 5a-5.4 " "--sort risk with no EXPR"
run 1 query "$R" --sort level risk:any
pass
