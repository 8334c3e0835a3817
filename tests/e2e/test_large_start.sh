#!/bin/sh
# A catalog large enough to take a while to load: its first screen is drawn
# from the file's first items while the rest loads (tui_preview), then the
# loaded screen replaces it whole; keys typed meanwhile are taken after the
# load, none lost; a tailoring of it the same; and a large file broken at
# its end still ends with the problem on stderr and the terminal given back.
. "$(dirname "$0")/lib.sh"

# 3 parts of 20 sections of 120 controls: about 4.5 MB, over the 4 MB
# from which the first screen is drawn before the load.
big="$E2E_DIR/big.yaml"
awk 'BEGIN {
	print "format: kijun-catalog/1"
	print "id: big"
	print "title: 大きな管理基準"
	print "edition: 試験版"
	print "items:"
	text = ""
	for (k = 0; k < 30; k++)
		text = text "組織は、情報資産の管理策を"
	for (p = 1; p <= 3; p++) {
		printf "- id: p%d\n  kind: part\n  title: 部 %d\n  items:\n", p, p
		for (s = 1; s <= 20; s++) {
			printf "  - id: p%d-s%d\n    kind: section\n    title: 節 %d の %d\n    items:\n", p, s, p, s
			for (c = 1; c <= 120; c++)
				printf "    - id: p%d-s%d-c%d\n      kind: control\n      title: 管理策 %d\n      text: %s%d\n", p, s, c, c, text, c
		}
	}
}' > "$big"
size=$(wc -c < "$big")
[ "$size" -gt 4500000 ] || fail "the generated catalog is $size bytes, not over 4.5 MB"

# What the loaded screen is after two Downs, from the script driver (which
# draws no first screen early).
printf 'key j j\ndump\n' | "$KIJUN" --script - "$big" > "$E2E_DIR/want" 2>&1 ||
	fail "kijun --script on the large catalog failed: $(cat "$E2E_DIR/want")"

# Keys typed at once, while it loads; what was sent kept from the first
# byte: the first screen said it was loading, and showed the tree.
start RECORD="$E2E_DIR/sent" -- "$big"
keys j j
wait_position "3/63"
loading=$(grep -abo '読み込み中' "$E2E_DIR/sent" | head -n 1 | cut -d: -f1)
row=$(grep -abo 'p1-s20' "$E2E_DIR/sent" | head -n 1 | cut -d: -f1)
[ -n "$loading" ] || fail "no first screen was drawn while the catalog loaded"
[ -n "$row" ] && [ "$row" -lt "$loading" ] ||
	fail "the first screen drawn while loading had no tree (p1-s20 at ${row:-none}, loading at $loading)"
screen > "$E2E_DIR/got"
# tmux draws the separator as │, the script driver as |.
sed 's/│/|/g' "$E2E_DIR/got" > "$E2E_DIR/got.ascii"
diff "$E2E_DIR/want" "$E2E_DIR/got.ascii" > "$E2E_DIR/diff" ||
	fail "the loaded screen differs from the script driver's: $(cat "$E2E_DIR/diff")"
finish

# A tailoring of it: drawn early too (its changes on the first items),
# then loaded; the first section excluded shows so once loaded.
cat > "$E2E_DIR/corp.yaml" <<'YAML'
format: kijun-tailoring/1
id: corp
title: 試験の個別管理基準
base:
  catalog: big
  file: big.yaml
changes:
- op: exclude
  target: p1-s2
  step: 2
  reason: 対象外の業務
  author: tester
  date: '2026-11-29'
YAML
printf 'key j\ndump\n' | "$KIJUN" --script - "$E2E_DIR/corp.yaml" > "$E2E_DIR/want" 2>&1 ||
	fail "kijun --script on the tailoring failed: $(cat "$E2E_DIR/want")"
grep -q "p1-s2" "$E2E_DIR/want" || fail "the script's screen has no p1-s2: $(cat "$E2E_DIR/want")"
start KIJUN_AUTHOR=tester -- "$E2E_DIR/corp.yaml"
keys j
wait_position "2/63"
screen | sed 's/│/|/g' > "$E2E_DIR/got"
diff "$E2E_DIR/want" "$E2E_DIR/got" > "$E2E_DIR/diff" ||
	fail "the tailoring's loaded screen differs from the script driver's: $(cat "$E2E_DIR/diff")"
finish

# Broken at its very end: the first screen may show, then the problem.
cp "$big" "$E2E_DIR/broken.yaml"
printf '      text: twice\n' >> "$E2E_DIR/broken.yaml"
start -- "$E2E_DIR/broken.yaml"
wait_exit 30
[ "$(cat "$(status_file)")" = 2 ] || fail "a broken catalog exited with $(cat "$(status_file)"), not 2"
grep -q "broken.yaml:$(wc -l < "$E2E_DIR/broken.yaml"):7: " "$(stderr_file)" ||
	fail "stderr does not name the last line: $(cat "$(stderr_file)")"
pass
