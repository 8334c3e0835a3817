#!/bin/sh
# Rewrites the README's usage block (the first fenced block under its Usage
# heading) from `kijun --lang=en --help`, which tests/e2e/test_usage.sh
# holds it to.  Run after changing the command table in src/main.c:
#
#	sh tools/readme-usage.sh build/kijun
set -eu
KIJUN=${1:-build/kijun}
help=$(mktemp)
trap 'rm -f "$help" "$help.new"' EXIT
"$KIJUN" --lang=en --help | sed '1,2d' >"$help"
awk -v helpfile="$help" '
	/^## .*Usage/ { u = 1 }
	u && !done && /^```/ {
		if (!b) { b = 1; print; while ((getline line < helpfile) > 0) print line; next }
		b = 0; done = 1; print; next
	}
	b { next }
	{ print }' README.md >"$help.new"
mv "$help.new" README.md
