#!/bin/sh
# Runs tests/e2e/test_*.sh, the tests that need a real terminal (tmux), two
# or more at a time, and reports PASS or FAIL for each as it finishes.
# Run from the top of the tree:
#
#	make build/check/kijun && sh tests/e2e/run.sh [test_name ...]
#
# KIJUN names the binary (default build/check/kijun); TEST_JOBS how many
# run at once (default: the number of cores).  Exits 1 if any test failed.
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
# shellcheck disable=SC2086
exec sh "$dir/../run-parallel.sh" e2e $tests
