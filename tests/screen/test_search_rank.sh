#!/bin/sh
# Search by id: an exact id comes before a longer id that holds it, and
# both before text.  /3.2 once went to 3.1.3.2 and /6.1 to 4.4.6.1, and a
# user excluded the wrong item that way.  Esc keeps the search before it
# for n.
. "$(dirname "$0")/lib.sh"

# search QUERY: / QUERY Enter, and the message that echoes it.
search() {
	keys /
	wait_status '^ 検索 \| '
	type_text "$1"
	keys Enter
	wait_status '^ 閲覧 \| '
	wait_message "^/$(re_escape "$1")\$"
}

start
wait_position 1/23

# 3.1.3.2 comes first in the document; 3.2 is the id.
search 3.2
wait_detail 3.2
# 3.1.4.1 before 4.1 likewise.
search 4.1
wait_detail 4.1
# No item is 5.1: the control numbered 5.1 in its section (5a-5.1)
# before 3.5.1, whose id only ends with it.
search 5.1
wait_detail 5a-5.1
search 6.1
wait_detail 6a-6.1

# n goes on to the next best: ids that start with 6.1 ...
keys n
wait_detail 6a-6.1.1
# ... and an id prefix of 3.2's is found before any text.
search 3.2
wait_detail 3.2
keys n
wait_detail 3.2.1

# Esc leaves the last search as it was: n still looks for 3.2.
keys /
type_text "4.1"
wait_detail 4.1
keys Escape
wait_detail 3.2.1
keys n
wait_detail 3.2.1.1

finish
pass
