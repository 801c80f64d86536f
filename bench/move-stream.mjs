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
