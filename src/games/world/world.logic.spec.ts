import { GameRoomHarness } from '../../game-api/testing';
import { CELL_SIZE, WORLD_HALF, WorldLogic } from './world.logic';

describe(WorldLogic.name, () => {
  it('should fill the world with `bots` wandering bots that stay inside it, and keep ticking while there are bots', () => {
    const room = new GameRoomHarness(new WorldLogic(), { options: { bots: '50' } });
    const bots = () => [...room.state.ofType('bot')] as unknown as { x: number; y: number }[];
    expect(bots()).toHaveLength(50);
    const before = bots().map((b) => `${b.x},${b.y}`);
    for (let i = 0; i < 600; i++) expect(room.tick()).toBe(true);
    expect(bots().map((b) => `${b.x},${b.y}`)).not.toEqual(before);
    for (const b of bots()) expect(Math.abs(b.x) <= WORLD_HALF && Math.abs(b.y) <= WORLD_HALF).toBe(true);
    room.publish();
    expect(room.mirror.entities.size).toBe(1 + 50); // the room, and every bot for a mirror that sees all cells
  });

  it('should spawn a player near the centre and move it within the world', () => {
    const room = new GameRoomHarness(new WorldLogic());
    room.join('ann');
    expect(Math.abs(room.entity('ann').x)).toBeLessThanOrEqual(WORLD_HALF * 0.2);
    room.act('ann', { action: 'move', position: { x: 5000, y: -12.5, z: 0 } });
    expect(room.entity('ann')).toEqual(expect.objectContaining({ x: WORLD_HALF, y: -12.5 }));
    expect(room.tick()).toBe(false); // no bots: nothing to simulate
  });

  it('should declare a grid whose view is 3 × 3 cells of CELL_SIZE', () => {
    const room = new GameRoomHarness(new WorldLogic());
    expect(room.state.grid!.cellSize).toBe(CELL_SIZE);
    expect(room.state.grid!.viewFrom(room.state.grid!.cellAt(0, 0))).toHaveLength(9);
  });
});
