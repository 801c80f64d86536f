// NOT PART OF THE PRODUCT: comparison server for bench/. Bare `ws` speaking the gateway contract
// subset (welcome, join_room/room_joined/player_joined, game_action move, sync, chat) in JSON and
// protobuf; every room snapshot is serialized ONCE per codec per tick and that buffer is sent to
// all members. Env: PORT, TICK_RATE, HEARTBEAT_INTERVAL_MS.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { WebSocketServer } from 'ws';
const require = createRequire(import.meta.url);
const { gameproto } = require('../proto.cjs');
const { Room, env } = require('./arena-rules.cjs');

const T = gameproto.MessageType;
const PROTO = { welcome: [T.WELCOME, gameproto.Welcome], room_joined: [T.ROOM_JOINED, gameproto.RoomJoined], player_joined: [T.PLAYER_JOINED, gameproto.PlayerJoined], sync: [T.SYNC, gameproto.StateSync], chat: [T.CHAT, gameproto.ChatMessage], error: [T.ERROR, gameproto.Error] };
const INBOUND = new Map([[T.JOIN_ROOM, ['join_room', gameproto.JoinRoomRequest]], [T.GAME_ACTION, ['game_action', gameproto.GameAction]], [T.CHAT, ['chat', gameproto.ChatMessage]]]);
const encoders = [
  (type, payload, now) => JSON.stringify({ type, payload, timestamp: now, room_id: payload.room_id }),
  (type, payload, now) => {
    const [value, Inner] = PROTO[type];
    return gameproto.Message.encode({ type: value, room_id: payload.room_id ?? '', payload: Inner.encode(payload).finish(), timestamp: now }).finish();
  },
];
const tickMs = 1000 / env.tickRate;
const rooms = new Map();
let nextId = 0;

/** Encodes at most once per codec for the whole member list. */
function broadcast(room, type, payload, now) {
  const frames = [undefined, undefined];
  for (const { socket } of room.members.values()) socket.send((frames[socket.codec] ??= encoders[socket.codec](type, payload, now)), { binary: socket.codec === 1 });
}
const send = (socket, type, payload) => socket.send(encoders[socket.codec](type, payload, Date.now()), { binary: socket.codec === 1 });

const http = createServer((req, res) => res.writeHead(req.url === '/health' ? 200 : 404).end());
const wss = new WebSocketServer({ server: http, path: '/ws', perMessageDeflate: false, handleProtocols: (p) => (p.has('game.v1.proto') ? 'game.v1.proto' : p.has('game.v1.json') ? 'game.v1.json' : false) });

wss.on('connection', (socket) => {
  socket.codec = socket.protocol === 'game.v1.proto' ? 1 : 0;
  socket.clientId = `c${++nextId}`;
  socket.rooms = new Set();
  socket.alive = true;
  socket.on('pong', () => (socket.alive = true));
  send(socket, 'welcome', { client_id: socket.clientId, session_id: socket.clientId, resume_token: '', heartbeat_interval_ms: env.heartbeatMs, server_time: Date.now() });
  socket.on('message', (data, isBinary) => {
    let type, payload;
    try {
      if (isBinary) {
        const outer = gameproto.Message.decode(data);
        const known = INBOUND.get(outer.type);
        if (!known) return;
        [type, payload] = [known[0], known[1].decode(outer.payload)];
        if (!payload.room_id) payload.room_id = outer.room_id;
      } else ({ type, payload } = JSON.parse(data));
    } catch {
      return send(socket, 'error', { code: isBinary ? 'BAD_PROTO' : 'BAD_JSON', message: 'undecodable' });
    }
    onMessage(socket, type, payload ?? {});
  });
  socket.on('close', () => {
    for (const id of socket.rooms) {
      const room = rooms.get(id);
      room.members.delete(socket.clientId);
      room.changed = true;
      if (room.members.size === 0) rooms.delete(id);
    }
  });
});

function onMessage(socket, type, p) {
  const now = Date.now();
  if (type === 'join_room') {
    const room = rooms.get(p.room_id) ?? rooms.set(p.room_id, new Room(p.room_id, tickMs)).get(p.room_id);
    const playerId = p.user_id || socket.clientId;
    broadcast(room, 'player_joined', { room_id: room.id, player_id: playerId, nickname: p.nickname ?? '' }, now);
    room.join(socket.clientId, socket, playerId);
    socket.rooms.add(room.id);
    const players = [...room.members.values()].map(({ player: pl }, i) => ({ ...pl, entity_id: i + 1 }));
    send(socket, 'room_joined', { room_id: room.id, players, frame_num: room.frameNum, offset: 0, epoch: '' });
  } else if (type === 'game_action') {
    const room = rooms.get(p.room_id);
    if (!room || !room.move(socket.clientId, p, now)) send(socket, 'error', { code: 'NOT_IN_ROOM', message: 'not in room' });
  } else if (type === 'chat') {
    const room = rooms.get(p.room_id);
    const member = room?.members.get(socket.clientId);
    if (!member) return send(socket, 'error', { code: 'NOT_IN_ROOM', message: 'not in room' });
    broadcast(room, 'chat', { room_id: room.id, text: String(p.text), from_client_id: socket.clientId, player_id: member.player.player_id }, now);
  }
}

// One tick timer for all rooms; one heartbeat timer for all sockets.
setInterval(() => {
  const now = Date.now();
  for (const room of rooms.values()) {
    const sync = room.tick(now);
    if (sync) broadcast(room, 'sync', sync, now);
  }
}, tickMs);
setInterval(() => {
  for (const s of wss.clients) {
    if (!s.alive) s.terminate();
    else (s.alive = false), s.ping();
  }
}, env.heartbeatMs);

http.listen(env.port, () => console.log(`bare-ws baseline on ws://127.0.0.1:${env.port}/ws (tick ${env.tickRate} Hz)`));
