#!/usr/bin/env node
// NOT PART OF THE PRODUCT. A Colyseus 0.16 server (ws transport, @colyseus/schema 3) running a
// room equivalent to our `arena` kind, as a peer for bench/colyseus-bytes.mjs. Loopback only.
//   PORT=9520 node bench/colyseus/server.mjs      (GET /health answers once it listens)
// Room kinds (see arena-schema.mjs): arena, arena_f32, arena_vel. Creation option `maxClients`.
import { createServer } from 'node:http';
import { Room, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { schema } from '@colyseus/schema';
import { BOUNDS, MAX_HEALTH, PLAYER_FIELDS } from './arena-schema.mjs';

const PATCH_MS = 50; // 20 Hz, like our TICK_RATE=20
const clamp = (v, min, max) => (v < min ? min : v > max ? max : v);

/** A Room class whose state is `players: MapSchema<Player>` with the given player fields. */
function arenaRoom(kind, fields) {
  const Player = schema(fields, `${kind}_Player`);
  const State = schema({ players: { map: Player } }, `${kind}_State`);
  const withVelocity = 'vx' in fields;

  return class ArenaRoom extends Room {
    onCreate(options) {
      this.maxClients = Number(options?.maxClients) || 10;
      this.patchRate = PATCH_MS;
      this.setState(new State());
      this.moves = new Map(); // sessionId → { at, moved, moving } for velocity
      this.onMessage('move', (client, position) => this.move(client, position));
      if (withVelocity) this.setSimulationInterval(() => this.zeroIdleVelocities(), PATCH_MS);
    }

    onJoin(client) {
      const player = new Player();
      for (const name of Object.keys(fields)) player[name] = 0;
      player.health = MAX_HEALTH;
      this.state.players.set(client.sessionId, player);
      this.moves.set(client.sessionId, { at: Date.now(), moved: false, moving: false });
    }

    onLeave(client) {
      this.state.players.delete(client.sessionId);
      this.moves.delete(client.sessionId);
    }

    move(client, position) {
      const player = this.state.players.get(client.sessionId);
      if (!player || typeof position !== 'object' || position === null) return;
      const to = {
        x: clamp(Number(position.x) || 0, BOUNDS.min.x, BOUNDS.max.x),
        y: clamp(Number(position.y) || 0, BOUNDS.min.y, BOUNDS.max.y),
        z: clamp(Number(position.z) || 0, BOUNDS.min.z, BOUNDS.max.z),
      };
      if (withVelocity) {
        const m = this.moves.get(client.sessionId);
        const now = Date.now();
        const seconds = Math.max(now - m.at, PATCH_MS) / 1000;
        player.vx = (to.x - player.x) / seconds;
        player.vy = (to.y - player.y) / seconds;
        player.vz = (to.z - player.z) / seconds;
        Object.assign(m, { at: now, moved: true, moving: true });
      }
      player.x = to.x;
      player.y = to.y;
      player.z = to.z;
    }

    /** Like our arena's onTick: a player that did not move since the last tick stops. */
    zeroIdleVelocities() {
      for (const [sessionId, m] of this.moves) {
        if (m.moved) m.moved = false;
        else if (m.moving) {
          const player = this.state.players.get(sessionId);
          player.vx = player.vy = player.vz = 0;
          m.moving = false;
        }
      }
    }
  };
}

const port = Number(process.env.PORT ?? 9520);
const http = createServer((req, res) => {
  // Colyseus answers its /matchmake routes itself and hands every other request to this one.
  res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'text/plain' }).end(req.url === '/health' ? 'ok' : 'not found');
});
const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
for (const [kind, fields] of Object.entries(PLAYER_FIELDS)) server.define(kind, arenaRoom(kind, fields));
await server.listen(port, '127.0.0.1');
console.log(`colyseus peer listening on ws://127.0.0.1:${port} (kinds: ${Object.keys(PLAYER_FIELDS).join(', ')})`);
// Colyseus shuts down gracefully on SIGTERM/SIGINT by itself (gracefullyShutdown defaults to true).
