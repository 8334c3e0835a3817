#!/bin/sh
# Attributes that cost bytes on every key (issue 11, docs/decisions.md
# "Bytes per key"): the tree's ids and the pane separator are drawn in the
# row's own attributes, the status bar in reverse video (as the cursor
# row, so no attribute change is sent between them), and only the header
# bar, which changes with no key, in colour.  The cursor waits where the
# next move starts writing.
. "$(dirname "$0")/lib.sh"

# An SGR that sets something (tmux's capture resets at line starts with 0, 39
# and 49, which plain_sgr takes out first), and colour SGRs (30-37, 40-47,
# 90-97, 100-107, 256/RGB).
sgr_re="$E2E_ESC\[[0-9;]*m"
plain_sgr() { sed "s/$E2E_ESC\[\(0\|39\|49\)\{0,1\}m//g"; }
colour_re="$E2E_ESC\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;|48;)[0-9;]*m"

start TERM=xterm-256color
wait_position 1/23
keys j
wait_position 2/23
rows=$(screen_escapes)
# Row 4 is "  + 3.2 評価 ... | 評価" (the detail's title, in bold): no
# attribute before the separator, the separator itself plain.
row4=$(printf '%s\n' "$rows" | sed -n 4p)
case "$row4" in *"|"*) ;; *) fail "row 4 has no separator: $row4" ;; esac
printf '%s\n' "${row4%%|*}|" | plain_sgr | grep -qE "$sgr_re" &&
	fail "the tree row or the separator carries attributes: $(printf '%s' "$row4" | od -c | head -3)"
# The cursor row (3.1) is in reverse video, and its id with it.
printf '%s\n' "$rows" | sed -n 3p | grep -qE "$E2E_ESC\[([0-9;]*;)?7m\+ 3\.1" ||
	fail "the cursor row's marker and id are not in reverse video"
# The status bar: reverse video, no colour; the header bar: colour.
status=$(printf '%s\n' "$rows" | sed -n 23p)
printf '%s\n' "$status" | grep -qE "$E2E_ESC\[([0-9;]*;)?7m" || fail "the status bar is not in reverse video"
printf '%s\n' "$status" | grep -qE "$colour_re" && fail "the status bar is in colour"
printf '%s\n' "$rows" | sed -n 1p | grep -qE "$colour_re" || fail "the header bar is not in colour"
# The cursor is parked on the selected row's marker ("+ 3.1" at column 2),
# where the next move's first change is, not at column 0.
assert_eq "$(cursor_x)" 2 "the cursor parked on the cursor row's marker"
finish
pass
