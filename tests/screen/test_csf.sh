#!/bin/sh
# The built-in NIST CSF 2.0 catalog (`kijun catalog list csf-2.0`) holds
# exactly the functions, categories and subcategories of the public OSCAL
# catalog in ../shared/data, less the CSF 1.1 ids CSF 2.0 withdrew (see
# SOURCES.md there: a live category's statement has prose, a live
# subcategory has examples), with each subcategory's English text.
. "$(dirname "$0")/lib.sh"

J=$E2E_TOP/../shared/data/oscal/NIST_CSF_v2.0_catalog-min.json
[ -f "$J" ] || fail "no $J"

kijun_cli 0 catalog list csf-2.0
[ ! -s "$E2E_DIR/cli.err" ] || fail "catalog list csf-2.0 wrote to stderr: $(cat "$E2E_DIR/cli.err")"
list=$E2E_DIR/cli.out

awk -F '\t' '$2 == "part" { print $1 }' "$list" >"$E2E_DIR/functions.got"
awk -F '\t' '$2 == "section" { print $1 }' "$list" | sort >"$E2E_DIR/categories.got"
awk -F '\t' '$2 == "control" { print $1 }' "$list" | sort >"$E2E_DIR/subcategories.got"

grep -o '"id":"[A-Z][A-Z]","class":"function"' "$J" | sed 's/^"id":"\([^"]*\)".*/\1/' \
	>"$E2E_DIR/functions.want"
grep -o '"id":"[A-Z][A-Z]\.[A-Z][A-Z]_statement","name":"statement","prose"' "$J" |
	sed 's/^"id":"\([^_]*\)_.*/\1/' | sort >"$E2E_DIR/categories.want"
grep -o '"id":"[A-Z][A-Z]\.[A-Z][A-Z]-[0-9][0-9]\.[0-9]*","name":"example"' "$J" |
	sed 's/^"id":"\([^"]*\)\.[0-9]*".*/\1/' | sort -u >"$E2E_DIR/subcategories.want"

for what in functions categories subcategories; do
	cmp -s "$E2E_DIR/$what.want" "$E2E_DIR/$what.got" ||
		fail "the $what differ from the shared catalog (diff want got):
$(diff "$E2E_DIR/$what.want" "$E2E_DIR/$what.got" || true)"
done
assert_eq "$(wc -l <"$E2E_DIR/functions.got" | tr -d ' ')" 6 "functions"
assert_eq "$(wc -l <"$E2E_DIR/categories.got" | tr -d ' ')" 22 "categories"
assert_eq "$(wc -l <"$E2E_DIR/subcategories.got" | tr -d ' ')" 106 "subcategories"
# Withdrawn 1.1 ids are not there; the text is CSF's.
! grep -q '^ID\.AM-06	' "$list" || fail "withdrawn ID.AM-06 is listed"
grep -q '^GV\.OC-01	control	GV\.OC	The organizational mission is understood and informs cybersecurity risk management	' "$list" ||
	fail "GV.OC-01's text is not CSF's"
grep -q '^GV	part		統治	' "$list" || fail "GOVERN has no Japanese title"
# The default is still the METI standard.
kijun_cli 0 catalog list
head -n 1 "$E2E_DIR/cli.out" | grep -q '^III	part' || fail "catalog list without FILE is not the built-in standard"
pass
