import { RecordOp } from './frame-records';
import type { FieldDescription, StateDescription } from './state-schema';

/** A state frame's body as both codecs carry it. */
export interface FrameBody {
  frame: number;
  /** Interest management: the frame a delta builds on (absent: frame - 1). */
  base?: number;
  key: boolean;
  ops: readonly number[];
  strings: readonly string[];
}

export interface MirrorEntity {
  id: number;
  type: string;
  /** Stored values (integers and strings) by sent-field index. */
  stored: unknown[];
  /** Interest management: the cell it is in, as the last segment that named it said (-1: global). */
  cell: number;
}

interface Decoder {
  shape: 'number' | 'string' | 'list' | 'map';
  initial: unknown;
  wrap(n: number): number;
  load(stored: unknown): unknown;
  element?: Decoder;
}

/**
 * The reference implementation of the client-side apply algorithm of docs/protocol.md ("State
 * frames"), written against the published description only, the way a client in any language
 * would. The server's tests use it to prove that what it sends reproduces its state; the SDKs
 * (TypeScript, the Python test client) implement the same steps.
 */
export class StateMirror {
  /** Frame the mirror is at; -1 before the first keyframe. */
  frame = -1;
  readonly entities = new Map<number, MirrorEntity>();
  private readonly decoders: Decoder[][];

  constructor(readonly description: StateDescription) {
    this.decoders = description.types.map((type) =>
      type.fields.map((field) => {
        const decoder = decoderOf(field);
        return field.default === undefined ? decoder : { ...decoder, initial: field.default };
      }),
    );
  }

  /**
   * Applies a keyframe or a delta. Returns false (and changes nothing) for a delta whose base is
   * not the frame the mirror is at: the client must wait for a keyframe.
   */
  apply(body: FrameBody): boolean {
    if (!body.key && (body.base ?? body.frame - 1) !== this.frame) return false;
    if (body.key) this.entities.clear();
    const { ops, strings } = body;
    let i = 0;
    let s = 0;
    let id = 0;
    let cell = -1; // records before the first marker are global
    const number = () => ops[i++];
    const value = (d: Decoder, previous: unknown, absolute: boolean): unknown => {
      switch (d.shape) {
        case 'number':
          return absolute ? d.wrap(number()) : d.wrap((previous as number) + number());
        case 'string':
          return strings[s++];
        case 'list': {
          const n = number();
          const out: unknown[] = [];
          for (let k = 0; k < n; k++) out.push(d.element!.shape === 'string' ? strings[s++] : d.element!.wrap(number()));
          return out;
        }
        case 'map': {
          const n = number();
          const out: [string, unknown][] = [];
          for (let k = 0; k < n; k++) out.push([strings[s++], d.element!.shape === 'string' ? strings[s++] : d.element!.wrap(number())]);
          return out;
        }
      }
    };
    while (i < ops.length) {
      id += number();
      const head = number();
      const op = head & 3;
      let mask = Math.floor(head / 4);
      if (op === RecordOp.Marker) {
        cell = number();
        id = 0;
        if (mask & 1) for (const [held, e] of this.entities) if (e.cell === cell) this.entities.delete(held); // the cell left the view
        continue;
      }
      if (op === RecordOp.Despawn) {
        // flag 1: it left this cell; gone for us only if we hold it here (not if it entered a cell we see).
        if (!(mask & 1) || this.entities.get(id)?.cell === cell) this.entities.delete(id);
        continue;
      }
      let entity: MirrorEntity | undefined;
      if (op === RecordOp.Spawn) {
        const typeIndex = number();
        const decoders = this.decoders[typeIndex];
        entity = { id, type: this.description.types[typeIndex].name, stored: decoders.map((d) => d.initial), cell };
        this.entities.set(id, entity);
      } else {
        entity = this.entities.get(id);
        if (!entity) throw new Error(`update of unknown entity ${id} at frame ${body.frame}`);
      }
      const decoders = this.decoders[this.typeIndex(entity.type)];
      for (let f = 0; mask !== 0; f++, mask >>>= 1) {
        if (mask & 1) entity.stored[f] = value(decoders[f], entity.stored[f], op === RecordOp.Spawn);
      }
    }
    this.frame = body.frame;
    return true;
  }

  /** An entity's fields as declared values (floats scaled, enums named, …). */
  view(id: number): Record<string, unknown> | undefined {
    const entity = this.entities.get(id);
    if (!entity) return undefined;
    const type = this.description.types[this.typeIndex(entity.type)];
    const decoders = this.decoders[this.typeIndex(entity.type)];
    const out: Record<string, unknown> = { id, type: entity.type };
    type.fields.forEach((field, f) => (out[field.name] = decoders[f].load(entity.stored[f])));
    return out;
  }

  private typeIndex(name: string): number {
    return this.description.types.findIndex((type) => type.name === name);
  }
}

const INT_WRAP: Record<string, (n: number) => number> = {
  int8: (n) => (n << 24) >> 24,
  int16: (n) => (n << 16) >> 16,
  int32: (n) => n | 0,
  uint8: (n) => n & 0xff,
  uint16: (n) => n & 0xffff,
  uint32: (n) => n >>> 0,
};

function decoderOf(field: Omit<FieldDescription, 'name'>): Decoder {
  switch (field.type) {
    case 'float':
      return { shape: 'number', initial: 0, wrap: (n) => n | 0, load: (q) => (q as number) * field.precision! };
    case 'bool':
      return { shape: 'number', initial: 0, wrap: (n) => n & 1, load: (q) => q === 1 };
    case 'enum':
      return { shape: 'number', initial: 0, wrap: (n) => n >>> 0, load: (q) => field.values![q as number] };
    case 'string':
      return { shape: 'string', initial: '', wrap: (n) => n, load: (v) => v };
    case 'list': {
      const element = decoderOf(field.of!);
      return { shape: 'list', initial: [], wrap: (n) => n, element, load: (v) => (v as unknown[]).map((e) => element.load(e)) };
    }
    case 'map': {
      const element = decoderOf(field.of!);
      return {
        shape: 'map',
        initial: [],
        wrap: (n) => n,
        element,
        load: (v) => Object.fromEntries((v as [string, unknown][]).map(([k, e]) => [k, element.load(e)])),
      };
    }
    default: {
      const wrap = INT_WRAP[field.type];
      if (!wrap) throw new Error(`unknown field type "${field.type}"`);
      return { shape: 'number', initial: 0, wrap, load: (v) => v };
    }
  }
}
