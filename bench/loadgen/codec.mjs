// Client-side wire codecs: JSON text frames, protobuf binary frames (gateway and bare ws), and the
// Engine.IO v4 / Socket.IO v5 text framing spoken directly over `ws` (no socket.io-client per socket,
// so the generator's own cost is the same whichever server it measures).
import { createRequire } from 'node:module';
const { gameproto } = createRequire(import.meta.url)('../proto.cjs');
const T = gameproto.MessageType;

const INNER = {
  join_room: [T.JOIN_ROOM, gameproto.JoinRoomRequest],
  game_action: [T.GAME_ACTION, gameproto.GameAction],
  chat: [T.CHAT, gameproto.ChatMessage],
};
const OUTER = new Map([
  [T.SYNC, ['sync', gameproto.StateSync]],
  [T.CHAT, ['chat', gameproto.ChatMessage]],
  [T.WELCOME, ['welcome', gameproto.Welcome]],
  [T.ROOM_JOINED, ['room_joined', gameproto.RoomJoined]],
  [T.PLAYER_JOINED, ['player_joined', gameproto.PlayerJoined]],
  [T.PLAYER_LEFT, ['player_left', gameproto.PlayerLeft]],
  [T.ERROR, ['error', gameproto.Error]],
  [T.ACK, ['ack', gameproto.Ack]],
  [T.PING, ['ping', gameproto.Ping]],
  [T.PONG, ['pong', gameproto.Ping]],
]);

/** Each codec: subprotocol, encode(type, payload) → frame, decode(Buffer, isBinary) → {type, payload} | null. */
export const codecs = {
  json: {
    protocol: 'game.v1.json',
    encode: (type, payload) => JSON.stringify({ type, payload }),
    decode: (data) => JSON.parse(data),
  },
  proto: {
    protocol: 'game.v1.proto',
    encode(type, payload) {
      const [value, Inner] = INNER[type];
      const inner = Inner.encode(payload).finish();
      return gameproto.Message.encode({ type: value, room_id: payload.room_id ?? '', payload: inner }).finish();
    },
    decode(data) {
      const outer = gameproto.Message.decode(data);
      const known = OUTER.get(outer.type);
      if (!known) return { type: 'unknown', payload: {} };
      return { type: known[0], payload: known[1].decode(outer.payload) };
    },
  },
  // Socket.IO over a raw websocket: "0{...}" engine open, "2"/"3" ping/pong, "40" namespace connect,
  // "42[event, payload]" events. Returns null for control packets (handled by the caller).
  sio: {
    protocol: undefined,
    encode: (type, payload) => '42' + JSON.stringify([type, payload]),
    decode(data) {
      const s = typeof data === 'string' ? data : data.toString();
      if (s.startsWith('42')) {
        const [type, payload] = JSON.parse(s.slice(2));
        return { type, payload };
      }
      return { type: 'eio:' + s.slice(0, 2), payload: s };
    },
  },
};
