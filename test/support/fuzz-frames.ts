import { gameproto } from '../../src/protocol';
import { encodeClientProto } from './test-client';

/** Names and secrets the fuzzer may use, so that some of its frames hit real rooms, clients and sessions. */
export interface FuzzPools {
  roomIds: string[];
  clientIds: string[];
  sessionIds: string[];
  resumeTokens: string[];
}

/** One frame to send: text for a JSON connection, bytes for a protobuf one (each may get the other's too). */
export interface FuzzFrame {
  data: string | Buffer;
  /** Larger than the gateway's MAX_MESSAGE_BYTES: the connection is closed with 1009. */
  oversize: boolean;
}

const CLIENT_TYPES = ['join_room', 'leave_room', 'game_action', 'chat', 'ping', 'pong', 'resume', 'refresh', 'join_or_create', 'create_room', 'list_rooms'];
/** Server-to-client types and names the contract does not have: a client sending them gets an error. */
const OTHER_TYPES = ['sync', 'welcome', 'state', 'ack', 'error', 'batch', 'room_event', 'room_list', 'foo', '', '__proto__', 'constructor', 'toString'];
const KINDS = ['arena', 'tag', 'ctf', 'world', 'Arena', 'nope', '', 'x'.repeat(40)];
const ACTIONS = ['move', 'attack', 'tag', 'fly', '', '__proto__', 'x'.repeat(40)];
export const WEIRD_STRINGS = ['', ' ', 'a', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(65), 'x'.repeat(700), 'ünï', '🎮', 'a\u0000b', 'line\nbreak', 'tab\there', '\u0085', '"quoted"', '{}', 'a.b:c@d-e_f'];
const WEIRD_NUMBERS = [0, -0, 1, -1, 0.5, 17, 2 ** 31, -(2 ** 31) - 1, 2 ** 32, 2 ** 53, -(2 ** 53), 1e9, 1e9 + 1, -1e9 - 1, 1e308, 5e-324];

/** Any JSON value of a few shapes, nested a little: strings and numbers that break naive code, booleans, null, arrays, objects. */
export function randomJson(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const roll = random();
  if (roll < 0.25) return pick(WEIRD_STRINGS);
  if (roll < 0.5) return pick(WEIRD_NUMBERS);
  if (roll < 0.6) return random() < 0.5;
  if (roll < 0.7) return null;
  if (depth > 2) return [];
  if (roll < 0.85) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(WEIRD_STRINGS), randomJson(random, depth + 1)]));
}

/**
 * Seeded random client frames for the fuzz e2e: the contract's client messages with plausible,
 * wrong-typed, missing and extra fields, in either codec, sometimes truncated, bit-flipped, of an
 * unknown type or oversized. The same seed gives the same frames.
 */
export class FuzzFrames {
  constructor(
    private readonly random: () => number,
    private readonly pools: FuzzPools,
    private readonly maxMessageBytes: number,
  ) {}

  next(codec: 'json' | 'proto'): FuzzFrame {
    const roll = this.random();
    if (roll < 0.003) return { data: codec === 'json' ? 'x'.repeat(this.maxMessageBytes + 1) : Buffer.alloc(this.maxMessageBytes + 1, 7), oversize: true };
    // Now and then the other codec's frame, or bytes that are no frame of either.
    if (roll < 0.03) return { data: this.noise(), oversize: false };
    const useJson = (codec === 'json') !== roll < 0.06;
    const type = this.random() < 0.9 ? this.pick(CLIENT_TYPES) : this.pick(OTHER_TYPES);
    const payload = this.payloadOf(type);
    const id = this.random() < 0.3 ? this.maybe(() => `m-${Math.floor(this.random() * 50)}`) : undefined;
    return { data: useJson ? this.json(type, payload, id) : this.proto(type, payload, id), oversize: false };
  }

  private json(type: string, payload: unknown, id: unknown): string {
    const envelope: Record<string, unknown> = { type: this.random() < 0.95 ? type : this.value(), payload, timestamp: Date.now() };
    if (id !== undefined) envelope.id = id;
    if (this.random() < 0.1) envelope[this.pick(WEIRD_STRINGS)] = this.value();
    if (this.random() < 0.03) delete envelope.payload;
    const text = JSON.stringify(envelope);
    return this.random() < 0.05 ? text.slice(0, Math.floor(this.random() * text.length)) : text;
  }

  private proto(type: string, payload: unknown, id: unknown): Buffer {
    let bytes: Buffer;
    try {
      bytes = encodeClientProto(type, payload as object, typeof id === 'string' ? id : undefined);
    } catch {
      // A type protobuf has no number for, or values protobufjs refuses: a Message of a random type with a random payload.
      const raw = gameproto.Message.encode({ type: Math.floor(this.random() * 40), payload: this.noise(), timestamp: Date.now() }).finish();
      bytes = Buffer.from(raw);
    }
    const roll = this.random();
    if (roll < 0.05) return bytes.subarray(0, Math.floor(this.random() * bytes.length));
    if (roll < 0.1 && bytes.length > 0) {
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(this.random() * flipped.length)] ^= 1 << Math.floor(this.random() * 8);
      return flipped;
    }
    return bytes;
  }

  private payloadOf(type: string): unknown {
    if (this.random() < 0.04) return this.value();
    const payload: Record<string, unknown> = {};
    for (const [name, make] of Object.entries(this.fieldsOf(type))) {
      const roll = this.random();
      if (roll < 0.25) continue; // missing
      payload[name] = roll < 0.85 ? make() : this.value(); // plausible, or any type at all
    }
    if (this.random() < 0.1) payload[this.pick(WEIRD_STRINGS)] = this.value();
    return payload;
  }

  /** A message type's fields, each with a maker of plausible values. */
  private fieldsOf(type: string): Record<string, () => unknown> {
    const room = () => this.maybe(() => this.pick(this.pools.roomIds));
    switch (type) {
        case 'join_room':
          return { room_id: room, user_id: () => this.text(), nickname: () => this.text(), kind: () => this.pick(KINDS), options: () => this.map(), redirect: () => this.random() < 0.5 };
        case 'leave_room':
          return { room_id: room };
        case 'game_action':
          return {
            room_id: room,
            action: () => this.pick(ACTIONS),
            position: () => this.position(),
            target_id: () => this.pick([0, 1, 2, 3, -1, 2 ** 31]),
            params: () => this.map(),
            input_seq: () => this.pick(WEIRD_NUMBERS),
          };
        case 'chat':
          return { room_id: room, to_client_id: () => this.pick(this.pools.clientIds), text: () => this.text() };
        case 'ping':
        case 'pong':
          return { t: () => this.pick(WEIRD_NUMBERS) };
        case 'resume':
          return {
            session_id: () => this.pick(this.pools.sessionIds),
            resume_token: () => this.pick(this.pools.resumeTokens),
            rooms: () => Object.fromEntries(this.pools.roomIds.filter(() => this.random() < 0.3).map((r) => [r, this.pick(WEIRD_NUMBERS)])),
            last_seq: () => this.pick(WEIRD_NUMBERS),
          };
        case 'refresh':
          return { token: () => this.pick(['a.b.c', 'eyJ.eyJ.sig', '', 'x'.repeat(9000)]) };
        case 'join_or_create':
        case 'list_rooms':
          return { kind: () => this.pick(KINDS), filters: () => this.filters(), options: () => this.map(), page: () => this.pick(WEIRD_NUMBERS) };
        case 'create_room':
          return { kind: () => this.pick(KINDS), metadata: () => this.filters(), options: () => this.map(), private: () => this.random() < 0.5 };
        default:
          return { room_id: room, text: () => this.text() };
    }
  }

  private position(): unknown {
    const coordinate = () => (this.random() < 0.8 ? (this.random() - 0.5) * 400 : this.random() < 0.5 ? this.pick(WEIRD_NUMBERS) : this.value());
    const position: Record<string, unknown> = { x: coordinate(), y: coordinate(), z: coordinate() };
    if (this.random() < 0.1) delete position[this.pick(['x', 'y', 'z'])];
    return position;
  }

  private filters(): unknown {
    const filters: Record<string, unknown> = {};
    const count = Math.floor(this.random() * 10);
    for (let i = 0; i < count; i++) {
      const name = this.random() < 0.7 ? this.pick(['mode', 'region', 'level', 'x']) : this.pick(WEIRD_STRINGS);
      filters[name] = this.random() < 0.3 ? { min: this.pick(WEIRD_NUMBERS), max: this.pick(WEIRD_NUMBERS) } : this.value();
    }
    return filters;
  }

  private map(): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const count = Math.floor(this.random() * (this.random() < 0.9 ? 4 : 20));
    for (let i = 0; i < count; i++) map[this.random() < 0.5 ? this.pick(['k', 'score_to_win', 'mode', 'speed']) : this.pick(WEIRD_STRINGS)] = this.random() < 0.8 ? this.text() : this.value();
    return map;
  }

  private text(): string {
    return this.random() < 0.5 ? this.pick(WEIRD_STRINGS) : `t${Math.floor(this.random() * 1000)}`;
  }

  private value(): unknown {
    return randomJson(this.random);
  }

  private noise(): Buffer {
    return Buffer.from(Array.from({ length: Math.floor(this.random() * 64) }, () => Math.floor(this.random() * 256)));
  }

  private maybe<T>(make: () => T): T | undefined {
    return this.random() < 0.9 ? make() : undefined;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
}
