#!/bin/sh
# The layers of DESIGN.md: the core model knows nothing of files or the
# screen, io knows nothing of the screen, and the screen reaches YAML only
# through io.  A kijun header is io when it is named *_io.h or its module
# (the .c named as the header) lives in src/io.
status=0

fail() {
	echo "layers: $1" >&2
	shift
	echo "$@" | tr ' ' '\n' >&2
	status=1
}

curses='#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?n?cursesw?\.h|#[[:space:]]*include[[:space:]]*[<"](term|panel|menu|form)\.h'
bad=$(grep -rlE "$curses" src/core src/io include 2>/dev/null)
[ -z "$bad" ] || fail "these core or io files include curses:" $bad

io=""
for h in include/kijun/*.h; do
	name=$(basename "$h" .h)
	case "$name" in
	*_io) io="$io $name" ;;
	*) [ -f "src/io/$name.c" ] && io="$io $name" ;;
	esac
done
io=$(echo $io)
io_re=$(echo $io | sed 's/ /|/g')
bad=$(grep -rlE "#[[:space:]]*include[[:space:]]*\"(kijun/($io_re)|yaml_reader|yaml_writer|builtin_data)\.h\"|#[[:space:]]*include[[:space:]]*<yaml\.h>" \
	src/core include 2>/dev/null | grep -v -E "^include/kijun/($io_re)\.h$")
[ -z "$bad" ] || fail "these core files include io headers ($io):" $bad

bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]yaml\.h[>"]' src/tui src/cli src/main.c 2>/dev/null)
[ -z "$bad" ] || fail "these interface files include libyaml:" $bad

# The locale is main's to set (src/cli/cli_locale.c), never a library's.
bad=$(grep -rlE '\<setlocale[[:space:]]*\(' src/core src/io include 2>/dev/null)
[ -z "$bad" ] || fail "these core or io files call setlocale (main sets the locale):" $bad

[ $status -eq 0 ] && echo "layers: src/core and include/ are free of curses and io; io of curses; the interface of libyaml; only main sets the locale"
exit $status
