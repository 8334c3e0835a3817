#!/bin/sh
# kijun check FILE...: catalogs, tailorings and evaluations alike, every problem with
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

# Evaluations: one that reads and whose tailoring opens is clean; a bad
# value at its place; evidence files missing or changed at their lines;
# a tailoring that is gone at the evaluation's tailoring key.
kijun_cli 0 --lang en eval new "$E2E_DIR/small.yaml" -o "$E2E_DIR/ev.yaml" --kind design
kijun_cli 0 --lang en check "$E2E_DIR/ev.yaml"
assert_eq "$(cli_out)" "$E2E_DIR/ev.yaml: 3 items, no problems" "check of a new evaluation"
echo hello >"$E2E_DIR/proof.txt"
zero=sha256:0000000000000000000000000000000000000000000000000000000000000000
awk -v z="$zero" '{ print } /^- id: S1-1.2$/ { f = 1 }
	f && /result: none/ { print "  evidence:\n  - what: a\n    file: proof.txt\n    sha256: " z "\n  - what: b\n    file: gone.pdf\n    sha256: " z; f = 0 }' \
	"$E2E_DIR/ev.yaml" >"$E2E_DIR/ev-files.yaml"
sed 's/state: todo/state: toodoo/' "$E2E_DIR/ev.yaml" >"$E2E_DIR/ev-bad.yaml"
sed 's/file: small.yaml/file: nosuch.yaml/' "$E2E_DIR/ev.yaml" >"$E2E_DIR/ev-lost.yaml"
kijun_cli 2 --lang en check "$E2E_DIR/ev-files.yaml" "$E2E_DIR/ev-bad.yaml" "$E2E_DIR/ev-lost.yaml" "$E2E_DIR/ev.yaml"
grep -q "^$(re_escape "$E2E_DIR/ev-files.yaml"):19:11: item S1-1.2: the evidence file proof.txt changed since it was recorded" \
	"$E2E_DIR/cli.err" || fail "check: a changed evidence file: $(cli_err)"
grep -q "^$(re_escape "$E2E_DIR/ev-files.yaml"):22:11: item S1-1.2: the evidence file gone.pdf is missing" \
	"$E2E_DIR/cli.err" || fail "check: a missing evidence file: $(cli_err)"
grep -q "^$(re_escape "$E2E_DIR/ev-bad.yaml"):11:10: unknown state \"toodoo\"" "$E2E_DIR/cli.err" ||
	fail "check: a bad state: $(cli_err)"
grep -q "^$(re_escape "$E2E_DIR/ev-lost.yaml"):3:1: the tailoring nosuch.yaml cannot be opened" "$E2E_DIR/cli.err" ||
	fail "check: a lost tailoring: $(cli_err)"
assert_eq "$(cli_out)" "$E2E_DIR/ev.yaml: 3 items, no problems" "check: the good evaluation after the bad ones"
pass
