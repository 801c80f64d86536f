// @ts-check
'use strict';
// The load tester's side of v2 state frames (docs/protocol.md, "State frames (v2)" and "Interest
// management"): a kind's schema descriptor reduced to what decoding needs, and a mirror that
// applies keyframes and deltas. The mirror keeps the stored values (integers, strings, arrays),
// enough to follow a player's own position; it never converts to game values.

/** @typedef {{ name: string, fields: { name: string, kind: 'num' | 'string' | 'list' | 'map', elemString: boolean, precision: number }[] }} WireType */
/** @typedef {{ types: WireType[], interest: boolean }} WireSchema */
/** @typedef {{ type: number, values: any[], cell: number }} MirrorEntity */

/** @type {Map<string, WireSchema>} schema text → parsed (every member of a kind gets the same text) */
const schemas = new Map();

/** @param {string} text @returns {WireSchema} */
function parseSchema(text) {
  let s = schemas.get(text);
  if (s) return s;
  const d = JSON.parse(text);
  const kindOf = (/** @type {string} */ t) => (t === 'string' ? 'string' : t === 'list' ? 'list' : t === 'map' ? 'map' : 'num');
  s = {
    types: d.types.map((/** @type {any} */ t) => ({
      name: t.name,
      fields: t.fields.map((/** @type {any} */ f) => ({ name: f.name, kind: kindOf(f.type), elemString: f.of?.type === 'string' || f.of === 'string', precision: f.precision ?? 1 })),
    })),
    interest: Boolean(d.interest),
  };
  schemas.set(text, s);
  return s;
}

/** `n` wrapped to a stored 32-bit value (enough for this tester: it only compares stored values). */
const wrap = (/** @type {number} */ n) => n | 0;

/**
 * A copy of one room's state as a client sees it. `apply` refuses (returns false) a delta whose
 * base is not the frame it holds: the protocol promises that never happens (a keyframe comes instead).
 */
class StateMirror {
  /** @param {WireSchema} schema */
  constructor(schema) {
    this.schema = schema;
    /** @type {Map<number, MirrorEntity>} */
    this.entities = new Map();
    this.frame = -1;
  }

  /**
   * @param {{ frame: number, key?: boolean, base?: number | null, ops?: number[], strings?: string[] }} f
   * @returns {'applied' | 'stale' | 'no-base'} stale: this frame (or a later one) is already applied
   */
  apply(f) {
    const frame = Number(f.frame);
    if (f.key) {
      if (frame < this.frame) return 'stale';
      this.entities.clear();
    } else {
      const base = f.base === undefined || f.base === null ? frame - 1 : Number(f.base);
      if (frame <= this.frame) return 'stale';
      if (base !== this.frame) return 'no-base';
    }
    this.read(f.ops ?? [], f.strings ?? []);
    this.frame = frame;
    return 'applied';
  }

  /** The records of one frame (the pseudocode of docs/protocol.md, with segments). @param {number[]} ops @param {string[]} strings */
  read(ops, strings) {
    const types = this.schema.types;
    const entities = this.entities;
    let i = 0, s = 0, id = 0, cell = -1;
    while (i < ops.length) {
      id += ops[i++];
      const head = ops[i++];
      const op = head & 3;
      const mask = head >> 2;
      if (op === 3) {
        // a cell marker: [0, head, cell]; flag 1 = the cell left the view
        cell = ops[i++];
        id = 0;
        if (mask & 1) for (const [eid, e] of entities) if (e.cell === cell) entities.delete(eid);
        continue;
      }
      if (op === 2) {
        const held = entities.get(id);
        if (!(mask & 1) || (held && held.cell === cell)) entities.delete(id);
        continue;
      }
      /** @type {MirrorEntity | undefined} */
      let e;
      const absolute = op === 1;
      if (absolute) {
        const type = ops[i++];
        e = { type, values: new Array(types[type]?.fields.length ?? 0).fill(0), cell };
        entities.set(id, e);
      } else {
        e = entities.get(id);
        if (!e) {
          if (id !== 0) throw new Error(`update of entity ${id} the mirror does not hold`);
          e = { type: 0, values: new Array(types[0].fields.length).fill(0), cell: -1 }; // the room, before its first keyframe
          entities.set(0, e);
        }
      }
      const fields = types[e.type].fields;
      for (let fi = 0, m = mask; m !== 0; fi++, m >>>= 1) {
        if (!(m & 1)) continue;
        const field = fields[fi];
        if (field.kind === 'num') e.values[fi] = wrap(absolute ? ops[i++] : e.values[fi] + ops[i++]);
        else if (field.kind === 'string') e.values[fi] = strings[s++];
        else if (field.kind === 'list') {
          const n = ops[i++];
          const list = new Array(n);
          for (let k = 0; k < n; k++) list[k] = field.elemString ? strings[s++] : ops[i++];
          e.values[fi] = list;
        } else {
          const n = ops[i++];
          const map = new Array(n);
          for (let k = 0; k < n; k++) map[k] = [strings[s++], field.elemString ? strings[s++] : ops[i++]];
          e.values[fi] = map;
        }
      }
    }
  }

  /** The stored x and y of entity `id` (for a type with fields named x and y), or undefined. @param {number} id */
  position(id) {
    const e = this.entities.get(id);
    if (!e) return undefined;
    const fields = this.schema.types[e.type].fields;
    const xi = fields.findIndex((f) => f.name === 'x');
    const yi = fields.findIndex((f) => f.name === 'y');
    if (xi < 0 || yi < 0) return undefined;
    return { x: e.values[xi] * fields[xi].precision, y: e.values[yi] * fields[yi].precision };
  }
}

module.exports = { parseSchema, StateMirror };
