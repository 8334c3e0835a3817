#!/bin/sh
# record.sh FILE CMD [ARG...]: runs CMD on a terminal of its own inside this
# one (script(1), from util-linux, which Debian always has) and keeps in FILE
# every byte CMD writes to it, from the first: what a test cannot catch by
# looking at the screen at the right moment.  The status is CMD's.
out=$1
shift
cmd=
for a in "$@"; do
	cmd="$cmd '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
done
exec script -qefc "$cmd" "$out"
