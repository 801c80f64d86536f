// NOT PART OF THE PRODUCT. The Colyseus side of bench/colyseus-bytes.mjs: real colyseus.js 0.16
// clients, and a reader that splits a state patch's bytes into what they carry.
import { Client, Room } from 'colyseus.js';
import { PLAYER_FIELDS } from './arena-schema.mjs';

/** Colyseus protocol codes (first byte of every server message), from @colyseus/core Protocol. */
export const Code = { JOIN_ROOM: 10, ERROR: 11, LEAVE_ROOM: 12, ROOM_DATA: 13, ROOM_STATE: 14, ROOM_STATE_PATCH: 15 };

// Observe every message a room receives, at the room's own handler (the payload colyseus.js
// decodes), including the join handshake and the first full state that arrive before
// `create()`/`joinById()` resolve. The room is still decoded by colyseus.js as usual.
const observers = new WeakMap(); // room → (bytes: Uint8Array) => void
const early = new WeakMap(); // room → messages received before an observer was set
const onMessage = Room.prototype.onMessageCallback;
Room.prototype.onMessageCallback = function (event) {
  const bytes = new Uint8Array(event.data);
  const observe = observers.get(this);
  if (observe) observe(bytes);
  else early.set(this, [...(early.get(this) ?? []), bytes]);
  return onMessage.call(this, event);
};

/**
 * Joins (or, without `roomId`, creates) a room of `kind` and returns the client's handle.
 * `observe(bytes)` sees every message, the ones of the join included.
 *
 * @example const c = await joinColyseus({ endpoint: 'ws://127.0.0.1:9520', kind: 'arena', maxClients: 10, observe });
 */
export async function joinColyseus({ endpoint, kind, roomId, maxClients, observe }) {
  const client = new Client(endpoint);
  const room = roomId ? await client.joinById(roomId) : await client.create(kind, { maxClients });
  for (const bytes of early.get(room) ?? []) observe(bytes);
  early.delete(room);
  observers.set(room, observe);
  return {
    roomId: room.roomId,
    key: room.sessionId,
    /** The underlying `ws` socket (colyseus.js uses the `ws` package under Node). */
    socket: room.connection.transport.ws,
    move: (position) => room.send('move', position),
    /** This client's copy of every player's position, as colyseus.js decoded it. */
    mirror: () => new Map([...room.state.players.entries()].map(([id, p]) => [id, { x: p.x, y: p.y, z: p.z }])),
    close: () => room.leave(true),
  };
}

// Bytes of a value of each primitive type; `number` is msgpack-like and sized by its first byte.
const FIXED = { float32: 4, float64: 8, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8 };
function numberSize(first) {
  if (first < 0x80 || first >= 0xe0) return 1; // positive / negative fixint
  return { 0xcc: 2, 0xcd: 3, 0xce: 5, 0xcf: 9, 0xd0: 2, 0xd1: 3, 0xd2: 5, 0xd3: 9, 0xca: 5, 0xcb: 9 }[first] ?? NaN;
}

const SWITCH_TO_STRUCTURE = 255;

/**
 * Splits a ROOM_STATE_PATCH of a steady room (only player fields replaced: no player added or
 * removed) into its parts: the protocol code, structure switches (0xFF + the player's refId),
 * field bytes (operation | field index) and values. Returns null for a patch of another shape
 * (a join or leave), which the caller counts as not analyzed.
 *
 * @example splitPatch(bytes, 'arena') // → { code: 1, switches: 10, fields: 10, values: 15, players: 5, changes: 10 }
 */
export function splitPatch(bytes, kind) {
  const types = Object.values(PLAYER_FIELDS[kind]);
  if (bytes[0] !== Code.ROOM_STATE_PATCH) return null;
  const out = { code: 1, switches: 0, fields: 0, values: 0, players: 0, changes: 0 };
  let i = 1;
  while (i < bytes.length) {
    if (bytes[i] === SWITCH_TO_STRUCTURE) {
      const refIdSize = numberSize(bytes[i + 1]);
      out.switches += 1 + refIdSize;
      out.players++;
      i += 1 + refIdSize;
      continue;
    }
    if (out.players === 0) return null; // changes of the root (the players map itself)
    // One byte: the operation in the top two bits (a Schema field set is written as ADD, 0x80,
    // or REPLACE, 0), the field index in the low six.
    const index = bytes[i] & 0x3f, op = bytes[i] & 0xc0;
    if ((op !== 0x80 && op !== 0) || index >= types.length) return null; // not a player field set
    const size = types[index] === 'number' ? numberSize(bytes[i + 1]) : FIXED[types[index]];
    if (!(size > 0)) return null;
    out.fields++;
    out.values += size;
    out.changes++;
    i += 1 + size;
  }
  return i === bytes.length ? out : null;
}
