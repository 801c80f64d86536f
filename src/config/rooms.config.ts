import { boolVar, configNamespace, enumVar, intVar, listVar, numberVar, stringVar } from './env-var';

/** `pattern=kind`: a room whose id matches `pattern` (exact, or a prefix ending in `*`) runs `kind`. */
export interface RoomKindRule {
  pattern: string;
  kind: string;
}

const KIND = /^[a-z][a-z0-9-]{0,31}$/;

export const roomsConfig = configNamespace('rooms', {
  tickRate: intVar('TICK_RATE', { default: 20, min: 1, max: 120, doc: 'Room ticks (and at most `sync` frames) per second' }),
  maxPlayers: intVar('ROOM_MAX_PLAYERS', { default: 64, min: 1, max: 10000, doc: 'Members per room; one more gets ROOM_FULL' }),
  maxQueuedActions: intVar('ROOM_MAX_QUEUED_ACTIONS', {
    default: 4096,
    min: 1,
    max: 1_000_000,
    doc: 'Actions a room buffers between two ticks; past it actions get RATE_LIMITED (a kind may declare its own: `maxQueuedActions` in `@GameRoomKind`)',
  }),
  stateFrameTime: boolVar('STATE_FRAME_TIME', {
    default: false,
    doc: 'v2 `state` deltas carry `time` (the server clock of their tick) as keyframes do: 5-6 bytes a frame, for clients and load tests that measure delivery latency',
  }),
  defaultKind: stringVar('DEFAULT_ROOM_KIND', {
    default: 'arena',
    pattern: KIND,
    expected: 'a room kind name like "arena"',
    doc: 'Game logic of rooms that no ROOM_KINDS rule matches',
  }),
  kindRules: listVar<RoomKindRule>('ROOM_KINDS', {
    default: [],
    expected: 'a list of pattern=kind pairs like "duel-*=duel,lobby=arena"',
    doc: 'Which rooms run which game logic: `pattern=kind` pairs, pattern exact or a prefix ending in `*`',
    item(raw) {
      const [pattern, kind] = raw.split('=');
      return pattern && kind && KIND.test(kind) ? { pattern, kind } : undefined;
    },
  }),
  maxRoomsPerConnection: intVar('MAX_ROOMS_PER_CONNECTION', {
    default: 16,
    min: 1,
    max: 10000,
    doc: 'Rooms one connection may be in at once; one more join gets INVALID_PAYLOAD',
  }),
  chatMaxLength: intVar('CHAT_MAX_LENGTH', { default: 500, min: 1, max: 4096, doc: 'Characters in one chat message' }),
  roomChatRatePerSec: numberVar('ROOM_CHAT_RATE_PER_SEC', {
    default: 10,
    min: 0.01,
    max: 100_000,
    doc: 'Chat messages per second one room takes (token bucket refill, counted per instance for the senders connected to it); past it room chat gets RATE_LIMITED',
  }),
  roomChatBurst: intVar('ROOM_CHAT_BURST', { default: 30, min: 1, max: 1_000_000, doc: 'Chat messages one room takes at once before ROOM_CHAT_RATE_PER_SEC applies' }),
  directMessageScope: enumVar('DIRECT_MESSAGE_SCOPE', {
    default: 'room',
    values: ['room', 'any'] as const,
    doc: 'Whom a direct message may reach: `room` (a client that shares a room with the sender) or `any` (any client with a session; the error then tells whether an id has one)',
  }),
});
