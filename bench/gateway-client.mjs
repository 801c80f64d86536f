// Our gateway's side of bench/colyseus-bytes.mjs: `ws` clients speaking our protocol (v1 and the
// v2 draft of STATE-V2-WIRE), each frame classified for the bytes-per-tick measurement.
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const { gameproto } = require('./proto.cjs');
const { Reader } = require('protobufjs/minimal');
const { parseSchema, StateMirror } = require('./loadgen/state-v2.js');

// `kind(msg)` says what a decoded frame is for the measurement: 'state' (the per-tick state
// frame: a v1 `sync`, a v2 delta), 'key' (a v2 keyframe: a `state` frame with `key`, or the
// keyframe inside a v2 `room_joined`, counted as its encoded StateFrame / JSON text alone, as
// Colyseus's ROOM_STATE is counted without its JOIN_ROOM handshake) or 'other'.
const T = gameproto.MessageType;
const STATE_V2 = T.STATE ?? 18; // STATE-V2-WIRE draft: Message.type 18, payload StateFrame

/** `StateFrame.key` (field 3, varint) read with the stock protobuf reader: no generated type needed. */
function stateFrameIsKey(payload) {
  const r = Reader.create(payload);
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === 3 && (tag & 7) === 0) return r.bool();
    r.skipType(tag & 7);
  }
  return false;
}

const json = {
  encode: (type, payload) => JSON.stringify({ type, payload }),
  decode: (data) => JSON.parse(data),
};
const proto = {
  encode(type, payload) {
    const [value, Inner] = { join_room: [T.JOIN_ROOM, gameproto.JoinRoomRequest], game_action: [T.GAME_ACTION, gameproto.GameAction] }[type];
    return gameproto.Message.encode({ type: value, room_id: payload.room_id, payload: Inner.encode(payload).finish() }).finish();
  },
  decode(data) {
    const m = gameproto.Message.decode(data);
    const type = { [T.WELCOME]: 'welcome', [T.ROOM_JOINED]: 'room_joined', [T.PLAYER_JOINED]: 'player_joined', [T.ERROR]: 'error', [T.SYNC]: 'sync', [STATE_V2]: 'state' }[m.type] ?? `type ${m.type}`;
    return { type, payload: m.payload }; // payload stays encoded; decoded only where needed
  },
};

/** The gateway targets: subprotocol, codec, what a frame counts as, and (v1) the players of a state frame. */
export const GATEWAY_CLIENTS = {
  'v1-json': { protocol: 'game.v1.json', codec: json, kind: (m) => (m.type === 'sync' ? 'state' : 'other'), players: (m) => m.payload.players },
  'v1-proto': { protocol: 'game.v1.proto', codec: proto, kind: (m) => (m.type === 'sync' ? 'state' : 'other'), players: (m) => gameproto.StateSync.decode(m.payload).players },
  // v2: `state` frames, deltas apart from keyframes, applied to a mirror (bench/loadgen/state-v2.js).
  'v2-proto': {
    protocol: 'game.v2.proto', codec: proto, v2: true,
    kind: (m) => (m.type === 'state' ? (stateFrameIsKey(m.payload) ? 'key' : 'state') : m.type === 'room_joined' ? 'key' : 'other'),
    decoded: (m) => {
      const Inner = { state: gameproto.StateFrame, room_joined: gameproto.RoomJoined, player_joined: gameproto.PlayerJoined }[m.type];
      return Inner ? Inner.toObject(Inner.decode(m.payload), { longs: Number, defaults: true, arrays: true }) : undefined;
    },
  },
  'v2-json': { protocol: 'game.v2.json', codec: json, v2: true, kind: (m) => (m.type === 'state' ? (m.payload.key ? 'key' : 'state') : m.type === 'room_joined' ? 'key' : 'other'), decoded: (m) => m.payload },
};

/** Bytes of the keyframe inside a v2 room_joined, as its codec encodes it. */
function joinKeyframeBytes(spec, msg) {
  const state = spec.decoded(msg).state;
  if (spec.codec === json) return Buffer.byteLength(JSON.stringify(state));
  return gameproto.StateFrame.encode(state).finish().length;
}

/** A v2 client's copy of its room: the mirror, and which player each entity id is. */
function v2Mirror(spec) {
  let mirror = null;
  const players = new Map(); // entity id → player id
  return {
    onMessage(msg) {
      if (msg.type !== 'state' && msg.type !== 'room_joined' && msg.type !== 'player_joined') return;
      const p = spec.decoded(msg);
      if (msg.type === 'player_joined') return void players.set(Number(p.entity_id), p.player_id);
      if (msg.type === 'room_joined') {
        for (const pl of p.players ?? []) players.set(Number(pl.entity_id), pl.player_id);
        mirror = new StateMirror(parseSchema(p.schema));
        if (p.state) mirror.apply(p.state);
        return;
      }
      if (mirror && mirror.apply(p) === 'no-base') throw new Error(`a delta on a missing base (frame ${p.frame}, mirror at ${mirror.frame})`);
    },
    /** player id → position (game units) */
    view: () => new Map([...players].map(([id, player]) => [player, mirror?.position(id)]).filter(([, pos]) => pos)),
  };
}

/**
 * Opens a `ws` client speaking `spec`'s subprotocol and joins `roomId` as `p{g}`; `observe(size,
 * kind)` sees every message. Rejects (and closes) if the join fails or the subprotocol is refused.
 *
 * @example const c = await joinGateway({ url, spec: GATEWAY_CLIENTS['v1-proto'], g: 0, roomId: 'bench-0', observe });
 */
export function joinGateway({ url, spec, g, roomId, observe }) {
  const me = `p${g}`;
  const socket = new WebSocket(url, spec.protocol, { perMessageDeflate: false });
  let lastState = null, joined = false;
  const v2 = spec.v2 ? v2Mirror(spec) : null;
  const send = (type, payload) => socket.readyState === WebSocket.OPEN && socket.send(spec.codec.encode(type, payload));
  return new Promise((resolve, reject) => {
    const fail = (why) => { socket.terminate(); reject(new Error(why)); };
    const timer = setTimeout(() => fail(`no room_joined within 15 s`), 15000);
    // A server that knows none of the offered subprotocols answers without one: ws rejects that.
    socket.once('error', (e) => fail(/subprotocol/i.test(e.message) ? `the gateway did not negotiate ${spec.protocol} (${e.message})` : e.message));
    socket.once('open', () => {
      if (socket.protocol !== spec.protocol) fail(`the gateway did not negotiate ${spec.protocol}`);
    });
    socket.on('message', (data, isBinary) => {
      const msg = spec.codec.decode(isBinary ? data : data.toString());
      const kind = spec.kind(msg);
      observe(kind === 'key' && msg.type === 'room_joined' ? joinKeyframeBytes(spec, msg) : data.length, kind);
      if (kind === 'state') lastState = msg;
      v2?.onMessage(msg);
      if (msg.type === 'welcome') send('join_room', { room_id: roomId, user_id: me, nickname: me });
      else if (msg.type === 'error' && !joined) fail(`error frame: ${JSON.stringify(msg.payload)}`);
      else if (msg.type === 'room_joined' && !joined) {
        joined = true;
        clearTimeout(timer);
        resolve({
          roomId, key: me, socket,
          move: (position, seq) => send('game_action', { room_id: roomId, action: 'move', position, input_seq: seq }),
          mirror: v2 ? v2.view : spec.players && (() => new Map((lastState ? spec.players(lastState) : []).map((p) => [p.player_id, p.position]))),
          close: () => socket.close(1000),
        });
      }
    });
  });
}

