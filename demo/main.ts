// The demo game: players spawn apart in a shared arena, move, attack the nearest player, chat,
// and watch the connection come back after a server restart (resumed, or rejoined fresh).
// Built on the client SDK's room API (client/src), bundled by demo/build.js into demo/dist.
import { GameClient, type Room, type RoomPlayer } from '../client/src/index';
import { drawArena, nearestOther, VIEW } from './render';

const params = new URLSearchParams(location.search);
const roomId = params.get('room') ?? 'demo';
const nickname = params.get('name') ?? `guest-${Math.floor(Math.random() * 1000)}`;
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = $<HTMLCanvasElement>('world');
const ctx = canvas.getContext('2d')!;
const log = $('log');

const client = new GameClient(wsUrl, { reconnect: { baseMs: 250, capMs: 2000 } });
let room: Room | undefined;
/** How many rooms this page has joined (1 at first; +1 each time it had to rejoin fresh). */
let joins = 0;
let inputSeq = 0;
/** Players hit recently, until when to draw them flashing. */
const flash = new Map<string, number>();

type Status = 'connecting' | 'open' | 'reconnecting' | 'resumed' | 'rejoined' | 'closed';
function setStatus(status: Status, detail = ''): void {
  const element = $('status');
  element.textContent = status;
  element.dataset.state = status;
  $('detail').textContent = detail;
}
function say(text: string, kind = ''): void {
  const line = document.createElement('p');
  line.textContent = text;
  if (kind) line.className = kind;
  log.append(line);
  log.scrollTop = log.scrollHeight;
}
const nameOf = (playerId: string) => room?.state.players.get(playerId)?.nickname || playerId;

/** Joins the room and wires its events; `status` says how this join came about. */
async function enter(status: Status, detail: string): Promise<void> {
  room = await client.join(roomId, { nickname });
  joins += 1;
  $('room').textContent = room.id;
  $('me').textContent = nickname;
  setStatus(status, detail);
  say(`joined ${room.id} as ${nickname}`, 'event');
  const current = room;
  current.on('player_joined', (p) => say(`${p.nickname || p.player_id} joined`, 'event'));
  current.on('player_left', (p) => say(`${nameOf(p.player_id)} left (${p.reason})`, 'event'));
  current.on('chat', (m) => say(`${nameOf(m.player_id)}: ${m.text}`));
  current.on('sync', (s) => {
    for (const p of s.players) if (p.health < (lastHealth.get(p.player_id) ?? p.health)) flash.set(p.player_id, performance.now() + 200);
    for (const p of s.players) lastHealth.set(p.player_id, p.health);
    updateScores();
  });
  current.on('error', (error) => say(`refused: ${error.message}`, 'error'));
  current.on('resumed', ({ recovered }) => say(recovered ? 'resumed: nothing missed' : 'resumed: some events could not be replayed', 'event'));
  updateScores();
}
const lastHealth = new Map<string, number>();

function updateScores(): void {
  const players = [...(room?.state.players.values() ?? [])].sort((a, b) => b.score - a.score);
  $('count').textContent = String(players.length);
  const board = $('scores');
  board.replaceChildren(
    ...players.map((p) => {
      const row = document.createElement('li');
      row.textContent = `${p.nickname || p.player_id}: ${p.score} pts, ${p.health} hp`;
      return row;
    }),
  );
  const me = room?.me;
  $('health').textContent = me ? String(me.health) : '–';
  $('score').textContent = me ? String(me.score) : '–';
}

client.on('reconnecting', ({ attempt }) => setStatus('reconnecting', `attempt ${attempt}`));
client.on('resumed', () => setStatus('resumed', 'same session: the server kept our seat and replayed what we missed'));
// The server forgot us (it restarted without Redis): a fresh session and a fresh room state.
client.on('session_lost', () => {
  room = undefined;
  lastHealth.clear();
  say('the server forgot our session: joining again', 'event');
  enter('rejoined', 'fresh session: the server had forgotten us, so we joined again').catch((error: Error) => say(`could not rejoin: ${error.message}`, 'error'));
});
client.on('closed', ({ code }) => setStatus('closed', `code ${code}`));

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [0, -1], w: [0, -1], ArrowDown: [0, 1], s: [0, 1], ArrowLeft: [-1, 0], a: [-1, 0], ArrowRight: [1, 0], d: [1, 0],
};
const STEP = 10;
window.addEventListener('keydown', (event) => {
  if ((event.target as HTMLElement).tagName === 'INPUT' || !room) return;
  const me = room.me;
  if (!me) return;
  if (event.key === ' ') {
    event.preventDefault();
    const target = nearestOther(room.state.players.values(), me);
    if (target) room.send('attack', { target_id: target.entity_id, input_seq: ++inputSeq }).catch((error: Error) => say(`attack refused: ${error.message}`, 'error'));
    return;
  }
  const dir = KEYS[event.key];
  if (!dir) return;
  event.preventDefault();
  const position = {
    x: Math.max(-VIEW.halfWidth, Math.min(VIEW.halfWidth, me.position.x + dir[0] * STEP)),
    y: Math.max(-VIEW.halfHeight, Math.min(VIEW.halfHeight, me.position.y + dir[1] * STEP)),
    z: 0,
  };
  // Shown at once (the next sync confirms it); sent as an input: no ack, never re-sent late.
  Object.assign(me.position, position);
  room.sendInput('move', { position, input_seq: ++inputSeq });
});
$('chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('text');
  const text = input.value.trim();
  input.value = '';
  if (text && room) room.chat(text).catch((error: Error) => say(`chat refused: ${error.message}`, 'error'));
});

function frame(): void {
  drawArena(ctx, room?.state.players.values() ?? [], client.clientId, flash);
  requestAnimationFrame(frame);
}

setStatus('connecting');
client
  .connect()
  .then(() => enter('open', 'connected'))
  .catch((error: Error) => say(`could not connect: ${error.message}`, 'error'));
setInterval(() => {
  client.ping().then(
    ({ rttMs }) => ($('rtt').textContent = String(Math.round(rttMs))),
    () => undefined, // not connected right now: the status line says so
  );
}, 2000);
requestAnimationFrame(frame);

/** What the page knows, for the browser test (read fresh from the current room on every call). */
const demo = {
  client,
  status: () => $('status').dataset.state,
  joins: () => joins,
  clientId: () => client.clientId,
  players: (): RoomPlayer[] => [...(room?.state.players.values() ?? [])],
  me: () => room?.me,
};
(window as unknown as { demo: typeof demo }).demo = demo;
