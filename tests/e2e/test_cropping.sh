#!/bin/sh
# Cropping and sanitizing.  Text is measured in cells: a Japanese title
# longer than the tree pane stops at the pane's edge, and a wide character
# that does not fit whole is left out (a blank takes its one cell), so the
# separator is always in its column.  Escape sequences and bidi controls
# from a catalog file are shown as text, never sent to the terminal.
. "$(dirname "$0")/lib.sh"

start
wait_position 1/23

# The tree pane is 40 cells at 80x24.  "  + 3.1 " takes 8, leaving 32: 16
# characters of 情報セキュリティガバナンスの目的及びリスク管理方針, then
# the separator at once.
assert_line 3 "^  \+ 3\.1 情報セキュリティガバナンスの目的$SEP 部$"
assert_line_not 3 "及び"
assert_line 11 "^  \+ 4\.3 情報セキュリティ目的及び変更の計$SEP"
assert_line 12 "^  \+ 4\.4 情報セキュリティリスクアセスメン$SEP"

# The detail pane wraps Japanese in its 38 cells (39 less a margin): full
# lines of 19 characters, and no line starts with 、 or 。 (kinsoku).
assert_line 7 "$SEP 情報セキュリティガバナンスとして、経営$"
assert_line 8 "$SEP 陣が組織の情報セキュリティに対して負う$"
if screen | sed -n '2,22p' | grep -qE "$SEP +[、。，．）」』]"; then
	fail "a line of the detail pane starts with a closing punctuation mark"
fi

# An odd number of cells left: "        4.10.1.1 " takes 17, leaving 23, so
# 11 characters (22 cells) and one blank; the 12th (ィ) is not cut in half.
keys /
type_text "4.10.1.1"
wait_detail 4.10.1.1
keys Enter
wait_for " 閲覧 | "
assert_row_with " 4.10.1.1 " "^ {8}4\.10\.1\.1 組織は、情報セキュリテ $SEP"
# The detail pane shows the whole text, wrapped.
assert_line 5 "$SEP 組織は、情報セキュリティのパフォーマ"
finish

# ---- a catalog with terminal controls in its texts ----
cat >"$E2E_DIR/evil.yaml" <<'YAML'
format: kijun-catalog/1
id: evil
title: 悪意のあるカタログ
edition: 試験版
items:
- id: P
  kind: part
  title: テスト部
  items:
  - id: S1
    kind: section
    title: "危険\e[2J消去\u202Eabc"
    text: "本文\e]0;pwned\a終わり\e[31m赤\e[0m"
  - id: S2
    kind: section
    title: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\u202Ezz"
YAML
# The catalog is valid: kijun checks it without complaint.
"$KIJUN" catalog check "$E2E_DIR/evil.yaml" >"$E2E_DIR/check.out" 2>&1 ||
	fail "kijun catalog check evil.yaml: $(cat "$E2E_DIR/check.out")"

start "$E2E_DIR/evil.yaml"
wait_position 1/3
keys j
wait_position 2/3
wait_detail S1
# The header and status bar are intact: ESC [ 2 J did not clear the screen.
assert_line 1 '^ kijun \| 悪意のあるカタログ  試験版$'
assert_line 23 '^ 閲覧 \| .*evil\.yaml \| 2/3 +\?:ヘルプ  q:終了$'
assert_line 2 "^- P テスト部 +$SEP S1$"
# ESC shows as ^[ and U+202E by its code point, in the tree and the detail.
assert_line 3 "^    S1 危険\^\[\[2J消去<U\+202E>abc +$SEP 節$"
assert_line 4 "$SEP 危険\^\[\[2J消去<U\+202E>abc$"
assert_contains '本文^[]0;pwned^G終わり^[[31m赤^[[0m'
assert_not_contains "$(printf '\342\200\256')"
# The OSC did not reach tmux: the pane's title is not "pwned".
title=$(tm display-message -p -t "$E2E_SESSION" '#{pane_title}')
[ "$title" != pwned ] || fail "the OSC title sequence in the catalog reached the terminal"
# No colour came from the catalog's SGR: the detail text has none.
if screen_escapes | grep -q "$(printf '\033')\[31m"; then
	fail "the catalog's ESC [31m reached the terminal"
fi
# A code point shown as <U+202E> (8 cells) that does not fit is left out
# whole: 30 a's, then 3 blank cells up to the separator.
assert_line 4 "^    S2 a{30}   $SEP"
keys j
wait_detail S2
assert_line 4 "^    S2 a{30}   $SEP"
finish
pass
