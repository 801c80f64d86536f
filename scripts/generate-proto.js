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
// The cross-instance bus envelope (internal; the bus folder owns its generated code).
const busOut = path.join(root, 'src/bus/generated');
const busCommented = path.join(tmp, 'bus.js');
pbjs([], busCommented, 'proto/bus/v1/bus.proto');
run('pbts', ['--no-comments', '-o', path.join(busOut, 'bus.d.ts'), busCommented]);
pbjs(['--no-comments'], path.join(busOut, 'bus.js'), 'proto/bus/v1/bus.proto');
fs.rmSync(tmp, { recursive: true, force: true });
