import type { PlayerSnapshot, Vec3 } from '../protocol';
import type { PlayerView } from '../game-api';

const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const vec = (v: Vec3 | undefined): Vec3 => (v ? { x: finite(v.x), y: finite(v.y), z: finite(v.z) } : { x: 0, y: 0, z: 0 });

/**
 * A player's wire snapshot. Numbers are forced finite here, whatever the game logic produced:
 * the contract promises that no NaN or Infinity ever reaches a client.
 */
export function toPlayerSnapshot(view: PlayerView, lastInputSeq: number): PlayerSnapshot {
  return {
    player_id: view.player_id,
    position: vec(view.position),
    velocity: vec(view.velocity),
    health: finite(view.health) | 0,
    score: finite(view.score) | 0,
    last_input_seq: lastInputSeq,
  };
}
