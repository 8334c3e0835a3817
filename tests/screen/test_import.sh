#!/bin/sh
# kijun import csv and import oscal from the command line: a spreadsheet's
# rows, a Shift_JIS file made here with iconv, the official wording onto the
# built-in catalog with its report, malformed files with their places, and
# the round trip import -> catalog check -> catalog format (no change).
. "$(dirname "$0")/lib.sh"

out=$E2E_DIR/out
err=$E2E_DIR/err
data=$E2E_TOP/tests/data/import

run() {
	want=$1
	shift
	set +e
	"$KIJUN" --lang=en "$@" >"$out" 2>"$err"
	got=$?
	set -e
	[ "$got" = "$want" ] ||
		fail "kijun $* exited with $got, not $want; stderr: $(head -c 2000 "$err")"
}

# round_trip FILE: kijun opens what it wrote, and it is already canonical.
round_trip() {
	run 0 catalog check "$1"
	run 0 catalog format "$1"
	cmp -s "$out" "$1" || fail "catalog format changed $1: $(diff "$1" "$out" | head -20)"
}

# ---- a new catalog from CSV ----
run 0 import csv "$data/sample.csv" -o "$E2E_DIR/sample.yaml"
grep -q 'sample.csv: 5 records, 5 items' "$err" || fail "import csv report: $(cat "$err")"
round_trip "$E2E_DIR/sample.yaml"
run 0 catalog list "$E2E_DIR/sample.yaml"
assert_eq "$(cut -f1,2,3 "$out" | tr '\t' ' ' | tr '\n' '|')" \
	"V part |5a section V|5a-5.1 control 5a|5a-5.1.1 detail 5a-5.1|5a-5.1.1/a entry 5a-5.1.1|" \
	"the imported structure"

# ---- the same rows in Shift_JIS with CRLF, Japanese headers, as TSV ----
{
	printf '番号\t親\t種別\t見出し\t本文\r\n'
	printf 'V\t\tpart\t管理策基準\t\r\n'
	printf '5a-5.1\tV\tcontrol\t方針群\t"方針を定め、\r\n周知する。"\r\n'
} | iconv -f UTF-8 -t CP932 >"$E2E_DIR/sjis.tsv"
run 0 import csv "$E2E_DIR/sjis.tsv" --map 番号=id,親=parent,種別=kind,見出し=title,本文=text \
	-o "$E2E_DIR/sjis.yaml"
round_trip "$E2E_DIR/sjis.yaml"
grep -q '^    title: 方針群$' "$E2E_DIR/sjis.yaml" || fail "CP932 title: $(cat "$E2E_DIR/sjis.yaml")"
grep -q '^      周知する。$' "$E2E_DIR/sjis.yaml" || fail "multi-line cell: $(cat "$E2E_DIR/sjis.yaml")"
# Forced UTF-8 on those bytes: the first invalid one, at its line and column.
run 2 import csv "$E2E_DIR/sjis.tsv" --encoding utf-8 -o "$E2E_DIR/no.yaml"
grep -q 'sjis.tsv:1:1: invalid UTF-8' "$err" || fail "forced UTF-8: $(cat "$err")"
[ ! -e "$E2E_DIR/no.yaml" ] || fail "a failed import wrote its output"

# ---- the official wording onto the built-in catalog ----
run 0 import csv "$data/onto.csv" --onto -o "$E2E_DIR/onto.yaml"
grep -q 'onto.csv:1:15: column "memo" is not used' "$err" || fail "unused column: $(cat "$err")"
grep -q 'onto.csv:5:1: "zz-9" is not in catalog meti-ismk-2025' "$err" || fail "unknown id: $(cat "$err")"
grep -q 'wording replaced in 2 items of meti-ismk-2025; 1 ids are not in' "$err" ||
	fail "onto summary: $(cat "$err")"
# Every other item of the catalog is listed as not in the file.
total=$("$KIJUN" catalog list | wc -l)
grep -q "^$((total - 2)) items of meti-ismk-2025 are not in" "$err" || fail "untouched count: $(cat "$err")"
grep -q '^  5a-5.2$' "$err" || fail "untouched 5a-5.2 not listed"
! grep -q '^  5a-5.1$' "$err" || fail "5a-5.1 was in the file but is listed"
round_trip "$E2E_DIR/onto.yaml"
run 0 catalog list "$E2E_DIR/onto.yaml"
[ "$(wc -l <"$out")" = "$total" ] || fail "--onto changed the structure"
grep -q '^5a-5.1	control	5a	情報セキュリティのための方針群（公式）	Preventive' "$out" ||
	fail "--onto title or attributes: $(grep '^5a-5.1	' "$out")"
grep -q '^5a-5.1.1	detail	5a-5.1	公式の文言。 二行目。' "$out" ||
	fail "--onto text: $(grep '^5a-5.1.1	' "$out")"

# ---- malformed CSV: places, never a crash ----
printf 'id,title\n"5.1,open\n' >"$E2E_DIR/bad.csv"
run 2 import csv "$E2E_DIR/bad.csv"
grep -q 'bad.csv:2:1: this quoted cell never ends' "$err" || fail "unterminated: $(cat "$err")"
printf 'id,kind,title\n5.1,control,a,b\n' >"$E2E_DIR/ragged.csv"
run 2 import csv "$E2E_DIR/ragged.csv"
grep -q 'ragged.csv:2:15: this record has 4 cells; the header has 3' "$err" ||
	fail "ragged: $(cat "$err")"
run 1 import csv "$data/sample.csv" --encoding latin1
run 1 import

# ---- OSCAL: JSON and YAML import, open, and are canonical (every shared
# catalog is counted and round-tripped in tests/unit/test_import.c) ----
oscal=$E2E_TOP/../shared/data/oscal
for name in NIST_CSF_v2.0_catalog-min.json \
	NIST_SP-800-53_rev5_MODERATE-baseline-resolved-profile_catalog.yaml; do
	f=$oscal/$name
	run 0 import oscal "$f" -o "$E2E_DIR/$name.yaml"
	grep -q "$name: [0-9]* groups, [0-9]* controls" "$err" || fail "oscal report: $(cat "$err")"
	round_trip "$E2E_DIR/$name.yaml"
done
grep -q '^- id: GV$' "$E2E_DIR/NIST_CSF_v2.0_catalog-min.json.yaml" || fail "CSF: no GV"
run 2 import oscal "$oscal/NIST_SP-800-53_rev5_LOW-baseline_profile.yaml"
grep -q 'resolve it into a catalog first' "$err" || fail "a profile: $(cat "$err")"
printf '{"catalog": {"groups": [\n  {"id": "g" "title": "x"}]}}\n' >"$E2E_DIR/bad.json"
run 2 import oscal "$E2E_DIR/bad.json"
grep -q 'bad.json:2:' "$err" || fail "bad json: $(cat "$err")"
