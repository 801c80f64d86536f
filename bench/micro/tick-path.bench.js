#!/usr/bin/env node
// The in-process tick and fan-out path of one gateway build, without encoding or sockets: ROOMS
// rooms of MEMBERS members on the in-memory bus, every member queues one action per tick, TICKS
// ticks through SyncService.tick; the pool is a stub that counts deliveries. Time the whole process
// of two builds in turn (A B A B …) to compare the room core's own cost, e.g.:
//   npm run build && /usr/bin/time -f '%U user %S sys' node bench/micro/tick-path.bench.js . 6000
//   /usr/bin/time -f '%U user %S sys' node bench/micro/tick-path.bench.js <other checkout, built> 6000
// Builds from before the room core / bridge split (RoomsService) are driven through their API too.
'use strict';
const path = require('node:path');
const root = path.resolve(process.argv[2] ?? path.join(__dirname, '../..'));
const TICKS = Number(process.argv[3] ?? 2000);
const ROOMS = 20, MEMBERS = 50;
const req = (p) => require(`${root}/dist/${p}`);
const { Registry } = require(`${root}/node_modules/prom-client`);
const { InMemoryBus } = req('bus');
const { InMemoryRoomHistory, InMemoryDirectLog } = req('history');
const { MetricsService } = req('metrics');
const { SyncService } = req('sync/sync.service');
const { ArenaLogic } = req('games/arena/arena.logic');
const rooms = req('rooms');
const arena = new ArenaLogic({ bounds: { min: { x: -100, y: -100, z: 0 }, max: { x: 100, y: 100, z: 0 } }, maxHealth: 100, attackRange: 1, attackDamage: 1, hitScore: 1, killScore: 1 });
const config = { tickRate: 20, maxPlayers: 1000, maxQueuedActions: 100000, chatMaxLength: 100, maxRoomsPerConnection: 16 };
let delivered = 0;
const pool = { broadcast: (members) => { for (const _ of members) delivered++; }, send: () => true, get: () => undefined };
const bus = new InMemoryBus();
const history = new InMemoryRoomHistory({ maxEvents: 100, maxAgeMs: 60000 });
const logics = { kindOf: () => 'arena', get: () => arena };
const metrics = new MetricsService(new Registry());
let router, sync;
if (rooms.RoomsService) {
  const fanout = new rooms.RoomFanout(bus, history, new InMemoryDirectLog({ directBufferSize: 16 }), pool);
  router = new rooms.RoomsService(config, history, logics, fanout);
  sync = new SyncService(config, router, fanout, metrics);
  router.joinRoom = (c, r) => router.joinHere(c, r);
} else {
  const registry = new rooms.RoomRegistry(logics, history);
  const runner = new rooms.GameLogicRunner(config);
  const fanout = new rooms.RoomFanout(bus, history, pool);
  const admission = new rooms.RoomAdmission(config, history, registry, runner, fanout);
  router = new rooms.LocalRoomRouter(config, history, registry, admission, fanout);
  sync = new SyncService(config, registry, runner, fanout, new rooms.LocalClientDelivery(pool, new InMemoryDirectLog({ directBufferSize: 16 })), metrics);
  router.joinRoom = (c, r) => router.join(c, r);
}
const connections = [];
for (let r = 0; r < ROOMS; r++) for (let m = 0; m < MEMBERS; m++) {
  const c = { clientId: `c${r}-${m}`, rooms: new Set(), userId: undefined, socket: {} };
  router.joinRoom(c, { room_id: `room-${r}` });
  connections.push(c);
}
let now = 1e6;
for (let t = 0; t < TICKS; t++) {
  for (const c of connections) router.queueAction(c, { action: 'move', position: { x: t % 50, y: 1, z: 0 }, input_seq: t + 1 });
  sync.tick((now += 50));
}
if (delivered < TICKS * ROOMS * MEMBERS) throw new Error(`only ${delivered} deliveries`);
