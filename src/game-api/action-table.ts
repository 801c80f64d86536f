import { ErrorCode, GameError, type GameActionPayload, type Vec3, type Check } from '../protocol';
import type { PlayerRef } from './player-ref';

/** Whether an action needs a `game_action` field: given (`'required'`) or maybe (`'optional'`). */
export type Need = 'required' | 'optional';

/** What a declared action's handler gets: the `game_action` fields it declared, checked. */
export type ActionInput<A extends ActionSpec<any>> = {
  /** The client's `input_seq`, if it sent one. */
  readonly inputSeq: number | undefined;
  /** Declared params (strings, as on the wire); a param the client did not send is absent. */
  readonly params: { readonly [K in keyof NonNullable<A['params']>]?: string };
} & (A['position'] extends 'required' ? { readonly position: Vec3 } : A['position'] extends 'optional' ? { readonly position: Vec3 | undefined } : unknown) &
  (A['target'] extends 'required' ? { readonly target: number } : A['target'] extends 'optional' ? { readonly target: number | undefined } : unknown);

/**
 * One action of a room kind: which `game_action` fields it takes and the function that applies
 * it. A `game_action` naming an action the table lacks, missing a required field, or with a
 * declared param that fails its check, is refused with INVALID_PAYLOAD before the handler runs;
 * params it does not declare are ignored (like unknown fields: clients may be newer).
 */
export interface ActionSpec<Ctx> {
  /** `game_action.position` ({x, y, z}; absent coordinates are 0). */
  readonly position?: Need;
  /** `game_action.target_id`: an entity id (≥ 1). */
  readonly target?: Need;
  /** `game_action.params` this action accepts, each with a check (from `../protocol` validators). */
  readonly params?: Readonly<Record<string, Check>>;
  /** Applies the action inside the room's tick. Throw `GameError` to refuse it (the sender gets `error`). */
  readonly run: (ctx: Ctx, player: PlayerRef, input: any) => void;
}

/** A room kind's actions by name. */
export type ActionTable<Ctx> = Readonly<Record<string, ActionSpec<Ctx>>>;

/**
 * Declares a kind's actions with their handler inputs typed from what each declares.
 *
 * @example
 * readonly actions = defineActions<Ctx>()({
 *   move: { position: 'required', run: (ctx, player, { position }) => this.move(ctx, player, position) },
 *   attack: { target: 'required', run: (ctx, player, { target }) => this.attack(ctx, player, target) },
 * });
 */
export function defineActions<Ctx>() {
  return <const T extends Record<string, ActionSpec<Ctx>>>(table: { [K in keyof T]: T[K] & { run: (ctx: Ctx, player: PlayerRef, input: ActionInput<T[K]>) => void } }): T =>
    table as unknown as T;
}

const ACTION_NAME = /^[A-Za-z0-9_.-]{1,32}$/;

/** Checks a table at boot: names the wire can carry. */
export function checkActionTable(kind: string, table: ActionTable<any>): void {
  for (const name of Object.keys(table)) {
    if (!ACTION_NAME.test(name)) throw new Error(`room kind "${kind}": action "${name}" must match ${ACTION_NAME}`);
  }
}

/**
 * The checked input of a `game_action` for `spec`, or a GameError saying what to send instead.
 * Looked up as own properties only: an action named `constructor` or `__proto__` is unknown.
 */
export function actionInput<Ctx>(kind: string, table: ActionTable<Ctx>, action: GameActionPayload): { spec: ActionSpec<Ctx>; input: object } {
  const spec = Object.prototype.hasOwnProperty.call(table, action.action) ? table[action.action] : undefined;
  if (!spec) {
    throw new GameError(ErrorCode.InvalidPayload, `unknown action "${action.action}"; ${kind} knows ${Object.keys(table).join(', ') || 'none'}`);
  }
  if (spec.position === 'required' && !action.position) throw refused(action, 'needs payload.position {x, y, z}');
  if (spec.target === 'required' && !action.target_id) throw refused(action, 'needs payload.target_id (an entity id)');
  const p = action.position;
  return {
    spec,
    input: {
      inputSeq: action.input_seq || undefined,
      params: spec.params && action.params ? declaredParams(spec.params, action) : NO_PARAMS,
      position: spec.position && p ? { x: p.x ?? 0, y: p.y ?? 0, z: p.z ?? 0 } : undefined,
      target: spec.target ? action.target_id || undefined : undefined,
    },
  };
}

/** Shared by every action without params (most of them, at the input rate): nothing allocated. */
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/** The params `declared` checks, each checked; params the action does not declare are ignored, like unknown fields (clients may be newer). */
function declaredParams(declared: Readonly<Record<string, Check>>, action: GameActionPayload): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(action.params ?? {})) {
    const check = Object.prototype.hasOwnProperty.call(declared, key) ? declared[key] : undefined;
    if (!check) continue;
    const error = check(value, `payload.params.${key}`);
    if (error) throw refused(action, error);
    params[key] = value;
  }
  return params;
}

function refused(action: GameActionPayload, why: string): GameError {
  return new GameError(ErrorCode.InvalidPayload, `${action.action}: ${why}`);
}

/** The table as the kind's schema descriptor lists it. */
export function describeActions(table: ActionTable<any>): Record<string, unknown>[] {
  return Object.entries(table).map(([name, spec]) => ({
    name,
    ...(spec.position && { position: spec.position }),
    ...(spec.target && { target: spec.target }),
    ...(spec.params && { params: Object.keys(spec.params) }),
  }));
}
