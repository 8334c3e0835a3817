#!/bin/sh
# The audit scope on the command line: a tailoring with a saved query
# and items added and removed by hand; kijun query --scope lists it,
# kijun eval new --scope @NAME and --scope QUERY take their items from it,
# and an unknown scope or a bad query is refused with status 1; on the
# screen @ shows the scope as the filter.
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
ids() { cut -f1 "$out" | tr '\n' ' '; }

cd "$E2E_DIR"
cat >scope.yaml <<'YAML'
format: kijun-tailoring/1
id: scope-test
title: 監査範囲の例
base:
  catalog: meti-ismk-2025
changes:
- op: audit-scope
  step: 1
  audit_scope: '2026'
  query: 概念:復旧
  reason: 今年度は復旧の管理策を重点的に監査する。
  author: 監査室
  date: '2026-11-25'
- op: audit-add
  target: 4.4.8
  step: 1
  audit_scope: '2026'
  reason: 前回の指摘事項のフォローアップ。
  author: 監査室
  date: '2026-11-25'
- op: audit-remove
  target: 5a-5.6
  step: 1
  audit_scope: '2026'
  reason: 別途 BCP 監査で見る。
  author: 監査室
  date: '2026-11-25'
YAML

run 0 check scope.yaml
run 0 query scope.yaml 概念:復旧
assert_eq "$(ids)" "5a-5.5 5a-5.6 5e-5.24 5e-5.26 5g-5.37 8b-8.13 " "the query alone"
run 0 query scope.yaml --scope 2026
assert_eq "$(ids)" "4.4.8 5a-5.5 5e-5.24 5e-5.26 5g-5.37 8b-8.13 " "the scope"
run 0 query scope.yaml --scope @2026 id:5e-* or id:4.4.8
assert_eq "$(ids)" "4.4.8 5e-5.24 5e-5.26 " "the scope and a query"
run 1 query scope.yaml --scope 2027
grep -q '2027' "$err" || fail "no word of the unknown scope: $(cat "$err")"
grep -q '@2026' "$err" || fail "the scopes there are not listed: $(cat "$err")"

# ---- eval new: a saved scope, kept in the evaluation as its query ----
run 0 eval new scope.yaml -o d.yaml --kind design --scope @2026
grep -q "^scope: .*概念:復旧.*4.4.8.*not id:.*5a-5.6" d.yaml || fail "scope in d.yaml: $(grep scope: d.yaml)"
grep -q "^- id: '4.4.8.1'" d.yaml || fail "4.4.8's detailed controls are not in d.yaml"
grep -q "^- id: 5a-5.6" d.yaml && fail "5a-5.6 was removed by hand, yet is in d.yaml"
grep -q "^- id: 5a-5.5.1" d.yaml || fail "5a-5.5.1 is not in d.yaml"
# ---- a query scope; a bad one points at its column ----
run 0 eval new scope.yaml -o q.yaml --kind design --scope '#是正 id:5a-*'
[ "$(grep -c "^- id: 5a-5.[567]" q.yaml)" -ge 3 ] || fail "q.yaml: $(grep '^- id' q.yaml)"
grep '^- id:' q.yaml | grep -vq "5a-5.[567]" && fail "q.yaml holds more: $(grep '^- id' q.yaml)"
run 1 eval new scope.yaml -o b.yaml --kind design --scope '概念:ふ'
grep -q '\^' "$err" || fail "no caret: $(cat "$err")"
[ ! -e b.yaml ] || fail "b.yaml was written"
run 1 eval new scope.yaml -o b.yaml --kind design --scope @nope
# The old grammar, ids, still works.
run 0 eval new scope.yaml -o i.yaml --kind design --scope "4.4.8"
[ "$(grep -c '^- id:' i.yaml)" = 6 ] || fail "i.yaml: $(grep '^- id' i.yaml)"

# ---- on the screen: @ filters by the scope; Esc clears it ----
start KIJUN_AUTHOR=tester -- scope.yaml
keys @
wait_for 'f:((概念:復旧) or id:"4... (6)'
wait_line 24 '^絞り込み: 6 項目が該当'
assert_contains "4.4.8 "
assert_contains "5a-5.5 "
assert_not_contains "5a-5.6 "
keys Escape
wait_line 24 '^絞り込みを解除しました'
finish
