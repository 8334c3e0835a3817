#!/bin/sh
# kijun --script itself (docs/scripting.md): the size it sets, a dump of
# exactly that many rows with wide characters once, type and key, cursor,
# a script from stdin, Ctrl-C at a question, the unsaved work kept when a
# script ends without quitting, and a bad line reported as file:line:column
# and nothing after it run.
. "$(dirname "$0")/lib.sh"

S=$E2E_DIR/s.script
OUT=$E2E_DIR/s.out
ERR=$E2E_DIR/s.err

# script [ARG...]: runs kijun --script "$S" ARG... without a terminal, in
# Japanese; its status is in $rc.
script() {
	log "kijun --script $*"
	set +e
	env -u KIJUN_LANG -u LANGUAGE LANG=C.UTF-8 KIJUN_AUTHOR=tester KIJUN_DATE=2026-01-02 \
		"$KIJUN" --script "$S" "$@" <"$E2E_DIR/stdin" >"$OUT" 2>"$ERR"
	rc=$?
	set -e
}
: >"$E2E_DIR/stdin"
row() { sed -n "$1p" "$OUT"; }

# ---- size and dump: rows as many as the size, wide characters once ----
cat >"$S" <<'END'
# the first screen, small
size 60x12
dump
END
script
assert_eq "$rc" 0 "exit status"
[ ! -s "$ERR" ] || fail "stderr: $(cat "$ERR")"
assert_eq "$(wc -l <"$OUT" | tr -d ' ')" 12 "rows dumped"
assert_eq "$(row 1)" " kijun | 情報セキュリティ管理基準  令和7年3月改訂版" "row 1"
# 30 cells of tree: "- III " and seven two-cell characters, then blanks.
assert_eq "$(row 2)" "- III ガバナンス基準          | III" "row 2"
row 11 | grep -qE '^ 閲覧 \| \(built-in\) meti-ismk-2025\.yaml \| 1/23$' || fail "row 11: $(row 11)"
assert_eq "$(row 12)" "" "row 12"

# ---- keys, typing, a second dump, the cursor; from stdin ----
cat >"$E2E_DIR/stdin" <<'END'
key j Down
dump
key /
type ガバナンス
cursor
dump
key Esc q
dump
END
S=-
script
S=$E2E_DIR/s.script
assert_eq "$rc" 0 "exit status (stdin)"
assert_eq "$(wc -l <"$OUT" | tr -d ' ')" 49 "two dumps of 24 rows and the cursor"
sed -n 23p "$OUT" | grep -qE ' 3/23 ' || fail "after j Down: $(sed -n 23p "$OUT")"
assert_eq "$(sed -n 25p "$OUT")" "cursor 24 12" "the cursor after /ガバナンス (1 + 5 x 2 cells, from 1)"
assert_eq "$(sed -n 49p "$OUT")" "/ガバナンス" "the search line"
: >"$E2E_DIR/stdin"

# ---- Ctrl-C backs out of a question; q then quits with nothing saved ----
cat >"$S" <<'END'
key x
dump
key C-c
dump
key q
END
script "$E2E_DIR/new.yaml"
assert_eq "$rc" 0 "exit status (C-c)"
sed -n 24p "$OUT" | grep -q '^［手順1］理由:' || fail "no reason prompt: $(sed -n 24p "$OUT")"
assert_eq "$(sed -n 48p "$OUT")" "取り消しました" "after C-c"
[ ! -e "$E2E_DIR/new.yaml" ] || fail "new.yaml was written"

# ---- a script that ends with work unsaved: kept in the journal ----
cat >"$S" <<'END'
key x
type 不要
key Enter
END
script "$E2E_DIR/kept.yaml"
assert_eq "$rc" 0 "exit status (unsaved)"
[ -s "$E2E_DIR/kept.yaml.kijun-journal" ] || fail "no kept.yaml.kijun-journal; stderr: $(cat "$ERR")"
grep -q '不要' "$E2E_DIR/kept.yaml.kijun-journal" || fail "the journal: $(cat "$E2E_DIR/kept.yaml.kijun-journal")"
grep -qF "kept.yaml.kijun-journal" "$ERR" || fail "stderr does not name the journal: $(cat "$ERR")"
[ ! -e "$E2E_DIR/kept.yaml.recover" ] || fail "a FILE.recover beside the journal"
[ ! -e "$E2E_DIR/kept.yaml.kijun-lock" ] || fail "the lock outlived kijun"

# ---- bad lines: file:line:column, exit 2, nothing of the line or after it run ----
bad_line() {    # LINE... then the expected stderr (a regex)
	want=$1
	shift
	printf '%s\n' "$@" >"$S"
	script "$E2E_DIR/bad.yaml"
	assert_eq "$rc" 2 "exit status of: $*"
	grep -qE -- "^$(re_escape "$S"):$want" "$ERR" || fail "stderr for \"$*\": $(cat "$ERR")"
	[ ! -s "$OUT" ] || fail "\"$*\" printed: $(cat "$OUT")"
}
bad_line '3:7: 不明なキーです "Foo"$' '# keys' 'size 80x24' 'key j Foo' 'dump'
bad_line '1:1: 不明なコマンドです' 'frob' 'dump'
bad_line '2:3: 不明なコマンドです.* "dumpp"$' '' '  dumpp'
bad_line '1:6: size には' 'size 80' 'dump'
bad_line '1:4: key には' 'key' 'dump'
printf 'key x\n' >"$S"
set +e
"$KIJUN" --script "$E2E_DIR/none.script" >"$OUT" 2>"$ERR"
rc=$?
set -e
assert_eq "$rc" 2 "exit status for a missing script"
grep -q 'none.script' "$ERR" || fail "stderr for a missing script: $(cat "$ERR")"
pass
