#!/usr/bin/env node
// Writes docs/schemas/<kind>.json: the descriptor of every room kind this repository ships (what
// v2 clients decode state frames with; room_joined.schema carries the same). `--check` only
// reports whether the files are current (a spec runs the same comparison).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const compilerOptions = { ...config.compilerOptions, module: 'commonjs', sourceMap: false, inlineSourceMap: false };
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

const { shippedKindDescriptors } = require(path.join(root, 'src/games/kind-descriptors.ts'));
const dir = path.join(root, 'docs/schemas');
const stale = [];
fs.mkdirSync(dir, { recursive: true });
for (const descriptor of shippedKindDescriptors()) {
  const file = path.join(dir, `${descriptor.kind}.json`);
  const text = `${JSON.stringify(descriptor, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(file);
  } else fs.writeFileSync(file, text);
}
if (stale.length) {
  console.error(`out of date: ${stale.map((f) => path.relative(root, f)).join(', ')}: run \`npm run schemas\``);
  process.exit(1);
}
