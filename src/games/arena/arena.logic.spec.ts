import { ErrorCode, GameError } from '../../protocol';
import type { PlayerRef, TickClock } from '../../game-api';
import { ArenaLogic, type ArenaState } from './arena.logic';

describe(ArenaLogic.name, () => {
  const config = {
    bounds: { min: { x: -10, y: -10, z: 0 }, max: { x: 10, y: 10, z: 0 } },
    maxHealth: 100,
    attackRange: 5,
    attackDamage: 40,
    hitScore: 1,
    killScore: 10,
    spawnRadius: 0,
  };
  const player = (n: number): PlayerRef => ({ playerId: `p${n}`, entityId: n, clientId: `c${n}`, nickname: `P${n}` });
  const at = (now: number): TickClock => ({ now, tickMs: 50 });
  let logic: ArenaLogic;
  let state: ArenaState;
  const view = (id: string) => logic.snapshot(state).find((p) => p.player_id === id)!;

  beforeEach(() => {
    logic = new ArenaLogic(config as never);
    state = logic.createState();
    logic.onJoin(state, player(1), at(0));
    logic.onJoin(state, player(2), at(0));
  });

  describe('onJoin', () => {
    it('should spawn a player at the centre with full health and no score when the spawn radius is 0', () => {
      expect(view('p1')).toEqual({ player_id: 'p1', position: { x: 0, y: 0, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, health: 100, score: 0 });
    });

    it('should spawn players apart on the spawn ring, inside the bounds', () => {
      const ring = new ArenaLogic({ ...config, bounds: { min: { x: -50, y: -50, z: 0 }, max: { x: 50, y: 50, z: 0 } }, spawnRadius: 40 } as never);
      const room = ring.createState();
      for (let n = 1; n <= 8; n++) ring.onJoin(room, player(n), at(0));
      const positions = ring.snapshot(room).map((p) => p.position);
      for (const p of positions) expect(Math.round(Math.hypot(p.x, p.y))).toBeGreaterThanOrEqual(39);
      const closest = Math.min(...positions.flatMap((p, i) => positions.slice(i + 1).map((q) => Math.hypot(p.x - q.x, p.y - q.y))));
      expect(closest).toBeGreaterThan(10); // eight players on a ring of 40: no two on top of each other
      const clamped = new ArenaLogic({ ...config, spawnRadius: 1000 } as never);
      const small = clamped.createState();
      clamped.onJoin(small, player(1), at(0));
      const { x, y } = clamped.snapshot(small)[0].position;
      expect(Math.abs(x) <= 10 && Math.abs(y) <= 10).toBe(true);
    });
  });

  describe('onAction move', () => {
    it('should set the position and derive velocity from the time since the last move', () => {
      logic.onAction(state, player(1), { action: 'move', position: { x: 4, y: 2, z: 0 } }, at(500));
      expect(view('p1').position).toEqual({ x: 4, y: 2, z: 0 });
      expect(view('p1').velocity).toEqual({ x: 8, y: 4, z: 0 });
    });

    it('should clamp the position into the world bounds', () => {
      logic.onAction(state, player(1), { action: 'move', position: { x: 99, y: -99, z: 7 } }, at(1000));
      expect(view('p1').position).toEqual({ x: 10, y: -10, z: 0 });
    });

    it('should use at least one tick as the elapsed time', () => {
      logic.onAction(state, player(1), { action: 'move', position: { x: 1, y: 0, z: 0 } }, at(0));
      expect(view('p1').velocity.x).toBe(20); // 1 unit in one 50 ms tick
    });

    it('should reject a move without a position', () => {
      expect(() => logic.onAction(state, player(1), { action: 'move' }, at(1))).toThrow(GameError);
    });
  });

  describe('onTick', () => {
    it('should zero the velocity on the first tick without a move, then go quiet', () => {
      logic.onAction(state, player(1), { action: 'move', position: { x: 1, y: 0, z: 0 } }, at(100));
      expect(logic.onTick(state)).toEqual({ changed: false, keepTicking: true });
      expect(logic.onTick(state)).toEqual({ changed: true, keepTicking: false });
      expect(view('p1').velocity).toEqual({ x: 0, y: 0, z: 0 });
      expect(logic.onTick(state)).toEqual({ changed: false, keepTicking: false });
    });
  });

  describe('onAction attack', () => {
    it('should damage a target in range and score the attacker', () => {
      logic.onAction(state, player(1), { action: 'attack', target_id: 2 }, at(1));
      expect(view('p2').health).toBe(60);
      expect(view('p1').score).toBe(1);
    });

    it('should miss a target out of range without effect', () => {
      logic.onAction(state, player(2), { action: 'move', position: { x: 10, y: 0, z: 0 } }, at(1));
      logic.onAction(state, player(1), { action: 'attack', target_id: 2 }, at(2));
      expect(view('p2').health).toBe(100);
      expect(view('p1').score).toBe(0);
    });

    it('should respawn a target brought to 0 health and give the kill score', () => {
      logic.onAction(state, player(2), { action: 'move', position: { x: 3, y: 0, z: 0 } }, at(1));
      for (let i = 0; i < 3; i++) logic.onAction(state, player(1), { action: 'attack', target_id: 2 }, at(2 + i));
      expect(view('p2')).toEqual(expect.objectContaining({ health: 100, position: { x: 0, y: 0, z: 0 } }));
      expect(view('p1').score).toBe(3 + 10);
    });

    it.each([
      ['an unknown target', { action: 'attack', target_id: 9 }],
      ['no target', { action: 'attack' }],
      ['itself', { action: 'attack', target_id: 1 }],
    ])('should reject an attack on %s with INVALID_PAYLOAD', (_name, action) => {
      expect.assertions(1);
      try {
        logic.onAction(state, player(1), action, at(1));
      } catch (error) {
        expect((error as GameError).code).toBe(ErrorCode.InvalidPayload);
      }
    });
  });

  describe('onLeave', () => {
    it('should remove the player from snapshots and as a target', () => {
      logic.onLeave(state, player(2));
      expect(logic.snapshot(state).map((p) => p.player_id)).toEqual(['p1']);
      expect(() => logic.onAction(state, player(1), { action: 'attack', target_id: 2 }, at(1))).toThrow(GameError);
    });
  });

  it('should reject an unknown action naming the known ones', () => {
    expect(() => logic.onAction(state, player(1), { action: 'fly' }, at(1))).toThrow(/move, attack/);
  });

});
