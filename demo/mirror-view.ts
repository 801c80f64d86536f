// The page's view of the arena on protocol v2 (`?protocol=2`): the room's typed state as the SDK's
// mirror keeps it, other players' positions interpolated between frames, hits seen by a listener
// on each player's health, room events in the log. The arena's types are generated from its
// descriptor (client/kinds/arena.ts). Without `?protocol=2` the page speaks v1 (snapshot-view.ts).
import type { ArenaRoom } from '../client/kinds/arena';
import { createInterpolator, type Entity, type Interpolator, type Room, type RoomEventPayload } from '../client/src/index';
import type { Figure } from './render';

export type { ArenaRoom };

type Fighter = Entity<ArenaRoom, 'player'>;
const FLASH_MS = 200;
/** How long a predicted position is shown if the server's frames never reach it (e.g. a move clamped at the border). */
const PREDICTION_MS = 500;

export class MirrorView {
  private room: Room<ArenaRoom> | undefined;
  private smooth: Interpolator<'x' | 'y'> | undefined;
  private readonly hitUntil = new Map<number, number>();
  /** Where the player's own entity is shown until the server's frames get there (or for a moment, if they never do: a clamped move). */
  private predicted: { x: number; y: number; until: number } | undefined;
  private stops: (() => void)[] = [];

  constructor(
    private readonly say: (text: string, kind?: string) => void,
    /** The scoreboard changed (a player came, left, scored or was hit). */
    private readonly changed: () => void,
  ) {}

  attach(room: Room<ArenaRoom>): void {
    this.detach();
    this.room = room;
    this.smooth = createInterpolator(room, { type: 'player', fields: ['x', 'y'], delayMs: 100 });
    const health = (fighter: Fighter) =>
      room.listen(fighter, 'health', (hp, before) => before !== undefined && hp < before && this.hitUntil.set(fighter.id, performance.now() + FLASH_MS), { immediate: false });
    this.stops.push(
      room.onAdd('player', (fighter) => (this.stops.push(health(fighter)), this.changed())),
      room.onRemove('player', () => this.changed()),
      room.onChange('player', (fighter, fields) => {
        if (fighter.id === room.myEntity?.id && fighter.x === this.predicted?.x && fighter.y === this.predicted.y) this.predicted = undefined;
        if (fields.includes('health') || fields.includes('score')) this.changed();
      }),
      room.on('message', (frame) => {
        if (frame.type !== 'room_event') return;
        const { name, data } = frame.payload as RoomEventPayload;
        this.say(`${name} ${JSON.stringify(data)}`, 'event');
      }),
    );
  }

  detach(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.smooth?.dispose();
    this.room = undefined;
    this.predicted = undefined;
  }

  /** The players with their latest values, your own where you moved it (`now` given: the others interpolated, as drawn). */
  figures(now?: number): Figure[] {
    const room = this.room;
    if (!room) return [];
    const members = new Map([...room.state.players.values()].map((member) => [member.entity_id, member]));
    const mine = room.myEntity?.id;
    return [...room.state.ofType('player')].map((fighter) => {
      const own = fighter.id === mine;
      const predicted = own && this.predicted && this.predicted.until > performance.now() ? this.predicted : undefined;
      const at = predicted ?? (now === undefined || own ? fighter : (this.smooth!.at(fighter.id, now) ?? fighter));
      const member = members.get(fighter.id);
      return {
        entityId: fighter.id,
        playerId: member?.player_id ?? '',
        name: member?.nickname || member?.player_id || `#${fighter.id}`,
        x: at.x,
        y: at.y,
        health: fighter.health,
        score: fighter.score,
        mine: own,
        hit: (this.hitUntil.get(fighter.id) ?? 0) > performance.now(),
      };
    });
  }

  /** Shows the player's own move at once (the server's frames confirm it). */
  predict(position: { x: number; y: number }): void {
    this.predicted = { x: position.x, y: position.y, until: performance.now() + PREDICTION_MS };
  }
}
