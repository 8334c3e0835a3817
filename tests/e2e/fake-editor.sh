#!/bin/sh
# A stand-in for $EDITOR in the end-to-end tests: kijun runs it as
# `$EDITOR "$1"` (through sh -c) with a temporary file, and it changes the
# file without a terminal, as the test said it should:
#
#	FAKE_EDITOR_TEXT=text      the file's content becomes text
#	FAKE_EDITOR_SED=expr       sed -e expr is applied to the file
#	FAKE_EDITOR_FROM=path      the file's content becomes path's content
#	FAKE_EDITOR_SED_FROM=path  sed -f path is applied to the file
#	FAKE_EDITOR_STATUS=n       exit with status n (after doing the above)
#	FAKE_EDITOR_SEEN=path      path gets a copy of the file as kijun
#	                           wrote it, before any change (the template)
#
# The first of TEXT, SED that is set wins; otherwise FROM, then SED_FROM,
# when that file exists (a test rewrites it between two editor runs of
# the same kijun, whose environment is fixed when it starts).  With none of
# them the file is left as it is.  When "$FAKE_EDITOR_FROM.then" exists,
# it becomes FAKE_EDITOR_FROM after this run: the next run writes it (a
# sequence: a bad template first, then a good one).  Every run appends a line to
# "$FAKE_EDITOR_SEEN.log" when FAKE_EDITOR_SEEN is set.
set -eu

file=${1:?usage: fake-editor.sh FILE}
[ -f "$file" ] || { echo "fake-editor: no file $file" >&2; exit 3; }
if [ -n "${FAKE_EDITOR_SEEN:-}" ]; then
	cp "$file" "$FAKE_EDITOR_SEEN"
	echo "$file" >>"$FAKE_EDITOR_SEEN.log"
fi
if [ "${FAKE_EDITOR_TEXT+set}" = set ]; then
	printf '%s\n' "$FAKE_EDITOR_TEXT" >"$file"
elif [ "${FAKE_EDITOR_SED+set}" = set ]; then
	sed -e "$FAKE_EDITOR_SED" "$file" >"$file.fake-editor"
	mv "$file.fake-editor" "$file"
elif [ -n "${FAKE_EDITOR_FROM:-}" ] && [ -f "$FAKE_EDITOR_FROM" ]; then
	cp "$FAKE_EDITOR_FROM" "$file"
	if [ -f "$FAKE_EDITOR_FROM.then" ]; then
		mv "$FAKE_EDITOR_FROM.then" "$FAKE_EDITOR_FROM"
	fi
elif [ -n "${FAKE_EDITOR_SED_FROM:-}" ] && [ -f "$FAKE_EDITOR_SED_FROM" ]; then
	sed -f "$FAKE_EDITOR_SED_FROM" "$file" >"$file.fake-editor"
	mv "$file.fake-editor" "$file"
fi
exit "${FAKE_EDITOR_STATUS:-0}"
