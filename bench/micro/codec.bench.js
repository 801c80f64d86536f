#!/usr/bin/env node
// Static generated code vs runtime reflection (protobufjs), and JSON, for one `sync` snapshot of
// a 10-player room: the per-broadcast encode cost, and the per-message decode of a game_action.
// Run: npm run build && node bench/micro/codec.bench.js
'use strict';
const path = require('node:path');
const protobuf = require('protobufjs');
const { gameproto } = require('../../dist/protocol');

const reflected = new protobuf.Root().loadSync(path.join(__dirname, '../../proto/game.proto'), { keepCase: true });
const R = { StateSync: reflected.lookupType('gameproto.StateSync'), GameAction: reflected.lookupType('gameproto.GameAction') };

const players = Array.from({ length: 10 }, (_, i) => ({
  player_id: `player-${i}`,
  position: { x: i * 1.5, y: i * 2.25, z: 0 },
  velocity: { x: 3.5, y: -1.25, z: 0 },
  health: 100 - i,
  score: i * 3,
  last_input_seq: 1000 + i,
}));
const sync = { room_id: 'room-1', frame_num: 123456, players, timestamp: Date.now() };
const action = { action: 'move', position: { x: 1, y: 2, z: 0 }, input_seq: 99, room_id: 'room-1' };
const actionBytes = gameproto.GameAction.encode(action).finish();

function bench(name, fn, iterations = 200_000) {
  for (let i = 0; i < 20_000; i++) fn(); // warm up
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  console.log(`${name.padEnd(36)} ${ns.toFixed(0).padStart(6)} ns/op`);
}

bench('encode sync: static', () => gameproto.StateSync.encode(sync).finish());
bench('encode sync: reflection', () => R.StateSync.encode(sync).finish());
bench('encode sync: JSON.stringify+Buffer', () => Buffer.from(JSON.stringify(sync)));
bench('decode game_action: static', () => gameproto.GameAction.decode(actionBytes));
bench('decode game_action: reflection', () => R.GameAction.decode(actionBytes));
bench('decode game_action: JSON.parse', () => JSON.parse('{"action":"move","position":{"x":1,"y":2,"z":0},"input_seq":99}'));
