import WebSocket from 'ws';
import type { GameClient, WebSocketConstructor } from '../../client/src';
import type { ServerFrame } from '../../client/src/types';

/** A `ws` constructor that remembers its sockets, so a test can cut the client's side. */
export function trackedWebSocket(sockets: WebSocket[]): WebSocketConstructor {
  return class extends WebSocket {
    constructor(url: string, protocols?: string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  } as unknown as WebSocketConstructor;
}

/** Deterministic choices for a reproducible chaos run (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves once `predicate` holds for an event of `type` (checked on every such event), or rejects after `timeoutMs`. */
export function until<K extends 'chat' | 'resumed' | 'room_joined' | 'closed'>(
  client: GameClient,
  type: K,
  predicate: () => boolean,
  timeoutMs = 20000,
): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout((): void => {
      off();
      reject(new Error(`"${type}" condition not met within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = client.on(type, () => {
      if (!predicate()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

export interface ChaosRun {
  /** Chat frames each member received, in arrival order. */
  received: ServerFrame<'chat'>[][];
  /** `player_left` frames and `session_lost` events seen by anyone (a correct run has none). */
  notices: unknown[];
  resumes: number;
  kills: number;
}

/**
 * The chaos routine of the reliable-delivery tests: `members` (already in `room`) send numbered
 * chats (`"<member>:<n>"`, `messagesEach` each) in a seeded random order while sockets are cut
 * at random, half from the server (`serverKill`) and half on the client's side (the last socket
 * in `sockets[i]`). Resolves when every member has all messages and is open again.
 */
export async function runChatChaos(options: {
  members: GameClient[];
  sockets: WebSocket[][];
  room: string;
  messagesEach: number;
  seed: number;
  serverKill: (member: GameClient) => void;
  timeoutMs?: number;
}): Promise<ChaosRun> {
  const { members, sockets, room, messagesEach } = options;
  const total = members.length * messagesEach;
  const random = seeded(options.seed);
  const run: ChaosRun = { received: members.map(() => []), notices: [], resumes: 0, kills: 0 };
  members.forEach((member, i) => {
    member.on('chat', (frame) => run.received[i].push(frame));
    member.on('player_left', (frame) => run.notices.push(frame));
    member.on('session_lost', (event) => run.notices.push(event));
    member.on('resumed', () => run.resumes++);
  });
  const sent = members.map(() => 0);
  for (let step = 0; step < total; step++) {
    let sender = Math.floor(random() * members.length);
    while (sent[sender] >= messagesEach) sender = (sender + 1) % members.length;
    members[sender].chat(`${sender}:${++sent[sender]}`, { roomId: room });
    if (random() < 0.12) {
      const victim = Math.floor(random() * members.length);
      run.kills++;
      if (random() < 0.5) options.serverKill(members[victim]);
      else sockets[victim].at(-1)?.terminate();
    }
    // Every few messages, let the sender's own echo arrive: the stream goes on while victims reconnect.
    if (step % 4 === 3) {
      const text = `${sender}:${sent[sender]}`;
      await until(members[sender], 'chat', () => run.received[sender].some((frame) => frame.payload.text === text));
    }
  }
  await Promise.all(members.map((member, i) => until(member, 'chat', () => run.received[i].length >= total, options.timeoutMs)));
  await Promise.all(members.map((member) => until(member, 'resumed', () => member.connectionState === 'open', options.timeoutMs)));
  return run;
}

/** Every member got every message exactly once, in room-offset order, each sender's in its own order. */
export function expectExactlyOnceInRoomOrder(run: ChaosRun, messagesEach: number): void {
  const expected = [...run.received[0]].sort((x, y) => x.offset! - y.offset!).map((frame) => frame.payload.text);
  expect(new Set(expected).size).toBe(run.received.length * messagesEach);
  run.received.forEach((frames, i) => {
    expect(frames.map((frame) => frame.payload.text)).toEqual(expected);
    const own = expected.filter((text) => text.startsWith(`${i}:`));
    expect(own).toEqual(Array.from({ length: messagesEach }, (_, k) => `${i}:${k + 1}`));
  });
  expect(run.kills).toBeGreaterThan(0);
  expect(run.resumes).toBeGreaterThan(0);
  expect(run.notices).toEqual([]); // nobody saw anybody leave, no session was lost
}
