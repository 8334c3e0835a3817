# The screen tests: tests/e2e/lib.sh's functions on kijun --script instead
# of tmux.  No terminal, no waiting: each test takes a second or less.
E2E_DRIVER=script
. "$(dirname "$0")/../e2e/lib.sh"
