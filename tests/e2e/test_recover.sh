#!/bin/sh
# kijun recover FILE [--apply|--discard], without a terminal, on journals
# written here by hand in the format docs/journal.md gives (so the format
# is checked too): what it shows, a torn last record left out, a journal
# for a file that changed since kept whole, --apply through the session
# and an atomic save (taking over a dead holder's lock, refused while a
# live one holds it), --discard, and the exit codes.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=$W/corp.yaml
J=$F.kijun-journal
L=$F.kijun-lock

cat >"$F" <<'EOF'
format: kijun-tailoring/1
id: corp
base:
  catalog: meti-ismk-2025
  edition: 令和7年3月改訂版
changes:
- op: level
  target: 3.3
  step: 6
  level: mandatory
  reason: 必須とするため
  author: 元の人
  date: '2026-01-01'
EOF

# change ID AUTHOR: a one-change tailoring document excluding ID.
change() {
	cat <<EOF
format: kijun-tailoring/1
id: journal
base:
  catalog: journal
changes:
- op: exclude
  target: $1
  step: 1
  reason: 対象外のため
  author: $2
  date: '2026-11-29'
EOF
}

# header HASH: the journal's header for FILE's content hash.
header() {
	printf 'kijun-journal/1\nfile: %s\nhash: %s\nauthor: 山田 太郎\nuser: yamada\nhost: box\npid: 4242\nstarted: 2026-11-29T07:00:00Z\n\n' \
		"$F" "$1"
}

# record KIND BODYFILE: "@kind time len digest", the body, a newline; the
# digest covers the line before it and the body.
record() {
	len=$(wc -c <"$2" | tr -d ' ')
	head="$1 2026-11-29T07:0$len:00Z $len"
	sum=$({ printf '%s\n' "$head"; cat "$2"; } | sha256sum | cut -d' ' -f1)
	printf '@%s %s\n' "$head" "$sum"
	cat "$2"
	printf '\n'
}

# has TEXT PATTERN: TEXT has a line matching the extended regex PATTERN.
has() {
	printf '%s\n' "$1" | grep -qE -- "$2" || fail "no line matches /$2/ in:
$1"
}

file_hash() { printf 'sha256:%s' "$(sha256sum "$F" | cut -d' ' -f1)"; }

change 3.2 山田 >"$E2E_DIR/a.yaml"
change 4.1 山田 >"$E2E_DIR/b.yaml"
: >"$E2E_DIR/empty"
write_journal() {
	{
		header "$1"
		record apply "$E2E_DIR/a.yaml"
		record apply "$E2E_DIR/b.yaml"
		record undo "$E2E_DIR/empty"
		record redo "$E2E_DIR/empty"
	} >"$J"
	chmod 600 "$J"
}

# ---- usage and no journal ----
kijun_cli 1 recover
kijun_cli 1 recover corp.yaml --apply --discard
kijun_cli 1 recover corp.yaml --bogus
kijun_cli 3 recover corp.yaml
has "$(cli_err)" 'corp.yaml にはジャーナルがありません'

# ---- what it would bring back ----
write_journal "$(file_hash)"
cp "$F" "$E2E_DIR/before.yaml"
kijun_cli 0 --lang=en recover corp.yaml
[ ! -s "$E2E_DIR/cli.err" ] || fail "recover wrote to stderr: $(cli_err)"
has "$(cli_out)" 'records: 4 \(2 changes, 1 undos, 1 redos\)'
has "$(cli_out)" 'author: 山田 太郎'
has "$(cli_out)" 'written by: yamada@box \(pid 4242\)'
has "$(cli_out)" 'it brings the file to 3 changes'
has "$(cli_out)" "$(printf '1\texclude\t3.2\t山田\t2026-11-29\t対象外のため')"
has "$(cli_out)" "$(printf '1\texclude\t4.1\t山田')"
cmp -s "$F" "$E2E_DIR/before.yaml" || fail "showing the journal changed FILE"

# ---- a torn last record is left out ----
printf '@apply 2026-11-29T07:09:00Z 400 0123' >>"$J"
kijun_cli 0 --lang=en recover corp.yaml
has "$(cli_out)" 'records: 4 '
has "$(cli_out)" 'cut short'

# ---- a file that changed since: the journal is kept whole ----
write_journal "sha256:0000000000000000000000000000000000000000000000000000000000000000"
cp "$J" "$E2E_DIR/journal.copy"
kijun_cli 2 --lang=en recover corp.yaml
has "$(cli_out)" 'the journal cannot be applied'
has "$(cli_err)" 'changed since the journal was written'
kijun_cli 2 recover corp.yaml --apply
cmp -s "$J" "$E2E_DIR/journal.copy" || fail "a journal that does not apply was changed"
cmp -s "$F" "$E2E_DIR/before.yaml" || fail "a journal that does not apply changed FILE"

# ---- --discard ----
kijun_cli 0 recover corp.yaml --discard
[ ! -e "$J" ] || fail "--discard left the journal"
cmp -s "$F" "$E2E_DIR/before.yaml" || fail "--discard changed FILE"

# ---- --apply, while a live kijun holds the lock: refused ----
write_journal "$(file_hash)"
host=$(uname -n)
printf 'kijun-lock/1\nuser: sato\nhost: %s\npid: %s\nsince: 2026-11-29T06:00:00Z\n' "$host" $$ >"$L"
kijun_cli 2 --lang=en recover corp.yaml --apply
has "$(cli_err)" "is open in kijun by sato@$host \\(pid $$\\)"
[ -e "$J" ] || fail "a refused --apply removed the journal"
cmp -s "$F" "$E2E_DIR/before.yaml" || fail "a refused --apply changed FILE"

# ---- --apply, the holder dead: its lock is taken over, then released ----
dead=$(sh -c 'echo $$')
printf 'kijun-lock/1\nuser: sato\nhost: %s\npid: %s\nsince: 2026-11-29T06:00:00Z\n' "$host" "$dead" >"$L"
kijun_cli 0 --lang=en recover corp.yaml --apply
has "$(cli_out)" 'recovered: corp.yaml now has 3 changes'
[ ! -e "$J" ] || fail "--apply left the journal"
[ ! -e "$L" ] || fail "--apply left the lock"
[ -e "$F~" ] || fail "--apply kept no backup"
assert_changes corp.yaml "$(printf '6\tlevel\t3.3\t元の人\t2026-01-01\t必須とするため
1\texclude\t3.2\t山田\t2026-11-29\t対象外のため
1\texclude\t4.1\t山田\t2026-11-29\t対象外のため')"
kijun_cli 3 recover corp.yaml
pass
