#!/usr/bin/env node
// node csv_read.js FILE: reads FILE as Excel reads a CSV (RFC 4180: a
// UTF-8 byte order mark, CRLF between rows, quoted cells that may hold
// commas, quotes and line breaks) and prints the rows as one JSON array.
// Exits 1 when the file breaks those rules: no BOM, a bare LF between
// rows, a quote inside an unquoted cell, an unterminated quote.
'use strict';
const fs = require('fs');
const buf = fs.readFileSync(process.argv[2]);
function die(msg) { console.error(`${process.argv[2]}: ${msg}`); process.exit(1); }
if (buf[0] !== 0xEF || buf[1] !== 0xBB || buf[2] !== 0xBF) die('no UTF-8 byte order mark');
const s = buf.toString('utf8', 3);
const rows = [];
let row = [], cell = '', i = 0, quoted = false, started = false;
while (i < s.length) {
	const c = s[i];
	if (quoted) {
		if (c === '"' && s[i + 1] === '"') { cell += '"'; i += 2; continue; }
		if (c === '"') { quoted = false; i++; continue; }
		cell += c; i++; continue;
	}
	if (c === '"') {
		if (cell !== '') die(`a quote inside an unquoted cell, row ${rows.length + 1}`);
		quoted = true; started = true; i++; continue;
	}
	if (c === ',') { row.push(cell); cell = ''; i++; continue; }
	if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
	if (c === '\n' || c === '\r') die(`a line break outside quotes without CRLF, row ${rows.length + 1}`);
	cell += c; i++;
}
if (quoted) die('a quote is never closed');
if (cell !== '' || row.length) die('the last row does not end in CRLF');
void started;
process.stdout.write(JSON.stringify(rows) + '\n');
