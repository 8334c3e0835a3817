#!/bin/sh
# The OSCAL exports validate against NIST's OSCAL 1.2.1 JSON schemas
# (../shared/data/oscal/schema) with ajv, a real JSON Schema validator,
# and carry what the tailoring says: the excluded control leaves through
# exclude-controls, changed controls get alters with the reasons as
# remarks, the catalog holds exactly the items of the standard.  ajv is
# installed from tests/oscal/package-lock.json (npm ci) the first time.
. "$(dirname "$0")/lib.sh"

G=$E2E_TOP/tests/golden
V=$E2E_TOP/tests/oscal
SCHEMA=$(cd "${KIJUN_SHARED_DATA:-$E2E_TOP/../shared/data}/oscal/schema" 2>/dev/null && pwd) ||
	fail "the OSCAL schemas are missing: ../shared/data/oscal/schema (set KIJUN_SHARED_DATA)"
command -v node >/dev/null 2>&1 || fail "node is needed (apt-get install nodejs npm)"
if [ ! -d "$V/node_modules/ajv" ] || [ ! -d "$V/node_modules/ajv-formats" ]; then
	command -v npm >/dev/null 2>&1 || fail "npm is needed to install ajv (apt-get install npm)"
	(cd "$V" && npm ci --no-audit --no-fund --loglevel=error) >"$E2E_DIR/npm.log" 2>&1 ||
		fail "npm ci in tests/oscal failed: $(tail -n 20 "$E2E_DIR/npm.log")"
fi

EX=$E2E_TOP/data/examples/guideline-examples.yaml
for f in catalog profile; do
	kijun_cli 0 export "$G/small.yaml" --format oscal-$f -o "$E2E_DIR/small-$f.json"
	kijun_cli 0 export "$EX" --format oscal-$f -o "$E2E_DIR/guideline-$f.json"
	node "$V/validate.js" "$SCHEMA/oscal_${f}_schema.json" "$E2E_DIR/small-$f.json" \
		"$E2E_DIR/guideline-$f.json" >"$E2E_DIR/validate-$f.log" 2>&1 ||
		fail "the OSCAL $f does not validate:
$(head -n 30 "$E2E_DIR/validate-$f.log")"
done

# The validator rejects what breaks the schema (else the checks above
# could not fail): a UUID that is not one, an id that is not a token.
sed '0,/"uuid": "[^"]*"/s//"uuid": "not-a-uuid"/' "$E2E_DIR/small-profile.json" >"$E2E_DIR/bad-profile.json"
sed 's/"id": "S1"/"id": "1 S"/' "$E2E_DIR/small-catalog.json" >"$E2E_DIR/bad-catalog.json"
node "$V/validate.js" "$SCHEMA/oscal_profile_schema.json" "$E2E_DIR/bad-profile.json" >/dev/null 2>&1 &&
	fail "ajv accepted a profile with a bad UUID"
node "$V/validate.js" "$SCHEMA/oscal_catalog_schema.json" "$E2E_DIR/bad-catalog.json" >/dev/null 2>&1 &&
	fail "ajv accepted a catalog with a bad id"

node -e '
const fs = require("fs");
const cat = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).catalog;
const prof = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).profile;
const want = (c, m) => { if (!c) { console.error(m); process.exit(1); } };
const ids = [];
const walk = (o) => {
	for (const g of o.groups || []) { ids.push(g.id); walk(g); }
	for (const c of o.controls || []) { ids.push(c.id); walk(c); }
};
walk(cat);
want(ids.join() === "P,S1,S1-1,S1-1.1,S1-1.2,S1-2", "catalog groups and controls: " + ids.join());
const c12 = cat.groups[0].groups[0].controls[0].controls[1];
const items = c12.parts[0].parts.map(p => p.id + "=" + p.prose);
want(items.join() === "S1-1.2_2Fa=目的,S1-1.2_2Fb=責任,S1-1.2_2Fc=<見直しの時期> & 方法", "entries: " + items.join());
want(cat.metadata["oscal-version"] === "1.2.1" && cat.metadata["last-modified"] === "2026-11-28T00:00:00Z", "metadata");
const changes = cat.metadata.props.filter(p => p.name === "change");
want(changes.length === 7 && changes[0].remarks === "当社は該当する業務を持たないため。", "change props: " + JSON.stringify(changes[0]));
want(JSON.stringify(prof.imports[0]["exclude-controls"]) === JSON.stringify([{ "with-child-controls": "yes", "with-ids": ["S1-3"] }]),
     "exclude-controls: " + JSON.stringify(prof.imports[0]));
want(prof.imports[0].href === "#" + prof["back-matter"].resources[0].uuid, "the import names the back-matter resource");
const alters = prof.modify.alters.map(a => a["control-id"]);
want(alters.join() === "S1-1,S1-1.1,S1-1.2,S1-2", "alters: " + alters.join());
const a11 = prof.modify.alters[1];
want(a11.removes[0]["by-id"] === "S1-1.1_smt" && a11.adds[0].parts[0].prose.startsWith("=経営陣は"), "S1-1.1 alter");
const p1 = prof.modify.alters[0].adds[0].props;
want(p1.some(p => p.name === "level" && p.value === "mandatory") &&
     p1.some(p => p.name === "change" && p.remarks === "社内規程と対応づけるため。"), "S1-1 props: " + JSON.stringify(p1));
' "$E2E_DIR/small-catalog.json" "$E2E_DIR/small-profile.json" || fail "the OSCAL exports do not say what the tailoring says"
# A tailoring on a tailoring: the profile imports the base tailoring's
# result, so it excludes only what this one takes out.
cp "$G/small.yaml" "$G/small-catalog.yaml" "$E2E_DIR/"
cat >"$E2E_DIR/second.yaml" <<'YAML'
format: kijun-tailoring/1
id: second
title: 二段目
base:
  tailoring: small-tailoring
  file: small.yaml
changes:
- op: exclude
  target: S1-2
  step: 1
  reason: 不要のため。
  author: 事務局
  date: '2026-12-01'
YAML
kijun_cli 0 export "$E2E_DIR/second.yaml" --format oscal-profile -o "$E2E_DIR/second.json"
node "$V/validate.js" "$SCHEMA/oscal_profile_schema.json" "$E2E_DIR/second.json" >"$E2E_DIR/validate-second.log" 2>&1 ||
	fail "the second profile does not validate: $(head -n 20 "$E2E_DIR/validate-second.log")"
node -e '
const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).profile;
const ex = JSON.stringify(p.imports[0]["exclude-controls"][0]["with-ids"]);
if (ex !== JSON.stringify(["S1-2"]) || p.modify) { console.error(ex, JSON.stringify(p.modify)); process.exit(1); }
' "$E2E_DIR/second.json" || fail "the profile of a tailoring on a tailoring"
# The same export twice is the same bytes: UUIDs come from the ids.
kijun_cli 0 export "$G/small.yaml" --format oscal-profile
cmp -s "$E2E_DIR/cli.out" "$E2E_DIR/small-profile.json" || fail "two OSCAL exports differ"
pass
