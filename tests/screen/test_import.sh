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
grep -q 'bad.json:2:14: YAML syntax error' "$err" || fail "bad json, its column: $(cat "$err")"
# Other OSCAL models are named; a control without an id is refused at it.
printf '{"system-security-plan": {"uuid": "x"}}\n' >"$E2E_DIR/ssp.json"
run 2 import oscal "$E2E_DIR/ssp.json"
grep -q 'ssp.json:1:1: this is an OSCAL system-security-plan, not a catalog' "$err" || fail "an SSP: $(cat "$err")"
printf '{"catalog": {"metadata": {"title": "c"},\n "controls": [\n  {"title": "no id"}]}}\n' >"$E2E_DIR/noid.json"
run 2 import oscal "$E2E_DIR/noid.json"
grep -q 'noid.json:3:3: this control has no id' "$err" || fail "a control without id: $(cat "$err")"
# A byte sequence CP932 does not have (0x81 then a space), forced and detected.
printf 'id,title\r\n5.1,\201 ok\r\n' >"$E2E_DIR/bad932.csv"
run 2 import csv "$E2E_DIR/bad932.csv" --encoding cp932
grep -q 'bad932.csv:2:5: invalid Shift_JIS (CP932)' "$err" || fail "bad CP932: $(cat "$err")"
run 2 import csv "$E2E_DIR/bad932.csv"
grep -q 'bad932.csv:2:5: neither UTF-8 nor Shift_JIS' "$err" || fail "bad bytes detected: $(cat "$err")"

# ---- round trips: export -> import gives back what was exported ----
# items FILE: a catalog's items canonically, without what the exports do not
# carry (English titles, references) and without the catalog's own header.
items() {
	run 0 catalog format "$1"
	sed '1,/^items:/d' "$out" | awk '
		/^ *title_en:/ { next }
		/^ *references:$/ { skip = 1; next }
		skip && /^ *- [^:]*$/ { next }
		{ skip = 0; print }'
}
printf 'format: kijun-tailoring/1\nid: plain\ntitle: plain\nbase:\n  catalog: meti-ismk-2025\nchanges: []\n' \
	>"$E2E_DIR/plain.yaml"
run 0 catalog format
printf '%s\n' "$(cat "$out")" >"$E2E_DIR/builtin.yaml"
items "$E2E_DIR/builtin.yaml" >"$E2E_DIR/builtin.items"
[ "$(grep -c '^ *- id:' "$E2E_DIR/builtin.items")" -gt 1000 ] || fail "the built-in catalog's items are short"
# CSV, its headers in either language: every id, kind, parent, title, text
# and attribute value as in the built-in catalog, no --map needed.
for lang in en ja; do
	run 0 --lang=$lang export "$E2E_DIR/plain.yaml" --format csv -o "$E2E_DIR/plain-$lang.csv"
	run 0 import csv "$E2E_DIR/plain-$lang.csv" -o "$E2E_DIR/back-$lang.yaml"
	! grep -q 'column "item id"\|column "項目 ID"\|Control type\|管理策タイプ' "$err" ||
		fail "export headers not taken ($lang): $(cat "$err")"
	items "$E2E_DIR/back-$lang.yaml" >"$E2E_DIR/back-$lang.items"
	cmp -s "$E2E_DIR/builtin.items" "$E2E_DIR/back-$lang.items" ||
		fail "csv round trip ($lang): $(diff "$E2E_DIR/builtin.items" "$E2E_DIR/back-$lang.items" | head -20)"
done
# OSCAL: the k- escapes undone, untitled detailed controls untitled again.
run 0 export "$E2E_DIR/plain.yaml" --format oscal-catalog -o "$E2E_DIR/plain.json"
grep -q '"id": "k-3.1.1"' "$E2E_DIR/plain.json" || fail "the OSCAL export no longer escapes ids"
run 0 import oscal "$E2E_DIR/plain.json" -o "$E2E_DIR/back-oscal.yaml"
grep -q 'plain.json: 37 groups, 667 controls, 1324 items' "$err" || fail "oscal round trip counts: $(cat "$err")"
items "$E2E_DIR/back-oscal.yaml" >"$E2E_DIR/back-oscal.items"
cmp -s "$E2E_DIR/builtin.items" "$E2E_DIR/back-oscal.items" ||
	fail "oscal round trip: $(diff "$E2E_DIR/builtin.items" "$E2E_DIR/back-oscal.items" | head -20)"
# A tailoring (an exclusion, a reword starting with "=", added items): its
# CSV and its OSCAL catalog import to the same clean catalog.
cp "$E2E_TOP/tests/golden/small.yaml" "$E2E_TOP/tests/golden/small-catalog.yaml" "$E2E_DIR/"
run 0 export "$E2E_DIR/small.yaml" --format csv -o "$E2E_DIR/small.csv"
grep -q "\"'=経営陣は" "$E2E_DIR/small.csv" || fail "the CSV export no longer disarms a formula"
run 0 import csv "$E2E_DIR/small.csv" -o "$E2E_DIR/small-csv.yaml"
run 0 export "$E2E_DIR/small.yaml" --format oscal-catalog -o "$E2E_DIR/small.json"
run 0 import oscal "$E2E_DIR/small.json" -o "$E2E_DIR/small-oscal.yaml"
for f in small-csv small-oscal; do
	run 0 catalog check "$E2E_DIR/$f.yaml"
	[ ! -s "$err" ] || fail "catalog check $f: $(cat "$err")"
done
items "$E2E_DIR/small-csv.yaml" >"$E2E_DIR/small-csv.items"
items "$E2E_DIR/small-oscal.yaml" >"$E2E_DIR/small-oscal.items"
cmp -s "$E2E_DIR/small-csv.items" "$E2E_DIR/small-oscal.items" ||
	fail "csv and oscal of a tailoring: $(diff "$E2E_DIR/small-csv.items" "$E2E_DIR/small-oscal.items" | head -20)"
grep -q '^ *=経営陣は, 方針を"承認"する。$' "$E2E_DIR/small-csv.items" ||
	fail "the reworded text: $(cat "$E2E_DIR/small-csv.items")"
! grep -q "S1-3\$" "$E2E_DIR/small-csv.items" || fail "the excluded S1-3 came back"
pass
