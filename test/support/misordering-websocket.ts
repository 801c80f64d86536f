import WebSocket from 'ws';
import type { ClientCodec, WebSocketConstructor, WebSocketLike } from '../../client/src';

/** What a {@link MisorderingSocket} did, for a test to prove the disorder really happened. */
export interface MisorderStats {
  /** Held frames released in a different order than they arrived. */
  reordered: number;
  /** Room events released while an earlier `room_joined` of the same socket was still held. */
  overtookRoomJoined: number;
  /** Held frames lost because the socket closed first (like frames in flight on a dropped connection). */
  lost: number;
}

/**
 * A `ws` client socket that delivers the server's reliable room events and `room_joined` out of
 * order, as a misbehaving server might (issue #16 bug 2): those frames are held and released in a
 * seeded random order a few at a time, `room_joined` always after the frames held with it; every
 * other frame passes at once (overtaking held ones). Held frames are lost when the socket closes.
 */
export class MisorderingSocket implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private readonly inner: WebSocket;
  private held: { data: unknown; arrival: number; roomJoined: boolean }[] = [];
  private arrivals = 0;
  private lastReleased = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    url: string,
    protocols: string[] | undefined,
    private readonly codec: ClientCodec,
    private readonly random: () => number,
    private readonly stats: MisorderStats,
  ) {
    this.inner = new WebSocket(url, protocols);
    this.inner.binaryType = 'arraybuffer';
    this.inner.onopen = (event) => this.onopen?.(event);
    this.inner.onerror = (event) => this.onerror?.(event);
    this.inner.onmessage = (event) => this.arrive(event.data);
    this.inner.onclose = (event) => {
      clearTimeout(this.timer);
      this.stats.lost += this.held.length;
      this.held = [];
      this.onclose?.({ code: event.code, reason: event.reason });
    };
  }

  get readyState(): number {
    return this.inner.readyState;
  }
  get protocol(): string {
    return this.inner.protocol;
  }
  get binaryType(): string {
    return this.inner.binaryType;
  }
  set binaryType(_value: string) {
    // Always arraybuffer underneath, which is what the SDK asks for.
  }
  send(data: string | Uint8Array): void {
    this.inner.send(data);
  }
  close(code?: number, reason?: string): void {
    this.inner.close(code, reason);
  }
  /** Cuts the connection from the client's side without a close frame (a drop). */
  terminate(): void {
    this.inner.terminate();
  }

  private arrive(data: unknown): void {
    const frame = this.codec.decode(typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer)) as { type: string; offset?: number };
    const holdable = frame.type === 'room_joined' || (frame.offset ?? 0) > 0;
    if (!holdable) return this.deliver(data);
    this.held.push({ data, arrival: this.arrivals++, roomJoined: frame.type === 'room_joined' });
    if (this.held.length >= 4) this.releaseSome();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.releaseAll(), 5);
  }

  private releaseSome(): void {
    while (this.held.length > 1) this.releaseOne();
  }

  private releaseAll(): void {
    while (this.held.length > 0) this.releaseOne();
  }

  /** A random held frame, never a room_joined while other frames are held with it. */
  private releaseOne(): void {
    const candidates = this.held.filter((entry) => !entry.roomJoined);
    const pool = candidates.length > 0 ? candidates : this.held;
    const chosen = pool[Math.floor(this.random() * pool.length)];
    if (!chosen.roomJoined && this.held.some((entry) => entry.roomJoined)) this.stats.overtookRoomJoined++;
    this.held.splice(this.held.indexOf(chosen), 1);
    if (chosen.arrival < this.lastReleased) this.stats.reordered++;
    this.lastReleased = Math.max(this.lastReleased, chosen.arrival);
    this.deliver(chosen.data);
  }

  private deliver(data: unknown): void {
    if (this.inner.readyState === WebSocket.OPEN) this.onmessage?.({ data });
  }
}

/** A WebSocket constructor for the SDK whose sockets misorder (see {@link MisorderingSocket}); `sockets` collects them. */
export function misorderingWebSocket(codec: ClientCodec, random: () => number, stats: MisorderStats, sockets: MisorderingSocket[]): WebSocketConstructor {
  return class extends MisorderingSocket {
    constructor(url: string, protocols?: string[]) {
      super(url, protocols, codec, random, stats);
      sockets.push(this);
    }
  };
}
