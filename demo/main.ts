// The demo game: move a dot in a shared room, see the others at the tick rate, chat.
// Built on the project's client SDK (client/src), bundled by demo/build.mjs into demo/dist.
import { GameClient } from '../client/src/index';

const params = new URLSearchParams(location.search);
const roomId = params.get('room') ?? 'demo';
const nickname = params.get('name') ?? `guest-${Math.floor(Math.random() * 1000)}`;
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = $<HTMLCanvasElement>('world');
const ctx = canvas.getContext('2d')!;
const status = $('status');
const log = $('log');

interface Dot {
  x: number;
  y: number;
  nickname: string;
}
const players = new Map<string, Dot>();
const nicknames = new Map<string, string>();
let me: string | undefined;
const position = { x: 0, y: 0 };
let inputSeq = 0;

const client = new GameClient(wsUrl, { reconnect: { baseMs: 250, capMs: 2000 } });

function setState(state: string): void {
  status.textContent = state;
  status.dataset.state = state;
}
function say(text: string): void {
  const line = document.createElement('p');
  line.textContent = text;
  log.append(line);
  log.scrollTop = log.scrollHeight;
}
function join(): void {
  client.joinRoom(roomId, { nickname });
}

client.on('welcome', (m) => {
  me = m.payload.client_id;
  $('me').textContent = nickname;
});
client.on('room_joined', (m) => {
  $('room').textContent = m.payload.room_id;
  for (const p of m.payload.players) {
    nicknames.set(p.player_id, p.nickname);
    players.set(p.player_id, { x: p.position.x, y: p.position.y, nickname: p.nickname });
  }
  const mine = m.payload.players.find((p) => p.client_id === me);
  if (mine) Object.assign(position, { x: mine.position.x, y: mine.position.y });
  setState('open');
});
client.on('player_joined', (m) => {
  nicknames.set(m.payload.player_id, m.payload.nickname);
  say(`${m.payload.nickname} joined`);
});
client.on('player_left', (m) => {
  players.delete(m.payload.player_id);
  say(`${nicknames.get(m.payload.player_id) ?? m.payload.player_id} left (${m.payload.reason})`);
});
client.on('sync', (m) => {
  const seen = new Set<string>();
  for (const p of m.payload.players) {
    seen.add(p.player_id);
    players.set(p.player_id, { x: p.position.x, y: p.position.y, nickname: nicknames.get(p.player_id) ?? p.player_id });
  }
  for (const id of players.keys()) if (!seen.has(id)) players.delete(id);
});
client.on('chat', (m) => say(`${nicknames.get(m.payload.player_id) ?? m.payload.player_id}: ${m.payload.text}`));
client.on('pong', (m) => {
  $('rtt').textContent = String(Math.round(performance.now() - (m.payload.t ?? 0)));
});
client.on('reconnecting', () => setState('reconnecting'));
client.on('resumed', () => setState('resumed'));
// The server forgot us (e.g. it restarted): a fresh session, so join the room again.
client.on('session_lost', () => join());
client.on('closed', () => setState('closed'));

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [0, -1], w: [0, -1], ArrowDown: [0, 1], s: [0, 1], ArrowLeft: [-1, 0], a: [-1, 0], ArrowRight: [1, 0], d: [1, 0],
};
const STEP = 10;
window.addEventListener('keydown', (event) => {
  if ((event.target as HTMLElement).tagName === 'INPUT') return;
  const dir = KEYS[event.key];
  if (!dir) return;
  event.preventDefault();
  position.x = Math.max(-300, Math.min(300, position.x + dir[0] * STEP));
  position.y = Math.max(-220, Math.min(220, position.y + dir[1] * STEP));
  client.sendGameAction('move', { room_id: roomId, position: { x: position.x, y: position.y, z: 0 }, input_seq: ++inputSeq });
});
$('chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('text');
  if (input.value.trim()) client.chat(input.value.trim(), { roomId });
  input.value = '';
});

function draw(): void {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (const [id, dot] of players) {
    const x = canvas.width / 2 + dot.x;
    const y = canvas.height / 2 + dot.y;
    ctx.fillStyle = nicknames.get(id) === nickname ? '#6cf' : '#f96';
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ccc';
    ctx.fillText(dot.nickname, x + 10, y - 10);
  }
  $('count').textContent = String(players.size);
  requestAnimationFrame(draw);
}

setState('connecting');
client.connect().then(join, (error: Error) => say(`could not connect: ${error.message}`));
setInterval(() => client.send('ping', { t: performance.now() }), 2000);
requestAnimationFrame(draw);

// For the browser test: what the page knows, without reaching into the DOM.
(window as unknown as { demo: object }).demo = { client, players, nicknames, status: () => status.dataset.state };
