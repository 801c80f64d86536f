import type { CompiledField, CompiledType, StateOwner } from './state-schema';

/** What an entity reports its changes to (its room's state). */
export interface ChangeSink {
  touched(entity: StateEntity): void;
  /** A server-side field changed (nothing to send to v2 clients; v1 projections may read it). */
  sideTouched(): void;
}

/**
 * One entity of a room's state. Declared fields are accessor properties (added per type by
 * `entityClass`): reading gives the value as declared (a float is `stored × precision`), writing
 * checks and stores it and, when the stored value changed, sets the field's bit in the change
 * mask — so a tick's delta is built from what changed, never by comparing whole objects.
 *
 * Members starting with `$` are the state's bookkeeping, not for game logic.
 */
export class StateEntity {
  /** Stored values, by field index (sent fields first). */
  $values: unknown[];
  /** Values as of the last published frame; undefined until the entity is first published. */
  $sent: unknown[] | undefined = undefined;
  /** Sent fields changed since the last published frame. */
  $mask = 0;
  /** Where changes are reported; undefined before the entity is added and after it is despawned. */
  $sink: ChangeSink | undefined = undefined;
  /** Interest management: the cell it was in as of the last published frame (-1: global, or not published). */
  $cell = -1;

  constructor(
    readonly id: number,
    readonly $type: CompiledType,
    readonly owner: StateOwner | undefined,
  ) {
    this.$values = $type.initial.slice();
  }

  get type(): string {
    return this.$type.name;
  }

  $set(field: CompiledField, value: unknown): void {
    const stored = field.type.store(value, field.path);
    const i = field.index;
    if (field.type.same(this.$values[i], stored)) return;
    this.$values[i] = stored;
    if (field.bit === 0) {
      this.$sink?.sideTouched();
      return;
    }
    if (this.$mask === 0 && this.$sink && this.$sent) this.$sink.touched(this);
    this.$mask |= field.bit;
  }

  /** The entity as plain data (logs, tests): id, type and every field's value. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { id: this.id, type: this.$type.name };
    for (const field of this.$type.fields) out[field.name] = field.type.load(this.$values[field.index]);
    return out;
  }
}

const classes = new WeakMap<CompiledType, new (id: number, type: CompiledType, owner: StateOwner | undefined) => StateEntity>();

/** The entity class of a type: `StateEntity` plus one accessor per declared field (made once per type). */
export function entityClass(type: CompiledType): new (id: number, type: CompiledType, owner: StateOwner | undefined) => StateEntity {
  let cls = classes.get(type);
  if (cls) return cls;
  cls = class extends StateEntity {};
  for (const field of type.fields) {
    Object.defineProperty(cls.prototype, field.name, {
      get(this: StateEntity) {
        return field.type.load(this.$values[field.index]);
      },
      set(this: StateEntity, value: unknown) {
        this.$set(field, value);
      },
      enumerable: true,
    });
  }
  classes.set(type, cls);
  return cls;
}
