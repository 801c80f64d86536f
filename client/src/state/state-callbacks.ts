import { callSafely } from '../emitter.js';
import type { FrameChanges, ViewChange } from './state-mirror.js';

/**
 * What happens to an entity, as callbacks name it: spawned (`add`) or despawned (`remove`) in the
 * world, fields changed (`change`), and in an interest-managed room came into (`enter`) or left
 * (`leave`) the client's view, which is not a spawn or a despawn.
 */
export type EntityEventKind = 'add' | 'remove' | 'change' | 'enter' | 'leave';

/** Registers a handler for every entity type. */
export const ANY_TYPE = '*';

type Handler = (entity: never, fields?: readonly string[]) => void;
type Listener = (value: never, previous: never) => void;
type ViewHandler = (change: ViewChange) => void;

/**
 * The registry behind `room.onAdd`/`onRemove`/`onChange`/`listen`: callbacks by kind and entity
 * type, field listeners by entity object. `dispatch` fires them once a whole frame is applied, in
 * a fixed order: the view's cells, entities leaving the view, removals, additions, entities
 * entering the view, then per changed entity (by id) its `onChange` and its fields' listeners.
 * A listener belongs to one entity object: when the entity is removed, replaced by a respawn or
 * leaves the view it never fires again (if it comes back into view, it is a new object).
 */
export class StateCallbacks {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly listeners = new WeakMap<object, Map<string, Set<Listener>>>();
  private readonly viewHandlers = new Set<ViewHandler>();

  on(kind: EntityEventKind, type: string, handler: Handler): () => void {
    const key = `${kind}:${type}`;
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onView(handler: ViewHandler): () => void {
    this.viewHandlers.add(handler);
    return () => this.viewHandlers.delete(handler);
  }

  listen(target: object, field: string, listener: Listener): () => void {
    let fields = this.listeners.get(target);
    if (!fields) this.listeners.set(target, (fields = new Map()));
    let set = fields.get(field);
    if (!set) fields.set(field, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  dispatch(changes: FrameChanges): void {
    const view = changes.view;
    if (view) for (const handler of [...this.viewHandlers]) callSafely(handler, view);
    for (const entity of changes.leftView) this.fire('leave', entity.type, entity);
    for (const entity of changes.removed) this.fire('remove', entity.type, entity);
    for (const entity of changes.added) this.fire('add', entity.type, entity);
    for (const entity of changes.enteredView) this.fire('enter', entity.type, entity);
    for (const { entity, type, fields, previous } of changes.changed) {
      this.fire('change', type, entity, fields);
      const listened = this.listeners.get(entity);
      if (!listened) continue;
      for (const field of fields) {
        for (const listener of [...(listened.get(field) ?? [])]) callSafely(listener as (v: unknown, p: unknown) => void, entity[field as never], previous[field]);
      }
    }
  }

  private fire(kind: EntityEventKind, type: string, entity: object, fields?: readonly string[]): void {
    for (const key of [`${kind}:${type}`, `${kind}:${ANY_TYPE}`]) {
      const set = this.handlers.get(key);
      if (!set) continue;
      for (const handler of [...set]) callSafely(handler as (e: object, f?: readonly string[]) => void, entity, fields);
    }
  }
}
