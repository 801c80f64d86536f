import { gameproto } from '../generated/game.js';
import type { WebSocketConstructor, WebSocketLike } from '../websocket.js';

/** The two wire formats, as a v2 server would speak them (`game.v2.json` / `game.v2.proto`). */
export type WireFormat = 'json' | 'proto';

interface Inner {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): object;
  fromObject(object: object): object;
  toObject(message: object, options: object): object;
}
const T = gameproto.MessageType;
const INNER: Record<string, [number, Inner]> = {
  welcome: [T.WELCOME, gameproto.Welcome as unknown as Inner],
  room_joined: [T.ROOM_JOINED, gameproto.RoomJoined as unknown as Inner],
  player_joined: [T.PLAYER_JOINED, gameproto.PlayerJoined as unknown as Inner],
  ack: [T.ACK, gameproto.Ack as unknown as Inner],
  error: [T.ERROR, gameproto.Error as unknown as Inner],
  state: [T.STATE, gameproto.StateFrame as unknown as Inner],
  room_event: [T.ROOM_EVENT, gameproto.RoomEvent as unknown as Inner],
  join_room: [T.JOIN_ROOM, gameproto.JoinRoomRequest as unknown as Inner],
  leave_room: [T.LEAVE_ROOM, gameproto.LeaveRoomRequest as unknown as Inner],
  game_action: [T.GAME_ACTION, gameproto.GameAction as unknown as Inner],
  resume: [T.RESUME, gameproto.Resume as unknown as Inner],
};
const NAMES = new Map(Object.entries(INNER).map(([name, [value, inner]]) => [value, { name, inner }]));

/**
 * A server frame as the gateway puts it on the wire: JSON `{type, payload, timestamp, …}` text, or
 * protobuf `Message{type, payload: <inner message bytes>}` (with `RoomEvent.data` as JSON text).
 */
export function encodeServerFrame(format: WireFormat, type: string, payload: object, envelope: { room_id?: string; offset?: number } = {}): string | Uint8Array {
  if (format === 'json') return JSON.stringify({ type, payload, timestamp: Date.now(), ...envelope });
  const [value, inner] = INNER[type];
  const body = type === 'room_event' ? { ...payload, data: JSON.stringify((payload as { data: unknown }).data) } : payload;
  return gameproto.Message.encode({ type: value, payload: inner.encode(inner.fromObject(body)).finish(), timestamp: Date.now(), ...envelope }).finish();
}

/** A client frame back from the wire (for assertions). */
export interface SentFrame {
  type: string;
  id?: string;
  payload: Record<string, unknown>;
}

/**
 * An in-memory WebSocket the test drives synchronously: no sockets, no event-loop turns between a
 * frame and its effect, so a spec can push thousands of frames and check the client after each.
 */
export class MemorySocket implements WebSocketLike {
  readyState = 0;
  protocol = '';
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: (string | Uint8Array)[] = [];

  constructor(
    readonly url: string,
    readonly protocols: string[] = [],
  ) {}

  send(data: string | Uint8Array): void {
    this.sent.push(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  /** Completes the handshake with the first offered subprotocol. */
  accept(): void {
    this.protocol = this.protocols[0] ?? '';
    this.readyState = 1;
    this.onopen?.({});
  }

  /** A frame from the server, as `ws` hands it over (text as a string, binary as an ArrayBuffer). */
  receive(data: string | Uint8Array): void {
    // A copy: `ws` hands over an exact ArrayBuffer, while a Node Buffer may be a view into a shared pool.
    this.onmessage?.({ data: typeof data === 'string' ? data : new Uint8Array(data).buffer });
  }

  /** The frames the client sent, decoded. */
  frames(): SentFrame[] {
    return this.sent.map((data) => {
      if (typeof data === 'string') return JSON.parse(data) as SentFrame;
      const message = gameproto.Message.decode(data);
      const spec = NAMES.get(message.type);
      const payload = spec ? (spec.inner.toObject(spec.inner.decode(message.payload), { longs: Number }) as Record<string, unknown>) : {};
      return { type: spec?.name ?? `unknown:${message.type}`, id: message.id || undefined, payload };
    });
  }
}

/** A WebSocket constructor for `GameClient`'s `WebSocket` option, and the sockets it made. */
export function memorySockets(): { WebSocket: WebSocketConstructor; sockets: MemorySocket[] } {
  const sockets: MemorySocket[] = [];
  const WebSocket = class extends MemorySocket {
    constructor(url: string, protocols?: string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  };
  return { WebSocket, sockets };
}
