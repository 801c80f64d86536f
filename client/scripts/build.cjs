#!/usr/bin/env node
// Builds the publishable package into client/dist:
//   esm/      ES modules + typings (tsc), the generated protobuf module copied beside them
//   cjs/      CommonJS (esbuild, one file per entry point) + the same typings, marked "type": "commonjs"
//             so that TypeScript reads them as CommonJS declarations (node16 CommonJS consumers)
//   browser/  game-gateway.min.js (JSON) and game-gateway.protobuf.min.js (+ ProtobufCodec): minified
//             IIFEs for a <script> tag, global `GameGateway`
// Uses the repository's TypeScript and esbuild (run `npm ci` at the repository root first).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const src = path.join(root, 'src');
const ENTRY_POINTS = ['index', 'protobuf-codec'];

function copyTypings(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyTypings(source, target);
    else if (entry.name.endsWith('.d.ts')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

async function build() {
  fs.rmSync(dist, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
  const esm = path.join(dist, 'esm');
  fs.mkdirSync(path.join(esm, 'generated'), { recursive: true });
  for (const file of ['game.js', 'game.d.ts']) fs.copyFileSync(path.join(src, 'generated', file), path.join(esm, 'generated', file));

  const cjs = path.join(dist, 'cjs');
  copyTypings(esm, cjs);
  fs.writeFileSync(path.join(cjs, 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
  await esbuild.build({
    entryPoints: ENTRY_POINTS.map((name) => path.join(src, `${name}.ts`)),
    outdir: cjs,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Dependencies stay dependencies; `ws` is loaded only where there is no global WebSocket.
    external: ['ws', 'protobufjs', 'protobufjs/*'],
    sourcemap: true,
    logLevel: 'warning',
  });

  // Two script-tag builds: JSON only (small), and with the protobuf codec (protobufjs and the schema).
  for (const [entry, file] of [['index.ts', 'game-gateway.min.js'], ['browser.ts', 'game-gateway.protobuf.min.js']]) {
    await esbuild.build({
      entryPoints: [path.join(src, entry)],
      outfile: path.join(dist, 'browser', file),
      bundle: true,
      format: 'iife',
      globalName: 'GameGateway',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      sourcemap: true,
      external: ['ws'],
      logLevel: 'warning',
    });
  }
}

build().catch((error) => {
  console.error(error);
  process.exit(1);
});
