#!/bin/sh
# Files written to attack: escape sequences in ids, keys and kinds must reach
# stderr only as visible stand-ins (^[), from `catalog check`, a failed
# `kijun FILE` and `resolve`; a FIFO, a directory or a device as FILE gets a
# message at once instead of blocking; a NUL inside a string is an error at
# its place.
. "$(dirname "$0")/lib.sh"

out=$E2E_DIR/out
err=$E2E_DIR/err

# run STATUS CMD...: kijun with CMD, stdout to $out, stderr to $err, stdin
# closed, at most 20 seconds (a hang is a failure, not a stuck suite).
run() {
	want=$1
	shift
	set +e
	timeout 20 "$KIJUN" "$@" >"$out" 2>"$err" </dev/null
	got=$?
	set -e
	[ "$got" = "$want" ] ||
		fail "kijun $* exited with $got, not $want; stderr: $(head -c 2000 "$err" | od -c | head -20)"
}
# Neither output holds an ESC or BEL byte, and stderr shows the stand-in.
no_raw_escape() {
	if LC_ALL=C grep -q "$(printf '[\033\007]')" "$out" "$err"; then
		fail "kijun $* let an escape sequence through: $(od -c "$err" | head -20)"
	fi
	grep -qF '^[]0;PWNED^G' "$err" ||
		fail "kijun $*: the escape is not shown as ^[: $(cat "$err")"
}

# ---- escapes in diagnostics ----
cat="$E2E_DIR/cat.yaml"
printf 'format: kijun-catalog/1\nid: x\ntitle: t\nedition: e\nitems:\n- id: "P\\e]0;PWNED\\a"\n  kind: "k\\e]0;PWNED\\a"\n  title: a\n  "c\\e]0;PWNED\\a": 1\n' >"$cat"
run 2 catalog check "$cat"
no_raw_escape catalog check
assert_eq "$(grep -c . "$err")" 3 "problems in the catalog with escapes"
run 2 "$cat"
no_raw_escape FILE

tl="$E2E_DIR/tl.yaml"
printf 'format: kijun-tailoring/1\nid: t\ntitle: t\nbase:\n  catalog: meti-ismk-2025\n"k\\e]0;PWNED\\a": 1\nchanges: []\n' >"$tl"
run 2 resolve "$tl"
no_raw_escape resolve

# A path with an escape in it is file text too, once it is in a message.
evil="$E2E_DIR/$(printf 'e\033]0;PWNED\007').yaml"
printf 'format: kijun-catalog/1\nid: x\n' >"$evil"
run 2 catalog check "$evil"
no_raw_escape catalog check of an escaped path

# ---- what is not a file: refused at once, never waited on ----
fifo="$E2E_DIR/fifo.yaml"
mkfifo "$fifo"
run 2 resolve "$fifo"
grep -q "FIFO" "$err" || fail "resolve of a FIFO: $(cat "$err")"
run 2 catalog check "$fifo"
grep -q "FIFO" "$err" || fail "catalog check of a FIFO: $(cat "$err")"
run 2 "$fifo"
grep -q "FIFO" "$err" || fail "kijun FIFO: $(cat "$err")"
run 2 catalog check /dev/zero
grep -q "デバイス" "$err" || fail "catalog check of a device: $(cat "$err")"
run 2 resolve "$E2E_DIR"
grep -q "ディレクトリ" "$err" || fail "resolve of a directory: $(cat "$err")"

# ---- a NUL inside a string: an error at the escape, not a cut text ----
nul="$E2E_DIR/nul.yaml"
printf 'format: kijun-catalog/1\nid: x\ntitle: "seen\\0hidden"\nedition: e\nitems: []\n' >"$nul"
run 2 catalog check "$nul"
grep -q "^$(re_escape "$nul"):3:13: .*NUL" "$err" || fail "catalog check of a NUL: $(cat "$err")"
run 2 catalog format "$nul"
[ ! -s "$out" ] || fail "catalog format wrote a file cut at its NUL: $(cat "$out")"

pass
