#!/bin/sh
# v round the views: the changes-only view opens everything it shows, but
# coming back to the tailored view restores what was open there (it once
# came back with the whole tree open: 1/23 became 59/1329 rows).
. "$(dirname "$0")/lib.sh"

W=$E2E_DIR/work
mkdir "$W"
E2E_CHDIR=$W

rows() { position | cut -d/ -f2; }

start KIJUN_AUTHOR=tester KIJUN_DATE=2026-07-08 -- cycle.yaml
wait_position 1/23
goto_item 5a-5.3
keys x
give_reason "別規程で定めるため"
keys g
open_rows=$(rows)
[ "$open_rows" -gt 23 ] || fail "goto_item 5a-5.3 opened nothing ($open_rows rows)"
wait_position "1/$open_rows"

keys v
wait_message '^表示: 基準$'
wait_position "1/$open_rows"
keys v
wait_message '^表示: 変更のみ$'
keys E
keys v
wait_message '^表示: 個別管理基準$'
assert_eq "$(rows)" "$open_rows" "rows of the tailored view after v round the views"
assert_tree_row " 5a-5.3 " '^x   +\+ 5a-5\.3 '
# The cursor stays on the item it was on in the changes-only view.
wait_detail V

# Once more round: the same again.
keys v v v
wait_message '^表示: 個別管理基準$'
assert_eq "$(rows)" "$open_rows" "rows after a second round"
save
finish
pass
