#!/bin/sh
# Runs test scripts (or test binaries) JOBS at a time (default: the number of cores) and says
# PASS or FAIL for each as it finishes, with its output when it failed:
#
#	sh tests/run-parallel.sh LABEL TEST.sh...
#
# TEST_JOBS sets JOBS.  Exits 1 if any test failed.
set -eu

label=$1
shift
[ $# -gt 0 ] || { echo "$label: no tests" >&2; exit 1; }
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
results=$(mktemp -d "${TMPDIR:-/tmp}/kijun-tests.XXXXXX")
trap 'rm -rf "$results"' EXIT
here=$(dirname "$0")
start=$(date +%s)
# The longest scripts first, so that the last to finish is a short one.
# shellcheck disable=SC2012
ls -S "$@" | xargs -n 1 -P "$jobs" sh "$here/run-one.sh" "$results" "$#" || true
passed=$(find "$results" -name '*.pass' | wc -l | tr -d ' ')
failed=$(find "$results" -name '*.fail' | wc -l | tr -d ' ')
echo "$label: $passed passed, $failed failed in $(($(date +%s) - start))s"
[ "$failed" -eq 0 ] && [ "$passed" -eq $# ]
