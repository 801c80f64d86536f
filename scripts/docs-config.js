#!/usr/bin/env node
// Rewrites the configuration table in README.md from the variables the code declares
// (src/config/env-var.ts, DECLARED_VARIABLES). Imports the app module so that every namespace,
// games' included, registers. `--check` only reports whether the README is up to date.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const readmePath = path.join(root, 'README.md');

// Load the TypeScript sources directly: transpile on require, no build step and no extra tool.
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const compilerOptions = { ...config.compilerOptions, module: 'commonjs', sourceMap: false, inlineSourceMap: false };
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
require('reflect-metadata');

require(path.join(root, 'src/app.module.ts'));
const { renderConfigTable, replaceConfigTable, extractConfigTable } = require(path.join(root, 'src/config/config-table.ts'));

const readme = fs.readFileSync(readmePath, 'utf8');
const table = renderConfigTable();
if (process.argv.includes('--check')) {
  if (extractConfigTable(readme) !== table) {
    console.error('README.md configuration table is out of date: run `npm run docs:config`');
    process.exit(1);
  }
  console.log('README.md configuration table is up to date');
} else {
  fs.writeFileSync(readmePath, replaceConfigTable(readme, table));
  console.log(`README.md: configuration table rewritten (${table.split('\n').length - 2} variables)`);
}
