// @ts-check
'use strict';
// Who does what: each client's role, room, member number, instance and source address, computed
// from its global index alone, so every worker derives the same plan without talking.
const { ephemeralPortCount } = require('./proc');

/** @typedef {'room' | 'lobby' | 'idle'} Role */
const ROLES = /** @type {const} */ (['room', 'lobby', 'idle']);

/** Scenario → shares in % of the clients per role. */
const SCENARIOS = {
  idle: { room: 0, lobby: 0, idle: 100 },
  lobby: { room: 0, lobby: 100, idle: 0 },
  rooms: { room: 100, lobby: 0, idle: 0 },
  // one room of every client (--room-size is set to --clients), walking a world (see options.js)
  world: { room: 100, lobby: 0, idle: 0 },
};

/**
 * Shares per role from `--scenario` (and `--mix` for `mixed`), whole percentages summing to 100.
 * @param {string} scenario @param {string} mix @returns {Record<Role, number>}
 */
function roleShares(scenario, mix) {
  if (scenario !== 'mixed') {
    const shares = /** @type {Record<string, Record<Role, number>>} */ (SCENARIOS)[scenario];
    if (!shares) throw new Error(`unknown scenario "${scenario}": use idle, lobby, rooms, world or mixed`);
    return shares;
  }
  const shares = { room: 0, lobby: 0, idle: 0 };
  for (const part of mix.split(',')) {
    const [role, pct] = part.split(':');
    if (!ROLES.includes(/** @type {Role} */ (role)) || !/^\d+$/.test(pct ?? '')) {
      throw new Error(`--mix "${mix}": expected role:percent pairs like room:10,lobby:30,idle:60 (roles: ${ROLES.join(', ')})`);
    }
    shares[/** @type {Role} */ (role)] = Number(pct);
  }
  const total = shares.room + shares.lobby + shares.idle;
  if (total !== 100) throw new Error(`--mix "${mix}": percentages add up to ${total}, not 100`);
  return shares;
}

/**
 * The plan of client `g`. Each block of 100 consecutive clients holds the roles in their exact
 * shares (a fixed shuffle of the block's slots spreads them, so smaller ranges get about the same
 * mix too), so every worker's range gets the same mix; a role's members fill its rooms in order,
 * and a room stays within a block or two (mostly one worker). Clients alternate between
 * instances, so every room spans the instances; each block starts one instance further on
 * (`(g + block) % urls`), so the first client of a block, the first to join its rooms and so the
 * instance that runs them, is not always the same instance (with `--placement hint` the rooms'
 * members gather there: they must spread over the instances).
 * Member m of a room keeps a full v2 state mirror when it is the first of its stride of
 * 1 / `--mirror-share` members (`keepsMirror`): member 0 of every room always, at share 1 all.
 * @param {number} g
 * @param {{ shares: Record<Role, number>, roomSize: number, lobbySize: number, urls: number, roomPrefix: string, sourceAddresses: string[], mirrorShare: number }} o
 */
function clientPlan(g, o) {
  const slot = ((g % 100) * 37) % 100; // 37 is coprime to 100: a permutation of the block
  const block = Math.floor(g / 100);
  /** @type {Role} */
  let role = 'idle';
  let start = 0;
  for (const r of ROLES) {
    if (slot < start + o.shares[r]) {
      role = r;
      break;
    }
    start += o.shares[r];
  }
  const rank = block * o.shares[role] + (slot - start);
  const size = role === 'room' ? o.roomSize : o.lobbySize;
  const room = Math.floor(rank / size);
  return {
    g,
    role,
    // Game rooms `<prefix>-N` (the benchmarks pass `bench`: the ids earlier results and the
    // bytes-per-tick comparison used; a v1 sync carries the id twice), lobbies `<prefix>-lN`.
    roomId: role === 'idle' ? '' : `${o.roomPrefix}-${role === 'room' ? '' : 'l'}${room}`,
    member: role === 'idle' ? 0 : rank % size,
    mirror: role === 'room' && keepsMirror(rank % size, o.mirrorShare),
    urlIndex: (g + block) % o.urls,
    localAddress: o.sourceAddresses.length ? o.sourceAddresses[g % o.sourceAddresses.length] : undefined,
  };
}

/**
 * Whether member `m` of a room is in the mirror sample of `share` (0…1): when ⌊m × share⌋ steps
 * up, so members 0, 1/share, 2/share, … (exactly the share of a full room, spread evenly, and
 * member 0 of every room, so every room's stream is checked by someone unless share is 0).
 * @param {number} m @param {number} share
 */
function keepsMirror(m, share) {
  if (share >= 1) return true;
  return Math.floor(m * share) !== Math.floor((m - 1) * share);
}

/**
 * Source addresses to bind: `none`, an explicit comma list, or `auto`: on a loopback target,
 * one 127.0.0.x per ~70 % of the ephemeral port range (an address bound before connect spends a
 * port of its own per socket, whatever the destination), none when one address is enough.
 * @param {string} setting @param {number} clients @param {string[]} urls
 */
function sourceAddresses(setting, clients, urls) {
  if (setting === 'none' || setting === '') return [];
  if (setting !== 'auto') return setting.split(',').map((a) => a.trim()).filter(Boolean);
  const loopback = urls.every((u) => /^wss?:\/\/(127\.\d+\.\d+\.\d+|localhost)(:|\/|$)/.test(u));
  const perAddress = Math.floor(ephemeralPortCount() * 0.7);
  if (!loopback || clients <= perAddress) return [];
  return Array.from({ length: Math.ceil(clients / perAddress) }, (_, i) => `127.0.0.${2 + i}`);
}

/** Contiguous ranges of client indexes, one per worker. @param {number} clients @param {number} workers */
function workerRanges(clients, workers) {
  const out = [];
  for (let w = 0, first = 0; w < workers; w++) {
    const count = Math.floor(clients / workers) + (w < clients % workers ? 1 : 0);
    out.push({ first, count });
    first += count;
  }
  return out;
}

module.exports = { ROLES, roleShares, clientPlan, keepsMirror, sourceAddresses, workerRanges };
