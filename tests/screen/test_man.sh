#!/bin/sh
# The man page names every command of main.c's table, and `make install`
# puts kijun and kijun.1 under DESTDIR; the installed kijun runs from /
# with the source tree out of its reach (the catalog is built in).
. "$(dirname "$0")/lib.sh"

MAN=$E2E_TOP/man/kijun.1
[ -r "$MAN" ] || fail "no man/kijun.1"
# Each synopsis of the table's commands: "kijun WORD" must appear in the
# page (as roff writes it: .B kijun WORD, or kijun \-\-script).
sed -n 's/^[[:space:]]*{ "kijun \([a-z][a-z]*\).*/\1/p' "$E2E_TOP/src/main.c" | sort -u >"$E2E_DIR/words"
[ "$(grep -c . "$E2E_DIR/words")" -ge 5 ] || fail "found too few commands in src/main.c: $(cat "$E2E_DIR/words")"
while read -r word; do
	grep -q "^\.BI\{0,1\} \"\{0,1\}kijun $word" "$MAN" || fail "man/kijun.1 does not describe kijun $word"
done <"$E2E_DIR/words"
for s in catalog\ list catalog\ check catalog\ format; do
	grep -q "kijun $s" "$MAN" || fail "man/kijun.1 does not describe kijun $s"
done
grep -q '^\.B kijun \\-\\-script' "$MAN" || fail "man/kijun.1 does not describe --script"
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man -l "$MAN" >"$E2E_DIR/man.txt" 2>"$E2E_DIR/man.err" || fail "man -l failed: $(cat "$E2E_DIR/man.err")"
	grep -q 'EXIT STATUS' "$E2E_DIR/man.txt" || fail "man -l shows no EXIT STATUS"
	grep -qi 'warning' "$E2E_DIR/man.err" && fail "man -l warns: $(cat "$E2E_DIR/man.err")"
fi

# make install into a temporary DESTDIR.  The release build is made once
# (the install target needs it); its objects are reused on later runs.
D=$E2E_DIR/destdir
(cd "$E2E_TOP" && make --no-print-directory -j2 install DESTDIR="$D" PREFIX=/usr/local) \
	>"$E2E_DIR/install.log" 2>&1 || fail "make install failed: $(tail -n 20 "$E2E_DIR/install.log")"
[ -x "$D/usr/local/bin/kijun" ] || fail "make install put no kijun in \$DESTDIR/usr/local/bin"
[ -f "$D/usr/local/share/man/man1/kijun.1" ] || fail "make install put no kijun.1 in share/man/man1"
cmp -s "$D/usr/local/share/man/man1/kijun.1" "$MAN" || fail "the installed kijun.1 is not man/kijun.1"
# From /, with a HOME and a path that do not lead to the tree.
out=$(cd / && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 "$D/usr/local/bin/kijun" --version) ||
	fail "the installed kijun --version failed"
assert_eq "$out" "kijun 0.1.0" "installed kijun --version"
(cd / && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 "$D/usr/local/bin/kijun" catalog list) \
	>"$E2E_DIR/list.tsv" 2>"$E2E_DIR/list.err" || fail "the installed kijun catalog list failed: $(cat "$E2E_DIR/list.err")"
head -n 1 "$E2E_DIR/list.tsv" | grep -q '^III	part	' || fail "installed catalog list: $(head -n 2 "$E2E_DIR/list.tsv")"
[ "$(grep -c . "$E2E_DIR/list.tsv")" -gt 1000 ] || fail "installed catalog list is short"
if command -v man >/dev/null 2>&1; then
	(cd / && MANWIDTH=80 man -l "$D/usr/local/share/man/man1/kijun.1") | grep -q 'kijun export' ||
		fail "man -l of the installed page"
fi
pass
