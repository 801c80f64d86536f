// NOT PART OF THE PRODUCT: comparison server for bench/. Socket.IO 4.8 with rooms, same contract
// subset and arena rules as bare-ws.mjs: events are the contract's message types, payloads the
// contract's payloads; sync goes out with io.to(room).emit (Socket.IO encodes a broadcast once).
// Env: PORT, TICK_RATE, HEARTBEAT_INTERVAL_MS (→ pingInterval).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
const { Room, env } = createRequire(import.meta.url)('./arena-rules.cjs');

const tickMs = 1000 / env.tickRate;
const rooms = new Map();
const http = createServer((req, res) => res.writeHead(req.url === '/health' ? 200 : 404).end());
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false, pingInterval: env.heartbeatMs, pingTimeout: 2 * env.heartbeatMs, serveClient: false });

io.on('connection', (socket) => {
  socket.emit('welcome', { client_id: socket.id, session_id: socket.id, resume_token: '', heartbeat_interval_ms: env.heartbeatMs, server_time: Date.now() });
  socket.on('join_room', (p = {}) => {
    const room = rooms.get(p.room_id) ?? rooms.set(p.room_id, new Room(p.room_id, tickMs)).get(p.room_id);
    const playerId = p.user_id || socket.id;
    io.to(room.id).emit('player_joined', { room_id: room.id, player_id: playerId, nickname: p.nickname ?? '' });
    room.join(socket.id, socket, playerId);
    socket.join(room.id);
    const players = [...room.members.values()].map(({ player: pl }, i) => ({ ...pl, entity_id: i + 1 }));
    socket.emit('room_joined', { room_id: room.id, players, frame_num: room.frameNum, offset: 0, epoch: '' });
  });
  socket.on('game_action', (p = {}) => {
    const room = rooms.get(p.room_id);
    if (!room || !room.move(socket.id, p, Date.now())) socket.emit('error', { code: 'NOT_IN_ROOM', message: 'not in room' });
  });
  socket.on('chat', (p = {}) => {
    const member = rooms.get(p.room_id)?.members.get(socket.id);
    if (!member) return socket.emit('error', { code: 'NOT_IN_ROOM', message: 'not in room' });
    io.to(p.room_id).emit('chat', { room_id: p.room_id, text: String(p.text), from_client_id: socket.id, player_id: member.player.player_id });
  });
  socket.on('disconnect', () => {
    for (const room of rooms.values()) {
      if (!room.members.delete(socket.id)) continue;
      room.changed = true;
      if (room.members.size === 0) rooms.delete(room.id);
    }
  });
});

setInterval(() => {
  const now = Date.now();
  for (const room of rooms.values()) {
    const sync = room.tick(now);
    if (sync) io.to(room.id).emit('sync', sync);
  }
}, tickMs);

http.listen(env.port, () => console.log(`Socket.IO baseline on ws://127.0.0.1:${env.port}/socket.io/ (tick ${env.tickRate} Hz)`));
