// Test support for the SDK's v2 specs: a room's state on the server side, made with the server's
// own library (src/state), producing the frames the gateway would send. Only specs import this;
// the SDK itself never imports the server's code.
import { defineEvents, defineState, FrameRecords, RoomState, type StateOwner, t } from '../../../src/state';
import type { KindDescriptor } from '../state/kind-descriptor';
import type { StateFramePayload } from '../types';

/** A kind with every field type: integers of each width (wrapping differences), floats (one with a non-zero default), strings, lists, maps. */
export const propState = defineState({
  room: { phase: t.enum(['warmup', 'play', 'over']), timeLeft: t.uint32(), title: t.string({ maxLength: 40 }), secret: t.uint8().serverSide() },
  entities: {
    player: {
      x: t.float({ precision: 0.1 }),
      y: t.float({ precision: 0.1 }),
      hp: t.uint8().withDefault(100),
      alive: t.bool(),
      name: t.string({ maxLength: 16 }),
      items: t.list(t.uint16(), { maxLength: 8 }),
      stats: t.map(t.int32(), { maxEntries: 8 }),
      lastSeen: t.uint32().serverSide(),
    },
    flag: {
      x: t.float({ precision: 0.5 }),
      carrier: t.uint16(),
      tags: t.list(t.string({ maxLength: 8 }), { maxLength: 4 }),
      labels: t.map(t.string({ maxLength: 8 }), { maxEntries: 4 }),
      home: t.bool().withDefault(true),
    },
    probe: { a: t.int8(), b: t.int16(), c: t.int32(), d: t.uint8(), e: t.uint32(), depth: t.float({ precision: 0.25, min: 10, max: 20 }) },
  },
});

export const propEvents = defineEvents({
  flag_taken: { by: t.uint16(), team: t.enum(['red', 'blue']) },
  round_over: { winner: t.string({ maxLength: 16 }), score: t.list(t.uint8(), { maxLength: 2 }) },
});

/** The kind's descriptor as `room_joined.schema` carries it (what `npm run schemas` will publish). */
export const propDescriptor: KindDescriptor = {
  kind: 'prop',
  types: propState.describe().types,
  events: propEvents.describe(),
  actions: [
    { name: 'move', position: 'required' },
    { name: 'attack', target: 'required' },
    { name: 'emote', params: ['name'] },
    { name: 'ready' },
  ],
  options: ['rounds'],
};

export type PropDecl = typeof propState extends { decl: infer D } ? D : never;

/** The server's player `id`, for writing its fields in a spec. */
export const playerOf = (state: RoomState<PropDecl>, id: number) => state.get(id) as unknown as { x: number; y: number; hp: number; alive: boolean; items: number[] };

export const owner = (entityId: number): StateOwner => ({ clientId: `c${entityId}`, playerId: `p${entityId}`, entityId });

/** One room's state on the server and the frames it publishes, numbered like the gateway numbers them. */
export class ServerRoom {
  readonly state = new RoomState(propState);
  /** The last published frame. */
  frame = 0;

  /** The next delta, or undefined when nothing changed (the server sends no frame then). */
  delta(): StateFramePayload | undefined {
    if (!this.state.hasChanges) return undefined;
    const out = new FrameRecords();
    this.state.writeDelta(out);
    if (out.empty) return undefined; // changed and changed back: nothing to send
    this.frame += 1;
    return { frame: this.frame, ops: [...out.ops], strings: [...out.strings] };
  }

  /** The keyframe of the published state (what a joiner or a resumed client gets). */
  keyframe(): StateFramePayload {
    const out = new FrameRecords();
    this.state.writeKeyframe(out);
    return { frame: this.frame, key: true, ops: [...out.ops], strings: [...out.strings], time: Date.now() };
  }

  /** `room_joined` (v2) for a joiner now. */
  roomJoined(roomId = 'r', extra: object = {}): object {
    return { room_id: roomId, players: [], frame_num: this.frame, offset: 0, epoch: 'e1', handle: 1, kind: 'prop', schema: JSON.stringify(propDescriptor), state: this.keyframe(), ...extra };
  }

  /** The published state as a mirror must show it: sent fields only, room first, by id, as JSON. */
  view(): Record<string, unknown>[] {
    const sent = new Map(propDescriptor.types.map((type) => [type.name, new Set(type.fields.map((f) => f.name))]));
    const room = (this.state.room as unknown as { toJSON(): Record<string, unknown> }).toJSON();
    return [room, ...[...this.state.entities()].map((e) => e.toJSON())]
      .map((view) => Object.fromEntries(Object.entries(view).filter(([key]) => key === 'id' || key === 'type' || sent.get(view.type as string)!.has(key))))
      .map(normalize)
      .sort(byId);
  }
}

/** A client's typed state the same way: the room's fields as entity 0, then every entity. */
export function clientView(state: { room: object; entities: ReadonlyMap<number, object> }): Record<string, unknown>[] {
  return [{ id: 0, type: 'room', ...state.room }, ...state.entities.values()].map(normalize).sort(byId);
}

const normalize = (view: object) => JSON.parse(JSON.stringify(view)) as Record<string, unknown>;
const byId = (a: Record<string, unknown>, b: Record<string, unknown>) => (a.id as number) - (b.id as number);

/** A small deterministic PRNG (mulberry32), so that a failure names its seed. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few random changes to the state: spawns, despawns (respawns of a player's id included), field writes of every kind. */
export function mutate(state: RoomState<PropDecl>, random: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const mutations = Math.floor(random() * 8);
  for (let m = 0; m < mutations; m++) {
    const entities = [...state.entities()];
    const roll = random();
    if (roll < 0.12 || entities.length === 0) {
      const kind = random();
      if (kind < 0.4) state.spawn('player', { x: random() * 200 - 100, name: `p${int(0, 999)}` }, owner(state.allocateId()));
      else if (kind < 0.7) state.spawn('flag', { x: random() * 50, labels: { a: 'x' } });
      else state.spawn('probe', { a: int(-128, 127), depth: 10 + random() * 10 });
    } else if (roll < 0.2) {
      state.despawn(pick(entities));
    } else if (roll < 0.24) {
      // A player respawning: the same id despawned and spawned again in one frame.
      const players = [...state.ofType('player')];
      if (players.length > 0) {
        const p = pick(players);
        state.despawn(p);
        state.spawn('player', { x: random() * 10, hp: int(1, 100) }, owner(p.id));
      }
    } else if (roll < 0.3) {
      state.room.phase = pick(['warmup', 'play', 'over'] as const);
      state.room.timeLeft = int(0, 4294967295);
      if (random() < 0.3) state.room.title = `round ${int(0, 99)}`;
      if (random() < 0.3) state.room.secret = int(0, 255);
    } else {
      const e = pick(entities);
      if (e.type === 'player') {
        const p = e as unknown as { x: number; y: number; hp: number; alive: boolean; name: string; items: number[]; stats: Record<string, number>; lastSeen: number };
        p.x += random() * 20 - 10;
        if (random() < 0.3) p.y = random() * 1e5 - 5e4;
        if (random() < 0.2) p.hp = int(0, 255);
        if (random() < 0.2) p.alive = !p.alive;
        if (random() < 0.1) p.name = random() < 0.2 ? '' : `n${int(0, 99)}`;
        if (random() < 0.1) p.items = Array.from({ length: int(0, 8) }, () => int(0, 65535));
        if (random() < 0.1) p.stats = random() < 0.2 ? {} : { k: int(-2147483648, 2147483647), d: int(-5, 5) };
        if (random() < 0.3) p.lastSeen = int(0, 1e6);
      } else if (e.type === 'flag') {
        const f = e as unknown as { x: number; carrier: number; tags: string[]; labels: Record<string, string>; home: boolean };
        f.x = random() * 100;
        f.carrier = int(0, 65535);
        if (random() < 0.2) f.tags = Array.from({ length: int(0, 4) }, () => `t${int(0, 9)}`);
        if (random() < 0.2) f.labels = random() < 0.3 ? {} : { [`k${int(0, 3)}`]: `v${int(0, 9)}` };
        if (random() < 0.2) f.home = !f.home;
      } else {
        const p = e as unknown as { a: number; b: number; c: number; d: number; e: number; depth: number };
        p.a = int(-128, 127);
        p.b = int(-32768, 32767);
        p.c = int(-2147483648, 2147483647);
        p.d = int(0, 255);
        p.e = int(0, 4294967295);
        p.depth = random() * 30; // clamped into [10, 20]
      }
    }
  }
}
