#!/bin/sh
# `!` lists the changes that do not apply; its cursor picks one.  Enter
# goes to the item the change is aimed at, or the nearest one when that is
# gone (and says so); d withdraws the change and t retargets it, each as a
# new change with its reason, saved as `op: withdraw` / `op: retarget`; a
# retarget to an id the catalog lacks is refused with the nearest id, and a
# merge cannot be retargeted; u brings the conflict back.  The detail
# pane's history says which change withdrew or moved one.
. "$(dirname "$0")/lib.sh"

E2E_COLS=120
E2E_ROWS=40
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=conf.yaml
AUTHOR=tester
DATE=2026-07-08

# Changes 1, 3, 4, 5 and 6 do not apply: 1 rewords an entry the catalog
# lacks, 3 sets the level of an item change 2 split away, 4 an id with a
# typo, 5 includes an item never excluded, 6 merges items the catalog
# lacks.
cat >"$W/$F" <<'EOF'
format: kijun-tailoring/1
id: conf
base:
  catalog: meti-ismk-2025
  edition: 令和7年3月改訂版
  hash: sha256:944b9c31f88869495f289678b7ccec6a49c1fd10389c2d7307047bb6fa6add37
changes:
- op: reword
  target: 7a-7.5.5/z
  step: 3
  text: 旧版にあった列挙項目。
  reason: 旧版の項目を直すため
  author: tester
  date: '2026-01-02'
- op: split
  target: 5a-5.4.5
  step: 4
  parts:
  - id: 5a-5.4.5a
    text: 一つ目。
  - id: 5a-5.4.5b
    text: 二つ目。
  reason: 分けるため
  author: tester
  date: '2026-01-02'
- op: level
  target: 5a-5.4.5
  step: 6
  level: mandatory
  reason: 全社で必須とする
  author: tester
  date: '2026-01-02'
- op: technical
  target: 8b-8.88
  step: 5
  technical: true
  review_months: 6
  reason: 診断で確かめる
  author: tester
  date: '2026-01-02'
- op: include
  target: 5a-5.2
  step: 2
  reason: 含めるため
  author: tester
  date: '2026-01-02'
- op: merge
  targets:
  - 5a-5.98
  - 5a-5.99
  step: 4
  item:
    id: 5a-5.98+
    text: 一つにした文。
  reason: まとめるため
  author: tester
  date: '2026-01-02'
EOF

# list_at N: the `!` list is open with N changes, its heading first.
list_at() {
	wait_status '^ 衝突 \| '
	assert_line 2 "^ 基準に適用できない変更（$1）\$"
}

# The saved file's last change, as one line: "op: withdraw|change: 5|...".
last_change() {
	awk '/^- op: /{ block = "" } /^[- ] /{ sub(/^[- ] /, ""); block = block (block ? "|" : "") $0 } END { print block }' "$W/$F"
}

start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| conf\.yaml \| 個別管理基準 \| '

# ---- the list: its keys at the top, the cursor on the first change ----
keys '!'
list_at 5
assert_line 3 '^ Enter: 対象の項目へ  d: 取り下げ  t: 付け替え  q: 戻る$'
assert_line 5 '^>変更 1（文言の修正、8 行目、手順3、2026-01-02 tester）$'
assert_line 8 '^ 変更 3（必須・推奨の設定、26 行目、手順6、2026-01-02 tester）$'
assert_line 9 '^   5a-5\.4\.5 は先の変更で分割されています（5a-5\.4\.5a, 5a-5\.4\.5b）$'

# ---- Enter: to the item, or the nearest one the id grows from ----
keys Enter
wait_status '^ 閲覧 \| '
wait_message '^変更 1: 7a-7\.5\.5/z は木にありません。最も近い項目 7a-7\.5\.5 に移動しました$'
wait_detail 7a-7.5.5
keys '!'
list_at 5
keys j
assert_line 5 '^ 変更 1（'
assert_line 8 '^>変更 3（'
keys Enter
# Split away: the item it lies in.
wait_message '^変更 3: 5a-5\.4\.5 は木にありません。最も近い項目 5a-5\.4 に移動しました$'
wait_detail 5a-5.4
# Back in the list, the cursor is where it was.
keys '!'
assert_line 8 '^>変更 3（'
keys j j
assert_line 14 '^>変更 5（'
keys Enter
wait_message '^変更 5 の対象は 5a-5\.2 です$'
wait_detail 5a-5.2

# ---- a merge has no one target to move ----
keys '!'
keys G
assert_line 17 '^>変更 6（統合、'
keys t
wait_message '^変更 6 は統合で、付け替えできません。取り下げてから統合し直してください$'
list_at 5

# ---- t to an id the catalog lacks: refused, with the nearest id ----
keys g j
assert_line 8 '^>変更 3（'
keys t
wait_message '^新しい対象の id: 5a-5\.4\.5$'
keys C-u
type_text "5a-5.l"
keys Enter
assert_contains "5a-5.l は表示中の基準にありません。5a-5.1 のことですか?"
wait_message '^新しい対象の id: 5a-5\.l$'
keys Escape
list_at 5
wait_status '^ 衝突 \| conf\.yaml \| '

# ---- d: withdraw change 5, at its step, with a reason ----
keys j j
assert_line 14 '^>変更 5（'
keys d
wait_reason_prompt 2
type_text "除外していなかったため取り下げる"
keys Enter
wait_message '^記録しました: 変更の取り下げ 5a-5\.2'
list_at 4
assert_not_contains "変更 5（"
wait_status '^ 衝突 \| conf\.yaml \[\+\] \| '
keys s
wait_message '^7 件の変更を .* に保存しました$'
[ "$(last_change)" = "op: withdraw|change: 5|step: 2|reason: 除外していなかったため取り下げる|author: tester|date: '2026-07-08'" ] ||
	fail "the last change saved is not the withdraw: $(last_change)"

# ---- t: retarget change 3 to an item that exists ----
keys g j
assert_line 8 '^>変更 3（'
keys t
wait_message '^新しい対象の id: 5a-5\.4\.5$'
keys C-u
type_text "5a-5.1"
keys Enter
wait_reason_prompt 6
type_text "分割後は 5a-5.1 に求めるため"
keys Enter
wait_message '^記録しました: 変更の対象の付け替え 5a-5\.1'
list_at 3
assert_not_contains "変更 3（"
keys s
wait_message '^8 件の変更を .* に保存しました$'
[ "$(last_change)" = "op: retarget|change: 3|target: 5a-5.1|step: 6|reason: 分割後は 5a-5.1 に求めるため|author: tester|date: '2026-07-08'" ] ||
	fail "the last change saved is not the retarget: $(last_change)"

# ---- the tree and the histories follow ----
keys q
wait_status '^ 閲覧 \| '
goto_item 5a-5.1
assert_tree_row " 5a-5.1 " '^\*M  +\+ 5a-5\.1 '
wait_detail_text "変更 8 でここに付け替え（2026-07-08 tester）: 分割後は 5a-5.1 に求めるため"
wait_detail_text "変更 3 の対象を 5a-5.1 に付け替える"
goto_item 5a-5.2
wait_detail_text "変更 7 で取り下げ（2026-07-08 tester）: 除外していなかったため取り下げる"
wait_detail_text "変更 5 を取り下げる"

# ---- u takes the retarget back: the conflict returns ----
keys u
wait_message '^取り消しました: 変更の対象の付け替え '
assert_tree_row " 5a-5.1 " '^ {4} +\+ 5a-5\.1 '
keys '!'
list_at 4
assert_line 8 '^[ >]変更 3（必須・推奨の設定、'
keys q
save
grep -q '^- op: retarget$' "$W/$F" && fail "the undone retarget was saved"
grep -q '^- op: withdraw$' "$W/$F" || fail "the withdraw is no longer in the file"

# ---- quit: the conflicts left are said on stderr, nothing else ----
keys q
wait_exit 10
[ "$(cat "$(status_file)")" = 0 ] || fail "kijun exited with $(cat "$(status_file)")"
if grep -v 'は適用できません' "$(stderr_file)" | grep -q .; then
	fail "kijun wrote more than the conflicts to stderr: $(cat "$(stderr_file)")"
fi
stop_kijun

# ---- an addition moves by its place: after an item, or under a parent ----
cat >"$W/add.yaml" <<'EOF'
format: kijun-tailoring/1
id: add
base:
  catalog: meti-ismk-2025
  edition: 令和7年3月改訂版
  hash: sha256:944b9c31f88869495f289678b7ccec6a49c1fd10389c2d7307047bb6fa6add37
changes:
- op: add
  after: 7a-7.5.99
  step: 4
  item:
    id: 7a-7.5.98
    text: 新しい管理策。
  reason: 追加するため
  author: tester
  date: '2026-01-02'
EOF
F=add.yaml
start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| add\.yaml \| '
keys '!'
list_at 1
keys t
wait_message '^新しい項目の位置: p:親の最後の子として a:ある項目の直後に'
keys a
wait_message '^どの項目の後ろに置くか: 7a-7\.5\.99$'
keys C-u
type_text "7a-7.5.5"
keys Enter
wait_reason_prompt 4
type_text "地震対策の後ろに置くため"
keys Enter
wait_message '^記録しました: 変更の対象の付け替え '
list_at 0
assert_line 3 '^ ありません。すべての変更が基準に適用できます$'
# u and Ctrl-R work in the list too.
keys u
wait_message '^取り消しました: 変更の対象の付け替え '
list_at 1
keys C-r
wait_message '^やり直しました: 変更の対象の付け替え '
list_at 0
keys q
goto_item 7a-7.5.98
assert_tree_row " 7a-7.5.98 " '^A +7a-7\.5\.98 '
save
[ "$(last_change)" = "op: retarget|change: 1|after: 7a-7.5.5|step: 4|reason: 地震対策の後ろに置くため|author: tester|date: '2026-07-08'" ] ||
	fail "the last change saved is not the retarget of the addition: $(last_change)"
finish
pass
