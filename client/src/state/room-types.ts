import type { Vec3 } from '../types.js';

/**
 * What a room kind's generated declaration describes, and what `Room<T>` is typed by: the room's
 * own fields, its entity types with their fields, its events with their data, its actions with the
 * `game_action` fields each takes. `game-gateway-types` writes one from a kind descriptor.
 *
 * @example
 * // ctf.ts, written by: npx game-gateway-types docs/schemas/ctf.json --out src/kinds
 * export interface CtfRoom {
 *   kind: 'ctf';
 *   room: { phase: 'play' | 'over'; red: number; blue: number };
 *   entities: { player: { x: number; y: number; team: 'red' | 'blue' }; flag: { x: number; y: number; carrier: number } };
 *   events: { flag_taken: { team: 'red' | 'blue'; by: number } };
 *   actions: { move: { position: { x: number; y: number; z: number } }; tag: { target_id: number } };
 * }
 * const room = await client.join<CtfRoom>('ctf-1');
 */
export interface RoomTypes {
  kind?: string;
  room: object;
  entities: { [type: string]: object };
  events: { [name: string]: object };
  actions: { [name: string]: object };
  /** The kind's creation options (`client.join(id, { kind, create })`), values as strings. */
  options?: object;
}

/** A room whose kind the code does not name: every entity type, field, event and action goes, values are `unknown`. */
export interface AnyRoomTypes extends RoomTypes {
  room: Record<string, unknown>;
  entities: Record<string, Record<string, unknown>>;
  events: Record<string, Record<string, unknown>>;
  actions: Record<string, ActionData>;
}

/** What `room.send` may carry beside the action name (all of `game_action`'s fields). */
export interface ActionData {
  position?: Vec3;
  target_id?: number;
  params?: Record<string, string>;
  /** Your input sequence number; the server echoes the last applied one per player in `sync` (`last_input_seq`). */
  input_seq?: number;
}

/** The entity type names of a kind (`'player' | 'flag'`). */
export type EntityType<T extends RoomTypes> = keyof T['entities'] & string;

/**
 * An entity as the mirror shows it: its declared fields (floats scaled, enums as their names,
 * booleans, strings, frozen lists and maps), plus `id` and `type`. The SDK updates the same object
 * in place frame after frame while the entity lives, so it can be kept (e.g. by a sprite); treat
 * it as read-only.
 */
export type Entity<T extends RoomTypes, K extends EntityType<T> = EntityType<T>> = K extends unknown
  ? Readonly<T['entities'][K]> & { readonly id: number; readonly type: K }
  : never;

/** The room's own fields (`room.state.room`), updated in place like an entity. */
export type RoomFields<T extends RoomTypes> = Readonly<T['room']>;

/** The declared field names of an entity view (not `id` or `type`). */
export type FieldOf<E> = Exclude<keyof E & string, 'id' | 'type'>;

/** An event name of a kind. */
export type EventName<T extends RoomTypes> = keyof T['events'] & string;

/** An action name of a kind. */
export type ActionName<T extends RoomTypes> = keyof T['actions'] & string;

/** What `room.send(action, data)` takes for `action`: the fields it declares, and `input_seq`. */
export type ActionPayload<T extends RoomTypes, K extends ActionName<T>> = T['actions'][K] & { input_seq?: number };
