import { callSafely } from '../emitter.js';
import type { FrameChanges } from './state-mirror.js';

/**
 * What happens to an entity, as callbacks name it. Interest management (issue #11) will add
 * `enter` and `leave` (an entity came into or left the client's view, which is not its spawn or
 * despawn in the world); they slot in here as further kinds with their own lists in a frame.
 */
export type EntityEventKind = 'add' | 'remove' | 'change';

type Handler = (entity: never, fields?: readonly string[]) => void;
type Listener = (value: never, previous: never) => void;

/**
 * The registry behind `room.onAdd`/`onRemove`/`onChange`/`listen`: callbacks by kind and entity
 * type, field listeners by entity object. `dispatch` fires them once a whole frame is applied, in
 * a fixed order: removals, additions, then per changed entity (by id) its `onChange` and its
 * fields' listeners. A listener belongs to one entity object: when the entity is removed (or
 * replaced by a respawn) it never fires again.
 */
export class StateCallbacks {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly listeners = new WeakMap<object, Map<string, Set<Listener>>>();

  on(kind: EntityEventKind, type: string, handler: Handler): () => void {
    const key = `${kind}:${type}`;
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
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
    for (const entity of changes.removed) this.fire('remove', entity.type, entity);
    for (const entity of changes.added) this.fire('add', entity.type, entity);
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
    const set = this.handlers.get(`${kind}:${type}`);
    if (!set) return;
    for (const handler of [...set]) callSafely(handler as (e: object, f?: readonly string[]) => void, entity, fields);
  }
}
