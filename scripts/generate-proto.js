#!/usr/bin/env node
// Regenerates src/protocol/generated/ from proto/game.proto: static code (no runtime parsing of
// .proto files, typings for free). Generated files are committed and never hand-edited; a unit
// test fails when they are older than the schema.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Output folder: argv[2] (used by the spec that checks the committed files are current).
const out = path.resolve(process.argv[2] ?? path.join(root, 'src/protocol/generated'));
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => execFileSync(bin(cmd), args, { cwd: root, stdio: 'inherit' });
const pbjs = (extra, file, proto = 'proto/game.proto') =>
  run('pbjs', [
    '-t', 'static-module', '-w', 'commonjs', '--keep-case', '--no-beautify',
    '--no-delimited', '--no-service', '--no-verify', ...extra, '-o', file, proto,
  ]);

// pbts reads the JSDoc comments, so typings come from a commented build and the runtime file
// is the same code without them.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proto-'));
const commented = path.join(tmp, 'game.js');
pbjs([], commented);
run('pbts', ['--no-comments', '-o', path.join(out, 'game.d.ts'), commented]);
pbjs(['--no-comments'], path.join(out, 'game.js'));
// Internal schemas between instances; the folder that owns each also owns its generated code.
const internal = [
  ['proto/bus/v2/bus.proto', 'src/bus/generated', 'bus'],
  ['proto/rooms/v1/rooms.proto', 'src/rooms/generated', 'rooms'],
  ['proto/bridge/v1/bridge.proto', 'src/bridge/generated', 'bridge'],
];
for (const [proto, dir, name] of internal) {
  const folder = path.join(root, dir);
  fs.mkdirSync(folder, { recursive: true });
  const commentedFile = path.join(tmp, `${name}.js`);
  pbjs([], commentedFile, proto);
  run('pbts', ['--no-comments', '-o', path.join(folder, `${name}.d.ts`), commentedFile]);
  pbjs(['--no-comments'], path.join(folder, `${name}.js`), proto);
}
fs.rmSync(tmp, { recursive: true, force: true });
