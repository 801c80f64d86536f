import { defineState, t } from '../../state';

/** Positions keep 1/8 of a unit: a power of two decodes exactly in every language, and a step of a few units is one byte. */
const coordinate = () => t.float({ precision: 0.125 });

/**
 * The arena's state: one `player` entity per member. Velocity is derived for v1 clients
 * (their `sync` has it) and kept server-side: v2 clients interpolate positions instead, and
 * velocity changing on every move would double the bytes of every delta.
 */
export const arenaState = defineState({
  entities: {
    player: {
      x: coordinate(),
      y: coordinate(),
      z: coordinate(),
      health: t.uint32(),
      score: t.int32(),
      vx: t.float({ precision: 0.125 }).serverSide(),
      vy: t.float({ precision: 0.125 }).serverSide(),
      vz: t.float({ precision: 0.125 }).serverSide(),
      /** When the last move was applied (ms), to derive velocity. */
      lastMoveAt: t.number(),
      /** Moved during the current tick: velocity is zeroed on the first tick without a move. */
      movedThisTick: t.bool().serverSide(),
    },
  },
});
