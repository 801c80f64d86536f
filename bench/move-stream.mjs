// The benchmark move stream, shared by the load generator (bench/loadgen) and the bytes-per-tick
// comparison (bench/colyseus-bytes.mjs) so both drive servers with the same positions.
// Every published byte count depends on these numbers: change them only on purpose.

/**
 * Position of client `g`'s `seq`-th move (seq counts from 1): integers in [-100, 99] on x and y
 * (inside the arena's default ±1000, so no clamp engages), z = 0; both x and y differ from the
 * previous move's (steps of 7 and 13 modulo 200), so every move is a real change of two fields.
 *
 * @example movePosition(1, 0) // → { x: -93, y: -87, z: 0 }
 */
export function movePosition(seq, g) {
  return { x: ((seq * 7 + g) % 200) - 100, y: ((seq * 13 + g) % 200) - 100, z: 0 };
}

/** The world's cells (src/games/world: CELL_SIZE) and its half width (WORLD_HALF). */
export const WORLD_CELL = 100;
export const WORLD_HALF = 1000;

/**
 * Side of the square that `players` walk in for `density` players per 100 × 100 cell, centred on
 * the origin (the world scenario sizes the area, not the world: the world kind is 2000 × 2000).
 *
 * @example worldSide(1000, 5) // → 1414.2…: 200 cells for 1,000 players
 */
export function worldSide(players, density) {
  return Math.sqrt(players / density) * WORLD_CELL;
}

const mix = (n) => {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
};
/** `v` folded into [-side/2, side/2]: a walk that bounces off the area's edges. */
const fold = (v, side) => {
  const p = (((v + side / 2) % (2 * side)) + 2 * side) % (2 * side);
  return (p > side ? 2 * side - p : p) - side / 2;
};

/**
 * Position of world player `g`'s `seq`-th move: a straight walk of 5 units per move (50 units/s at
 * 10 moves/s, a cell in 2 s) in a direction of its own, bouncing inside the square of `side`
 * (worldSide), from a starting point spread uniformly over it; on the world kind's 0.125 grid.
 *
 * @example worldPosition(1, 0, 1000) // → { x: …, y: …, z: 0 } inside ±500
 */
export function worldPosition(seq, g, side) {
  const angle = mix(g * 3 + 1) * 2 * Math.PI;
  const x = fold((mix(g * 5 + 2) - 0.5) * side + seq * 5 * Math.cos(angle), side);
  const y = fold((mix(g * 7 + 3) - 0.5) * side + seq * 5 * Math.sin(angle), side);
  return { x: Math.round(x * 8) / 8, y: Math.round(y * 8) / 8, z: 0 };
}
