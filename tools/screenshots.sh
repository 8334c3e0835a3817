#!/bin/sh
# make screenshots: real runs of kijun in xterm on a virtual X display,
# driven through tmux, saved as PNG in screenshots/.
#   needs: xvfb xterm imagemagick fonts-noto-cjk tmux (installed when root or sudo allow)
set -eu
KIJUN=${1:-build/kijun}
OUT=screenshots
DISPLAY_NUM=:97

need=""
for c in Xvfb:xvfb xterm:xterm import:imagemagick tmux:tmux; do
	command -v "${c%%:*}" >/dev/null 2>&1 || need="$need ${c#*:}"
done
fc-list :lang=ja 2>/dev/null | grep -q . || need="$need fonts-noto-cjk"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; then
		sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
		$sudo_ apt-get update -q && $sudo_ apt-get install -y -q --no-install-recommends $need
	else
		echo "screenshots: install them with: sudo apt-get install$need" >&2
		exit 1
	fi
fi

mkdir -p "$OUT"
Xvfb "$DISPLAY_NUM" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
cleanup() {
	kill "$xpid" 2>/dev/null || true
}
trap cleanup EXIT INT TERM
export DISPLAY="$DISPLAY_NUM"
sleep 1

# One tmux session runs kijun; xterm shows it.  Keys go through tmux so the
# run is the same as the end-to-end tests'.
shot() {  # name cols rows keys...
	name=$1 cols=$2 rows=$3
	shift 3
	SOCK=kijun-shots-$$-$name
	tmux -L "$SOCK" -f /dev/null new-session -d -s shot -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 TERM=tmux-256color KIJUN_AUTHOR=情報セキュリティ委員会事務局 $KIJUN ${SHOT_FILE:-}"
	tmux -L "$SOCK" set -g status off
	xterm -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK JP' -fs 11 -geometry "${cols}x${rows}+0+0" \
		-bg '#1e1e1e' -fg '#d4d4d4' -xrm 'XTerm*cjkWidth: false' \
		-e tmux -L "$SOCK" attach -t shot &
	term=$!
	sleep 1.5
	for k in "$@"; do
		tmux -L "$SOCK" send-keys -t shot "$k"
		sleep 0.15
	done
	sleep 0.8
	wid=$(xwininfo -root -tree | awk '/"xterm"/ {print $1; exit}')
	import -window "$wid" "$OUT/$name.png"
	kill "$term" 2>/dev/null || true
	wait "$term" 2>/dev/null || true
	tmux -L "$SOCK" kill-server 2>/dev/null || true
	echo "screenshots: $OUT/$name.png"
}

# The tailoring shots work on a copy of the guideline examples.
WORK=$(mktemp -d)
cp data/examples/guideline-examples.yaml "$WORK/examples.yaml"

shot 01-tree 80 24
shot 02-search-7a-7.2.3 80 24 / 7 a - 7 . 2 . 3 Enter
shot 03-control-5a-5.4 80 24 / 5 a - 5 . 4 Enter
shot 04-attributes-wide 120 36 / 8 . 7 Enter Tab
shot 05-help 80 24 '?'
shot 06-english 80 24 L / 4 . 8 . 2 . 2 Enter
shot 11-filter 80 24 f 概 念 : 識 別 Space 運 用 機 能 : ガ バ ナ ン ス Enter
shot 12-crosstab 80 24 X
SHOT_FILE="$WORK/examples.yaml"
shot 07-tailoring-reword-5a-5.4 100 30 / 5 a - 5 . 4 Enter
shot 08-tailoring-entry-7a-7.5.5 100 30 / 7 a - 7 . 5 . 5 Enter
shot 09-changes-only 100 30 v v
shot 10-reason-prompt 100 30 / 5 a - 5 . 6 Enter x

# The ! list: a tailoring with two changes that no longer apply.
SHOT_FILE="$WORK/conflicts.yaml"
"$KIJUN" new "$SHOT_FILE" --title 旧版から引き継いだ個別管理基準 --organization 株式会社例示 >/dev/null
sed -i '/^changes: \[\]$/d' "$SHOT_FILE"
cat >>"$SHOT_FILE" <<'YAML'
changes:
- op: reword
  target: 7a-7.5.5/z
  step: 1
  text: 旧版にあった列挙項目。
  reason: 旧版の項目を引き継ぐため
  author: 情報セキュリティ委員会事務局
  date: '2026-01-15'
- op: exclude
  target: 5a-5.4
  step: 1
  reason: 当社の体制では該当しないため
  author: 情報セキュリティ委員会事務局
  date: '2026-01-15'
- op: technical
  target: 8b-8.88
  step: 7
  technical: true
  review_months: 6
  reason: 外部の専門家による検証が要るため
  author: 情報セキュリティ委員会事務局
  date: '2026-01-15'
YAML
shot 16-conflicts 80 24 '!'

# The wizard on a new tailoring: step 1 with its explanation and the tree.
SHOT_FILE="$WORK/wizard.yaml"
"$KIJUN" new "$SHOT_FILE" --title 例示社の個別管理基準 --organization 株式会社例示 >/dev/null
shot 17-wizard-step1 80 24 w ']' n

# Attributes at work: the balance of the kept controls.
SHOT_FILE=
shot 14-balance 80 24 B

# The auditor's screen: a design evaluation of two controls, one judged.
cp data/examples/guideline-examples.yaml "$WORK/corp.yaml"
"$KIJUN" eval new "$WORK/corp.yaml" -o "$WORK/design.yaml" --kind design \
	--scope "5a-5.1 5a-5.2" >/dev/null
SHOT_FILE="$WORK/design.yaml"
shot 15-auditor 80 24 1 n
rm -rf "$WORK"
