// @ts-check
'use strict';
// The load tester's options: one table gives defaults, parsing, validation and the usage text.

/**
 * @typedef {object} Option
 * @property {string} flag      e.g. 'room-size' (→ key roomSize)
 * @property {string | number | boolean} default
 * @property {string} doc
 * @property {string} group
 * @property {string} [arg]     placeholder in the usage text
 */

/** @type {Option[]} */
const OPTIONS = [
  { group: 'Target', flag: 'url', default: 'ws://127.0.0.1:8080/ws', arg: 'ws-url[,ws-url…]', doc: 'gateway WebSocket URL; several (comma-separated instances): clients alternate between them, so rooms span instances' },
  { group: 'Target', flag: 'codec', default: 'json', arg: 'name', doc: 'wire codec: json (game.v1.json), proto (game.v1.proto), v2-json (game.v2.json), v2-proto (game.v2.proto), sio (the Socket.IO baseline of bench/), or one from --codec-module' },
  { group: 'Target', flag: 'codec-module', default: '', arg: 'file', doc: 'CommonJS file exporting a codec { name, create(options) } (see bench/loadgen/codecs/index.js)' },
  { group: 'Target', flag: 'batch', default: false, doc: 'opt in to batch frames (?batch=1)' },
  { group: 'Target', flag: 'auth-secret', default: '', arg: 'secret', doc: "sign an HS256 JWT per client (sub = its user id) for a gateway started with AUTH_SECRET" },
  { group: 'Scenario', flag: 'scenario', default: 'rooms', arg: 'name', doc: 'idle (connect and answer heartbeats) | lobby (chat rooms) | rooms (20 Hz game rooms, moves) | world (one room of every client walking a world of the kind `world`, sized by --density) | mixed (--mix)' },
  { group: 'Scenario', flag: 'mix', default: 'room:10,lobby:30,idle:60', arg: 'shares', doc: 'for --scenario mixed: percent of the clients per role (room, lobby, idle)' },
  { group: 'Scenario', flag: 'clients', default: 100, arg: 'n', doc: 'simulated clients' },
  { group: 'Scenario', flag: 'players', default: 0, arg: 'n', doc: 'for --scenario world: the same as --clients' },
  { group: 'Scenario', flag: 'density', default: 5, arg: 'n', doc: 'for --scenario world: players per 100 × 100 cell; they walk a square of sqrt(players / density) cells a side (at most the world kind\'s 2000)' },
  { group: 'Scenario', flag: 'room-kind', default: '', arg: 'kind', doc: "join_room.kind: the kind a new room runs (world scenario: world; e.g. world-flat on bench/gateway-kinds.cjs)" },
  { group: 'Scenario', flag: 'room-size', default: 50, arg: 'n', doc: 'players per game room (the gateway must allow it: ROOM_MAX_PLAYERS)' },
  { group: 'Scenario', flag: 'move-rate', default: 10, arg: 'per-s', doc: 'moves per second per game-room player' },
  { group: 'Scenario', flag: 'lobby-size', default: 50, arg: 'n', doc: 'members per lobby (chat) room' },
  { group: 'Scenario', flag: 'chat-rate', default: 0.2, arg: 'per-s', doc: 'numbered chats per second per lobby member (checked exactly-once at the end)' },
  { group: 'Scenario', flag: 'churn', default: 0, arg: 'share', doc: 'share of all clients dropped and resumed per second (0.01 = 1 %/s), with the resume message' },
  { group: 'Scenario', flag: 'resume-to', default: 'same', arg: 'same|other', doc: 'where a dropped client reconnects: the same instance or the next URL' },
  { group: 'Scenario', flag: 'placement', default: 'none', arg: 'none|hint', doc: "room placement: hint = joins ask for a redirect (join_room.redirect) and follow ROOM_ELSEWHERE to the owner's URL, so a room's members end up on its instance (the gateways' PUBLIC_URL must be one of --url)" },
  { group: 'Scenario', flag: 'tick-rate', default: 20, arg: 'hz', doc: "the gateway's TICK_RATE (expected state frames per second per game-room player)" },
  { group: 'Scenario', flag: 'room-prefix', default: '', arg: 'id', doc: 'prefix of room ids: game rooms <prefix>-N, lobbies <prefix>-lN (default: random per run, so runs never meet earlier seats)' },
  { group: 'Scenario', flag: 'mirror-share', default: 1, arg: '0..1', doc: "v2: share of each room's players that keep a full state mirror (decode, apply and check every frame; input latency); the rest read only what they measure (bytes, frame numbers, delivery latency), cheaper for the tester: members 0, 1/share, 2/share … of every room" },
  { group: 'Scenario', flag: 'seed', default: 1, arg: 'n', doc: 'seed of the churn choices (same seed, same drops)' },
  { group: 'Timing', flag: 'connect-rate', default: 1000, arg: 'per-s', doc: 'new connections per second (all workers together)' },
  { group: 'Timing', flag: 'max-in-flight', default: 200, arg: 'n', doc: 'handshakes in flight per worker' },
  { group: 'Timing', flag: 'connect-timeout-ms', default: 120000, arg: 'ms', doc: 'give up waiting for the last connections after this long' },
  { group: 'Timing', flag: 'warmup-ms', default: 3000, arg: 'ms', doc: 'load runs, not measured' },
  { group: 'Timing', flag: 'duration-ms', default: 10000, arg: 'ms', doc: 'measurement window' },
  { group: 'Timing', flag: 'drain-ms', default: 15000, arg: 'ms', doc: 'at the end, longest wait for resumes, acks and the last chats (twice: quiesce, verify)' },
  { group: 'Processes', flag: 'workers', default: 0, arg: 'n', doc: 'worker processes (0: clients / per-worker, rounded up)' },
  { group: 'Processes', flag: 'per-worker', default: 5000, arg: 'n', doc: 'most sockets per worker (at most the open-file limit minus 500)' },
  { group: 'Processes', flag: 'source-addresses', default: 'auto', arg: 'auto|none|a,b', doc: 'local addresses to bind (auto: several 127.0.0.x when one would run out of ephemeral ports)' },
  { group: 'Processes', flag: 'server-pid', default: '', arg: 'pid[,pid…]', doc: 'gateway process ids, one per URL, to report their CPU and RSS' },
  { group: 'Processes', flag: 'pin-cpu', default: '', arg: 'cpus', doc: 'taskset the tester and its workers to these CPUs (e.g. 0)' },
  { group: 'Processes', flag: 'driver-ms', default: 5, arg: 'ms', doc: "period of each worker's one driver loop" },
  { group: 'Output', flag: 'json', default: false, doc: 'print the JSON report on stdout instead of the tables' },
  { group: 'Output', flag: 'out', default: '', arg: 'file', doc: 'also write the JSON report to this file' },
  { group: 'Output', flag: 'quiet', default: false, doc: 'no progress line (stderr)' },
  { group: 'Output', flag: 'help', default: false, doc: 'this text' },
];

const camel = (/** @type {string} */ flag) => flag.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** @typedef {Record<string, any> & typeof DEFAULTS} LoadOptions */
const DEFAULTS = /** @type {Record<string, any>} */ (Object.fromEntries(OPTIONS.map((o) => [camel(o.flag), o.default])));

/**
 * `--flag value` / `--flag=value` / `--boolean-flag` → options (defaults filled in). Throws an
 * error naming the flag on an unknown flag or a bad number.
 * @param {string[]} argv
 */
function parseArgs(argv) {
  const out = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}" (options start with --; see --help)`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const option = OPTIONS.find((o) => o.flag === flag);
    if (!option) throw new Error(`unknown option --${flag} (see --help)`);
    const key = camel(flag);
    if (typeof option.default === 'boolean') {
      out[key] = inline === undefined ? true : inline === 'true';
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${flag} needs a value (${option.arg ?? 'value'})`);
    if (typeof option.default === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag} must be a number ≥ 0 (got "${value}")`);
      out[key] = n;
    } else out[key] = value;
  }
  return out;
}

/** The usage text, generated from the table. */
function usage() {
  const lines = [
    'game-gateway-load: drive simulated clients against the game gateway over its wire protocol.',
    '',
    'Usage: npx game-gateway-load [options]      (or: npm run load -- [options])',
    '',
  ];
  for (const group of [...new Set(OPTIONS.map((o) => o.group))]) {
    lines.push(`${group}:`);
    for (const o of OPTIONS.filter((x) => x.group === group)) {
      const left = `  --${o.flag}${o.arg ? ` <${o.arg}>` : ''}`;
      const def = o.default === '' || o.default === false ? '' : ` (default ${o.default})`;
      lines.push(`${left.padEnd(40)} ${o.doc}${def}`);
    }
    lines.push('');
  }
  lines.push(
    'Examples:',
    '  npx game-gateway-load --url ws://127.0.0.1:8080/ws --scenario rooms --clients 1000 --codec proto',
    '  npx game-gateway-load --scenario lobby --clients 500 --churn 0.02 --duration-ms 30000',
    '  npx game-gateway-load --scenario world --players 1000 --density 5 --codec v2-proto',
    '  npx game-gateway-load --scenario world --players 1000 --density 5 --codec v2-proto --mirror-share 0.1',
    '  npx game-gateway-load --url ws://127.0.0.1:9001/ws,ws://127.0.0.1:9002/ws --scenario mixed --clients 20000',
    '',
    'Exit code: 0 when every client connected and the exactly-once check passed (or did not apply),',
    '1 when not, 2 on a usage error.',
  );
  return lines.join('\n');
}

module.exports = { OPTIONS, DEFAULTS, parseArgs, usage };
