// NOT PART OF THE PRODUCT. The player fields of the Colyseus peer's room kinds, in wire order:
// a field's index on the wire is its position here. The server builds its schema classes from
// this table and the benchmark's patch analyzer reads value sizes from it.
//
// - `arena`: every field `number`, the type Colyseus's docs and examples use for positions and
//   counters (encoded like msgpack: 1 byte for integers in -32..127, 2-3 bytes for other small
//   integers, 5 (float32) or 9 (float64) bytes for fractions).
// - `arena_f32`: what a developer tuning bytes picks: float32 positions (always 4 bytes),
//   uint8 health, uint32 score.
// - `arena_vel`: `arena` plus our arena kind's velocity (vx, vy, vz), derived like ours
//   (displacement / time since the previous move, zeroed on the first tick without a move).
export const PLAYER_FIELDS = {
  arena: { x: 'number', y: 'number', z: 'number', health: 'number', score: 'number' },
  arena_f32: { x: 'float32', y: 'float32', z: 'float32', health: 'uint8', score: 'uint32' },
  arena_vel: { x: 'number', y: 'number', z: 'number', vx: 'number', vy: 'number', vz: 'number', health: 'number', score: 'number' },
};

/** Bounds of our arena's default ARENA_BOUNDS (-1000,-1000,0,1000,1000,0): moves are clamped into it. */
export const BOUNDS = { min: { x: -1000, y: -1000, z: 0 }, max: { x: 1000, y: 1000, z: 0 } };
export const MAX_HEALTH = 100;
