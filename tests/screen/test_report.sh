#!/bin/sh
# kijun report (issue 12) on the evaluation of tests/golden/small.yaml:
# Markdown and CSV equal their golden files byte for byte; the CSV reads
# back as Excel reads it (BOM, CRLF, quoted multi-line cells, formula
# guard) with the facts' and the opinion's columns apart; the HTML is one
# self-contained, escaped page with the two sides titled; oscal-ar
# validates against NIST's assessment-results schema with ajv and says
# what the evaluation says.  After a deliberate change to a report:
#   KIJUN_DATE=2026-11-29 build/check/kijun report tests/golden/small-eval.yaml --format md -o tests/golden/small-eval.md
#   KIJUN_DATE=2026-11-29 build/check/kijun report tests/golden/small-eval.yaml --format csv -o tests/golden/small-eval.csv
. "$(dirname "$0")/lib.sh"

G=$E2E_TOP/tests/golden
V=$E2E_TOP/tests/oscal
EV=$G/small-eval.yaml
command -v node >/dev/null 2>&1 || fail "node is needed to read the CSV and JSON back (apt-get install nodejs)"

# report ARG...: kijun report with the report's date fixed, stdout in
# report.out, stderr in report.err; exit status in $rc.
report() {
	set +e
	env -u KIJUN_LANG -u LANGUAGE LANG=C.UTF-8 KIJUN_DATE=2026-11-29 "$KIJUN" report "$@" \
		>"$E2E_DIR/report.out" 2>"$E2E_DIR/report.err" </dev/null
	rc=$?
	set -e
}

# ---- golden Markdown and CSV, in Japanese ----
for f in md csv; do
	report "$EV" --format $f
	assert_eq "$rc" 0 "report --format $f: $(cat "$E2E_DIR/report.err")"
	[ ! -s "$E2E_DIR/report.err" ] || fail "report --format $f wrote to stderr: $(cat "$E2E_DIR/report.err")"
	cmp -s "$E2E_DIR/report.out" "$G/small-eval.$f" ||
		fail "report --format $f differs from tests/golden/small-eval.$f:
$(diff "$G/small-eval.$f" "$E2E_DIR/report.out" | head -n 30)"
	report "$EV" --format $f -o "$E2E_DIR/out.$f"
	[ ! -s "$E2E_DIR/report.out" ] || fail "report -o also wrote to stdout"
	cmp -s "$E2E_DIR/out.$f" "$G/small-eval.$f" || fail "report -o out.$f differs from stdout"
done
M=$G/small-eval.md
# Facts and opinion are sections of their own, facts first.
facts=$(grep -n '^## 事実' "$M" | cut -d: -f1)
opinion=$(grep -n '^## 監査人の意見' "$M" | cut -d: -f1)
[ -n "$facts" ] && [ -n "$opinion" ] && [ "$facts" -lt "$opinion" ] ||
	fail "Markdown: no facts section before the opinion section"
sed -n "${facts},$((opinion - 1))p" "$M" | grep -q '有効\|指摘' &&
	fail "Markdown: a result or a finding in the facts section"
grep -q '^| 2 | S1-1\.2 | 軽微な不備 | 緊急 | 未対応 | 見直しの時期が<br>文書に書かれていない | 手順書の様式に欄がない | 情報システム部長 | 2027-01-31 |$' "$M" ||
	fail "Markdown: the finding with its owner and due date"
grep -q '^| 1 | 1 .* | 除外 | S1-3 | 当社は該当する業務を持たないため。 |' "$M" ||
	fail "Markdown: the appendix of changes"
grep -q '再実施: 見直し手順を \\<サンプル\\> で再実施した' "$M" || fail "Markdown: markup not escaped"

# ---- the CSV as Excel reads it ----
node "$G/csv_read.js" "$G/small-eval.csv" >"$E2E_DIR/rows.json" || fail "the CSV does not read back"
node -e '
const rows = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
const at = t => rows.findIndex(r => r[0] === t);
const head = rows[at("項目") + 1];
want(head[2] === "事実: 手続" && head[5] === "事実: 証跡" && head[6] === "監査人の意見: 評価結果" &&
     head[9] === "監査人の意見: 指摘事項", "item header: " + head.join("|"));
const item = id => rows.slice(at("項目") + 2).find(r => r[0] === id);
// A text starting with = is shown, not run; its comma, quotes and line break stay in one cell.
want(item("S1-1.1")[1] === "\x27=経営陣は, 方針を\"承認\"する。\n年に一度見直す。", "S1-1.1 title: " + item("S1-1.1")[1]);
want(item("S1-1.1")[2].split("\n").length === 3, "S1-1.1 procedures: " + item("S1-1.1")[2]);
want(item("S1-1.2")[5].startsWith("\x27=HYPERLINK"), "evidence formula guard: " + item("S1-1.2")[5]);
want(item("S1-1.2")[6] === "一部有効" && item("S1-2")[6] === "未評価", "results");
const sum = rows.slice(at("集計") + 2, at("項目")).filter(r => r.length === 3);
want(sum.find(r => r[1] === "有効")[2] === "1" && sum.find(r => r[0] === "合計")[2] === "3", "summary: " + JSON.stringify(sum));
const f = rows[at("指摘事項") + 3];
want(f[1] === "S1-1.2" && f[2] === "軽微な不備" && f[7] === "情報システム部長" && f[8] === "2027-01-31", "finding row: " + f.join("|"));
want(rows[at("付録: 個別管理基準の変更とその理由") + 2][4] === "当社は該当する業務を持たないため。", "appendix");
' "$E2E_DIR/rows.json" || fail "the CSV read back is not the evaluation"

# ---- HTML: self-contained, escaped, facts and opinion apart ----
report "$EV" --format html -o "$E2E_DIR/r.html"
assert_eq "$rc" 0 "report --format html"
H=$E2E_DIR/r.html
head -n 1 "$H" | grep -qx '<!DOCTYPE html>' || fail "HTML: no doctype"
grep -Eiq '<script|<link|src=|url\(|https?://' "$H" && fail "HTML: an external resource or a script"
grep -qF '見直し手順を &lt;サンプル&gt; で再実施した' "$H" || fail "HTML: a procedure not escaped"
grep -q '<サンプル>' "$H" && fail "HTML: a raw < from the file"
assert_eq "$(grep -c '<div class="side facts"><h4>事実</h4>' "$H")" 3 "HTML: facts sides"
assert_eq "$(grep -c '<div class="side opinion"><h4>監査人の意見</h4>' "$H")" 3 "HTML: opinion sides"
grep -q '<span class="r-partly-effective">一部有効</span>' "$H" || fail "HTML: the result of S1-1.2"

# ---- oscal-ar: valid against the schema, and what the evaluation says ----
SCHEMA=$(cd "${KIJUN_SHARED_DATA:-$E2E_TOP/../shared/data}/oscal/schema" 2>/dev/null && pwd) ||
	fail "the OSCAL schemas are missing: ../shared/data/oscal/schema (set KIJUN_SHARED_DATA)"
if [ ! -d "$V/node_modules/ajv" ] || [ ! -d "$V/node_modules/ajv-formats" ]; then
	command -v npm >/dev/null 2>&1 || fail "npm is needed to install ajv (apt-get install npm)"
	(cd "$V" && npm ci --no-audit --no-fund --loglevel=error) >"$E2E_DIR/npm.log" 2>&1 ||
		fail "npm ci in tests/oscal failed: $(tail -n 20 "$E2E_DIR/npm.log")"
fi
report "$EV" --format oscal-ar -o "$E2E_DIR/ar.json"
assert_eq "$rc" 0 "report --format oscal-ar"
node "$V/validate.js" "$SCHEMA/oscal_assessment-results_schema.json" "$E2E_DIR/ar.json" \
	>"$E2E_DIR/validate.log" 2>&1 || fail "the assessment results do not validate:
$(head -n 30 "$E2E_DIR/validate.log")"
# The validator rejects what breaks the schema (else the check above could
# not fail): a finding's target state OSCAL does not have.
sed 's/"state": "not-satisfied"/"state": "partly"/' "$E2E_DIR/ar.json" >"$E2E_DIR/bad.json"
cmp -s "$E2E_DIR/ar.json" "$E2E_DIR/bad.json" && fail "no not-satisfied finding to break"
node "$V/validate.js" "$SCHEMA/oscal_assessment-results_schema.json" "$E2E_DIR/bad.json" >/dev/null 2>&1 &&
	fail "ajv accepted a finding state partly"
node -e '
const ar = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))["assessment-results"];
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
const r = ar.results[0];
const obs = r.observations.filter(o => o.props.some(p => p.name === "method"));
want(obs.map(o => o.methods[0]).join() === "EXAMINE,INTERVIEW,EXAMINE,TEST", "methods: " + obs.map(o => o.methods[0]).join());
want(obs[2].props.some(p => p.name === "method" && p.value === "observation"), "観察 says it was observation");
want(r["reviewed-controls"]["control-selections"][0]["include-controls"].map(c => c["control-id"]).join() === "S1-1.1,S1-1.2,S1-2", "reviewed controls");
want(r.findings.length === 2, "one finding per item with a result: " + r.findings.length);
want(r.findings[0].target.status.state === "satisfied" && r.findings[1].target.status.state === "not-satisfied", "finding states");
want(r.risks.length === 1 && r.risks[0].status === "open" && r.risks[0].deadline === "2027-01-31T00:00:00Z", "risks: " + JSON.stringify(r.risks));
want(r.findings[1]["related-risks"][0]["risk-uuid"] === r.risks[0].uuid, "the finding names its risk");
want(r.start === "2026-04-01T00:00:00Z" && r.end === "2027-03-31T00:00:00Z", "the period");
want(ar.metadata.props.filter(p => p.name === "change").length === 7, "the changes in metadata");
' "$E2E_DIR/ar.json" || fail "the assessment results do not say what the evaluation says"
# The same report twice is the same bytes: UUIDs come from the ids.
report "$EV" --format oscal-ar
cmp -s "$E2E_DIR/report.out" "$E2E_DIR/ar.json" || fail "two oscal-ar reports differ"

# ---- bad input ----
report "$EV" --format docx
assert_eq "$rc" 1 "report --format docx"
grep -q 'docx' "$E2E_DIR/report.err" || fail "report --format docx: $(cat "$E2E_DIR/report.err")"
report "$EV"
assert_eq "$rc" 1 "report without --format"
report "$E2E_DIR/missing.yaml" --format md
assert_eq "$rc" 2 "report on a missing file"
pass
