// The demo game: players spawn apart in a shared arena, move, attack the nearest player, chat,
// and watch the connection come back after a server restart (resumed, or rejoined fresh).
// Built on the client SDK's room API (client/src), bundled by demo/build.js into demo/dist.
// The arena plays on the state model v2 by default (typed state, callbacks, interpolation:
// mirror-view.ts); `?protocol=1` plays it on v1 (`sync` snapshots: snapshot-view.ts).
// `?kind=world` is the world mode (world-view.ts): a large world with bots under interest
// management, where the page sees and draws only the cells around its player (always v2).
import { GameClient, type Room } from '../client/src/index';
import { type ArenaRoom, MirrorView } from './mirror-view';
import { drawArena, type Figure, nearestOther, VIEW } from './render';
import { SnapshotView } from './snapshot-view';
import { WORLD_HALF, type WorldRoom, WorldView } from './world-view';

const params = new URLSearchParams(location.search);
const kind = params.get('kind') === 'world' ? 'world' : 'arena';
const roomId = params.get('room') ?? (kind === 'world' ? 'world' : 'demo');
const nickname = params.get('name') ?? `guest-${Math.floor(Math.random() * 1000)}`;
const protocol = params.get('protocol') === '1' && kind === 'arena' ? 1 : 2;
/** World mode: the bots a world room is created with (the kind takes 0 to 1000). */
const bots = params.get('bots') ?? '400';
const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const canvas = $<HTMLCanvasElement>('world');
const ctx = canvas.getContext('2d')!;
const log = $('log');

const client = new GameClient(wsUrl, { protocol, reconnect: { baseMs: 250, capMs: 2000 } });
let room: Room<ArenaRoom> | Room<WorldRoom> | undefined;
/** How many rooms this page has joined (1 at first; +1 each time it had to rejoin fresh). */
let joins = 0;
let inputSeq = 0;
const worldView = kind === 'world' ? new WorldView(say, updateScores) : undefined;
const view = worldView ?? (protocol === 2 ? new MirrorView(say, updateScores) : new SnapshotView(updateScores));

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
const me = (): Figure | undefined => view.figures().find((figure) => figure.mine);

/** Joins the room and wires its events; `status` says how this join came about. */
async function enter(status: Status, detail: string): Promise<void> {
  const current = kind === 'world' ? await client.join<WorldRoom>(roomId, { nickname, kind: 'world', create: { bots } }) : await client.join<ArenaRoom>(roomId, { nickname });
  room = current;
  joins += 1;
  $('room').textContent = current.id;
  $('me').textContent = nickname;
  setStatus(status, detail);
  say(`joined ${current.id} as ${nickname} (protocol v${protocol})`, 'event');
  if (worldView) worldView.attach(current as Room<WorldRoom>);
  else (view as MirrorView | SnapshotView).attach(current as Room<ArenaRoom>);
  current.on('player_joined', (p) => say(`${p.nickname || p.player_id} joined`, 'event'));
  current.on('player_left', (p) => say(`${nameOf(p.player_id)} left (${p.reason})`, 'event'));
  current.on('chat', (m) => say(`${nameOf(m.player_id)}: ${m.text}`));
  current.on('error', (error) => say(`refused: ${error.message}`, 'error'));
  current.on('resumed', ({ recovered }) => say(recovered ? 'resumed: nothing missed' : 'resumed: some events could not be replayed', 'event'));
  updateScores();
}

function updateScores(): void {
  const figures = view.figures().sort((a, b) => b.score - a.score);
  $('count').textContent = String(figures.length);
  $('scores').replaceChildren(
    ...figures.map((f) => {
      const row = document.createElement('li');
      row.textContent = f.note ? `${f.name}: ${f.note}` : `${f.name}: ${f.score} pts, ${f.health} hp`;
      return row;
    }),
  );
  const mine = figures.find((f) => f.mine);
  $('health').textContent = mine && kind === 'arena' ? String(mine.health) : '–';
  $('score').textContent = mine && kind === 'arena' ? String(mine.score) : '–';
}

client.on('reconnecting', ({ attempt }) => setStatus('reconnecting', `attempt ${attempt}`));
client.on('resumed', () => setStatus('resumed', 'same session: the server kept our seat and replayed what we missed'));
// The server forgot us (it restarted without Redis): a fresh session and a fresh room state.
client.on('session_lost', () => {
  room = undefined;
  view.detach();
  say('the server forgot our session: joining again', 'event');
  enter('rejoined', 'fresh session: the server had forgotten us, so we joined again').catch((error: Error) => say(`could not rejoin: ${error.message}`, 'error'));
});
client.on('closed', ({ code }) => setStatus('closed', `code ${code}`));

const KEYS: Record<string, [number, number]> = {
  ArrowUp: [0, -1], w: [0, -1], ArrowDown: [0, 1], s: [0, 1], ArrowLeft: [-1, 0], a: [-1, 0], ArrowRight: [1, 0], d: [1, 0],
};
const STEP = kind === 'world' ? 25 : 10;
/** Where moves are clamped: the arena's box, or the world. */
const LIMIT = kind === 'world' ? { x: WORLD_HALF, y: WORLD_HALF } : { x: VIEW.halfWidth, y: VIEW.halfHeight };
window.addEventListener('keydown', (event) => {
  if ((event.target as HTMLElement).tagName === 'INPUT' || !room) return;
  const mine = me();
  if (!mine) return;
  if (event.key === ' ' && kind === 'arena') {
    event.preventDefault();
    const target = nearestOther(view.figures(), mine);
    const arena = room as Room<ArenaRoom>;
    if (target) arena.send('attack', { target_id: target.entityId, input_seq: ++inputSeq }).catch((error: Error) => say(`attack refused: ${error.message}`, 'error'));
    return;
  }
  const dir = KEYS[event.key];
  if (!dir) return;
  event.preventDefault();
  const position = {
    x: Math.max(-LIMIT.x, Math.min(LIMIT.x, mine.x + dir[0] * STEP)),
    y: Math.max(-LIMIT.y, Math.min(LIMIT.y, mine.y + dir[1] * STEP)),
    z: 0,
  };
  // Shown at once (the server's next state confirms it); sent as an input: no ack, never re-sent late.
  view.predict(position);
  (room as Room<ArenaRoom>).sendInput('move', { position, input_seq: ++inputSeq }); // both kinds' `move` takes a position
});
$('chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $<HTMLInputElement>('text');
  const text = input.value.trim();
  input.value = '';
  if (text && room) room.chat(text).catch((error: Error) => say(`chat refused: ${error.message}`, 'error'));
});

function frame(now: number): void {
  if (worldView) worldView.draw(ctx, now);
  else drawArena(ctx, view.figures(now));
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

/** A player as the browser test reads it, whichever protocol the page speaks. */
const asPlayer = (f: Figure) => ({ player_id: f.playerId, nickname: f.name, entity_id: f.entityId, position: { x: f.x, y: f.y, z: 0 }, health: f.health, score: f.score });
/** What the page knows, for the browser test (read fresh from the current room on every call). */
const demo = {
  client,
  protocol,
  kind,
  /** World mode: the view (cells, the square it covers), what is drawn in it, and the enter/leave counts. */
  world: () => worldView?.snapshot(),
  status: () => $('status').dataset.state,
  joins: () => joins,
  clientId: () => client.clientId,
  players: () => view.figures().map(asPlayer),
  me: () => {
    const mine = me();
    return mine && asPlayer(mine);
  },
};
(window as unknown as { demo: typeof demo }).demo = demo;
