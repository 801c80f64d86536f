// Our gateway's side of bench/colyseus-bytes.mjs: `ws` clients speaking our protocol (v1 and the
// v2 draft of STATE-V2-WIRE), each frame classified for the bytes-per-tick measurement.
import { createRequire } from 'node:module';
import WebSocket from 'ws';

const require = createRequire(import.meta.url);
const { gameproto } = require('./proto.cjs');
const { Reader } = require('protobufjs/minimal');

// `kind(msg)` says what a decoded frame is for the measurement: 'state' (the per-tick state
// frame: a v1 `sync`, a v2 delta), 'key' (a v2 keyframe) or 'other'.
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
    const type = { [T.WELCOME]: 'welcome', [T.ROOM_JOINED]: 'room_joined', [T.ERROR]: 'error', [T.SYNC]: 'sync', [STATE_V2]: 'state' }[m.type] ?? `type ${m.type}`;
    return { type, payload: m.payload }; // payload stays encoded; decoded only where needed
  },
};

/** The gateway targets: subprotocol, codec, what a frame counts as, and (v1) the players of a state frame. */
export const GATEWAY_CLIENTS = {
  'v1-json': { protocol: 'game.v1.json', codec: json, kind: (m) => (m.type === 'sync' ? 'state' : 'other'), players: (m) => m.payload.players },
  'v1-proto': { protocol: 'game.v1.proto', codec: proto, kind: (m) => (m.type === 'sync' ? 'state' : 'other'), players: (m) => gameproto.StateSync.decode(m.payload).players },
  // v2 (STATE-V2-WIRE): count `state` frames, deltas apart from keyframes. No mirror check: that
  // needs the apply algorithm; the v2 e2e and Python suites prove the mirror.
  'v2-proto': { protocol: 'game.v2.proto', codec: proto, kind: (m) => (m.type === 'state' ? (stateFrameIsKey(m.payload) ? 'key' : 'state') : 'other') },
  'v2-json': { protocol: 'game.v2.json', codec: json, kind: (m) => (m.type === 'state' ? (m.payload.key ? 'key' : 'state') : 'other') },
};

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
      observe(data.length, kind);
      if (kind === 'state') lastState = msg;
      if (msg.type === 'welcome') send('join_room', { room_id: roomId, user_id: me, nickname: me });
      else if (msg.type === 'error' && !joined) fail(`error frame: ${JSON.stringify(msg.payload)}`);
      else if (msg.type === 'room_joined' && !joined) {
        joined = true;
        clearTimeout(timer);
        resolve({
          roomId, key: me, socket,
          move: (position, seq) => send('game_action', { room_id: roomId, action: 'move', position, input_seq: seq }),
          mirror: spec.players && (() => new Map((lastState ? spec.players(lastState) : []).map((p) => [p.player_id, p.position]))),
          close: () => socket.close(1000),
        });
      }
    });
  });
}

