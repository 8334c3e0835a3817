#!/bin/sh
# The keys that make new items, on a new tailoring: a (a list entry after
# 7a-7.5.5/d, a detail below 5b-5.9.2, with the ids kijun suggests), S
# (split, in the fake editor's "== id" template) and J (merge two
# entries).  After each: the tree and the detail pane, then s,
# `kijun changes` and `kijun resolve`.  Last, an id that is taken.
# (u and Ctrl-R over an addition are in test_undo_redo.sh.)
. "$(dirname "$0")/lib.sh"

E2E_COLS=160
E2E_ROWS=50
W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W
F=new.yaml
AUTHOR=tester
DATE=2026-03-04

EXPECTED=
expect() {
	EXPECTED="$EXPECTED$(tsv "$1" "$2" "$3" "$AUTHOR" "$DATE" "$4")
"
}
saved() {
	save
	wait_status '^ 閲覧 \| new\.yaml \| 個別管理基準 \| '
	assert_changes "$F" "$EXPECTED"
}
kijun_cli 0 catalog list
cp "$E2E_DIR/cli.out" "$E2E_DIR/base.tsv"
base_text() {
	awk -F '\t' -v id="$1" '$1 == id { print $4 }' "$E2E_DIR/base.tsv"
}
# The yaml of change N (from 1) in the file.
change_yaml() {
	awk -v n="$1" '/^- op: / { k++ } k == n && /^[- ] / { print }' "$W/$F"
}

start KIJUN_AUTHOR=$AUTHOR KIJUN_DATE=$DATE -- "$F"
wait_status '^ 閲覧 \| new\.yaml \| 個別管理基準 \| 1/23 '

# ---- a on a list entry: the next entry, e), with a line for its text ----
goto_item 7a-7.5.5/d
runs=$(editor_runs)
keys a
wait_message '^新しい項目の id: 7a-7\.5\.5/e$'
keys Enter
wait_message '^本文:$'
type_text "地震：揺れの影響を抑えられる場所に保管する。"
keys Enter
wait_message '^出典: 1:法令・規制 2:他の基準 3:組織の必要 4:組織内規定$'
keys 3
wait_message '^出典の詳細（例: 個人情報保護法 第23条、CSF PR\.AA-01）:$'
type_text "当社のリスクアセスメント"
keys Enter
wait_reason_prompt 4
wait_status ' \| 手順4: 当該組織体に必要と思われる項目の追加（'
give_reason "地震への備えを加えるため"
wait_message '^記録しました: 追加 7a-7\.5\.5/e（未保存。s で保存します）$'
assert_eq "$(editor_runs)" "$runs" "editor runs for a list entry (its text is typed on the line)"
wait_detail 7a-7.5.5/e
assert_line 3 "$SEP 列挙項目 / 追加\$"
assert_detail_text "地震：揺れの影響を抑えられる場所に保管する。"
assert_match "$SEP 出典\$"
assert_detail_text "組織の必要: 当社のリスクアセスメント"
assert_detail_text "手順4  $DATE  $AUTHOR  追加"
assert_detail_text "理由: 地震への備えを加えるため"
tree_row_after "d) 爆発物及び武器" | grep -qE '^A +e\) 地震：揺れの影響を抑えられる場所に保管する。$' ||
	fail "the tree row after d) is \"$(tree_row_after "d) 爆発物及び武器")\""
# Its parent lists it with its label, last.
keys h           # to the parent
wait_detail 7a-7.5.5
assert_detail_text "d)$(base_text 7a-7.5.5/d)e)［追加］地震：揺れの影響を抑えられる場所に保管する。"
expect 4 add 7a-7.5.5/e "地震への備えを加えるため"
saved
assert_eq "$(resolved "$F" 7a-7.5.5/e 2 3 4 10 14)" \
	"entry|7a-7.5.5|地震：揺れの影響を抑えられる場所に保管する。|added|1" "resolve 7a-7.5.5/e"
kijun_cli 0 resolve "$F"
assert_eq "$(awk -F '\t' '$1 == "7a-7.5.5/d" { getline; print $1 }' "$E2E_DIR/cli.out")" "7a-7.5.5/e" \
	"the item after 7a-7.5.5/d"
change_yaml 1 >"$E2E_DIR/c1"
grep -qx '  after: 7a-7.5.5/d' "$E2E_DIR/c1" && grep -qx '    id: 7a-7.5.5/e' "$E2E_DIR/c1" &&
	grep -qx '    label: e)' "$E2E_DIR/c1" && grep -qx '    kind: organization' "$E2E_DIR/c1" &&
	grep -qx '    ref: 当社のリスクアセスメント' "$E2E_DIR/c1" ||
	fail "the add in $F: $(cat "$E2E_DIR/c1")"

# ---- a c on a detail: below it, 5b-5.9.2.1, its text in the editor ----
goto_item 5b-5.9.2
keys a
wait_message '^追加する位置: c この項目の下  n この項目の次$'
keys c
wait_message '^新しい項目の id: 5b-5\.9\.2\.1$'
# The buffer starts with comment lines naming the new id and its parent;
# they are kept in the file here, and removed when kijun reads it back.
editor_sed '$a 個人情報を含む文書は、専用の目録で管理する。'
runs=$(editor_runs)
keys Enter
wait_message '^出典: 1:法令・規制 '
assert_eq "$(editor_runs)" "$((runs + 1))" "editor runs for the text of a detail"
assert_eq "$(editor_seen)" "# 新しい項目 5b-5.9.2.1（5b-5.9.2 の下）の本文を書いてください。
# 「#」で始まる行は無視されます。保存して終了すると続きに進みます。" "what the editor starts with for a new item"
keys 1
wait_message '^出典の詳細'
type_text "個人情報保護法"
keys Enter
wait_reason_prompt 2
give_reason "個人情報の目録を分けるため"
wait_message '^記録しました: 追加 5b-5\.9\.2\.1（'
wait_detail 5b-5.9.2.1
assert_line 3 "$SEP 詳細管理策 / 追加\$"
assert_detail_text "個人情報を含む文書は、専用の目録で管理する。"
assert_detail_text "法令・規制: 個人情報保護法"
tree_row_after " - 5b-5.9.2 目録は" | grep -qE '^A +5b-5\.9\.2\.1 個人情報を含む文書は' ||
	fail "the tree row after 5b-5.9.2 is \"$(tree_row_after " - 5b-5.9.2 目録は")\""
expect 2 add 5b-5.9.2.1 "個人情報の目録を分けるため"
saved
assert_eq "$(resolved "$F" 5b-5.9.2.1 2 3 4 10)" "detail|5b-5.9.2|個人情報を含む文書は、専用の目録で管理する。|added" \
	"resolve 5b-5.9.2.1"
change_yaml 2 >"$E2E_DIR/c2"
grep -qx '  parent: 5b-5.9.2' "$E2E_DIR/c2" && grep -qx '    kind: law' "$E2E_DIR/c2" ||
	fail "the add in $F: $(cat "$E2E_DIR/c2")"

# ---- S: split, in the "== id" template ----
goto_item 5b-5.9.4
BASE_594=$(base_text 5b-5.9.4)
editor_sed '/^== 5b-5\.9\.4-2$/a 管理責任者の割当ては、年に一度見直す。'
keys S
wait_reason_prompt 1
editor_seen >"$E2E_DIR/split.txt"
printf '%s\n' "# 5b-5.9.4（5b-5.9 情報及びその他の関連資産の目録 の下）を新しい項目に分割します。" \
	"# 分割後の各項目を「== id」の行で始め、その後に本文を書いてください。" \
	"# 「#」で始まる行は無視されます。保存して終了すると続きに進みます。" \
	"== 5b-5.9.4-1" "$BASE_594" "" "== 5b-5.9.4-2" "" "" >"$E2E_DIR/split.want"
cmp -s "$E2E_DIR/split.txt" "$E2E_DIR/split.want" ||
	fail "the split template: $(diff "$E2E_DIR/split.want" "$E2E_DIR/split.txt")"
give_reason "割当てと見直しを分けて確認するため"
wait_message '^記録しました: 分割 5b-5\.9\.4-1（'
wait_detail 5b-5.9.4-1
# The parts are new items, but the screen names them by how they were made.
assert_line 3 "$SEP 詳細管理策 / 分割\$"
assert_detail_text "$BASE_594"
assert_tree_row " 5b-5.9.4-1 " '^s +5b-5\.9\.4-1 特定した資産には'
assert_tree_row " 5b-5.9.4-2 " '^s +5b-5\.9\.4-2 管理責任者の割当ては、年に一度見直す。$'
if tree_rows | grep -qE ' 5b-5\.9\.4 '; then
	fail "the split item is still in the tailored view's tree"
fi
expect 1 split 5b-5.9.4 "割当てと見直しを分けて確認するため"
saved
assert_eq "$(resolved "$F" 5b-5.9.4 10)" "split" "resolve 5b-5.9.4"
assert_eq "$(resolved "$F" 5b-5.9.4-1 3 4 10)" "5b-5.9|$BASE_594|added" "resolve 5b-5.9.4-1"
assert_eq "$(resolved "$F" 5b-5.9.4-2 3 4 10)" "5b-5.9|管理責任者の割当ては、年に一度見直す。|added" "resolve 5b-5.9.4-2"

# The changes-only view shows the split item too, marked s.
keys v v
wait_message '^表示: 変更のみ$'
assert_tree_row " 5b-5.9.4 " '^s +5b-5\.9\.4 特定した資産には'
keys v
wait_message '^表示: 個別管理基準$'

# ---- J: merge two entries ----
goto_item 7a-7.2.3/a
TEXT_A=$(base_text 7a-7.2.3/a)
TEXT_B=$(base_text 7a-7.2.3/b)
keys J
wait_message '^統合する項目（id を空白で区切る）: 7a-7\.2\.3/a 7a-7\.2\.3/b$'
keys Enter
wait_message '^統合後の項目の id: 7a-7\.2\.3/a\+$'
keys C-u
type_text "7a-7.2.3/ab"
editor_text "入退の記録を保護し、入室には認証の仕組みを用いる。"
keys Enter
wait_reason_prompt 1
assert_eq "$(editor_seen)" "# 統合後の項目 7a-7.2.3/ab（7a-7.2.3/a 7a-7.2.3/b を統合、7a-7.2.3 の下）の本文を書いてください。
# 「#」で始まる行は無視されます。保存して終了すると続きに進みます。
$TEXT_A
$TEXT_B" "the text J gives the editor"
give_reason "記録と認証を一つの要求にまとめるため"
wait_message '^記録しました: 統合 7a-7\.2\.3/ab（'
wait_detail 7a-7.2.3/ab
assert_line 3 "$SEP 列挙項目 / 統合\$"
assert_detail_text "入退の記録を保護し、入室には認証の仕組みを用いる。"
assert_tree_row "入退の記録を保護し" '^m +a) 入退の記録を保護し、入室には'
if tree_rows | grep -qE '^ +a\) 全ての出入りについて|^ +b\) 情報を処理又は保管する'; then
	fail "the merged entries are still in the tailored view's tree"
fi
expect 1 merge 7a-7.2.3/a,7a-7.2.3/b "記録と認証を一つの要求にまとめるため"
saved
assert_eq "$(resolved "$F" 7a-7.2.3/a 10)|$(resolved "$F" 7a-7.2.3/b 10)" "merged|merged" "resolve the merged entries"
assert_eq "$(resolved "$F" 7a-7.2.3/ab 2 3 4 10)" "entry|7a-7.2.3|入退の記録を保護し、入室には認証の仕組みを用いる。|added" \
	"resolve 7a-7.2.3/ab"

# ---- a with an id that is taken: asked again, and told why ----
goto_item 7a-7.5.5/e
keys a
wait_message '^新しい項目の id: 7a-7\.5\.5/f$'
keys C-u
type_text "7a-7.5.5/d"
keys Enter
wait_message '^新しい項目の id: 7a-7\.5\.5/d$'
wait_status '^7a-7\.5\.5/d はすでに使われているか、id として使えません。別の id にしてください$'
keys Escape
wait_message '^取り消しました$'

finish
assert_changes "$F" "$EXPECTED"
pass
