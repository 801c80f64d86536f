#!/usr/bin/env node
// Regenerates the SDK's own copy of the wire schema (client/src/generated/) from proto/game.proto:
// static ES module code plus typings. The SDK never imports the server's generated code. Uses
// the repository's protobufjs-cli (run from the repo root: `npm run proto:gen`). An optional
// argument names another schema file (for trying additions before they land in proto/).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '../..');
const out = path.join(repo, 'client/src/generated');
const source = path.resolve(process.argv[2] ?? path.join(repo, 'proto/game.proto'));
const bin = (name) => path.join(repo, 'node_modules/.bin', name);
const run = (cmd, args) => execFileSync(bin(cmd), args, { cwd: repo, stdio: 'inherit' });
// Own roots name: in a process that also loads the server's code the two never share a namespace.
const pbjs = (extra, file) =>
  run('pbjs', [
    '-t', 'static-module', '-w', 'es6', '-r', 'gameclient', '--keep-case', '--no-beautify',
    '--no-delimited', '--no-service', '--no-verify', ...extra, '-o', file, source,
  ]);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'client-proto-'));
const commented = path.join(tmp, 'game.js');
pbjs([], commented);
run('pbts', ['--no-comments', '-o', path.join(out, 'game.d.ts'), commented]);
const runtime = path.join(out, 'game.js');
pbjs(['--no-comments'], runtime);
// protobufjs is CommonJS: Node's ES module loader needs the file name and a default import.
const code = fs
  .readFileSync(runtime, 'utf8')
  .replace(/import \* as \$protobuf from "protobufjs\/minimal";/, 'import $protobuf from "protobufjs/minimal.js";');
if (!code.includes('protobufjs/minimal.js')) throw new Error('pbjs output changed: fix the import rewrite');
fs.writeFileSync(runtime, code);
fs.rmSync(tmp, { recursive: true, force: true });
