#!/bin/sh
# kijun check FILE...: catalogs and tailorings alike, every problem with
# its position on stderr, one line per good file on stdout, exit 0 or 2.
. "$(dirname "$0")/lib.sh"

G=$E2E_TOP/tests/golden
cp "$G/small.yaml" "$G/small-catalog.yaml" "$E2E_DIR/"
kijun_cli 0 --lang en check "$E2E_DIR/small.yaml" "$E2E_DIR/small-catalog.yaml"
[ ! -s "$E2E_DIR/cli.err" ] || fail "check of good files wrote to stderr: $(cli_err)"
assert_eq "$(cli_out)" "$E2E_DIR/small.yaml: 7 changes, no problems
$E2E_DIR/small-catalog.yaml: 9 items, no problems" "check of good files"

# A change that does not apply: at its line; a broken catalog: at its key;
# a file that is no kijun file: said so.  All of them, in one run.
sed 's/target: S1-3/target: S9-9/' "$E2E_DIR/small.yaml" >"$E2E_DIR/conflict.yaml"
printf 'format: kijun-catalog/1\nid: b\ntitle: b\nedition: e\nitems:\n- id: P\n  kind: sektion\n  title: p\n' >"$E2E_DIR/broken.yaml"
printf 'hello: world\n' >"$E2E_DIR/other.yaml"
kijun_cli 2 --lang en check "$E2E_DIR/conflict.yaml" "$E2E_DIR/broken.yaml" "$E2E_DIR/other.yaml" "$E2E_DIR/small.yaml"
grep -q "^$(re_escape "$E2E_DIR/conflict.yaml"):9:3: change 1 (exclude) does not apply: " "$E2E_DIR/cli.err" ||
	fail "check: the conflict is not at 9:3: $(cli_err)"
grep -q "^$(re_escape "$E2E_DIR/broken.yaml"):7:9: " "$E2E_DIR/cli.err" ||
	fail "check: the bad kind is not at 7:9: $(cli_err)"
grep -q "^$(re_escape "$E2E_DIR/other.yaml"):1:1: not a kijun file" "$E2E_DIR/cli.err" ||
	fail "check: the other file: $(cli_err)"
assert_eq "$(cli_out)" "$E2E_DIR/small.yaml: 7 changes, no problems" "check: the good file after the bad ones"
kijun_cli 2 check "$E2E_DIR/missing.yaml"
grep -q '開けません' "$E2E_DIR/cli.err" || fail "check of a missing file: $(cli_err)"
kijun_cli 1 check
pass
