#!/bin/sh
# A damaged tailoring is refused, and left as it is: `kijun FILE` (in a
# terminal), `kijun changes FILE` and `kijun resolve FILE` exit 2 and list
# every problem as FILE:line:column: message; no screen, no backup, no
# recovery file.  Two files: one whose changes break the rules (an empty
# reason, an unknown key), one that is not YAML any more.
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
HEAD='format: kijun-tailoring/1
id: damaged
base:
  catalog: meti-ismk-2025
  edition: 令和7年3月改訂版
  hash: sha256:944b9c31f88869495f289678b7ccec6a49c1fd10389c2d7307047bb6fa6add37
changes:'
# Line 8: a change with an empty reason (line 11); line 14: a change with
# a key a change cannot have (line 18).
cat >"$W/rules.yaml" <<EOF
$HEAD
- op: exclude
  target: 5a-5.3
  step: 1
  reason: ''
  author: tester
  date: '2026-01-02'
- op: reword
  target: 5a-5.4
  step: 1
  text: 新しい文。
  colour: red
  reason: 主語を変えるため
  author: tester
  date: '2026-01-02'
- op: level
  target: 5a-5.1
  step: 6
  level: mandatory
  reason: 全社で必須とする
  author: tester
  date: '2026-01-02'
EOF
# A quote that is never closed (line 11).
cat >"$W/syntax.yaml" <<EOF
$HEAD
- op: exclude
  target: 5a-5.3
  step: 1
  reason: 'never closed
  author: tester
  date: '2026-01-02'
EOF
cp "$W/rules.yaml" "$E2E_DIR/rules.orig"
cp "$W/syntax.yaml" "$E2E_DIR/syntax.orig"

# untouched: both files as they were, nothing beside them.
untouched() {
	cmp -s "$W/rules.yaml" "$E2E_DIR/rules.orig" || fail "rules.yaml changed ($1)"
	cmp -s "$W/syntax.yaml" "$E2E_DIR/syntax.orig" || fail "syntax.yaml changed ($1)"
	assert_eq "$(ls -A "$W" | tr '\n' ' ')" "rules.yaml syntax.yaml " "the files in the directory ($1)"
}

# assert_rules_problems FILE: FILE (kijun's stderr) lists both problems of
# rules.yaml, each once, and nothing else.
assert_rules_problems() {
	assert_eq "$(wc -l <"$1" | tr -d ' ')" 2 "lines on stderr: $(cat "$1")"
	sed -n 1p "$1" | grep -qE '^rules\.yaml:(8:3|11:[0-9]+): 変更には理由が必要です$' ||
		fail "the first problem listed: $(cat "$1")"
	sed -n 2p "$1" | grep -qE '^rules\.yaml:18:3: キー「colour」は変更では使えません。使えるキー: op, change, target, ' ||
		fail "the second problem listed: $(cat "$1")"
}

# ---- the command line ----
for cmd in changes resolve; do
	kijun_cli 2 $cmd rules.yaml
	assert_eq "$(cli_out)" "" "kijun $cmd rules.yaml: stdout"
	assert_rules_problems "$E2E_DIR/cli.err"
	untouched "kijun $cmd rules.yaml"

	kijun_cli 2 $cmd syntax.yaml
	assert_eq "$(cli_out)" "" "kijun $cmd syntax.yaml: stdout"
	cli_err | grep -qE '^syntax\.yaml:1[1-3]:[0-9]+: YAML の構文エラー' ||
		fail "kijun $cmd syntax.yaml: $(cli_err)"
	untouched "kijun $cmd syntax.yaml"
done

# ---- kijun FILE, in a terminal: no screen, status 2 ----
start KIJUN_AUTHOR=tester -- rules.yaml
wait_exit 10
assert_eq "$(cat "$(status_file)")" 2 "the exit status of kijun rules.yaml"
assert_rules_problems "$(stderr_file)"
assert_not_contains "閲覧"
untouched "kijun rules.yaml"

start KIJUN_AUTHOR=tester -- syntax.yaml
wait_exit 10
assert_eq "$(cat "$(status_file)")" 2 "the exit status of kijun syntax.yaml"
grep -qE '^syntax\.yaml:1[1-3]:[0-9]+: YAML の構文エラー' "$(stderr_file)" ||
	fail "kijun syntax.yaml: $(cat "$(stderr_file)")"
assert_eq "$(wc -l <"$(stderr_file)" | tr -d ' ')" 1 "lines on stderr of kijun syntax.yaml"
assert_not_contains "閲覧"
untouched "kijun syntax.yaml"

# ---- mended, the same file opens ----
sed -i "s/^  reason: ''\$/  reason: 別規程で定めるため/; /^  colour: red\$/d" "$W/rules.yaml"
assert_changes rules.yaml "$(
	tsv 1 exclude 5a-5.3 tester 2026-01-02 "別規程で定めるため"
	tsv 1 reword 5a-5.4 tester 2026-01-02 "主語を変えるため"
	tsv 6 level 5a-5.1 tester 2026-01-02 "全社で必須とする"
)"
start rules.yaml
wait_status '^ 閲覧 \| rules\.yaml \| 個別管理基準 \| 1/23 '
finish
pass
