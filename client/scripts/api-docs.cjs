#!/usr/bin/env node
// The API reference in client/docs/api, generated from the types and their JSDoc by TypeDoc
// (markdown). `--check` generates into a temp folder and fails if client/docs/api differs.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const committed = path.join(root, 'docs/api');
const check = process.argv.includes('--check');
const out = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'client-api-')) : committed;
// typedoc's exports hide bin/: find it from its main module (<pkg>/dist/index.js).
const typedoc = path.join(path.dirname(require.resolve('typedoc')), '../bin/typedoc');
execFileSync(process.execPath, [typedoc, '--options', path.join(root, 'typedoc.json'), '--out', out], { cwd: root, stdio: 'inherit' });

if (check) {
  const list = (dir) =>
    fs.readdirSync(dir, { recursive: true }).filter((file) => fs.statSync(path.join(dir, file)).isFile()).sort();
  const expected = list(out);
  const actual = fs.existsSync(committed) ? list(committed) : [];
  const stale = [...new Set([...expected, ...actual])].filter((file) => {
    const a = path.join(out, file);
    const b = path.join(committed, file);
    return !fs.existsSync(a) || !fs.existsSync(b) || fs.readFileSync(a, 'utf8') !== fs.readFileSync(b, 'utf8');
  });
  fs.rmSync(out, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`client/docs/api is out of date (${stale.join(', ')}): run "npm run docs:client" and commit the result`);
    process.exit(1);
  }
}
