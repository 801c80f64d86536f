import { StateMirror, type StateDescription } from '../../src/state';
import type { RoomState } from '../../src/state';
import type { ServerMessage, StatePayload } from '../../src/protocol';
import { type ConnectOptions, TestClient } from './test-client';

/** What a v2 client holds of one room: its mirror, and what its frames looked like. */
export interface MirroredRoom {
  roomId: string;
  handle: number;
  mirror: StateMirror;
  /** Frames applied, in order: `key 12` / `delta 13`. */
  applied: string[];
  /** Deltas that did not apply to the mirror's frame (the gateway promises none). */
  refused: string[];
}

/**
 * A v2 client for tests: a real WebSocket speaking `game.v2.json` or `game.v2.proto` that keeps
 * a mirror of each room it joins with the reference apply algorithm (src/state's StateMirror,
 * written from the published descriptor only), from `room_joined`'s keyframe and `state` frames.
 */
export class StateClient {
  readonly rooms = new Map<string, MirroredRoom>();
  private readonly byHandle = new Map<number, MirroredRoom>();

  private constructor(
    readonly client: TestClient,
    replay = false,
  ) {
    if (!replay) client.socket.on('message', () => this.drain());
  }

  static async connect(wsUrl: string, codec: 'json' | 'proto', options: ConnectOptions = {}) {
    const { client, clientId, welcome } = await TestClient.connectWelcomed(wsUrl, { ...options, codec, protocol: codec === 'proto' ? 'game.v2.proto' : 'game.v2.json' });
    return { state: new StateClient(client), clientId, welcome };
  }

  /** Joins (optionally naming the kind and options) and resolves with the room once its snapshot arrived. */
  async join(roomId: string, extra: { kind?: string; options?: Record<string, string>; user_id?: string; nickname?: string } = {}): Promise<MirroredRoom> {
    this.client.send('join_room', { room_id: roomId, ...extra });
    await this.client.next('room_joined', (f) => f.payload.room_id === roomId);
    this.drain();
    return this.rooms.get(roomId)!;
  }

  /** Resolves once `predicate` holds for the room's mirror (checked after every frame). */
  async until(roomId: string, predicate: (room: MirroredRoom) => boolean, what = 'the mirror to get there', timeoutMs = 5000): Promise<MirroredRoom> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.drain();
      const room = this.rooms.get(roomId);
      if (room && predicate(room)) return room;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} in room ${roomId}; applied: ${room?.applied.slice(-8).join(', ')}`);
      await this.client.next('state', () => true, Math.max(1, deadline - Date.now())).catch(() => undefined);
    }
  }

  /**
   * The room's mirror as it stood when `frame` arrived (rebuilt from the frames received before
   * it): what a client could see at that moment, e.g. when an event came in.
   */
  mirrorAt(roomId: string, frame: object): StateMirror {
    const replay = new StateClient(this.client, true);
    const index = this.client.frames.indexOf(frame as never);
    if (index < 0) throw new Error('mirrorAt: that frame was not received by this client');
    replay.drainUntil(index);
    return replay.rooms.get(roomId)!.mirror;
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private cursor = 0;

  /** Applies every frame received since the last call, in arrival order. */
  private drain(): void {
    this.drainUntil(this.client.frames.length);
  }

  private drainUntil(end: number): void {
    const frames = this.client.frames;
    for (; this.cursor < end; this.cursor++) {
      const frame = frames[this.cursor] as ServerMessage;
      if (frame.type === 'room_joined') this.joined(frame as ServerMessage<'room_joined'>);
      else if (frame.type === 'state') this.apply(frame.payload as StatePayload);
    }
  }

  private joined(message: ServerMessage<'room_joined'>): void {
    const { room_id, handle, schema, state } = message.payload;
    if (!schema || !state || !handle) throw new Error(`room_joined of ${room_id} lacks the v2 fields: ${JSON.stringify(message.payload)}`);
    const mirror = new StateMirror(JSON.parse(schema) as StateDescription);
    const room: MirroredRoom = { roomId: room_id, handle, mirror, applied: [], refused: [] };
    this.rooms.set(room_id, room);
    this.byHandle.set(handle, room);
    this.applyTo(room, state);
  }

  private apply(frame: StatePayload): void {
    // Absent handle: the frame is for the only room this connection is in.
    const room = frame.room ? this.byHandle.get(frame.room) : this.rooms.size === 1 ? [...this.rooms.values()][0] : undefined;
    if (!room) throw new Error(`state frame for unknown handle ${frame.room} (rooms: ${[...this.rooms.keys()]})`);
    this.applyTo(room, frame);
  }

  private applyTo(room: MirroredRoom, frame: StatePayload): void {
    const label = `${frame.key ? 'key' : 'delta'} ${frame.frame}`;
    const ok = room.mirror.apply({ frame: frame.frame, base: frame.base ?? undefined, key: frame.key ?? false, ops: frame.ops ?? [], strings: frame.strings ?? [] });
    (ok ? room.applied : room.refused).push(label);
  }
}

/** The server's state as a v2 client must see it: sent fields only, as the mirror's views are shaped; `cells`: only what is in them (and global). */
export function serverView(state: RoomState, description: StateDescription, cells?: readonly number[]): Record<string, unknown>[] {
  const views: Record<string, unknown>[] = [];
  const sent = (type: string) => new Set(description.types.find((t) => t.name === type)!.fields.map((f) => f.name));
  const pick = (json: Record<string, unknown>) => {
    const keep = sent(json.type as string);
    return Object.fromEntries(Object.entries(json).filter(([k]) => k === 'id' || k === 'type' || keep.has(k)));
  };
  views.push(pick((state.room as unknown as { toJSON(): Record<string, unknown> }).toJSON()));
  const seen = cells && new Set(cells);
  for (const entity of state.entities()) {
    const cell = state.publishedCellOf(entity.id);
    if (!seen || cell < 0 || seen.has(cell)) views.push(pick(entity.toJSON()));
  }
  return normalize(views);
}

export function mirrorView(room: MirroredRoom): Record<string, unknown>[] {
  return normalize([...room.mirror.entities.keys()].map((id) => room.mirror.view(id)!));
}

const normalize = (views: Record<string, unknown>[]) =>
  JSON.parse(JSON.stringify(views.sort((a, b) => (a.id as number) - (b.id as number)))) as Record<string, unknown>[];
