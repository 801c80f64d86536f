import type { PlayerJoinedPayload, PlayerSnapshot, RoomJoinedPayload, RoomPlayer, SyncPayload, Vec3 } from './types.js';

/** What the client knows of a room: its members (identity from join events, values from the latest `sync`). */
export interface RoomState {
  /** `frame_num` of the latest snapshot (`room_joined` or `sync`). */
  readonly frameNum: number;
  /** Members by `player_id`. */
  readonly players: ReadonlyMap<string, RoomPlayer>;
}

const zero = (): Vec3 => ({ x: 0, y: 0, z: 0 });

/**
 * Keeps a {@link RoomState} from `room_joined` (a full snapshot), `player_joined`/`player_left`
 * (membership) and `sync` (values). Membership changes only with reliable events; a `sync` updates
 * the members it names and ignores others, so a late or early snapshot never adds a ghost.
 */
export class RoomStateMirror implements RoomState {
  frameNum = 0;
  readonly players = new Map<string, RoomPlayer>();

  reset(snapshot: RoomJoinedPayload): void {
    this.frameNum = snapshot.frame_num;
    this.players.clear();
    for (const player of snapshot.players) this.players.set(player.player_id, { ...player });
  }

  joined(event: PlayerJoinedPayload): void {
    const known = this.players.get(event.player_id);
    const { room_id: _room, ...identity } = event;
    this.players.set(event.player_id, {
      position: zero(),
      velocity: zero(),
      health: 0,
      score: 0,
      last_input_seq: 0,
      ...known,
      ...identity,
    });
  }

  left(playerId: string): void {
    this.players.delete(playerId);
  }

  sync(snapshot: SyncPayload): void {
    this.frameNum = snapshot.frame_num;
    for (const values of snapshot.players) {
      const player = this.players.get(values.player_id);
      if (player) Object.assign(player, pick(values));
    }
  }
}

function pick(values: PlayerSnapshot): PlayerSnapshot {
  const { player_id, position, velocity, health, score, last_input_seq } = values;
  return { player_id, position, velocity, health, score, last_input_seq: last_input_seq ?? 0 };
}
