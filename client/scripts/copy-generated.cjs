#!/usr/bin/env node
// tsc compiles client/src but does not copy the generated protobuf module: copy it into dist.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const from = path.resolve(__dirname, '../src/generated');
const to = path.resolve(__dirname, '../dist/generated');
fs.mkdirSync(to, { recursive: true });
for (const file of ['game.js', 'game.d.ts']) fs.copyFileSync(path.join(from, file), path.join(to, file));
