import { ErrorCode, GameError } from '../../protocol';
import { GameRoomHarness } from '../../game-api/testing';
import { ArenaLogic } from './arena.logic';

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
  let room: GameRoomHarness;
  const at = (x: number, y = 0) => ({ x, y, z: 0 });

  beforeEach(() => {
    room = new GameRoomHarness(new ArenaLogic(config as never));
    room.join('p1');
    room.join('p2');
  });

  describe('onJoin', () => {
    it('should spawn the player’s entity with its entity id, full health and no score', () => {
      expect(room.entity('p1').toJSON()).toEqual(expect.objectContaining({ id: room.ref('p1').entityId, x: 0, y: 0, z: 0, health: 100, score: 0 }));
    });

    it('should spawn players apart on the spawn ring, inside the bounds', () => {
      const ring = new GameRoomHarness(new ArenaLogic({ ...config, bounds: { min: { x: -50, y: -50, z: 0 }, max: { x: 50, y: 50, z: 0 } }, spawnRadius: 40 } as never));
      const positions = Array.from({ length: 8 }, (_, n) => (ring.join(`p${n}`), ring.entity(`p${n}`)));
      for (const p of positions) expect(Math.round(Math.hypot(p.x, p.y))).toBeGreaterThanOrEqual(39);
      const closest = Math.min(...positions.flatMap((p, i) => positions.slice(i + 1).map((q) => Math.hypot(p.x - q.x, p.y - q.y))));
      expect(closest).toBeGreaterThan(10); // eight players on a ring of 40: no two on top of each other
      const clamped = new GameRoomHarness(new ArenaLogic({ ...config, spawnRadius: 1000 } as never));
      clamped.join('far');
      const { x, y } = clamped.entity('far');
      expect(Math.abs(x) <= 10 && Math.abs(y) <= 10).toBe(true);
    });
  });

  describe('move', () => {
    it('should set the position and derive velocity from the time since the last move', () => {
      room.advance(500);
      room.act('p1', { action: 'move', position: at(4, 2) });
      expect(room.entity('p1')).toEqual(expect.objectContaining({ x: 4, y: 2, vx: 8, vy: 4 }));
    });

    it('should clamp the position into the world bounds', () => {
      room.advance(1000);
      room.act('p1', { action: 'move', position: { x: 99, y: -99, z: 7 } });
      expect(room.entity('p1')).toEqual(expect.objectContaining({ x: 10, y: -10, z: 0 }));
    });

    it('should use at least one tick as the elapsed time', () => {
      room.act('p1', { action: 'move', position: at(1) });
      expect(room.entity('p1').vx).toBe(20); // 1 unit in one 50 ms tick
    });

    it('should be refused without a position before reaching the logic', () => {
      expect(() => room.act('p1', { action: 'move' })).toThrow('move: needs payload.position');
    });

    it('should send only the moved coordinates to clients', () => {
      room.publish();
      room.act('p1', { action: 'move', position: at(1) });
      const frame = room.publish();
      // One record: player p1's x, a difference of 8 eighths. Velocity is server-side.
      expect(frame.ops).toEqual([room.ref('p1').entityId, (1 << 0) * 4, 8]);
      expect(room.mirror.view(room.ref('p1').entityId)).toEqual(expect.objectContaining({ x: 1, y: 0 }));
    });
  });

  describe('onTick', () => {
    it('should zero the velocity on the first tick without a move, then stop asking for ticks', () => {
      room.advance(100);
      room.act('p1', { action: 'move', position: at(1) });
      expect(room.tick()).toBe(true);
      expect(room.tick()).toBe(false);
      expect(room.entity('p1')).toEqual(expect.objectContaining({ vx: 0, vy: 0, vz: 0 }));
    });
  });

  describe('attack', () => {
    it('should damage a target in range and score the attacker', () => {
      room.act('p1', { action: 'attack', target_id: room.ref('p2').entityId });
      expect(room.entity('p2').health).toBe(60);
      expect(room.entity('p1').score).toBe(1);
    });

    it('should miss a target out of range without effect', () => {
      room.act('p2', { action: 'move', position: at(10) });
      room.act('p1', { action: 'attack', target_id: room.ref('p2').entityId });
      expect(room.entity('p2').health).toBe(100);
      expect(room.entity('p1').score).toBe(0);
    });

    it('should respawn a target brought to 0 health and give the kill score', () => {
      room.act('p2', { action: 'move', position: at(3) });
      for (let i = 0; i < 3; i++) room.act('p1', { action: 'attack', target_id: room.ref('p2').entityId });
      expect(room.entity('p2')).toEqual(expect.objectContaining({ health: 100, x: 0, y: 0 }));
      expect(room.entity('p1').score).toBe(3 + 10);
    });

    it.each([
      ['an unknown target', { action: 'attack', target_id: 9 }],
      ['itself', { action: 'attack', target_id: 1 }],
    ])('should refuse an attack on %s with INVALID_PAYLOAD', (_name, action) => {
      expect.assertions(1);
      try {
        room.act('p1', action);
      } catch (error) {
        expect((error as GameError).code).toBe(ErrorCode.InvalidPayload);
      }
    });

    it('should be refused without a target before reaching the logic', () => {
      expect(() => room.act('p1', { action: 'attack' })).toThrow('attack: needs payload.target_id');
    });
  });

  describe('onLeave', () => {
    it('should despawn the player, which is then no target', () => {
      room.leave('p2');
      expect([...room.state.ofType('player')].map((p) => p.owner?.playerId)).toEqual(['p1']);
      expect(() => room.act('p1', { action: 'attack', target_id: 2 })).toThrow(GameError);
    });
  });

  it('should refuse an unknown action naming the known ones', () => {
    expect(() => room.act('p1', { action: 'fly' })).toThrow(/unknown action "fly"; arena knows move, attack/);
  });
});
