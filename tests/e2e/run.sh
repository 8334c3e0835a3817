#!/bin/sh
# Runs every tests/e2e/test_*.sh against the real binary and reports PASS or
# FAIL for each.  Run from the top of the tree:
#
#	make build/check/kijun && sh tests/e2e/run.sh [test_name ...]
#
# KIJUN names the binary (default build/check/kijun).  Exits 1 if any test
# failed.
set -eu

: "${KIJUN:=build/check/kijun}"
export KIJUN

dir=$(dirname "$0")
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is not installed (apt-get install tmux)" >&2
	exit 1
fi
if [ ! -x "$KIJUN" ]; then
	echo "e2e: $KIJUN is not built (make build/check/kijun)" >&2
	exit 1
fi

if [ $# -gt 0 ]; then
	tests=
	for name in "$@"; do
		name=${name%.sh}
		name=${name##*/}
		tests="$tests $dir/$name.sh"
	done
else
	tests=$(ls "$dir"/test_*.sh)
fi

failed=0
passed=0
start=$(date +%s)
for t in $tests; do
	name=$(basename "$t" .sh)
	log=$(mktemp "${TMPDIR:-/tmp}/kijun-e2e-log.XXXXXX")
	t0=$(date +%s)
	if sh "$t" >"$log" 2>&1; then
		echo "PASS $name ($(($(date +%s) - t0))s)"
		passed=$((passed + 1))
	else
		echo "FAIL $name ($(($(date +%s) - t0))s)"
		sed 's/^/    /' "$log"
		failed=$((failed + 1))
	fi
	rm -f "$log"
done
echo "e2e: $passed passed, $failed failed in $(($(date +%s) - start))s"
[ "$failed" -eq 0 ]
