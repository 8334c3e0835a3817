#!/bin/sh
# Finds, and when allowed installs, what kijun needs on Debian.
#   deps.sh ensure [test|fuzz]   install what is missing if root or sudo
#                                allows, otherwise print the apt-get line
#                                and fail
#   deps.sh install [test|fuzz]  install everything (make deps)
#   deps.sh check [test|fuzz]    only say what is missing
# fuzz: clang and its libFuzzer runtime (make fuzz).
set -u

BUILD_DEBS="build-essential pkg-config libncurses-dev libyaml-dev"
TEST_DEBS="libcmocka-dev tmux nodejs npm"
# libclang-rt-14-dev holds libFuzzer; clang only recommends it.
FUZZ_DEBS="clang libclang-rt-14-dev"

mode=${1:-ensure}
want_test=${2:-}
debs=$BUILD_DEBS
[ "$want_test" = test ] && debs="$BUILD_DEBS $TEST_DEBS"
[ "$want_test" = fuzz ] && debs="$BUILD_DEBS $FUZZ_DEBS"

missing=""
need() { missing="$missing $1"; }

command -v cc >/dev/null 2>&1 || need build-essential
command -v pkg-config >/dev/null 2>&1 || need pkg-config
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists ncursesw || need libncurses-dev
	pkg-config --exists yaml-0.1 || need libyaml-dev
	if [ "$want_test" = test ]; then
		pkg-config --exists cmocka || need libcmocka-dev
	fi
else
	need libncurses-dev
	need libyaml-dev
	[ "$want_test" = test ] && need libcmocka-dev
fi
if [ "$want_test" = test ]; then
	command -v tmux >/dev/null 2>&1 || need tmux
	# The export tests read CSV and JSON back with node; the OSCAL test
	# validates with ajv, installed by npm ci (tests/oscal).
	command -v node >/dev/null 2>&1 || need nodejs
	command -v npm >/dev/null 2>&1 || need npm
fi
if [ "$want_test" = fuzz ]; then
	if ! command -v clang >/dev/null 2>&1; then
		need clang
		need libclang-rt-14-dev
	elif ! ls "$(clang -print-resource-dir 2>/dev/null)"/lib/linux/libclang_rt.fuzzer-*.a \
		>/dev/null 2>&1; then
		need libclang-rt-14-dev
	fi
fi

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo "$@"
	else
		return 126
	fi
}

install_debs() {
	echo "kijun: installing $*" >&2
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

case $mode in
check)
	if [ -n "$missing" ]; then
		echo "kijun: missing:$missing" >&2
		echo "kijun: install them with: sudo apt-get install$missing" >&2
		exit 1
	fi
	;;
install)
	# shellcheck disable=SC2086
	install_debs $debs || {
		echo "kijun: run as root or with sudo: sudo apt-get install $debs" >&2
		exit 1
	}
	;;
ensure)
	[ -z "$missing" ] && exit 0
	# shellcheck disable=SC2086
	if install_debs $missing; then
		exit 0
	fi
	echo "kijun: missing:$missing" >&2
	echo "kijun: install them with: sudo apt-get install$missing" >&2
	echo "kijun: (or run 'sudo make deps')" >&2
	exit 1
	;;
*)
	echo "usage: deps.sh ensure|install|check [test]" >&2
	exit 2
	;;
esac
