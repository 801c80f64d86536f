// Test support for the SDK's interest-management specs: the shipped `world` kind's state on the
// server side, made with the server's own library (src/state), and each client's frames as the
// gateway composes them (the global part, then per cell a marker and that cell's delta or
// keyframe, drops for cells that left the view). Only specs import this; the SDK never does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { worldState } from '../../../src/games/world/world.state';
import { CellGrid, CellView, type FramePart, FrameRecords, markerOps, planFrame, RoomState, type StateOwner, writeCellDeltas, type CellDeltas } from '../../../src/state';
import type { KindDescriptor } from '../state/kind-descriptor';
import type { StateFramePayload } from '../types';

/** The `world` kind's descriptor as the gateway publishes it (`room_joined.schema`). */
export const worldDescriptor = JSON.parse(readFileSync(join(__dirname, '../../../docs/schemas/world.json'), 'utf8')) as KindDescriptor;

type WorldDecl = (typeof worldState)['decl'];
export interface Positioned {
  readonly id: number;
  readonly type: string;
  x: number;
  y: number;
}

/** One client of the world: what it sees follows its focus (its player, or any entity a spectator follows). */
export interface WorldClient {
  readonly view: CellView;
  focus: number;
  /** The last frame it got (-1: none yet: its next one is a keyframe). */
  last: number;
}

/** An interest-managed room's state on the server and every client's frames, numbered like the gateway numbers them. */
export class ServerWorld {
  readonly grid = new CellGrid(worldState, worldDescriptor.interest!);
  readonly state = new RoomState(worldState, this.grid);
  /** The last frame the room published. */
  frame = 0;
  private deltas: CellDeltas | undefined;

  spawnBot(x: number, y: number): Positioned {
    return this.state.spawn('bot', { x, y }) as unknown as Positioned;
  }

  spawnPlayer(id: number, x: number, y: number, name = `p${id}`): Positioned {
    const owner: StateOwner = { clientId: `c${id}`, playerId: `p${id}`, entityId: id };
    return this.state.spawn('player', { x, y, name }, owner) as unknown as Positioned;
  }

  entity(id: number): Positioned | undefined {
    return this.state.get(id) as unknown as Positioned | undefined;
  }

  /** Publishes what changed (a tick): the next frames are composed from it. */
  tick(): void {
    this.deltas = writeCellDeltas(this.state);
    this.frame += 1;
  }

  /** A client focused on entity `focus`, which gets a keyframe as its next frame. */
  client(focus: number): WorldClient {
    return { view: new CellView(this.grid), focus, last: -1 };
  }

  /**
   * The keyframe of everything `client` sees now (what `room_joined.state` carries for it), its
   * view started over from its focus. The published state: call after `tick`.
   */
  keyframe(client: WorldClient): StateFramePayload {
    client.view.reset([]);
    client.view.follow(this.state.currentCellOf(client.focus));
    client.last = this.frame;
    const parts: FramePart[] = [{ kind: 'global-key' }, ...client.view.cells.map((cell) => ({ kind: 'cell-key' as const, cell }))];
    return { frame: this.frame, key: true, ...this.compose(parts), time: Date.now() };
  }

  /** `client`'s frame of the last tick, or undefined when nothing in its view changed (it gets none). */
  frameFor(client: WorldClient): StateFramePayload | undefined {
    const deltas = this.deltas!;
    const change = client.view.follow(this.state.currentCellOf(client.focus));
    const full = client.last < 0;
    const parts = planFrame(client.view, change, { globalChanged: !deltas.global.empty, hasCell: (c) => deltas.cells.has(c) }, full);
    if (!parts) return undefined;
    const base = full || client.last === this.frame - 1 ? undefined : client.last;
    client.last = this.frame;
    return { frame: this.frame, ...(full ? { key: true } : {}), ...(base === undefined ? {} : { base }), ...this.compose(parts) };
  }

  /** `room_joined` (v2) of the world for `client`, its player being entity `entityId`. */
  roomJoined(roomId: string, client: WorldClient, extra: object = {}): object {
    return { room_id: roomId, players: [], frame_num: this.frame, offset: 0, epoch: 'e1', handle: 1, kind: 'world', schema: JSON.stringify(worldDescriptor), state: this.keyframe(client), ...extra };
  }

  /** What `client` must hold: the room, the global entities and those in the cells it sees, as a mirror shows them, by id. */
  visibleTo(client: WorldClient): Record<string, unknown>[] {
    const sent = new Map(worldDescriptor.types.map((type) => [type.name, new Set(type.fields.map((f) => f.name))]));
    const pick = (view: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(view).filter(([key]) => key === 'id' || key === 'type' || sent.get(view.type as string)!.has(key)));
    const views = [pick((this.state.room as unknown as { toJSON(): Record<string, unknown> }).toJSON())];
    for (const e of this.state.entities()) {
      const cell = this.state.publishedCellOf(e.id);
      if (cell < 0 || client.view.has(cell)) views.push(pick(e.toJSON()));
    }
    return JSON.parse(JSON.stringify(views.sort((a, b) => (a.id as number) - (b.id as number)))) as Record<string, unknown>[];
  }

  /** A client's frame body: its parts composed in order, as the gateway's outbox concatenates them. */
  private compose(parts: readonly FramePart[]): { ops: number[]; strings: string[] } {
    const ops: number[] = [];
    const strings: string[] = [];
    const add = (records: FrameRecords) => (ops.push(...records.ops), strings.push(...records.strings));
    for (const part of parts) {
      if (part.kind === 'global') add(this.deltas!.global);
      else if (part.kind === 'global-key') add(written((r) => this.state.writeGlobalKeyframe(r)));
      else if (part.kind === 'drop') ops.push(...markerOps(part.cell, true));
      else {
        ops.push(...markerOps(part.cell, false));
        if (part.kind === 'cell') add(this.deltas!.cells.get(part.cell)!);
        else add(written((r) => this.state.writeCellKeyframe(part.cell, r)));
      }
    }
    return { ops, strings };
  }
}

const written = (write: (records: FrameRecords) => void): FrameRecords => {
  const records = new FrameRecords();
  write(records);
  return records;
};

export type { WorldDecl };
