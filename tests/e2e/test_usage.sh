#!/bin/sh
# --help lists every command and option, from the one table in main.c, and
# the README's usage block is that help in English, line for line: adding a
# command or option to one and not the other fails here.  Every command the
# help names is one kijun runs.  No terminal needed.
. "$(dirname "$0")/lib.sh"

help=$E2E_DIR/help.txt
readme=$E2E_DIR/readme.txt

"$KIJUN" --lang=en --help >"$help" 2>"$E2E_DIR/err" || fail "kijun --lang=en --help failed"
[ ! -s "$E2E_DIR/err" ] || fail "kijun --help wrote to stderr: $(cat "$E2E_DIR/err")"
# The first fenced block under the Usage heading.
awk '/^## .*Usage/ { u = 1; next }
     u && /^```/ { if (b) exit; b = 1; next }
     u && b { print }' "$E2E_TOP/README.md" >"$readme"
[ -s "$readme" ] || fail "README.md has no usage block under its Usage heading"
# The help less its first line (the version) and the blank after it.
sed '1,2d' "$help" >"$help.body"
if ! cmp -s "$help.body" "$readme"; then
	fail "README's usage block and kijun --lang=en --help differ:
$(diff "$readme" "$help.body")"
fi

# Each kind of thing the brief asks for is there.
for want in 'kijun resolve FILE' 'kijun changes FILE' 'kijun catalog list \[FILE\]' \
	'kijun catalog check \[FILE\]' 'kijun catalog format \[FILE\]' \
	'kijun --script SCRIPT \[FILE\]' '--lang=ja\|en' '-h, --help' '-V, --version'; do
	grep -qE "^  $want " "$help" || fail "kijun --help does not list $want"
done

# The Japanese help lists the same commands and options.
"$KIJUN" --lang=ja --help >"$E2E_DIR/help.ja"
assert_eq "$(grep -oE '^  (kijun [^ ]+( [^ ]+)*|-[^ ]+( [^ ]+)?)  ' "$E2E_DIR/help.ja")" \
	"$(grep -oE '^  (kijun [^ ]+( [^ ]+)*|-[^ ]+( [^ ]+)?)  ' "$help")" \
	"the synopses of the Japanese and the English help"

# A command the help names is one kijun runs: without its arguments it
# gives its own usage, not "give at most one FILE" or the screen.
for word in $(sed -n 's/^  kijun \([a-z][a-z]*\) .*/\1/p' "$help" | sort -u); do
	set +e
	"$KIJUN" --lang=en "$word" </dev/null >"$E2E_DIR/out" 2>"$E2E_DIR/err"
	rc=$?
	set -e
	[ "$rc" = 1 ] || fail "kijun $word exited with $rc, not 1"
	grep -q "usage: kijun $word" "$E2E_DIR/err" ||
		fail "kijun $word: not its own usage: $(cat "$E2E_DIR/err")"
done
pass
