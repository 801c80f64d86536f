import type { GameActionPayload } from '../../protocol';
import type { GameLogic, PlayerRef, PlayerView, TickClock } from '../game-logic';

export interface HarnessOptions {
  roomId?: string;
  /** Ticks per second, as TICK_RATE. @default 20 */
  tickRate?: number;
  /** Start of the harness clock (ms). @default 0 */
  now?: number;
}

/**
 * Drives one `GameLogic` the way the room and tick loop do, without sockets, timers or Nest:
 * create a room's state, join players, apply actions, tick, read the snapshot. Time only moves
 * when the test says so (`tick()`, `advance(ms)`), so rules about time are tested exactly.
 *
 * @example
 * const room = new GameLogicHarness(new DuelLogic(config));
 * room.join('alice'); room.join('bob');
 * room.act('alice', { action: 'strike', target_id: room.ref('bob').entityId });
 * room.tick();
 * expect(room.player('bob').health).toBe(90);
 */
export class GameLogicHarness<S> {
  readonly state: S;
  readonly tickMs: number;
  now: number;
  private readonly players = new Map<string, PlayerRef>();
  private nextEntityId = 1;

  constructor(
    readonly logic: GameLogic<S>,
    options: HarnessOptions = {},
  ) {
    this.tickMs = 1000 / (options.tickRate ?? 20);
    this.now = options.now ?? 0;
    this.state = logic.createState(options.roomId ?? 'test-room');
  }

  get clock(): TickClock {
    return { now: this.now, tickMs: this.tickMs };
  }

  /** Joins a player (entity ids 1, 2, … in join order, as in a real room) and returns its ref. */
  join(playerId: string, nickname = playerId): PlayerRef {
    if (this.players.has(playerId)) throw new Error(`harness: "${playerId}" already joined`);
    const ref: PlayerRef = { playerId, nickname, clientId: `client-${playerId}`, entityId: this.nextEntityId++ };
    this.players.set(playerId, ref);
    this.logic.onJoin(this.state, ref, this.clock);
    return ref;
  }

  leave(playerId: string): void {
    const ref = this.ref(playerId);
    this.players.delete(playerId);
    this.logic.onLeave(this.state, ref, this.clock);
  }

  /** Applies one action now, as the tick does; a `GameError` from the logic is thrown to the test. */
  act(playerId: string, action: GameActionPayload): void {
    this.logic.onAction(this.state, this.ref(playerId), action, this.clock);
  }

  /** Advances the clock by one tick and runs the logic's simulation step, if it has one. */
  tick(): { changed: boolean; keepTicking: boolean } {
    this.now += this.tickMs;
    return this.logic.onTick?.(this.state, this.clock) ?? { changed: false, keepTicking: false };
  }

  /** Moves the clock without ticking (time between inputs). */
  advance(ms: number): void {
    this.now += ms;
  }

  snapshot(): PlayerView[] {
    return this.logic.snapshot(this.state);
  }

  /** One player's view in the current snapshot; throws if the snapshot does not have it. */
  player(playerId: string): PlayerView {
    const view = this.snapshot().find((candidate) => candidate.player_id === playerId);
    if (!view) throw new Error(`harness: no "${playerId}" in the snapshot`);
    return view;
  }

  ref(playerId: string): PlayerRef {
    const ref = this.players.get(playerId);
    if (!ref) throw new Error(`harness: "${playerId}" has not joined`);
    return ref;
  }
}
