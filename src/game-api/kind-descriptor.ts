import type { CellGrid } from '../state';
import { describeActions } from './action-table';
import type { GameLogic, RoomKindOptions } from './game-logic';

/**
 * A room kind as clients see it: its state types and fields in wire order, its events and its
 * actions. Sent as JSON text in `room_joined.schema` to v2 clients, and published per kind in
 * docs/schemas/ (`npm run schemas`) for code generation.
 */
export interface KindDescriptor {
  kind: string;
  types: ReturnType<RoomKindOptions['state']['describe']>['types'];
  events: ReturnType<NonNullable<RoomKindOptions['events']>['describe']>;
  actions: Record<string, unknown>[];
  /** Names of the creation options a client may pass in `join_room.options`. */
  options: string[];
  /** Interest-managed kinds: cell size, view distance and the position fields of each positional type. */
  interest?: ReturnType<CellGrid['describe']>;
}

export function describeKind(kind: string, options: RoomKindOptions, logic: GameLogic<any, any>, grid?: CellGrid): KindDescriptor {
  return {
    kind,
    types: options.state.describe().types,
    events: options.events?.describe() ?? [],
    actions: describeActions(logic.actions),
    options: Object.keys(options.options ?? {}),
    ...(grid && { interest: grid.describe() }),
  };
}
