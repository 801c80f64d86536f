#!/usr/bin/env node
// Bundles the demo page (demo/main.ts + the client SDK sources) into demo/dist for GET /.
'use strict';
const { build } = require('esbuild');
const { copyFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

async function buildDemo() {
  mkdirSync(join(__dirname, 'dist'), { recursive: true });
  await build({
    entryPoints: [join(__dirname, 'main.ts')],
    outfile: join(__dirname, 'dist/demo.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    // Browsers have WebSocket; the SDK's Node fallback must not be bundled.
    external: ['ws'],
    logLevel: 'warning',
  });
  copyFileSync(join(__dirname, 'index.html'), join(__dirname, 'dist/index.html'));
}

module.exports = { buildDemo };
if (require.main === module) buildDemo().catch((error) => (console.error(error), process.exit(1)));
