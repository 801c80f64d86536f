import type { Room } from '../room.js';
import { localNow } from './frame-timeline.js';
import type { Entity, EntityType, FieldOf, RoomTypes } from './room-types.js';

/** Fields of an entity whose values are numbers (any field of a room typed without a kind: its values are `unknown`). */
export type NumericField<E> = { [F in FieldOf<E>]: unknown extends E[F] ? F : E[F] extends number ? F : never }[FieldOf<E>];

export interface InterpolatorOptions<K extends string, F extends string> {
  /** The entity type to follow. */
  type: K;
  /** Its number fields to interpolate (positions, angles that do not wrap, …). */
  fields: readonly F[];
  /**
   * How far behind the newest frames rendering runs: values are interpolated between the two frames
   * around `now - delayMs`, so a frame may come up to this late without a jump. Two ticks or more
   * is usual. @default 100
   */
  delayMs?: number;
  /** The clock `at()` reads when it is given no time. @default performance.now() */
  now?: () => number;
}

/** Interpolated values of one entity type's fields, for rendering. */
export interface Interpolator<F extends string> {
  /**
   * The entity's fields at render time `now - delayMs` (`now` on the `performance.now()` clock,
   * e.g. `requestAnimationFrame`'s argument): between the two frames around it, the oldest known
   * value before its first frame, the newest after its last. Undefined for an entity not followed.
   */
  at(id: number, now?: number): { readonly [P in F]: number } | undefined;
  /** Stops following the room. */
  dispose(): void;
}

interface Sample {
  t: number;
  v: number[];
}
/** Samples kept per entity at most (a few seconds of 20 Hz frames): `at()` prunes, this bounds an entity never asked for. */
const MAX_SAMPLES = 64;

/**
 * Follows the entities of one type and gives their number fields interpolated at render time, from
 * the frames' times on the local clock (`room.state.time`: arrival, spaced by the room's tick).
 * An entity that stood still and starts moving again is held at its old value until the tick
 * before its new frame, so a pause does not turn into a slow glide. Render your own entity from
 * your inputs instead (it would lag by `delayMs`).
 *
 * @example
 * const smooth = createInterpolator(room, { type: 'player', fields: ['x', 'y'], delayMs: 100 });
 * function draw(now: number) {
 *   for (const p of room.state.ofType('player')) {
 *     const at = p.id === room.myEntity?.id ? p : smooth.at(p.id, now) ?? p;
 *     sprite(p.id).position.set(at.x, at.y);
 *   }
 *   requestAnimationFrame(draw);
 * }
 */
export function createInterpolator<T extends RoomTypes, K extends EntityType<T>, F extends NumericField<Entity<T, K>>>(
  room: Room<T>,
  options: InterpolatorOptions<K, F>,
): Interpolator<F> {
  const { type, fields, delayMs = 100, now = localNow } = options;
  const tickMs = 1000 / room.tickRate;
  const tracks = new Map<number, Sample[]>();
  const values = (entity: object) => fields.map((field) => (entity as Record<string, number>)[field]);
  const stops = [
    room.onAdd(type, (entity) => tracks.set(entity.id, [{ t: room.state.time, v: values(entity) }])),
    room.onRemove(type, (entity) => tracks.delete(entity.id)),
    room.onEnterView(type, (entity) => tracks.set(entity.id, [{ t: room.state.time, v: values(entity) }])),
    room.onLeaveView(type, (entity) => tracks.delete(entity.id)),
    room.onChange(type, (changedEntity, changed) => {
      const entity = changedEntity as Entity<T, K>; // `type` is an entity type, never 'room'
      const track = tracks.get(entity.id);
      if (!track || !changed.some((field) => (fields as readonly string[]).includes(field))) return;
      const t = room.state.time;
      const last = track[track.length - 1];
      if (t <= last.t) {
        last.v = values(entity);
        return;
      }
      if (t - last.t > tickMs * 1.5) track.push({ t: t - tickMs, v: last.v });
      track.push({ t, v: values(entity) });
      if (track.length > MAX_SAMPLES) track.splice(0, track.length - MAX_SAMPLES);
    }),
  ];
  const result = (v: readonly number[]) => Object.fromEntries(fields.map((field, i) => [field, v[i]])) as { [P in F]: number };

  return {
    at(id, at = now()) {
      const track = tracks.get(id);
      if (!track) return undefined;
      const renderAt = at - delayMs;
      let i = 0;
      while (i + 1 < track.length && track[i + 1].t <= renderAt) i++;
      if (i > 0) track.splice(0, i); // frames before the one at or before render time are done with
      const [a, b] = track;
      if (!b || renderAt <= a.t) return result(a.v);
      const k = (renderAt - a.t) / (b.t - a.t);
      return result(a.v.map((from, f) => from + (b.v[f] - from) * k));
    },
    dispose() {
      for (const stop of stops) stop();
      tracks.clear();
    },
  };
}
