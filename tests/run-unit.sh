#!/bin/sh
# Runs each cmocka test binary from the top of the tree (tests read
# ../shared/data by relative path) and fails if any fails.
status=0
for t in "$@"; do
	if ! "$t"; then
		echo "FAILED: $t" >&2
		status=1
	fi
done
exit $status
