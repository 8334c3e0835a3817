#!/bin/sh
# Mapping tables (kijun --map, docs/mapping-format.md) and the CSF 2.0
# functions in the detail pane: a control shows "CSF 2.0: GV, ID" by its
# attributes and the rows naming it; an item of the target catalog (the
# built-in csf-2.0, written out to a file) shows the rows from its side,
# subset-of read as superset-of; the auditor's page lists them as well.
# A bad table stops kijun before the screen, each problem at
# file:line:column.
. "$(dirname "$0")/lib.sh"

EXAMPLE=$E2E_TOP/data/examples/meti-to-csf-functions.csv
cat >"$E2E_DIR/map.yaml" <<'YAML'
format: kijun-mapping/1
source_catalog: meti-ismk-2025
target_catalog: csf-2.0
mappings:
- source: 5a-5.1
  target: GV.PO-01
  relationship: subset-of
  note: 方針の策定と承認
YAML

# ---- the METI catalog: the CSF line and the rows of both tables ----
start -- --map "$EXAMPLE" --map="$E2E_DIR/map.yaml"
keys /
type_text "5a-5.1"
keys Enter
wait_detail 5a-5.1
resize 120 50
wait_for "CSF 2.0: GV, ID"
wait_for " related-to GV"
wait_for " subset-of GV.PO-01 (csf-2.0)"
wait_for "方針の策定と承認"
assert_contains "対応付け"
keys q
wait_exit 0

# ---- the CSF catalog: the same rows seen from the target ----
kijun_cli 0 catalog format csf-2.0
cp "$E2E_DIR/cli.out" "$E2E_DIR/csf.yaml"
start -- --map "$EXAMPLE" --map "$E2E_DIR/map.yaml" "$E2E_DIR/csf.yaml"
keys /
type_text "GV.PO-01"
keys Enter
wait_detail GV.PO-01
wait_for " superset-of 5a-5.1 (meti-ismk-2025)"
assert_not_contains "CSF 2.0:"
keys /
type_text "検知"
keys Enter
wait_detail DE
wait_for " related-to 5a-5.7"
keys q
wait_exit 0

# ---- the auditor's page shows the rows too ----
printf 'source,target,note\n5a-5.1.1,GV.PO-01,方針の承認\n' >"$E2E_DIR/detail.csv"
kijun_cli 0 new "$E2E_DIR/t.yaml"
kijun_cli 0 eval new "$E2E_DIR/t.yaml" -o "$E2E_DIR/e.yaml" --kind design --scope 5a-5.1
start -- --map "$E2E_DIR/detail.csv" "$E2E_DIR/e.yaml"
resize 120 50
wait_for " related-to GV.PO-01"
wait_for "方針の承認"
keys q
wait_exit 0

# ---- a bad table: its problems, and no screen ----
printf 'source,target,relationship\n5a-5.1,GV,part-of\n' >"$E2E_DIR/bad.csv"
kijun_cli 2 --map "$E2E_DIR/bad.csv"
grep -q 'bad\.csv:2:11: .*part-of' "$E2E_DIR/cli.err" || fail "no place for the bad relationship: $(cat "$E2E_DIR/cli.err")"
kijun_cli 1 --map
kijun_cli 1 --map "$EXAMPLE" catalog list
grep -q -- '--map' "$E2E_DIR/cli.err" || fail "--map before a command is not refused: $(cat "$E2E_DIR/cli.err")"
pass
