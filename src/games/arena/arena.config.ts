import { configNamespace, ConfigValidationError, type EnvVar, intVar } from '../../config';

export interface Bounds {
  min: { x: number; y: number; z: number };
  max: { x: number; y: number; z: number };
}

const boundsVar: EnvVar<Bounds> = {
  env: 'ARENA_BOUNDS',
  doc: 'World box `minX,minY,minZ,maxX,maxY,maxZ`; moves are clamped into it',
  default: { min: { x: -1000, y: -1000, z: 0 }, max: { x: 1000, y: 1000, z: 0 } },
  defaultText: '-1000,-1000,0,1000,1000,0',
  parse(raw) {
    const n = raw.split(',').map((s) => Number(s.trim()));
    if (n.length !== 6 || n.some((v) => !Number.isFinite(v)) || n[0] > n[3] || n[1] > n[4] || n[2] > n[5]) {
      throw new ConfigValidationError('ARENA_BOUNDS', raw, 'six numbers minX,minY,minZ,maxX,maxY,maxZ with min ≤ max');
    }
    return { min: { x: n[0], y: n[1], z: n[2] }, max: { x: n[3], y: n[4], z: n[5] } };
  },
};

/** Rules of the default "arena" room kind. */
export const arenaConfig = configNamespace('arena', {
  bounds: boundsVar,
  maxHealth: intVar('ARENA_MAX_HEALTH', { default: 100, min: 1, max: 1_000_000, doc: 'Health of a fresh player' }),
  attackRange: intVar('ARENA_ATTACK_RANGE', { default: 40, min: 0, max: 1_000_000, doc: 'Distance within which `attack` hits' }),
  attackDamage: intVar('ARENA_ATTACK_DAMAGE', { default: 10, min: 0, max: 1_000_000, doc: 'Health an `attack` hit removes' }),
  hitScore: intVar('ARENA_HIT_SCORE', { default: 1, min: 0, max: 1_000_000, doc: 'Score for a hit' }),
  spawnRadius: intVar('ARENA_SPAWN_RADIUS', {
    default: 100,
    min: 0,
    max: 1_000_000,
    doc: 'Players (re)spawn on a ring of this radius around the centre, each at its own angle, so they start apart (0 = all at the centre)',
  }),
  killScore: intVar('ARENA_KILL_SCORE', { default: 10, min: 0, max: 1_000_000, doc: 'Extra score for bringing a target to 0 health (it respawns)' }),
});
