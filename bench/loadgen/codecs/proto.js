// @ts-check
'use strict';
// `game.v1.proto`: one `gameproto.Message` per binary frame, inner message in `payload`.
// Types come from proto/game.proto by reflection (the wire contract, not the gateway's code);
// int64 fields decode as plain numbers.
const path = require('node:path');
const protobuf = require('protobufjs');

/** @typedef {import('./index').WireMessage} WireMessage */

const PROTO_FILE = path.join(__dirname, '../../../proto/game.proto');

/** client message name → [MessageType value name, inner type name] */
const OUTBOUND = {
  join_room: ['JOIN_ROOM', 'JoinRoomRequest'],
  leave_room: ['LEAVE_ROOM', 'LeaveRoomRequest'],
  game_action: ['GAME_ACTION', 'GameAction'],
  chat: ['CHAT', 'ChatMessage'],
  resume: ['RESUME', 'Resume'],
  ping: ['PING', 'Ping'],
  pong: ['PONG', 'Ping'],
};
/** MessageType value name → [contract name, inner type name] */
const INBOUND = {
  SYNC: ['sync', 'StateSync'], CHAT: ['chat', 'ChatMessage'], WELCOME: ['welcome', 'Welcome'],
  ROOM_JOINED: ['room_joined', 'RoomJoined'], PLAYER_JOINED: ['player_joined', 'PlayerJoined'],
  PLAYER_LEFT: ['player_left', 'PlayerLeft'], ACK: ['ack', 'Ack'], ERROR: ['error', 'Error'],
  PING: ['ping', 'Ping'], PONG: ['pong', 'Ping'], BATCH: ['batch', 'Batch'],
  STATE: ['state', 'StateFrame'], ROOM_EVENT: ['room_event', 'RoomEvent'],
};

function loadTypes() {
  // int64 as JavaScript numbers (they never exceed 2^53 on this wire), like the gateway's own codec.
  protobuf.util.Long = /** @type {any} */ (undefined);
  protobuf.configure();
  const root = new protobuf.Root().loadSync(PROTO_FILE, { keepCase: true });
  const type = (/** @type {string} */ name) => root.lookupType(`gameproto.${name}`);
  const MessageType = root.lookupEnum('gameproto.MessageType').values;
  /** @type {Map<number, [string, protobuf.Type]>} */
  const inbound = new Map();
  for (const [value, [name, inner]] of Object.entries(INBOUND)) inbound.set(MessageType[value], [name, type(inner)]);
  return { Message: type('Message'), MessageType, inbound, type };
}

/**
 * A protobuf codec offering `subprotocol`; `state` says which messages are room-state frames.
 * @param {string} name @param {string} subprotocol @param {(m: WireMessage) => import('./index').StateFrame | undefined} state
 * @param {ReturnType<typeof loadTypes>} [types]  the proto's types, when the caller needs them too
 * @returns {import('./index').LoadCodec}
 */
function protoCodec(name, subprotocol, state, types = loadTypes()) {
  const { Message, MessageType, inbound, type } = types;
  /** @type {Record<string, [number, protobuf.Type]>} */
  const outbound = {};
  for (const [key, [value, inner]] of Object.entries(OUTBOUND)) outbound[key] = [MessageType[value], type(inner)];
  const toObject = { longs: Number, defaults: true, arrays: true, objects: true };

  /** @param {any} outer @returns {WireMessage[]} */
  const unpack = (outer) => {
    const known = inbound.get(outer.type);
    if (!known) return [{ type: `unknown:${outer.type}`, payload: {} }];
    const payload = known[1].toObject(known[1].decode(outer.payload), toObject);
    if (known[0] === 'batch') return payload.messages.flatMap((/** @type {any} */ m) => unpack(m));
    return [{ type: known[0], payload, roomId: outer.room_id, offset: Number(outer.offset), seq: Number(outer.seq) }];
  };
  return {
    name,
    subprotocols: [subprotocol],
    gatewayProtocol: true,
    encode(key, payload, id) {
      const [value, Inner] = outbound[key];
      const inner = Inner.encode(Inner.fromObject(payload)).finish();
      return Message.encode({ type: value, room_id: /** @type {string} */ (payload.room_id) ?? '', payload: inner, id: id ?? '' }).finish();
    },
    decode: (data) => unpack(Message.decode(data)),
    state,
  };
}

module.exports = {
  name: 'proto',
  protoCodec,
  loadTypes,
  /** @returns {import('./index').LoadCodec} */
  create() {
    return protoCodec('proto', 'game.v1.proto', require('./index').syncState);
  },
};
