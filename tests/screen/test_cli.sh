#!/bin/sh
# The command line, without a terminal: --version, --help, usage errors,
# `catalog list` against the shared ISO/IEC 27002:2022 table, the ids the
# METI guideline quotes, and `catalog check` on broken and missing files.
# Every command that succeeds must leave stderr empty (the sanitizers).
. "$(dirname "$0")/lib.sh"

out=$E2E_DIR/out
err=$E2E_DIR/err

# run STATUS CMD...: runs kijun with CMD, stdout to $out, stderr to $err,
# and checks its exit status.
run() {
	want=$1
	shift
	set +e
	"$KIJUN" "$@" >"$out" 2>"$err"
	got=$?
	set -e
	[ "$got" = "$want" ] ||
		fail "kijun $* exited with $got, not $want; stderr: $(head -c 2000 "$err")"
}
no_stderr() {
	[ ! -s "$err" ] || fail "kijun $* wrote to stderr: $(head -c 2000 "$err")"
}

# ---- version and help ----
run 0 --version
no_stderr --version
assert_eq "$(cat "$out")" "kijun 0.1.0" "kijun --version"
run 0 -V
assert_eq "$(cat "$out")" "kijun 0.1.0" "kijun -V"
run 0 --help
no_stderr --help
grep -q '^  kijun \[OPTIONS\] \[FILE\] ' "$out" || fail "kijun --help: no usage line"
grep -q 'kijun catalog list \[FILE\]' "$out" || fail "kijun --help: no catalog list"
grep -q -- '--lang=ja|en' "$out" || fail "kijun --help: no --lang"
run 0 -h
grep -q '^使い方:$' "$out" || fail "kijun -h: no usage line"

# ---- usage errors: status 1, a message on stderr, nothing on stdout ----
run 1 --bogus
grep -q 'オプション「--bogus」はありません' "$err" || fail "kijun --bogus: no message: $(cat "$err")"
[ ! -s "$out" ] || fail "kijun --bogus wrote to stdout"
run 1 -x
run 1 --lang xx
grep -q '言語「xx」は使えません' "$err" || fail "kijun --lang xx: no message: $(cat "$err")"
run 1 --lang
run 1 one.yaml two.yaml
grep -q 'FILE は 1 つだけ指定してください' "$err" || fail "two FILEs: no message"
run 1 catalog
run 1 catalog bogus
run 0 catalog --help
run 1 --lang en --bogus
grep -q 'unknown option "--bogus"' "$err" || fail "kijun --lang en --bogus: no English message"

# ---- catalog list ----
run 0 catalog list
no_stderr catalog list
cp "$out" "$E2E_DIR/list.tsv"
list=$E2E_DIR/list.tsv
# Nine columns on every line.
bad=$(awk -F'\t' 'NF != 9 { print NR": "NF" columns: "$0; exit }' "$list")
[ -z "$bad" ] || fail "catalog list: line $bad"

# The controls of part V (管理策基準) are the 93 controls of ISO/IEC
# 27002:2022, their ids the control number after a group prefix (5a-5.4 is
# 5.4).  (Parts III and IV have controls of their own, without attributes.)
controls=$(awk -F'\t' '$2 == "control" && $1 ~ /^[5-8][a-z]-/' "$list" | wc -l | tr -d ' ')
assert_eq "$controls" 93 "controls of part V in kijun catalog list"

tsv="${KIJUN_SHARED_DATA:-../shared/data}/iso27002-2022-controls.tsv"
[ -r "$tsv" ] || fail "the shared ISO/IEC 27002:2022 table is missing: $tsv (set KIJUN_SHARED_DATA to its directory)"
head -n 1 "$tsv" | grep -q "^id	theme	title_en	title_ja	control_type	properties	concepts	capabilities	domains$" ||
	fail "unexpected header in $tsv: $(head -n 1 "$tsv")"
rows=$(tail -n +2 "$tsv" | grep -c .)
assert_eq "$rows" 93 "rows of $tsv"

# id, title, control_type, properties, concepts, capabilities, domains.
awk -F'\t' 'BEGIN { OFS = "\t" }
	$2 == "control" && $1 ~ /^[5-8][a-z]-/ {
		id = $1; sub(/^[5-8][a-z]-/, "", id)
		print id, $4, $5, $6, $7, $8, $9
	}' "$list" | sort >"$E2E_DIR/kijun.cmp"
tail -n +2 "$tsv" | tr -d '\r' | awk -F'\t' 'BEGIN { OFS = "\t" }
	{ print $1, $4, $5, $6, $7, $8, $9 }' | sort >"$E2E_DIR/tsv.cmp"
if ! diff "$E2E_DIR/tsv.cmp" "$E2E_DIR/kijun.cmp" >"$E2E_DIR/cmp.diff"; then
	fail "catalog list differs from $tsv (< the table, > kijun; id, title_ja, control_type..domains):
$(head -n 40 "$E2E_DIR/cmp.diff")"
fi
# Each control number under exactly one group.
dups=$(cut -f1 "$E2E_DIR/kijun.cmp" | uniq -d | head -n 5)
[ -z "$dups" ] || fail "control numbers listed twice in part V: $dups"

# ---- the ids the METI guideline quotes ----
# has ID KIND: ID is listed, of KIND.
has() {
	k=$(awk -F'\t' -v id="$1" '$1 == id { print $2 }' "$list")
	[ -n "$k" ] || fail "catalog list has no item $1"
	[ "$k" = "$2" ] || fail "item $1 is a $k, not a $2"
}
# entries ID LABELS...: the list entries of ID are exactly ID/LABEL...
entries() {
	id=$1
	shift
	want=
	for l in "$@"; do
		want="$want$id/$l "
	done
	got=$(awk -F'\t' -v id="$id" '$3 == id && $2 == "entry" { printf "%s ", $1 }' "$list")
	assert_eq "$got" "$want" "list entries of $id"
}
has 4.4.8.1 detail
has 4.4.8.2 detail
has 4.8.2.2 detail
entries 4.8.2.2 1 2 3 4 5 6
has 5a-5.4 control
has 5b-5.9.2 detail
has 7a-7.2.3 detail
entries 7a-7.2.3 a b c d e f
has 7a-7.5.5 detail
entries 7a-7.5.5 a b c d
# Ids are unique.
dups=$(cut -f1 "$list" | sort | uniq -d | head -n 5)
[ -z "$dups" ] || fail "ids listed twice: $dups"

# ---- catalog check ----
run 0 catalog check
no_stderr catalog check
grep -q '^(built-in) meti-ismk-2025\.yaml: [0-9][0-9]* 項目、問題はありません$' "$out" ||
	fail "catalog check of the built-in catalog: $(cat "$out")"

broken=$E2E_DIR/broken.yaml
cat >"$broken" <<'YAML'
format: kijun-catalog/1
id: broken
title: 壊れたカタログ
edition: 試験版
items:
- id: P
  kind: part
  title: 部
  items:
  - id: S
    kind: sektion
    title: 節
  - id: S
    kind: section
    title: 節2
    colour: red
YAML
run 2 catalog check "$broken"
[ ! -s "$out" ] || fail "catalog check of a broken file wrote to stdout: $(cat "$out")"
# Every line is FILE:LINE:COLUMN: message, and every problem is reported.
bad=$(grep -v "^$(re_escape "$broken"):[0-9][0-9]*:[0-9][0-9]*: " "$err" || true)
[ -z "$bad" ] || fail "catalog check: lines not of the form file:line:column: message:
$bad"
grep -qxF "$broken:11:11: kind「sektion」は使えません。part、section、control、detail、entry のいずれかを書いてください" "$err" ||
	fail "catalog check: no message for the unknown kind at 11:11: $(cat "$err")"
grep -qxF "$broken:13:9: id「S」が重複しています（最初は 10 行目）" "$err" ||
	fail "catalog check: no message for the duplicate id at 13:9: $(cat "$err")"
grep -q "^$(re_escape "$broken"):16:5: キー「colour」は項目では使えません" "$err" ||
	fail "catalog check: no message for the unknown key at 16:5: $(cat "$err")"
assert_eq "$(grep -c . "$err")" 3 "problems reported for broken.yaml"

# A YAML syntax error: where the file ends inside a quoted value.
syntax=$E2E_DIR/syntax.yaml
printf 'format: kijun-catalog/1\nid: x\ntitle: "unterminated\n' >"$syntax"
run 2 catalog check "$syntax"
grep -q "^$(re_escape "$syntax"):4:1: YAML の構文エラー" "$err" ||
	fail "catalog check of a YAML syntax error: $(cat "$err")"
run 2 catalog list "$syntax"
[ ! -s "$out" ] || fail "catalog list of a broken file wrote to stdout"

# The same in English.
run 2 --lang en catalog check "$broken"
grep -q "^$(re_escape "$broken"):13:9: id \"S\" is used twice; first at line 10$" "$err" ||
	fail "catalog check in English: $(cat "$err")"

# A file that does not exist: status 2 and the reason, also when browsing.
run 2 catalog check "$E2E_DIR/missing.yaml"
grep -qxF "$E2E_DIR/missing.yaml: 開けません: No such file or directory" "$err" ||
	fail "catalog check of a missing file: $(cat "$err")"
# A file that does not exist yet is a new tailoring, made on the screen:
# without a terminal kijun says so and creates nothing.
run 1 "$E2E_DIR/missing.yaml"
grep -q '画面表示には端末が必要です' "$err" || fail "kijun missing.yaml: $(cat "$err")"
[ ! -e "$E2E_DIR/missing.yaml" ] || fail "kijun missing.yaml created the file without a screen"
run 2 catalog check "$E2E_DIR"
grep -q 'ファイルではなくディレクトリです' "$err" || fail "catalog check of a directory: $(cat "$err")"

# Browsing without a terminal says to use catalog list.
run 1 </dev/null
grep -q "kijun catalog list" "$err" || fail "kijun without a terminal: $(cat "$err")"
# The defects `kijun resolve` once accepted in silence (issue 10): a merge
# naming one target twice is refused on reading, at its key; a merge of a
# section with its own child and split parts of kind part inside a
# section are conflicts on stderr, in the language asked for.
tailoring() {
	printf 'format: kijun-tailoring/1\nid: t\nbase:\n  catalog: meti-ismk-2025\nchanges:\n%s  reason: 理由\n  author: 担当\n  date: %s\n' "$1" "'2026-01-01'" >"$E2E_DIR/$2"
}
tailoring '- op: merge
  targets: [5a-5.4, 5a-5.4]
  step: 1
  item:
    id: M1
    text: まとめ
' twice.yaml
run 2 --lang en resolve "$E2E_DIR/twice.yaml"
grep -qxF "$E2E_DIR/twice.yaml:7:3: 5a-5.4 is listed twice in the targets of a merge" "$err" ||
	fail "a merge naming a target twice: $(cat "$err")"
tailoring '- op: merge
  targets: [5a, 5a-5.4]
  step: 1
  item:
    id: M1
    text: まとめ
' nested.yaml
run 3 --lang en resolve "$E2E_DIR/nested.yaml"
grep -qF "change 1 (merge, line 6) does not apply: 5a-5.4 lies inside 5a" "$err" ||
	fail "a merge of a section with its child: $(cat "$err")"
grep -q "^M1	" "$out" && fail "the nested merge made M1: $(grep M1 "$out")"
tailoring '- op: split
  target: 5a-5.4
  step: 1
  parts:
  - id: P1
    kind: part
    text: 一
  - id: P2
    kind: part
    text: 二
' parts.yaml
run 3 resolve "$E2E_DIR/parts.yaml"
grep -qF "変更 1（split、6 行目）は適用できません: 部は節の中に置けません" "$err" ||
	fail "split parts of kind part inside a section: $(cat "$err")"
# Withdraw and retarget (issue 10): `kijun changes` numbers by line, so
# "#1" is the first line, and says which withdraw took a change back; the
# withdrawn exclusion is no longer a conflict, the retargeted add stands
# where the retarget put it.
WHO='  reason: 理由
  author: 担当
  date: '"'2026-01-01'"'
'
tailoring "- op: exclude
  target: 4.1.9
  step: 1
$WHO- op: add
  parent: 4.1
  step: 4
  item:
    id: 4.1.X
    text: 追加
$WHO- op: withdraw
  change: 1
  step: 1
$WHO- op: retarget
  change: 2
  after: 4.1.1
  step: 4
" taken.yaml
run 0 changes "$E2E_DIR/taken.yaml"
no_stderr changes
assert_eq "$(cut -f2,3 "$out")" "op	target
exclude (withdrawn by #3)	4.1.9
add	4.1.X
withdraw	#1
retarget	#2 -> after 4.1.1" "kijun changes with a withdraw and a retarget"
run 0 resolve "$E2E_DIR/taken.yaml"
no_stderr resolve
assert_eq "$(cut -f1 "$out" | grep -A1 '^4\.1\.1$' | tail -n 1)" "4.1.1.1" "4.1.1's first child"
grep -q "^4\.1\.X	control	4\.1	" "$out" || fail "the retargeted add: $(grep 4.1.X "$out")"
assert_eq "$(cut -f1 "$out" | grep -B1 '^4\.1\.2$' | head -n 1)" "4.1.X" "4.1.X stands after 4.1.1"
tailoring "- op: exclude
  target: 4.1.1
  step: 1
$WHO- op: withdraw
  change: 2
  step: 1
" self.yaml
run 2 --lang en changes "$E2E_DIR/self.yaml"
grep -qxF "$E2E_DIR/self.yaml:13:3: change 2 is not an earlier change of this tailoring (this is change 2)" "$err" ||
	fail "a withdraw of itself: $(cat "$err")"
pass
