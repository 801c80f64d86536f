import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import type { GameActionPayload, PlayerSnapshot } from '../protocol';

export const GAME_ROOM_KIND = 'GAME:ROOM_KIND';

/** A member of a room as game logic sees it. Owned by the core; logic may keep a reference. */
export interface PlayerRef {
  /** Verified user id (token `sub`), else the requested `user_id`, else the client id. */
  readonly playerId: string;
  /** Room-local number; what `GameAction.target_id` refers to. Starts at 1, never reused in a room's life. */
  readonly entityId: number;
  readonly clientId: string;
  readonly nickname: string;
}

/** Time as the tick loop sees it. */
export interface TickClock {
  /** Server clock (ms) at the start of this tick. */
  readonly now: number;
  /** Nominal tick length (ms): 1000 / TICK_RATE. */
  readonly tickMs: number;
}

/** A player's state in a snapshot; the core adds `last_input_seq`. */
export type PlayerView = Omit<PlayerSnapshot, 'last_input_seq'>;

/**
 * The rules of one room kind. The core owns sockets, membership, ordering and delivery; a
 * `GameLogic` only turns state plus inputs into new state. Methods run inside the room's tick
 * (actions are queued and applied in arrival order), one room at a time, never concurrently.
 *
 * Throw `GameError` from `onAction` to reject an action: the sender gets an `error` frame,
 * nobody else notices. Any other exception is logged with the room id and answered with
 * `INTERNAL`; the room keeps running.
 *
 * @example
 * ```ts
 * @GameRoomKind('duel')
 * export class DuelLogic implements GameLogic<DuelState> {
 *   createState() { return { players: new Map() }; }
 *   onJoin(state, player) { state.players.set(player.playerId, newFighter(player)); }
 *   onLeave(state, player) { state.players.delete(player.playerId); }
 *   onAction(state, player, action) {
 *     if (action.action !== 'strike') throw new GameError(ErrorCode.InvalidPayload, `unknown action "${action.action}"`);
 *     strike(state, player, action.target_id);
 *   }
 *   snapshot(state) { return [...state.players.values()].map(toView); }
 * }
 * ```
 */
export interface GameLogic<S = unknown> {
  /** Fresh state for a new room. */
  createState(roomId: string): S;
  onJoin(state: S, player: PlayerRef, clock: TickClock): void;
  onLeave(state: S, player: PlayerRef, clock: TickClock): void;
  onAction(state: S, player: PlayerRef, action: GameActionPayload, clock: TickClock): void;
  /**
   * Simulation between inputs. Return true when the state changed (a `sync` goes out) and
   * `keepTicking` when the room needs ticks even without inputs. Rooms without `onTick` are
   * ticked only when an input arrived.
   */
  onTick?(state: S, clock: TickClock): { changed: boolean; keepTicking: boolean };
  /** Every player's current state, in a stable order. Called at most once per tick. */
  snapshot(state: S): PlayerView[];
  /**
   * Optional, for rooms that span instances: the state as JSON-compatible data. The instance
   * running the room persists it every ROOM_SNAPSHOT_INTERVAL_MS; when that instance dies,
   * another one continues from it. Without it, a failover restarts the room's state (members
   * rejoin through `onJoin`).
   */
  serialize?(state: S): unknown;
  /**
   * The state back from `serialize`'s output. `players` are the room's members, so that the
   * state can hold their `PlayerRef`s again.
   */
  restore?(data: unknown, players: readonly PlayerRef[]): S;
}

/**
 * Marks a provider as the game logic of room kind `kind`. The rooms module finds it at boot;
 * `ROOM_KINDS` / `DEFAULT_ROOM_KIND` decide which rooms run it.
 */
export function GameRoomKind(kind: string): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(GAME_ROOM_KIND, kind));
}
