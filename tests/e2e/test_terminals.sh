#!/bin/sh
# Terminal types: the tree appears, keys work and q quits cleanly under
# TERM=xterm-256color, screen, tmux-256color and vt100; NO_COLOR=1 (and
# vt100) draw without colour; an unknown TERM=tmux-nonexistent falls back to
# a known entry and says so on the message line; TERM=dumb is told it
# cannot be drawn on.
. "$(dirname "$0")/lib.sh"

# Colour escapes in a capture-pane -e screen: SGR 30-37, 40-47, 90-97,
# 100-107, or 256-colour/RGB forms.
colour_re="$E2E_ESC\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;|48;)[0-9;]*m"

check_screen() {    # the first screen, then one key
	wait_for " 閲覧 | "
	assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'
	assert_line 2 "^- III ガバナンス基準 +$SEP III$"
	assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的$SEP 部$"
	assert_line 8 "^- IV マネジメント基準 +$SEP"
	assert_line 20 "^- V 管理策基準 +$SEP"
	assert_line 23 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 1/23 +\?:ヘルプ  q:終了$'
	assert_line 24 '^$'
	keys j Down
	wait_position 3/23
	wait_detail 3.2
}

for term in xterm-256color screen tmux-256color vt100; do
	log "TERM=$term"
	start TERM="$term"
	check_screen
	if [ "$term" = vt100 ]; then
		if screen_escapes | grep -qE "$colour_re"; then
			fail "colour under TERM=vt100"
		fi
	else
		screen_escapes | grep -qE "$colour_re" ||
			fail "no colour under TERM=$term (expected the header bar in colour)"
	fi
	finish
done

# NO_COLOR: attributes only; the selection is still shown (reverse video).
start NO_COLOR=1
check_screen
if screen_escapes | grep -qE "$colour_re"; then
	fail "colour escapes on the screen with NO_COLOR=1: $(screen_escapes | grep -oE "$colour_re" | head -3 | od -c | head -3)"
fi
screen_escapes | grep -q "$E2E_ESC\[[0-9;]*7m" ||
	fail "with NO_COLOR=1 nothing is in reverse video (the bars and the selection)"
finish

# An empty NO_COLOR does not count.
start NO_COLOR=
check_screen
screen_escapes | grep -qE "$colour_re" || fail "no colour with NO_COLOR set but empty"
finish

# A TERM this machine has no terminfo entry for: kijun draws as the nearest
# known terminal and says so.
if infocmp tmux-nonexistent >/dev/null 2>&1; then
	fail "this machine has a terminfo entry tmux-nonexistent; the test needs it not to"
fi
start TERM=tmux-nonexistent
wait_for "TERM=tmux-nonexistent"
wait_line 24 '^TERM=tmux-nonexistent は未登録のため screen-256color で表示します'
assert_line 1 '^ kijun \| 情報セキュリティ管理基準  令和7年3月改訂版$'
assert_line 2 "^- III ガバナンス基準 +$SEP III$"
assert_line 23 '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 1/23 '
keys j
wait_position 2/23
wait_line 24 '^$'           # any key clears the message
finish

# TERM=dumb cannot place the cursor: kijun says so, as to a pipe, and
# exits 1 instead of drawing a blank screen.
start TERM=dumb
wait_exit 5
assert_eq "$(cat "$(status_file)")" 1 "the exit status under TERM=dumb"
grep -qx 'kijun: TERM=dumb はカーソルを動かせません。kijun にはそれができる端末が必要です' "$(stderr_file)" &&
	grep -q "^kijun: 画面表示には端末が必要です。スクリプトからは 'kijun catalog list' を使ってください" "$(stderr_file)" ||
	fail "what kijun said under TERM=dumb: $(cat "$(stderr_file)")"
stop_kijun
pass
