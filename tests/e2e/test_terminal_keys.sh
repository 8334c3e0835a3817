#!/bin/sh
# Keys as terminals send them, decoded by curses: Home and End in an
# xterm's keypad application mode, and Home, End, PgDn and PgUp as tmux
# sends them under the terminal type tmux is, and under vt100 and screen,
# in the tree and in the line editor; Ctrl-S in kijun's own editor.  (What the keys do once decoded is tests/screen/.)
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23
wait_detail III
# What an xterm sends for End and Home (keypad application mode).
type_text "$(printf '\033OF')"
wait_position 23/23
type_text "$(printf '\033OH')"
wait_position 1/23
assert_line 24 '^$'      # understood, so no "unknown key" message
finish

# ---- Home and End as tmux sends them, under the terminal type tmux is ----
start TERM=tmux-256color
wait_position 1/23
keys End
wait_position 23/23
keys Home
wait_position 1/23
keys NPage
wait_position 21/23
keys PPage
wait_position 1/23
assert_line 24 '^$'
finish

# ---- PgDn, PgUp, Home and End on vt100 and screen ----
# vt100's entry has none of them; tmux sends \e[6~, \e[1~ ... all the same.
for term in vt100 screen; do
	log "TERM=$term"
	start TERM=$term
	wait_position 1/23
	keys End
	wait_position 23/23
	keys Home
	wait_position 1/23
	keys NPage
	wait_position 21/23
	keys PPage
	wait_position 1/23
	assert_line 24 '^$'
	finish
done

# ---- Ctrl-S reaches kijun's own editor (not taken for XOFF) ----
start NO_EDITOR=1 KIJUN_AUTHOR=tester -- "$E2E_DIR/ctrl-s.yaml"
goto_item 5a-5.1
keys r
wait_status '^ 本文 \| '
type_text "追記"
keys C-s
wait_reason_prompt
keys Escape
wait_message '^書いた本文を捨てますか\? y/n$'
keys y
wait_message '^取り消しました$'
finish

# ---- Home and End (xterm) in the line editor ----
# wait_cursor_x N: until the cursor is in column N.
wait_cursor_x() {
	i=0
	while [ "$(cursor_x)" != "$1" ]; do
		i=$((i + 1))
		[ "$i" -le "$E2E_STEPS" ] || fail "the cursor should be in column $1, not $(cursor_x)"
		sleep "$E2E_POLL"
	done
}
start KIJUN_AUTHOR=tester -- "$E2E_DIR/keys.yaml"
goto_item 5a-5.1
keys m
wait_message '^水準: '
keys 1
wait_reason_prompt 6
# The label "［手順6］理由: " takes 15 cells; every character typed here 2.
wait_cursor_x 15
type_text "地震対策"
wait_cursor_x 23
type_text "$(printf '\033OH')"
wait_cursor_x 15
type_text "$(printf '\033OF')"
wait_cursor_x 23
wait_message '^［手順6］理由: 地震対策$'
keys Escape
wait_message '^取り消しました$'
finish
pass
