#!/bin/sh
# One test for run-parallel.sh: sh run-one.sh RESULTS TOTAL TEST, where
# TEST is a script (TEST.sh, run by sh) or a test binary (run as it is).
# Its report is printed in one piece, under a lock, so that two tests
# finishing together do not mix their lines.
results=$1
total=$2
t=$3
name=$(basename "$t" .sh)
log="$results/$name.log"
t0=$(date +%s)
case $t in
*.sh) run() { sh "$t"; } ;;
*) run() { "$t"; } ;;
esac
if run >"$log" 2>&1; then
	result=pass
else
	result=fail
fi
secs=$(($(date +%s) - t0))
until mkdir "$results/lock" 2>/dev/null; do
	sleep 0.05
done
: >"$results/$name.$result"
done_count=$(find "$results" -name '*.pass' -o -name '*.fail' | wc -l | tr -d ' ')
if [ "$result" = pass ]; then
	echo "[$done_count/$total] PASS $name (${secs}s)"
else
	echo "[$done_count/$total] FAIL $name (${secs}s)"
	sed 's/^/    /' "$log"
fi
rmdir "$results/lock"
[ "$result" = pass ]
