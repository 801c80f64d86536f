#!/usr/bin/env node
// Bytes per client per tick of the `world` kind, computed in-process with the gateway's own state
// code (dist/, after `npm run build`): no sockets, no scheduler, so the numbers do not depend on
// how loaded the machine is. N players walk the load tester's world stream (bench/move-stream.mjs:
// 5 units a move, 10 moves/s, so each player moves every other tick at 20 Hz) in a square sized for
// --density players per 100 × 100 cell; every tick the room's changes are written per cell
// (RoomState.writeCellDeltas), each player's view follows its own cell (CellView), its frame is
// planned (planFrame: global delta, drops, entered cells' keyframes, changed cells' deltas) and
// composed by InterestOutbox exactly as the fan-out sends it (protobuf and JSON). Interest off:
// the same moves, one delta of the whole room to everyone (RoomState without a grid).
//   npm run build && node bench/micro/world-bytes.bench.mjs --players 100,1000,2000 --density 5 --ticks 200
// Prints, per N: state bytes per client per tick (mean over clients and the measured ticks, after
// --warmup ticks), with interest management and without, in both codecs; how many different
// frames the members got per tick (members sharing a focus cell and a base get identical bytes);
// and the process CPU the
// state and framing work took per tick (no socket writes: the part of the tick this code owns;
// protobuf frames composed per member with interest management, once per room without).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { worldPosition, worldSide } from '../move-stream.mjs';

const require = createRequire(import.meta.url);
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const { RoomState, CellGrid, CellView, FrameRecords, planFrame, writeCellDeltas } = require(`${dist}state`);
const { InterestOutbox } = require(`${dist}rooms/interest-outbox`);
const { CodecId } = require(`${dist}codec`);
const { WorldLogic } = require(`${dist}games/world/world.logic`);

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const players = String(args.players ?? '100,1000,2000').split(',').map(Number);
const density = Number(args.density ?? 5);
const ticks = Number(args.ticks ?? 200);
const warmup = Number(args.warmup ?? 40);
const flatUpTo = Number(args['flat-up-to'] ?? 1000); // interest off costs N² bytes: skip it above this

const kindOptions = Reflect.getMetadata('GAME:ROOM_KIND', WorldLogic).options;
const body = (r) => ({ ops: r.ops.slice(), strings: r.strings.slice() });
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function run(n, interest) {
  const grid = interest ? new CellGrid(kindOptions.state, kindOptions.interest) : undefined;
  const state = new RoomState(kindOptions.state, grid);
  const side = worldSide(n, density);
  const seq = new Array(n).fill(0);
  const entities = [];
  for (let g = 0; g < n; g++) {
    const p = worldPosition(0, g, side);
    entities.push(state.spawn('player', { x: p.x, y: p.y, name: `p${g}` }, { clientId: `c${g}`, playerId: `p${g}`, entityId: state.allocateId() }));
  }
  const views = entities.map(() => (grid ? new CellView(grid) : null));
  const last = new Array(n).fill(-1);
  const totals = { proto: 0, json: 0, frames: 0, cpuMs: 0, distinct: 0 };
  for (let tick = 1; tick <= warmup + ticks; tick++) {
    const measuring = tick > warmup;
    let c0 = cpuMs();
    // 10 moves/s at 20 Hz: half of the players move each tick, alternating.
    for (let g = tick % 2; g < n; g += 2) {
      const p = worldPosition(++seq[g], g, side);
      entities[g].x = p.x;
      entities[g].y = p.y;
    }
    let proto = 0, json = 0, frames = 0;
    // (protobuf per member is composed in both cases below; JSON only for the byte count)
    if (grid) {
      const deltas = writeCellDeltas(state);
      const changes = views.map((v, g) => v.follow(grid.cellAt(entities[g].x, entities[g].y)));
      const plans = views.map((v, g) => planFrame(v, changes[g], { globalChanged: !deltas.global.empty, hasCell: (c) => deltas.cells.has(c) }, last[g] < 0));
      const keys = new Map();
      for (let g = 0; g < n; g++) {
        for (const part of plans[g] ?? []) {
          if (part.kind !== 'cell-key' || keys.has(part.cell)) continue;
          const r = new FrameRecords();
          state.writeCellKeyframe(part.cell, r);
          keys.set(part.cell, body(r));
        }
      }
      const cells = new Map([...deltas.cells].map(([c, r]) => [c, body(r)]));
      const outbox = new InterestOutbox({ frame: tick, time: 0, delta: body(deltas.global), keyOnly: false, interest: { cells, keys, views: [], syncs: new Map() } });
      const headers = plans.map((parts, g) => parts && { key: last[g] < 0, base: last[g] >= 0 && last[g] !== tick - 1 ? last[g] : undefined });
      for (let g = 0; g < n; g++) {
        if (!plans[g]) continue;
        proto += outbox.compose(CodecId.Protobuf, plans[g], headers[g]).length;
        frames++;
        last[g] = tick;
      }
      // JSON composed apart, outside the CPU count (a member gets one codec; protobuf is counted).
      c0 -= cpuMs();
      if (measuring) {
        const distinct = new Set();
        for (let g = 0; g < n; g++) {
          if (!plans[g]) continue;
          json += outbox.compose(CodecId.Json, plans[g], headers[g]).length;
          distinct.add(JSON.stringify([plans[g], headers[g]]));
        }
        totals.distinct += distinct.size;
      }
      c0 += cpuMs();
    } else {
      const r = new FrameRecords();
      state.writeDelta(r);
      const outbox = new InterestOutbox({ frame: tick, time: 0, delta: body(r), keyOnly: false, interest: { cells: new Map(), keys: new Map(), views: [], syncs: new Map() } });
      // Encoded once, the same bytes to every member (the size is what each of them reads).
      const p = outbox.compose(CodecId.Protobuf, [{ kind: 'global' }], { key: false }).length;
      c0 -= cpuMs();
      const j = outbox.compose(CodecId.Json, [{ kind: 'global' }], { key: false }).length;
      c0 += cpuMs();
      [proto, json, frames] = [p * n, j * n, n];
    }
    if (!measuring) continue;
    {
      totals.proto += proto;
      totals.json += json;
      totals.frames += frames;
      totals.cpuMs += cpuMs() - c0;
    }
  }
  const perTick = (v) => v / n / ticks;
  return { n, interest, side: Math.round(side), protoPerClientTick: perTick(totals.proto), jsonPerClientTick: perTick(totals.json), framesPerClientTick: totals.frames / n / ticks, distinctPerTick: interest ? totals.distinct / ticks : 1, cpuMsPerTick: totals.cpuMs / ticks };
}

const f = (v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
console.log(`# world bytes per client per tick: density ${density} players per 100 × 100 cell, 10 moves/s, 20 Hz, ${ticks} ticks after ${warmup}; node ${process.version}`);
console.log('\n| players | square side | interest | frames per client per tick | distinct frames per tick | protobuf bytes per client per tick | JSON bytes per client per tick | state + framing CPU per tick (ms) |\n|---|---|---|---|---|---|---|---|');
const rows = [];
for (const n of players) {
  for (const interest of [true, false]) {
    if (!interest && n > flatUpTo) continue;
    const r = run(n, interest);
    rows.push(r);
    console.log(`| ${r.n} | ${r.side} | ${interest ? 'on' : 'off'} | ${f(r.framesPerClientTick, 2)} | ${f(r.distinctPerTick, 0)} | ${f(r.protoPerClientTick)} | ${f(r.jsonPerClientTick)} | ${f(r.cpuMsPerTick, 2)} |`);
  }
}
if (args.json) console.log(JSON.stringify(rows));
