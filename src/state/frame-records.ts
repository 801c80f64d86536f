import type { CompiledType } from './state-schema';

/** What a record does to the entity it names (the low two bits of its head). */
export const RecordOp = {
  /** Changed fields of a known entity; numbers are differences from the previous frame. */
  Update: 0,
  /** A new entity (or, in a keyframe, every entity): type, then the fields that are not at their default, absolute. */
  Spawn: 1,
  /** The entity is gone (flag 1: it crossed this cell's border; interest management). */
  Despawn: 2,
  /** Interest management: a segment marker (the records after it are in one cell; flag 1: drop that cell). */
  Marker: 3,
} as const;
export type RecordOp = (typeof RecordOp)[keyof typeof RecordOp];

/**
 * The body of one state frame, codec-neutral: the packed integers (`ops`) and the strings they
 * refer to, in the order a client consumes them. Both codecs carry exactly these two arrays
 * (protobuf: `StateFrame.ops` as packed sint32 and `StateFrame.strings`; JSON: two arrays), so
 * one apply algorithm serves every client (docs/protocol.md, "State frames").
 *
 * Records come in ascending entity id order; each starts with the id as a difference from the
 * previous record's id (the first from 0), then its head `mask × 4 + op`.
 */
export class FrameRecords {
  readonly ops: number[] = [];
  readonly strings: string[] = [];
  private lastId = 0;

  get empty(): boolean {
    return this.ops.length === 0;
  }

  /** Starts a new frame body, keeping the arrays' capacity. */
  reset(): void {
    this.ops.length = 0;
    this.strings.length = 0;
    this.lastId = 0;
  }

  despawn(id: number): void {
    this.ops.push(id - this.lastId, RecordOp.Despawn);
    this.lastId = id;
  }

  /** Interest management: the entity moved out of this segment's cell (into another one). */
  left(id: number): void {
    this.ops.push(id - this.lastId, 4 + RecordOp.Despawn);
    this.lastId = id;
  }

  /**
   * Interest management: the entity moved into this segment's cell from another one; its spawn
   * record follows. The same record as {@link left} (a client holds nothing of it in this cell, so
   * a decoder that only knows "left" ignores it); a client that sees this cell but not the one it
   * came from learns it entered its view by walking in, not that it was born.
   */
  arrived(id: number): void {
    this.left(id);
  }

  /** A spawn record of `values` (absolute): the fields whose value is not the type's default. */
  spawn(id: number, type: CompiledType, values: readonly unknown[]): void {
    let mask = 0;
    for (let i = 0; i < type.sentCount; i++) {
      if (!type.fields[i].type.same(values[i], type.initial[i])) mask |= 1 << i;
    }
    this.ops.push(id - this.lastId, mask * 4 + RecordOp.Spawn, type.index);
    this.lastId = id;
    this.values(type, mask, values, undefined);
  }

  /**
   * An update record of the fields in `mask` that differ from `previous`; numbers as wrapped
   * 32-bit differences. Writes nothing (and returns false) when none differs.
   */
  update(id: number, type: CompiledType, mask: number, values: readonly unknown[], previous: readonly unknown[]): boolean {
    let changed = 0;
    for (let i = 0; i < type.sentCount; i++) {
      if (mask & (1 << i) && !type.fields[i].type.same(values[i], previous[i])) changed |= 1 << i;
    }
    if (changed === 0) return false;
    this.ops.push(id - this.lastId, changed * 4 + RecordOp.Update);
    this.lastId = id;
    this.values(type, changed, values, previous);
    return true;
  }

  /** The values of the fields in `mask`, in field order; numbers relative to `previous` when given. */
  private values(type: CompiledType, mask: number, values: readonly unknown[], previous: readonly unknown[] | undefined): void {
    const { ops, strings } = this;
    for (let i = 0; mask !== 0; i++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      const field = type.fields[i].type;
      const value = values[i];
      switch (field.shape) {
        case 'number':
          ops.push(previous ? ((value as number) - (previous[i] as number)) | 0 : (value as number) | 0);
          break;
        case 'string':
          strings.push(value as string);
          break;
        case 'list': {
          const list = value as readonly (number | string)[];
          ops.push(list.length);
          for (const element of list) {
            if (typeof element === 'string') strings.push(element);
            else ops.push(element | 0);
          }
          break;
        }
        case 'map': {
          const entries = value as readonly (readonly [string, number | string])[];
          ops.push(entries.length);
          for (const [key, element] of entries) {
            strings.push(key);
            if (typeof element === 'string') strings.push(element);
            else ops.push(element | 0);
          }
          break;
        }
      }
    }
  }
}
