#!/usr/bin/env node
// node validate.js SCHEMA.json FILE.json...: validates each FILE against
// the JSON schema (draft-07, as NIST's OSCAL schemas declare) with ajv and
// its formats; prints every error and exits 1 if any file is invalid.
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
	console.error('usage: node validate.js SCHEMA.json FILE.json...');
	process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
// strict: false because the NIST schemas use keywords ajv does not know
// ($comment-like annotations); unicodeRegExp (the default) makes \p{L} work.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let bad = 0;
for (const f of files) {
	const doc = JSON.parse(fs.readFileSync(f, 'utf8'));
	if (validate(doc)) {
		console.log(`${f}: valid`);
	} else {
		bad++;
		for (const e of validate.errors.slice(0, 40))
			console.log(`${f}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
	}
}
process.exit(bad ? 1 : 0);
