# End-to-end test helpers for kijun: drive the real binary in a private tmux
# server and assert on the screen.  Sourced by tests/e2e/test_*.sh:
#
#	. "$(dirname "$0")/lib.sh"
#	start                    # kijun at 80x24, TERM=xterm-256color
#	wait_for "閲覧"
#	keys j Down              # tmux key names
#	type_text "7a-7.2.3"     # literal text, Japanese too
#	assert_line 24 "^/7a"    # screen rows count from 1 (1 = header)
#	finish                   # q; exit status 0 and an empty stderr
#
# Environment: KIJUN (the binary, default build/check/kijun, relative to the
# directory the test runs in), E2E_TERM (TERM for kijun, default
# xterm-256color), E2E_TIMEOUT (seconds each wait may take, default 5),
# E2E_VERBOSE=1 (print each step).
#
# A test may set E2E_COLS and E2E_ROWS (the size start gives the window,
# default 80x24) and E2E_CHDIR (the directory kijun runs in, default the
# one the test runs in) before calling start.
#
# kijun never sees the caller's VISUAL, EDITOR, KIJUN_AUTHOR or KIJUN_DATE:
# its editor is tests/e2e/fake-editor.sh, which does what editor_text or
# editor_sed last said (nothing by default), and start NAME=value sets the
# others (start KIJUN_AUTHOR=tester KIJUN_DATE=2026-01-02 -- FILE).
# start NO_EDITOR=1 runs kijun with neither and a PATH without editors.
# start RECORD=FILE keeps in FILE every byte kijun writes to the terminal.
#
# Every failed check prints what was expected, the screen, and kijun's
# stderr, then exits 1; the trap kills the private tmux server.
#
# E2E_DRIVER=script (set by tests/screen/lib.sh) runs the same functions
# without tmux: kijun --script reads each step from a pipe and prints the
# screen when asked (docs/scripting.md).  Every step is then in order, so a
# wait is answered by the first look; only the exit is waited for.

set -eu

# Tools here (grep, sed) must read the screen as UTF-8.
LC_ALL=C.UTF-8
export LC_ALL

: "${KIJUN:=build/check/kijun}"
case $KIJUN in
/*) ;;
*) KIJUN=$(pwd)/$KIJUN ;;
esac
: "${E2E_TERM:=xterm-256color}"
: "${E2E_TIMEOUT:=5}"
: "${E2E_VERBOSE:=0}"
: "${E2E_COLS:=80}"
: "${E2E_ROWS:=24}"
: "${E2E_CHDIR:=}"
: "${E2E_DRIVER:=tmux}"

E2E_NAME=$(basename "$0" .sh)
E2E_SOCKET="kijun-e2e-$$"
E2E_SESSION=kijun
E2E_RUNS=0              # how many times start was called
E2E_RUNNING=0           # 1 while a kijun started by start has not exited
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kijun-e2e.XXXXXX")
# The polling interval of the waits; steps per second is its inverse.
E2E_POLL=0.05
E2E_STEPS=$((E2E_TIMEOUT * 20))

# steps SECONDS: how many looks a wait of SECONDS takes.  Under the script
# driver the screen cannot change between two looks: one is enough.
steps() {
	if [ "$E2E_DRIVER" = script ]; then echo 1; else echo $(($1 * 20)); fi
}
if [ "$E2E_DRIVER" = script ]; then
	E2E_STEPS=1
fi

# The separator between the tree and the detail pane, as an extended regex.
# kijun draws it as "|"; a line-drawing character (SO x SI, or U+2502) is
# shown as │ by screen below, so it can never be taken for the letter x.
SEP='[|│]'

tm() {
	tmux -u -f /dev/null -L "$E2E_SOCKET" "$@"
}

E2E_FAILED=0
E2E_STEP="(none)"

e2e_cleanup() {
	rc=$?
	trap - EXIT
	# Clean up even when the report cannot be written (a closed pipe).
	set +e
	trap '' PIPE
	# A command that failed outside the checks (set -e): still say where.
	if [ "$rc" -ne 0 ] && [ "$E2E_FAILED" = 0 ]; then
		{
			printf 'FAIL [%s]%s: stopped by an unexpected error (status %s) after: %s\n' \
				"$E2E_NAME" "$(run_desc)" "$rc" "$E2E_STEP"
			if [ "$E2E_RUNS" -gt 0 ]; then
				show_screen
			fi
		} >&2
	fi
	stop_kijun
	# tmux leaves its socket file behind; it is ours alone (-L kijun-e2e-PID).
	if [ -n "$E2E_SOCKET_PATH" ] && [ -S "$E2E_SOCKET_PATH" ]; then
		rm -f "$E2E_SOCKET_PATH"
	fi
	# A kijun killed with unsaved changes may still be closing its
	# journal in the directory for a moment.
	n=0
	while ! rm -rf "$E2E_DIR" 2>/dev/null && [ "$n" -lt 40 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	exit "$rc"
}
E2E_SOCKET_PATH=
trap e2e_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

log() {
	E2E_STEP=$*
	if [ "$E2E_VERBOSE" = 1 ]; then
		printf '  [%s] %s\n' "$E2E_NAME" "$*" >&2
	fi
	return 0
}

# " (run N: how kijun was started)" for messages; empty before start.
E2E_START_DESC=
run_desc() {
	if [ "$E2E_RUNS" -gt 0 ]; then
		printf ' (run %s: %s)' "$E2E_RUNS" "$E2E_START_DESC"
	fi
}

# The files of the current run.
status_file() { printf '%s/status.%s' "$E2E_DIR" "$E2E_RUNS"; }
stderr_file() { printf '%s/stderr.%s' "$E2E_DIR" "$E2E_RUNS"; }

# Prints the screen as text; empty when no tmux server runs.  Taken with
# its attributes (capture-pane -e) so that line-drawing characters are known
# for what they are: "x" in the line-drawing set becomes │, then the colour
# and attribute sequences and the trailing blanks go, as in capture-pane -p.
E2E_SO=$(printf '\016')
E2E_SI=$(printf '\017')
E2E_ESC=$(printf '\033')
screen() {
	if [ "$E2E_DRIVER" = script ]; then
		driver_dump
		return 0
	fi
	{ tm capture-pane -p -e -t "$E2E_SESSION" 2>/dev/null || true; } |
		sed -e ":a" -e "s/$E2E_SO\([^$E2E_SI]*\)x/$E2E_SO\1│/" -e "ta" \
			-e "s/[$E2E_SO$E2E_SI]//g" -e "s/$E2E_ESC\[[0-9;:]*m//g" -e 's/ *$//'
}

# driver_dump: the screen from kijun --script; after kijun has exited, the
# last one it printed.  Asked again only after a key: the file gen counts
# the steps sent, gen.dump says which step the dump is of (files, so that
# steps sent from a subshell count too).
driver_sent() {
	gen=0
	if [ -f "$E2E_DIR/gen" ]; then read -r gen <"$E2E_DIR/gen" || true; fi
	echo $((gen + 1)) >"$E2E_DIR/gen"
}
driver_dump() {
	gen=0
	dumped=none
	if [ -f "$E2E_DIR/gen" ]; then read -r gen <"$E2E_DIR/gen" || true; fi
	if [ -f "$E2E_DIR/gen.dump" ]; then read -r dumped <"$E2E_DIR/gen.dump" || true; fi
	if [ "$dumped" != "$gen" ] && [ "$E2E_RUNNING" = 1 ] && ! exited; then
		printf 'dump\n' >&3
		head -n "$E2E_ROWS" <&4 >"$E2E_DIR/dump.new" || true
		# A kijun that quit on the last key prints nothing more.
		if [ -s "$E2E_DIR/dump.new" ]; then
			mv "$E2E_DIR/dump.new" "$E2E_DIR/dump"
			echo "$gen" >"$E2E_DIR/gen.dump"
		fi
	fi
	cat "$E2E_DIR/dump" 2>/dev/null || true
}

# stop_kijun: ends the kijun of the last start: the tmux server, or the
# script's pipe (kijun reads its end and exits).
stop_kijun() {
	if [ "$E2E_DRIVER" = script ]; then
		exec 3>&- 4<&-
		if [ -n "${E2E_PID:-}" ]; then
			wait "$E2E_PID" 2>/dev/null || true
			E2E_PID=
		fi
		return 0
	fi
	tm kill-server >/dev/null 2>&1 || true
}

# cursor_x: the terminal cursor's column (from 0).
cursor_x() {
	if [ "$E2E_DRIVER" = script ]; then
		printf 'cursor\n' >&3
		head -n 1 <&4 | awk '{ print $3 - 1 }'
		return 0
	fi
	tm display-message -p -t "$E2E_SESSION" '#{cursor_x}'
}

# Prints the screen with its attributes as escape sequences (capture-pane -e).
screen_escapes() {
	[ "$E2E_DRIVER" = tmux ] || fail "screen_escapes needs the tmux driver (tests/e2e)"
	tm capture-pane -p -e -t "$E2E_SESSION" 2>/dev/null || true
}

# Prints row N (from 1) of the screen.
screen_line() {
	screen | sed -n "$1p"
}

show_screen() {
	if [ "$E2E_RUNS" -gt 0 ] && exited && [ -f "$E2E_DIR/before-q.$E2E_RUNS" ]; then
		printf -- '---- screen before q ----\n'
		awk '{ printf "%2d|%s\n", NR, $0 }' "$E2E_DIR/before-q.$E2E_RUNS"
	else
		if [ "$E2E_DRIVER" = script ]; then
			printf -- '---- screen (%sx%s, kijun --script) ----\n' "$E2E_COLS" "$E2E_ROWS"
		else
			printf -- '---- screen (%s) ----\n' \
				"$(tm display-message -p -t "$E2E_SESSION" '#{window_width}x#{window_height}' 2>/dev/null || echo 'no tmux')"
		fi
		screen | awk '{ printf "%2d|%s\n", NR, $0 }'
	fi
	printf -- '---- end of screen ----\n'
	if [ "$E2E_RUNS" -gt 0 ] && [ -s "$(stderr_file)" ]; then
		printf -- '---- kijun stderr ----\n'
		cat "$(stderr_file)"
		printf -- '---- end of stderr ----\n'
	fi
	if [ "$E2E_RUNS" -gt 0 ] && [ -f "$(status_file)" ]; then
		printf 'kijun exited with status %s\n' "$(cat "$(status_file)")"
	fi
}

# fail MESSAGE: reports the failed check with the screen and exits 1.
fail() {
	E2E_FAILED=1
	{
		printf 'FAIL [%s]%s: %s\n' "$E2E_NAME" "$(run_desc)" "$*"
		if [ "$E2E_RUNS" -gt 0 ]; then
			show_screen
		fi
	} >&2
	exit 1
}

# Quotes a word for sh.
shquote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# start [NAME=value ...] [--] [ARG ...]
# Runs kijun with ARGs in a new tmux session of E2E_COLS x E2E_ROWS (80x24
# unless the test sets them).  Leading NAME=value words set environment
# variables for kijun (TERM=... overrides E2E_TERM).
# Waits until kijun has drawn something (or exited).
start() {
	# Only one kijun at a time: leave no server from an earlier run (nor
	# the dead pane of one that exited without finish).
	if [ "$E2E_RUNS" -gt 0 ]; then
		stop_kijun
	fi
	E2E_RUNS=$((E2E_RUNS + 1))
	term=$E2E_TERM
	env_lines=
	kijun_env=
	while [ $# -gt 0 ]; do
		case $1 in
		--) shift; break ;;
		NO_EDITOR=1)
			# A bare machine: no VISUAL, no EDITOR, and a PATH where
			# no editor, vi or nano is found (kijun's own editor).
			mkdir -p "$E2E_DIR/bare-path"
			kijun_env="env -u VISUAL -u EDITOR PATH=$(shquote "$E2E_DIR/bare-path") "
			env_lines="$env_lines# NO_EDITOR=1
"
			shift
			;;
		RECORD=*)
			# Every byte kijun sends to its terminal, into a file
			# (tests/e2e/record.sh); its stderr goes there too.
			[ "$E2E_DRIVER" = tmux ] || fail "start $1: only a terminal can be recorded (use tests/e2e)"
			kijun_env="${kijun_env}sh $(shquote "$E2E_TOP/tests/e2e/record.sh") $(shquote "${1#RECORD=}") "
			shift
			;;
		TERM=*)
			[ "$E2E_DRIVER" = tmux ] || fail "start $1: the script driver draws as one fixed TERM (use tests/e2e)"
			term=${1#TERM=}
			shift
			;;
		[A-Za-z_]*=*)
			case ${1%%=*} in
			*[!A-Za-z0-9_]*) break ;;
			esac
			env_lines="$env_lines${1%%=*}=$(shquote "${1#*=}"); export ${1%%=*}
"
			shift
			;;
		*) break ;;
		esac
	done
	arg_words=
	for a in "$@"; do
		arg_words="$arg_words $(shquote "$a")"
	done
	wrapper="$E2E_DIR/run.$E2E_RUNS.sh"
	open_line=
	script_words=
	if [ "$E2E_DRIVER" = script ]; then
		in=$E2E_DIR/script.$E2E_RUNS
		out=$E2E_DIR/screen.$E2E_RUNS
		rm -f "$in" "$out" "$E2E_DIR/dump" "$E2E_DIR/gen.dump"
		mkfifo "$in" "$out"
		# The output pipe first: the test waits for it to open.
		open_line="exec 1>$(shquote "$out")
"
		script_words=" --script $(shquote "$in")"
	fi
	cd_line=
	if [ -n "$E2E_CHDIR" ]; then
		cd_line="cd $(shquote "$E2E_CHDIR") 2>$(shquote "$(stderr_file)") || { echo 126 >$(shquote "$(status_file)"); exit 126; }
"
	fi
	# The wrapper: a clean, fixed environment; stderr to a file; the exit
	# status written (atomically) when kijun exits.
	# The editor is the fake one, driven by files in E2E_DIR (see
	# editor_text); a NAME=value word of start may still replace it.
	cat >"$wrapper" <<EOF
${open_line}unset LC_ALL LC_CTYPE LC_MESSAGES LANGUAGE KIJUN_LANG NO_COLOR TMUX COLUMNS LINES
unset VISUAL EDITOR KIJUN_AUTHOR KIJUN_DATE FAKE_EDITOR_TEXT FAKE_EDITOR_SED FAKE_EDITOR_STATUS FAKE_EDITOR_SLEEP
LANG=C.UTF-8; export LANG
TERM=$(shquote "$term"); export TERM
EDITOR=$(shquote "sh $(shquote "$E2E_TOP/tests/e2e/fake-editor.sh")"); export EDITOR
FAKE_EDITOR_FROM=$(shquote "$E2E_DIR/editor.text"); export FAKE_EDITOR_FROM
FAKE_EDITOR_SED_FROM=$(shquote "$E2E_DIR/editor.sed"); export FAKE_EDITOR_SED_FROM
FAKE_EDITOR_SEEN=$(shquote "$E2E_DIR/editor.seen"); export FAKE_EDITOR_SEEN
$cd_line$env_lines$kijun_env$(shquote "$KIJUN")$script_words$arg_words 2>$(shquote "$(stderr_file)")
echo \$? >$(shquote "$(status_file).tmp")
mv $(shquote "$(status_file).tmp") $(shquote "$(status_file)")
EOF
	if [ "$E2E_DRIVER" = script ]; then
		start_script "$@"
		return 0
	fi
	E2E_START_DESC=$(printf 'TERM=%s %skijun%s' "$term" \
		"$(printf '%s' "$env_lines" | sed 's/; export [A-Za-z0-9_]*$//' | tr '\n' ' ')" "${*:+ $*}")
	log "start $E2E_START_DESC"
	[ -x "$KIJUN" ] || fail "KIJUN=$KIJUN is not an executable file (run make build/check/kijun)"
	# remain-on-exit keeps the last screen for the report when kijun dies;
	# window-size manual lets resize-window set any size.
	# (tmux 3.3a's server exits when window-size is set before the first
	# session, so the options come after it, in the same command list:
	# they apply before the server could see kijun exit.)
	tm new-session -d -s "$E2E_SESSION" -x "$E2E_COLS" -y "$E2E_ROWS" "sh $(shquote "$wrapper")" \; \
		set-option -g remain-on-exit on \; \
		set-option -g window-size manual ||
		fail "cannot start tmux"
	E2E_RUNNING=1
	if [ -z "$E2E_SOCKET_PATH" ]; then
		E2E_SOCKET_PATH=$(tm display-message -p '#{socket_path}' 2>/dev/null || true)
		case $E2E_SOCKET_PATH in
		*/"$E2E_SOCKET") ;;
		*) E2E_SOCKET_PATH= ;;
		esac
	fi
	i=0
	while [ "$i" -lt "$E2E_STEPS" ]; do
		if [ -f "$(status_file)" ] || [ -n "$(screen | tr -d ' \n')" ]; then
			return 0
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "kijun drew nothing within ${E2E_TIMEOUT}s of starting"
}

# start_script ARG...: start for the script driver.  The wrapper written
# by start runs kijun --script on a pipe (fd 3 here) with its output on
# another (fd 4 here); the first line sets the size.
start_script() {
	E2E_START_DESC=$(printf '%skijun --script PIPE%s' \
		"$(printf '%s' "$env_lines" | sed 's/; export [A-Za-z0-9_]*$//' | tr '\n' ' ')" "${*:+ $*}")
	log "start $E2E_START_DESC"
	[ -x "$KIJUN" ] || fail "KIJUN=$KIJUN is not an executable file (run make build/check/kijun)"
	sh "$wrapper" </dev/null >/dev/null 2>&1 &
	E2E_PID=$!
	# Read-write: opening does not wait for kijun, which may never read
	# (a file it refuses); closing it is kijun's end of the script.
	exec 3<>"$in"
	exec 4<"$out"
	E2E_RUNNING=1
	printf 'size %sx%s\n' "$E2E_COLS" "$E2E_ROWS" >&3
	driver_sent
}

# keys KEY...: tmux key names (j, Down, Enter, Space, PgDn, C-f, Escape ...).
keys() {
	log "keys $*"
	if [ "$E2E_DRIVER" = script ]; then
		exited && return 0
		printf 'key' >&3
		for k in "$@"; do
			printf ' %s' "$k" >&3
		done
		printf '\n' >&3
		driver_sent
		return 0
	fi
	tm send-keys -t "$E2E_SESSION" "$@" || fail "send-keys $* failed"
}

# type_text TEXT: TEXT as typed, byte for byte.
type_text() {
	log "type $1"
	if [ "$E2E_DRIVER" = script ]; then
		exited && return 0
		printf 'type %s\n' "$1" >&3
		driver_sent
		return 0
	fi
	tm send-keys -t "$E2E_SESSION" -l -- "$1" || fail "send-keys -l $1 failed"
}

# exited: true once kijun has exited.
exited() {
	[ -f "$(status_file)" ]
}

# wait_for TEXT [SECONDS]: until TEXT (a fixed string) is on the screen.
wait_for() {
	log "wait_for $1"
	i=0
	steps=$(steps "${2:-$E2E_TIMEOUT}")
	while [ "$i" -lt "$steps" ]; do
		if screen | grep -qF -- "$1"; then
			return 0
		fi
		if exited && ! screen | grep -qF -- "$1"; then
			fail "waiting for \"$1\": kijun exited"
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "timed out after ${2:-$E2E_TIMEOUT}s waiting for \"$1\" on the screen"
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
	log "wait_gone $1"
	i=0
	steps=$(steps "${2:-$E2E_TIMEOUT}")
	while [ "$i" -lt "$steps" ]; do
		if ! screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "timed out after ${2:-$E2E_TIMEOUT}s waiting for \"$1\" to leave the screen"
}

# wait_line N REGEX [SECONDS]: until row N matches the extended REGEX.
wait_line() {
	log "wait_line $1 $2"
	i=0
	steps=$(steps "${3:-$E2E_TIMEOUT}")
	while [ "$i" -lt "$steps" ]; do
		if screen_line "$1" | grep -qE -- "$2"; then
			return 0
		fi
		if exited && ! screen_line "$1" | grep -qE -- "$2"; then
			fail "waiting for row $1 to match /$2/: kijun exited"
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "timed out after ${3:-$E2E_TIMEOUT}s waiting for row $1 to match /$2/ (it is \"$(screen_line "$1")\")"
}

# assert_line N REGEX: row N (from 1) matches the extended REGEX now.
assert_line() {
	log "assert_line $1 $2"
	line=$(screen_line "$1")
	printf '%s\n' "$line" | grep -qE -- "$2" ||
		fail "row $1 should match /$2/ but is \"$line\""
}

# assert_line_not N REGEX
assert_line_not() {
	log "assert_line_not $1 $2"
	line=$(screen_line "$1")
	if printf '%s\n' "$line" | grep -qE -- "$2"; then
		fail "row $1 should not match /$2/ but is \"$line\""
	fi
}

# assert_contains TEXT: TEXT (fixed string) is somewhere on the screen.
assert_contains() {
	log "assert_contains $1"
	screen | grep -qF -- "$1" || fail "the screen should contain \"$1\""
}

# assert_not_contains TEXT
assert_not_contains() {
	log "assert_not_contains $1"
	if screen | grep -qF -- "$1"; then
		fail "the screen should not contain \"$1\""
	fi
}

# assert_row_with TEXT REGEX: the first row containing TEXT (a fixed
# string) matches the extended REGEX.
assert_row_with() {
	log "assert_row_with $1 $2"
	line=$(screen | grep -F -m 1 -- "$1" || true)
	[ -n "$line" ] || fail "no row contains \"$1\""
	printf '%s\n' "$line" | grep -qE -- "$2" ||
		fail "the row with \"$1\" should match /$2/ but is \"$line\""
}

# re_escape TEXT: TEXT as an extended regex that matches it literally.
re_escape() {
	printf '%s' "$1" | sed 's/[].[^$*+?(){}|\\]/\\&/g'
}

# wait_detail ID: until the detail pane's first line (row 2, right of the
# separator) is ID, the selected item's id.
wait_detail() {
	wait_line 2 "$SEP $(re_escape "$1")\$"
}

# The top of the source tree (for src/tui/keymap.c and src/core/i18n_ja.c).
E2E_TOP=$(cd "$(dirname "$0")/../.." && pwd)

# keymap_bindings: "keys<TAB>English description" for every binding of
# src/tui/keymap.c, in the order of the help.
keymap_bindings() {
	sed -n 's/^[[:space:]]*{ "\([^"]*\)", N_("\([^"]*\)").*/\1	\2/p' \
		"$E2E_TOP/src/tui/keymap.c"
}

# japanese ENGLISH: its translation in src/core/i18n_ja.c (the line after
# { "ENGLISH",).
japanese() {
	awk -v en="$1" '
		found { sub(/^[[:space:]]*"/, ""); sub(/" },?[[:space:]]*$/, ""); print; exit }
		index($0, "{ \"" en "\",") { found = 1 }
	' "$E2E_TOP/src/core/i18n_ja.c"
}

# screen_changes_from TEXT [SECONDS]: until the screen differs from TEXT;
# false if it does not within SECONDS (default E2E_TIMEOUT).
screen_changes_from() {
	i=0
	steps=$(steps "${2:-$E2E_TIMEOUT}")
	while [ "$i" -lt "$steps" ]; do
		[ "$(screen)" = "$1" ] || return 0
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	return 1
}

# assert_help_lists_keymap ja|en: with the help open at its top, every
# binding of keymap.c is on it, scrolling line by line to its end: the keys
# in a 16-cell column, then the description in that language.
assert_help_lists_keymap() {
	log "assert_help_lists_keymap $1"
	keymap_bindings >"$E2E_DIR/bindings"
	n=$(grep -c . "$E2E_DIR/bindings" || true)
	[ "$n" -ge 20 ] || fail "found only $n bindings in src/tui/keymap.c"
	top_screen=$(screen)
	# The end of the help (when it is longer than the screen).
	keys G
	if screen_changes_from "$top_screen" 1; then
		end_screen=$(screen)
		keys g
		screen_changes_from "$end_screen" || fail "g did not scroll the help back to its top"
		[ "$(screen)" = "$top_screen" ] || fail "g did not scroll the help back to its top"
	else
		end_screen=$top_screen
	fi
	seen=$top_screen
	i=0
	while [ "$(screen)" != "$end_screen" ]; do
		i=$((i + 1))
		[ "$i" -le 100 ] || fail "j did not reach the end of the help in 100 lines"
		before=$(screen)
		keys j
		screen_changes_from "$before" || fail "j did not scroll the help"
		seen=$(printf '%s\n%s' "$seen" "$(screen)")
	done
	missing=
	while IFS='	' read -r k en; do
		if [ "$1" = ja ]; then
			what=$(japanese "$en")
			[ -n "$what" ] || fail "no Japanese for \"$en\" in src/core/i18n_ja.c"
		else
			what=$en
		fi
		want=$(printf '  %-16s%s' "$k" "$what")
		if ! printf '%s\n' "$seen" | grep -qxF -- "$want"; then
			missing="$missing
    \"$want\""
		fi
	done <"$E2E_DIR/bindings"
	[ -z "$missing" ] || fail "the help does not list these bindings of src/tui/keymap.c:$missing"
	keys g
}

# assert_eq ACTUAL EXPECTED WHAT
assert_eq() {
	[ "$1" = "$2" ] || fail "$3: expected \"$2\", got \"$1\""
}

# position: the "N/M" of the status bar (row rows-1), e.g. 1/23.
position() {
	screen_line $(($(window_rows) - 1)) | sed -n 's/.*| \([0-9][0-9]*\/[0-9][0-9]*\).*/\1/p'
}

# wait_position N/M: until the status bar shows position N/M.
wait_position() {
	log "wait_position $1"
	i=0
	while [ "$i" -lt "$E2E_STEPS" ]; do
		if [ "$(position)" = "$1" ]; then
			return 0
		fi
		if exited; then
			fail "waiting for position $1: kijun exited"
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "timed out waiting for the status bar position $1 (it shows \"$(position)\")"
}

# resize COLS ROWS: resizes the window; kijun sees SIGWINCH.
resize() {
	log "resize $1x$2"
	if [ "$E2E_DRIVER" = script ]; then
		E2E_COLS=$1
		E2E_ROWS=$2
		printf 'size %sx%s\n' "$1" "$2" >&3
		driver_sent
		return 0
	fi
	tm resize-window -t "$E2E_SESSION" -x "$1" -y "$2" || fail "resize-window $1x$2 failed"
	size=$(tm display-message -p -t "$E2E_SESSION" '#{window_width}x#{window_height}')
	assert_eq "$size" "$1x$2" "tmux window size after resize"
}

# wait_exit [SECONDS]: until kijun has exited.
wait_exit() {
	if [ "$E2E_DRIVER" = script ]; then
		wait_exit_script
		return 0
	fi
	i=0
	steps=$((${1:-10} * 20))
	while [ "$i" -lt "$steps" ]; do
		if exited; then
			E2E_RUNNING=0
			return 0
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "kijun did not exit within ${1:-10}s"
}

# wait_exit_script: wait_exit under the script driver, without polling.  A
# kijun that still answers has read every step and will not exit.
wait_exit_script() {
	if ! exited; then
		printf 'cursor\n' >&3
		answer=$(head -n 1 <&4)
		[ -z "$answer" ] || fail "kijun did not exit (it has read every key sent)"
		# The wrapper writes the status file when kijun has exited.
		wait "$E2E_PID" 2>/dev/null || true
		E2E_PID=
	fi
	exited || fail "kijun exited but left no status"
	E2E_RUNNING=0
}

# assert_clean_exit [STATUS]: kijun exited with STATUS (default 0) and wrote
# nothing to stderr (AddressSanitizer and UBSan report there).
assert_clean_exit() {
	got=$(cat "$(status_file)")
	[ "$got" = "${1:-0}" ] || fail "kijun exited with status $got, expected ${1:-0} (after: $E2E_STEP)"
	[ ! -s "$(stderr_file)" ] ||
		fail "kijun wrote to stderr (a sanitizer report?) (after: $E2E_STEP)"
}

# finish: presses q and checks for a clean exit (status 0, empty stderr).
finish() {
	log "finish"
	screen >"$E2E_DIR/before-q.$E2E_RUNS"
	keys q
	# The sanitizers' leak check at exit takes a moment.
	wait_exit 10
	assert_clean_exit 0
	stop_kijun
}

# pass: the last line of a test that got through.
pass() {
	log "pass"
	return 0
}

# ---- tailorings: the editor, the detail pane, prompts, the command line ----

# editor_text TEXT: from now on the editor replaces the file kijun gives it
# with TEXT (and a newline, as editors write).
editor_text() {
	log "editor_text $1"
	rm -f "$E2E_DIR/editor.sed" "$E2E_DIR/editor.text.then"
	printf '%s\n' "$1" >"$E2E_DIR/editor.text"
}

# editor_text_then TEXT: after the next run with editor_text's text, the
# editor writes TEXT instead (from the run after it on).
editor_text_then() {
	log "editor_text_then $1"
	printf '%s\n' "$1" >"$E2E_DIR/editor.text.then"
}

# editor_sed EXPR: from now on the editor applies sed EXPR to the file.
editor_sed() {
	log "editor_sed $1"
	rm -f "$E2E_DIR/editor.text"
	printf '%s\n' "$1" >"$E2E_DIR/editor.sed"
}

# editor_keep: from now on the editor leaves the file as it is.
editor_keep() {
	log "editor_keep"
	rm -f "$E2E_DIR/editor.text" "$E2E_DIR/editor.sed"
}

# editor_seen: the file as kijun gave it to the editor the last time.
editor_seen() {
	cat "$E2E_DIR/editor.seen" 2>/dev/null || true
}

# editor_runs: how many times the editor ran (in every kijun of the test).
editor_runs() {
	if [ -f "$E2E_DIR/editor.seen.log" ]; then
		wc -l <"$E2E_DIR/editor.seen.log" | tr -d ' '
	else
		echo 0
	fi
}

# window_rows: the height of the window.
window_rows() {
	if [ "$E2E_DRIVER" = script ]; then
		echo "$E2E_ROWS"
		return 0
	fi
	tm display-message -p -t "$E2E_SESSION" '#{window_height}' 2>/dev/null || echo "$E2E_ROWS"
}

# status_bar, message_line: the last two rows.
status_bar() {
	screen_line $(($(window_rows) - 1))
}
message_line() {
	screen_line "$(window_rows)"
}

# wait_message REGEX: until the message line (the last row) matches.
wait_message() {
	wait_line "$(window_rows)" "$1"
}

# wait_status REGEX: until the status bar (the row above it) matches.
wait_status() {
	wait_line $(($(window_rows) - 1)) "$1"
}

# nospace TEXT: TEXT without its spaces.
nospace() {
	printf '%s' "$1" | tr -d ' '
}

# detail_text: the detail pane (right of the separator, rows 2 to the one
# above the status bar) as one line without spaces, so that a text is found
# whole however it wraps.
detail_text() {
	screen | sed -n "2,$(($(window_rows) - 2))p" | sed -n 's/^[^|│]*[|│]//p' | tr -d ' \n'
}

# wait_detail_text TEXT: until the detail pane holds TEXT (spaces aside).
wait_detail_text() {
	log "wait_detail_text $1"
	want=$(nospace "$1")
	i=0
	while [ "$i" -lt "$E2E_STEPS" ]; do
		if detail_text | grep -qF -- "$want"; then
			return 0
		fi
		if exited; then
			fail "waiting for \"$1\" in the detail pane: kijun exited"
		fi
		sleep "$E2E_POLL"
		i=$((i + 1))
	done
	fail "the detail pane should hold \"$1\" (spaces aside)"
}

# assert_detail_text TEXT, assert_no_detail_text TEXT: the detail pane
# holds TEXT (spaces aside) now, or does not.
assert_detail_text() {
	log "assert_detail_text $1"
	detail_text | grep -qF -- "$(nospace "$1")" ||
		fail "the detail pane should hold \"$1\" (spaces aside)"
}
assert_no_detail_text() {
	log "assert_no_detail_text $1"
	if detail_text | grep -qF -- "$(nospace "$1")"; then
		fail "the detail pane should not hold \"$1\""
	fi
}

# goto_item ID: searches for ID (/ID Enter, then n until the detail pane
# shows ID itself rather than an item whose id or text contains it).
goto_item() {
	log "goto_item $1"
	keys /
	wait_status '^ 検索 \| '
	type_text "$1"
	wait_line "$(window_rows)" "^/$(re_escape "$1")\$"
	keys Enter
	wait_status '^ 閲覧 \| '
	want="$SEP $(re_escape "$1")\$"
	i=0
	while ! screen_line 2 | grep -qE -- "$want"; do
		i=$((i + 1))
		[ "$i" -le 40 ] || fail "/$1 and n did not reach $1"
		before=$(screen)
		keys n
		screen_changes_from "$before" 1 || true
	done
	log "at $1"
}

# wait_reason_prompt [STEP]: until the reason prompt is open (at STEP).
wait_reason_prompt() {
	wait_line "$(window_rows)" "^［手順${1:-[1-7]}］理由:( |\$)"
}

# give_reason TEXT: types the reason at the open reason prompt and presses
# Enter; waits until the change is recorded.
give_reason() {
	wait_reason_prompt
	type_text "$1"
	keys Enter
	wait_message '^記録しました: '
}

# tsv FIELD...: the fields as one line of TSV.
tsv() {
	first=1
	for f in "$@"; do
		if [ "$first" = 1 ]; then first=0; else printf '\t'; fi
		printf '%s' "$f"
	done
	printf '\n'
}

# kijun_cli STATUS ARG...: runs kijun ARG... without a terminal (in
# E2E_CHDIR when set, in Japanese, without KIJUN_AUTHOR or KIJUN_DATE);
# checks its exit status.  Its output is in cli_out, cli_err.
kijun_cli() {
	want=$1
	shift
	log "kijun $*"
	set +e
	(
		if [ -n "$E2E_CHDIR" ]; then cd "$E2E_CHDIR" || exit 126; fi
		exec env -u KIJUN_LANG -u LANGUAGE -u KIJUN_AUTHOR -u KIJUN_DATE LANG=C.UTF-8 \
			"$KIJUN" "$@"
	) >"$E2E_DIR/cli.out" 2>"$E2E_DIR/cli.err" </dev/null
	got=$?
	set -e
	[ "$got" = "$want" ] ||
		fail "kijun $* exited with $got, not $want; stderr: $(head -c 3000 "$E2E_DIR/cli.err")"
}
cli_out() { cat "$E2E_DIR/cli.out"; }
cli_err() { cat "$E2E_DIR/cli.err"; }

# assert_changes FILE EXPECTED: `kijun changes FILE` exits 0, writes
# nothing to stderr, and prints its header line and EXPECTED (TSV lines;
# see tsv).
assert_changes() {
	log "assert_changes $1"
	kijun_cli 0 changes "$1"
	[ ! -s "$E2E_DIR/cli.err" ] || fail "kijun changes $1 wrote to stderr: $(cli_err)"
	{
		printf 'step\top\ttarget\tauthor\tdate\treason\n'
		printf '%s\n' "$2" | sed '/^$/d'
	} >"$E2E_DIR/changes.want"
	if ! cmp -s "$E2E_DIR/cli.out" "$E2E_DIR/changes.want"; then
		fail "kijun changes $1 printed something else (diff want got):
$(diff "$E2E_DIR/changes.want" "$E2E_DIR/cli.out" || true)"
	fi
}

# resolved FILE ID N...: fields N... of the line `kijun resolve FILE` prints
# for ID, joined by "|".  Fields: 1 id, 2 kind, 3 parent, 4 title or text,
# 5-9 the attribute types, 10 status, 11 level, 12 technical, 13 marks,
# 14 the number of changes.
resolved() {
	file=$1
	id=$2
	shift 2
	kijun_cli 0 resolve "$file"
	awk -F '\t' -v id="$id" -v cols="$*" '
		$1 == id {
			n = split(cols, c, " ")
			for (k = 1; k <= n; k++)
				printf "%s%s", (k > 1 ? "|" : ""), $(c[k])
			printf "\n"
			found = 1
		}
		END { if (!found) print "(no " id ")" }
	' "$E2E_DIR/cli.out"
}

# save: presses s and waits for the message that the file was saved.
save() {
	log "save"
	keys s
	wait_message '^[0-9]+ 件の変更を .* に保存しました$'
}

# assert_match REGEX, assert_no_match REGEX: some row of the screen matches
# the extended REGEX now, or none does.
assert_match() {
	log "assert_match $1"
	screen | grep -qE -- "$1" || fail "no row of the screen matches /$1/"
}
assert_no_match() {
	log "assert_no_match $1"
	if screen | grep -qE -- "$1"; then
		fail "a row of the screen matches /$1/: \"$(screen | grep -E -m 1 -- "$1")\""
	fi
}

# tree_rows: the tree pane's rows (left of the separator, rows 2 to the one
# above the status bar), trailing blanks removed.
tree_rows() {
	screen | sed -n "2,$(($(window_rows) - 2))p" | sed -e 's/[|│].*//' -e 's/ *$//'
}

# assert_tree_row TEXT REGEX: the first tree row containing TEXT (a fixed
# string) matches the extended REGEX.
assert_tree_row() {
	log "assert_tree_row $1 $2"
	line=$(tree_rows | grep -F -m 1 -- "$1" || true)
	[ -n "$line" ] || fail "no row of the tree contains \"$1\""
	printf '%s\n' "$line" | grep -qE -- "$2" ||
		fail "the tree row with \"$1\" should match /$2/ but is \"$line\""
}

# tree_row_after TEXT: the tree row below the first one containing TEXT.
tree_row_after() {
	tree_rows | grep -F -A1 -m 1 -- "$1" | sed -n 2p
}
