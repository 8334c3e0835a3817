#!/bin/sh
# The core model and file formats know nothing of the screen (DESIGN.md).
bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?n?cursesw?\.h|#[[:space:]]*include[[:space:]]*[<"](term|panel|menu|form)\.h' \
	src/core src/io include 2>/dev/null)
if [ -n "$bad" ]; then
	echo "layers: these core files include curses:" >&2
	echo "$bad" >&2
	exit 1
fi
# The locale is main's to set (src/cli/cli_locale.c), never a library's.
bad=$(grep -rlE '\<setlocale[[:space:]]*\(' src/core src/io include 2>/dev/null)
if [ -n "$bad" ]; then
	echo "layers: these core files call setlocale (main sets the locale):" >&2
	echo "$bad" >&2
	exit 1
fi
echo "layers: src/core, src/io and include/ are free of curses and of setlocale"
