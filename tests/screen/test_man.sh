#!/bin/sh
# The man page names every command of main.c's table, and `make install`
# (from a copy of the tree) puts kijun and kijun.1 under DESTDIR; with the
# copy deleted, the installed kijun runs from elsewhere on the built-in
# catalog and on a tailoring it makes (the catalog is built in).
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

# make install from a copy of the tree into a temporary DESTDIR, then the
# copy is deleted: the installed kijun runs with no source tree.  The
# release build is made in the tree once (later runs reuse its objects);
# the copy keeps their times, so make there only installs.
(cd "$E2E_TOP" && make --no-print-directory -j2 all) >"$E2E_DIR/build.log" 2>&1 ||
	fail "make all failed: $(tail -n 20 "$E2E_DIR/build.log")"
T=$E2E_DIR/tree
D=$E2E_DIR/destdir
mkdir "$T"
(cd "$E2E_TOP" && tar cf - --exclude=./build/check --exclude=./build/fuzz --exclude=./build/bench --exclude=./.git .) |
	(cd "$T" && tar xpf -) || fail "copying the tree failed"
(cd "$T" && make --no-print-directory install DESTDIR="$D" PREFIX=/usr/local) \
	>"$E2E_DIR/install.log" 2>&1 || fail "make install failed: $(tail -n 20 "$E2E_DIR/install.log")"
grep -q '^c[ck] \|^clang ' "$E2E_DIR/install.log" && fail "make install in the copy compiled again: $(head -n 3 "$E2E_DIR/install.log")"
rm -rf "$T"
[ ! -e "$T" ] || fail "the copied tree is still there"
[ -x "$D/usr/local/bin/kijun" ] || fail "make install put no kijun in \$DESTDIR/usr/local/bin"
[ -f "$D/usr/local/share/man/man1/kijun.1" ] || fail "make install put no kijun.1 in share/man/man1"
cmp -s "$D/usr/local/share/man/man1/kijun.1" "$MAN" || fail "the installed kijun.1 is not man/kijun.1"

# installed ARGS...: the installed kijun from its own working directory,
# with a HOME and a path that do not lead to any tree.
W=$E2E_DIR/away
mkdir "$W"
installed() {
	(cd "$W" && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 \
		KIJUN_AUTHOR=tester KIJUN_DATE=2026-11-29 "$D/usr/local/bin/kijun" "$@")
}
out=$(cd / && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 "$D/usr/local/bin/kijun" --version) ||
	fail "the installed kijun --version failed"
assert_eq "$out" "kijun 0.1.0" "installed kijun --version"
(cd / && env -i PATH=/usr/bin:/bin HOME=/nonexistent LANG=C.UTF-8 "$D/usr/local/bin/kijun" catalog list) \
	>"$E2E_DIR/list.tsv" 2>"$E2E_DIR/list.err" || fail "the installed kijun catalog list failed: $(cat "$E2E_DIR/list.err")"
head -n 1 "$E2E_DIR/list.tsv" | grep -q '^III	part	' || fail "installed catalog list: $(head -n 2 "$E2E_DIR/list.tsv")"
[ "$(grep -c . "$E2E_DIR/list.tsv")" -gt 1000 ] || fail "installed catalog list is short"
# A tailoring it makes on the screen (an exclusion, saved), then checks,
# resolves and hands out.
printf 'key j x\ntype 当社には該当しないため\nkey Enter\nkey s q\n' >"$W/make.script"
installed --script make.script mine.yaml >/dev/null 2>"$E2E_DIR/script.err" ||
	fail "the installed kijun --script failed: $(cat "$E2E_DIR/script.err")"
grep -q '^  target: .3\.1.$' "$W/mine.yaml" || fail "the installed kijun saved no exclusion: $(cat "$W/mine.yaml")"
installed --lang=en check mine.yaml >"$E2E_DIR/check.out" 2>&1 || fail "installed check: $(cat "$E2E_DIR/check.out")"
assert_eq "$(cat "$E2E_DIR/check.out")" "mine.yaml: 1 changes, no problems" "installed check of its tailoring"
installed resolve mine.yaml >"$E2E_DIR/resolve.tsv" 2>&1 || fail "installed resolve: $(cat "$E2E_DIR/resolve.tsv")"
grep -q '^3\.1	section	.*	excluded	' "$E2E_DIR/resolve.tsv" ||
	fail "installed resolve: 3.1 not excluded: $(grep '^3\.1	' "$E2E_DIR/resolve.tsv")"
installed export mine.yaml --format html -o mine.html 2>"$E2E_DIR/export.err" ||
	fail "installed export: $(cat "$E2E_DIR/export.err")"
grep -q '当社には該当しないため' "$W/mine.html" || fail "the installed kijun's HTML lacks the change"
if command -v man >/dev/null 2>&1; then
	(cd / && MANWIDTH=80 man -l "$D/usr/local/share/man/man1/kijun.1") | grep -q 'kijun export' ||
		fail "man -l of the installed page"
fi
pass
