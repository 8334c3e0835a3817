#!/bin/sh
# kijun export and the machine outputs of resolve/changes (issue 9), on
# the small tailoring of tests/golden: Markdown and CSV equal their golden
# files byte for byte; the CSV reads back as Excel reads it (BOM, CRLF,
# quoted multi-line cells, formula guard); the HTML is self-contained and
# escaped; -o writes the same bytes; JSON parses and carries every field.
# After a deliberate change to an export, regenerate the golden files:
#   build/check/kijun export tests/golden/small.yaml --format md -o tests/golden/small.md
#   build/check/kijun export tests/golden/small.yaml --format csv -o tests/golden/small.csv
. "$(dirname "$0")/lib.sh"

G=$E2E_TOP/tests/golden
command -v node >/dev/null 2>&1 || fail "node is needed to read the CSV and JSON back (apt-get install nodejs)"

# ---- golden Markdown and CSV, in Japanese (the default) ----
for f in md csv; do
	kijun_cli 0 export "$G/small.yaml" --format $f
	[ ! -s "$E2E_DIR/cli.err" ] || fail "export --format $f wrote to stderr: $(cli_err)"
	cmp -s "$E2E_DIR/cli.out" "$G/small.$f" ||
		fail "export --format $f differs from tests/golden/small.$f:
$(diff "$G/small.$f" "$E2E_DIR/cli.out" | head -n 30)"
	# -o: the same bytes, in a file made whole.
	kijun_cli 0 export "$G/small.yaml" --format $f -o "$E2E_DIR/out.$f"
	[ ! -s "$E2E_DIR/cli.out" ] || fail "export -o also wrote to stdout"
	cmp -s "$E2E_DIR/out.$f" "$G/small.$f" || fail "export -o out.$f differs from stdout"
done

# ---- the CSV as Excel reads it ----
node "$G/csv_read.js" "$G/small.csv" >"$E2E_DIR/rows.json" || fail "the CSV does not read back"
node -e '
const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
want(rows.length === 10, "rows: " + rows.length + ", not a header and 9 items");
want(rows.every(r => r.length === rows[0].length), "rows of different lengths");
want(rows[0][0] === "項目 ID" && rows[0][5] === "本文", "header: " + rows[0].join("|"));
const by = id => rows.find(r => r[0] === id);
want(!by("S1-3"), "the excluded S1-3 is listed");
// A text starting with = is shown, not run: an apostrophe before it; its
// comma, quotes and line break survive in one cell.
want(by("S1-1.1")[5] === "\x27=経営陣は, 方針を\"承認\"する。\n年に一度見直す。", "S1-1.1 text: " + by("S1-1.1")[5]);
want(by("S1-1")[7] === "必須", "S1-1 level: " + by("S1-1")[7]);
want(by("S1-2")[9] === "12" && by("S1-2")[10] === "P", "S1-2 interval and marks");
want(by("S1-1.2/c")[12] === "個人情報保護法 第23条", "S1-1.2/c source");
want(by("S1-1")[14].split("\n").length === 2, "S1-1 changes: " + by("S1-1")[14]);
' "$E2E_DIR/rows.json" || fail "the CSV read back is not what was exported"

# ---- HTML: self-contained, escaped, contents and appendix ----
kijun_cli 0 export "$G/small.yaml" --format html
H=$E2E_DIR/cli.out
head -n 1 "$H" | grep -qx '<!DOCTYPE html>' || fail "HTML: no doctype"
grep -q '<nav>' "$H" || fail "HTML: no table of contents"
grep -q '<a href="#i-S1">S1 組織的管理策</a>' "$H" || fail "HTML: no contents link to S1"
grep -q 'id="i-S1"' "$H" || fail "HTML: the contents link has no target"
grep -qF '&lt;見直しの時期&gt; &amp; 方法' "$H" || fail "HTML: the added entry's text is not escaped"
grep -q '<見直し' "$H" && fail "HTML: a raw < from the file"
grep -Eiq '<script|<link|src=|url\(|https?://' "$H" && fail "HTML: an external resource or a script: $(grep -Ei '<script|<link|src=|url\(|https?://' "$H" | head -n 3)"
assert_eq "$(grep -c '^<tr><td>' "$H")" 7 "HTML: rows of the change appendix"
grep -q '<td>5</td><td>7 ' "$H" || fail "HTML: change 5 is not of step 7"

# ---- a bad format, a missing FILE ----
kijun_cli 1 export "$G/small.yaml" --format docx
grep -q 'docx' "$E2E_DIR/cli.err" || fail "export --format docx: $(cli_err)"
kijun_cli 1 export "$G/small.yaml"
kijun_cli 2 export "$E2E_DIR/missing.yaml" --format md

# ---- resolve and changes: --full, csv, json ----
kijun_cli 0 resolve "$G/small.yaml" --full --format json
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
want(d.items.length === 10 && d.conflicts.length === 0, "items/conflicts: " + d.items.length);
const s11 = d.items.find(i => i.id === "S1-1");
want(s11.level === "mandatory" && s11.links[0].rule === "情報セキュリティ基本規程" &&
     s11.links[0].section === "第3条", "S1-1: " + JSON.stringify(s11));
want(s11.shaped_by.map(h => h.change).join() === "4,7", "S1-1 shaped by " + JSON.stringify(s11.shaped_by));
const t = d.items.find(i => i.id === "S1-1.1");
want(t.text.includes("\n") && t.base_text === "方針は経営陣が承認する。" && t.status === "reworded", "S1-1.1: " + JSON.stringify(t));
const s2 = d.items.find(i => i.id === "S1-2");
want(s2.technical === true && s2.review_months === 12 && s2.marks[0] === "P", "S1-2: " + JSON.stringify(s2));
want(d.items.find(i => i.id === "S1-3").status === "excluded", "S1-3 not excluded");
' "$E2E_DIR/cli.out" || fail "resolve --full --format json"
kijun_cli 0 changes "$G/small.yaml" --full --format json
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
want(d.changes.length === 7, "changes: " + d.changes.length);
const c3 = d.changes[2];
want(c3.op === "add" && c3.new_id === "S1-1.2/c" && c3.after === "S1-1.2/b" && c3.source === "law" &&
     c3.applies === true && c3.number === 3, "change 3: " + JSON.stringify(c3));
want(d.changes[6].rule === "情報セキュリティ基本規程" && d.changes[6].note.length > 0, "change 7");
' "$E2E_DIR/cli.out" || fail "changes --full --format json"
kijun_cli 0 resolve "$G/small.yaml" --full --format csv
head -c 3 "$E2E_DIR/cli.out" | od -An -tx1 | grep -q 'ef bb bf' || fail "resolve --format csv: no BOM"
node "$G/csv_read.js" "$E2E_DIR/cli.out" >/dev/null || fail "resolve --format csv does not read back"
kijun_cli 0 resolve "$G/small.yaml" --full
assert_eq "$(awk -F '\t' '{ print NF }' "$E2E_DIR/cli.out" | sort -u)" 24 "columns of resolve --full"
kijun_cli 1 resolve "$G/small.yaml" --format xml
kijun_cli 1 changes --full

# ---- exit 3 when a change does not apply: still a complete listing ----
sed 's/target: S1-3/target: S9-9/' "$G/small.yaml" >"$E2E_DIR/conflict.yaml"
cp "$G/small-catalog.yaml" "$E2E_DIR/"
for cmd in resolve changes; do
	kijun_cli 3 $cmd "$E2E_DIR/conflict.yaml"
	grep -q 'S9-9' "$E2E_DIR/cli.err" || fail "$cmd: the conflict is not on stderr: $(cli_err)"
done
assert_eq "$(grep -c . "$E2E_DIR/cli.out")" 8 "kijun changes lines with a conflict"
kijun_cli 3 resolve "$E2E_DIR/conflict.yaml" --format json
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (d.conflicts.length !== 1 || d.conflicts[0].change !== 1) { console.error(JSON.stringify(d.conflicts)); process.exit(1); }
' "$E2E_DIR/cli.out" || fail "the conflict in resolve --format json"
kijun_cli 3 export "$E2E_DIR/conflict.yaml" --format md -o "$E2E_DIR/c.md"
[ -s "$E2E_DIR/c.md" ] || fail "export with a conflict wrote nothing"

# ---- a title and organization set on the wizard's start page (a scope
# change) are what the exports say, and withdrawing it brings the file's back ----
cat "$G/small.yaml" >"$E2E_DIR/titled.yaml"
cat >>"$E2E_DIR/titled.yaml" <<'YAML'
- op: scope
  step: 0
  scope:
    title: 改題した個別管理基準
    organization: 株式会社改題
  reason: 年度の見直しで改題したため
  author: tester
  date: '2026-03-01'
YAML
kijun_cli 0 export "$E2E_DIR/titled.yaml" --format md
grep -q '^# 改題した個別管理基準' "$E2E_DIR/cli.out" || fail "export md: the title set by a scope change: $(head -3 "$E2E_DIR/cli.out")"
grep -q '株式会社改題' "$E2E_DIR/cli.out" || fail "export md: the organization set by a scope change"
kijun_cli 0 export "$E2E_DIR/titled.yaml" --format html
grep -q '<title>改題した個別管理基準' "$E2E_DIR/cli.out" || fail "export html: the title set by a scope change"
cat >>"$E2E_DIR/titled.yaml" <<'YAML'
- op: withdraw
  change: 8
  step: 0
  reason: 改題を取り下げたため
  author: tester
  date: '2026-03-02'
YAML
kijun_cli 0 export "$E2E_DIR/titled.yaml" --format md
if grep -q '改題した個別管理基準' "$E2E_DIR/cli.out"; then
	fail "export md: a withdrawn title change still names the standard"
fi
pass
