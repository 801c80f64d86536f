import { ErrorCode } from '../../protocol';
import { GameRoomHarness } from '../../game-api/testing';
import { BASE, CtfLogic } from './ctf.logic';

describe(CtfLogic.name, () => {
  let room: GameRoomHarness;
  const flag = (team: 'red' | 'blue') => [...room.state.ofType('flag')].find((f) => (f as unknown as { team: string }).team === team) as any;
  const walk = (player: string, to: { x: number; y: number }) => room.act(player, { action: 'move', position: { ...to, z: 0 } });
  const events = () => room.events.map((e) => [e.name, e.data]);

  beforeEach(() => {
    room = new GameRoomHarness(new CtfLogic(), { options: { score_to_win: '2' } });
    room.join('ann'); // red
    room.join('bob'); // blue
  });

  it('should put the two flags at their bases on creation, and players in alternating teams at theirs', () => {
    expect(flag('red')).toEqual(expect.objectContaining({ ...BASE.red, atBase: true, carrier: 0 }));
    expect(flag('blue')).toEqual(expect.objectContaining({ ...BASE.blue, atBase: true }));
    expect(room.entity('ann')).toEqual(expect.objectContaining({ team: 'red', ...BASE.red }));
    expect(room.entity('bob')).toEqual(expect.objectContaining({ team: 'blue', ...BASE.blue }));
    expect(room.state.room.scoreToWin).toBe(2);
  });

  it('should take the enemy flag on touch, carry it, and score at home', () => {
    walk('ann', BASE.blue);
    expect(flag('blue')).toEqual(expect.objectContaining({ carrier: room.ref('ann').entityId, atBase: false }));
    walk('ann', { x: 0, y: 5 });
    expect(flag('blue')).toEqual(expect.objectContaining({ x: 0, y: 5 }));
    walk('ann', BASE.red);
    expect(room.state.room.red).toBe(1);
    expect(flag('blue')).toEqual(expect.objectContaining({ ...BASE.blue, atBase: true, carrier: 0 }));
    expect(events()).toEqual([
      ['flag_taken', { team: 'blue', by: room.ref('ann').entityId }],
      ['scored', { team: 'red', by: room.ref('ann').entityId, red: 1, blue: 0 }],
    ]);
  });

  it('should drop a tagged carrier’s flag where it stood and send the carrier home; its owner returns it', () => {
    walk('ann', BASE.blue);
    walk('ann', { x: 30, y: 0 });
    walk('bob', { x: 31, y: 0 });
    room.act('bob', { action: 'tag', target_id: room.ref('ann').entityId });
    expect(room.entity('ann')).toEqual(expect.objectContaining({ ...BASE.red, carrying: false }));
    expect(flag('blue')).toEqual(expect.objectContaining({ x: 30, y: 0, carrier: 0, atBase: false }));
    walk('bob', { x: 30, y: 1 });
    expect(flag('blue')).toEqual(expect.objectContaining({ ...BASE.blue, atBase: true }));
    expect(events().map(([name]) => name)).toEqual(['flag_taken', 'flag_dropped', 'flag_returned']);
  });

  it('should end the match at score_to_win and refuse moves afterwards', () => {
    for (let i = 0; i < 2; i++) {
      walk('ann', BASE.blue);
      walk('ann', BASE.red);
    }
    expect(room.state.room).toEqual(expect.objectContaining({ phase: 'over', winner: 'red', red: 2 }));
    expect(events().at(-1)).toEqual(['match_over', { winner: 'red' }]);
    expect(() => walk('bob', { x: 0, y: 0 })).toThrow(expect.objectContaining({ code: ErrorCode.InvalidPayload, message: 'the match is over' }));
  });

  it('should drop the flag when its carrier leaves', () => {
    walk('ann', BASE.blue);
    room.leave('ann');
    expect(flag('blue')).toEqual(expect.objectContaining({ carrier: 0, atBase: false }));
    expect(room.state.get(room.ref('bob').entityId)).toBeDefined();
  });

  it('should refuse a tag on a team mate, and miss one out of reach', () => {
    room.join('cat'); // red
    expect(() => room.act('ann', { action: 'tag', target_id: room.ref('cat').entityId })).toThrow('of the other team');
    room.act('ann', { action: 'tag', target_id: room.ref('bob').entityId }); // 80 units away
    expect(room.entity('bob')).toEqual(expect.objectContaining(BASE.blue));
  });

  it('should show clients the flags as entities and the score as room fields', () => {
    room.publish();
    walk('ann', BASE.blue);
    walk('ann', BASE.red);
    room.publish();
    const mirrored = [...room.mirror.entities.keys()].map((id) => room.mirror.view(id)!);
    expect(mirrored.find((e) => e.type === 'room')).toEqual(expect.objectContaining({ red: 1, blue: 0, phase: 'play' }));
    expect(mirrored.filter((e) => e.type === 'flag')).toHaveLength(2);
  });
});
