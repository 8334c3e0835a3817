#!/bin/sh
# The HTML export opened in headless chromium, where chromium is installed
# (Debian's `chromium`; CI does not install it, the test then says so and
# passes): the page loads from a file with no network, its DOM holds the
# contents and the appendix, and a screenshot is drawn.
. "$(dirname "$0")/lib.sh"

if ! command -v chromium >/dev/null 2>&1; then
	echo "test_html_chromium: chromium is not installed; not run" >&2
	pass
	exit 0
fi
G=$E2E_TOP/tests/golden
kijun_cli 0 export "$G/small.yaml" --format html -o "$E2E_DIR/small.html"
# chromium wants a writable HOME for its profile; keep it in the test's dir.
run_chromium() {
	(cd "$E2E_DIR" && HOME=$E2E_DIR timeout 60 chromium --headless --no-sandbox --disable-gpu \
		--no-first-run --user-data-dir="$E2E_DIR/chromium" "$@" "file://$E2E_DIR/small.html")
}
run_chromium --dump-dom >"$E2E_DIR/dom.html" 2>"$E2E_DIR/chromium.err" ||
	fail "chromium --dump-dom failed: $(tail -n 5 "$E2E_DIR/chromium.err")"
grep -q '<nav>' "$E2E_DIR/dom.html" || fail "chromium's DOM has no contents: $(head -c 500 "$E2E_DIR/dom.html")"
assert_eq "$(grep -o '<tr><td>' "$E2E_DIR/dom.html" | wc -l | tr -d ' ')" 7 "appendix rows in chromium's DOM"
grep -qF '&lt;見直しの時期&gt; &amp; 方法' "$E2E_DIR/dom.html" || fail "chromium's DOM: the escaped text is not text"
run_chromium --window-size=1000,1400 --screenshot="$E2E_DIR/small.png" >/dev/null 2>"$E2E_DIR/chromium.err" ||
	fail "chromium --screenshot failed: $(tail -n 5 "$E2E_DIR/chromium.err")"
[ "$(wc -c <"$E2E_DIR/small.png")" -gt 20000 ] || fail "the screenshot is (nearly) empty"
pass
