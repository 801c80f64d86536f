// The page's view of the arena on protocol v1 (the default): the players of the latest `sync`
// snapshot as `room.state.players` holds them; a hit is a health drop between two snapshots.
import type { Room, SyncPayload } from '../client/src/index';
import type { ArenaRoom } from './mirror-view';
import type { Figure } from './render';

const FLASH_MS = 200;
/** How long a predicted position is shown if no snapshot reaches it. */
const PREDICTION_MS = 500;

export class SnapshotView {
  private room: Room<ArenaRoom> | undefined;
  private readonly lastHealth = new Map<string, number>();
  private readonly hitUntil = new Map<string, number>();
  private stop: (() => void) | undefined;
  /**
   * Where the player's own dot is shown until a snapshot gets there (or for a moment, if none does:
   * a clamped move). Kept apart from `room.state`, which the next `sync` overwrites: a snapshot
   * from before the server applied a move must not undo the keys pressed since.
   */
  private predicted: { x: number; y: number; until: number } | undefined;

  constructor(
    /** The scoreboard changed (a snapshot came). */
    private readonly changed: () => void,
  ) {}

  attach(room: Room<ArenaRoom>): void {
    this.detach();
    this.room = room;
    this.stop = room.on('sync', (sync) => this.synced(sync));
  }

  detach(): void {
    this.stop?.();
    this.room = undefined;
    this.lastHealth.clear();
    this.predicted = undefined;
  }

  figures(): Figure[] {
    const room = this.room;
    if (!room) return [];
    const mine = room.me?.player_id;
    const predicted = this.predicted && this.predicted.until > performance.now() ? this.predicted : undefined;
    return [...room.state.players.values()].map((player) => ({
      entityId: player.entity_id,
      playerId: player.player_id,
      name: player.nickname || player.player_id,
      ...(player.player_id === mine && predicted ? { x: predicted.x, y: predicted.y } : { x: player.position.x, y: player.position.y }),
      health: player.health,
      score: player.score,
      mine: player.player_id === mine,
      hit: (this.hitUntil.get(player.player_id) ?? 0) > performance.now(),
    }));
  }

  /** Shows the player's own move at once (the snapshots confirm it). */
  predict(position: { x: number; y: number }): void {
    this.predicted = { x: position.x, y: position.y, until: performance.now() + PREDICTION_MS };
  }

  private synced(sync: SyncPayload): void {
    const me = this.room?.me;
    if (me && me.position.x === this.predicted?.x && me.position.y === this.predicted.y) this.predicted = undefined;
    for (const p of sync.players) {
      if (p.health < (this.lastHealth.get(p.player_id) ?? p.health)) this.hitUntil.set(p.player_id, performance.now() + FLASH_MS);
      this.lastHealth.set(p.player_id, p.health);
    }
    this.changed();
  }
}
