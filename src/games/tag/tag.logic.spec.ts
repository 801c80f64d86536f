import { ErrorCode, GameError } from '../../protocol';
import { GameRoomHarness } from '../../game-api/testing';
import { TagLogic } from './tag.logic';

describe(TagLogic, () => {
  let room: GameRoomHarness;
  const it_ = (playerId: string) => room.entity(playerId).it === true;
  const players = () => [...room.state.ofType('player')].map((p) => [p.owner!.playerId, (p as unknown as { it: boolean }).it]);

  beforeEach(() => {
    room = new GameRoomHarness(new TagLogic({ fieldSize: 10, tagRange: 3, cooldownMs: 2000 }), { now: 1000 });
    room.join('alice');
    room.join('bob');
  });

  describe('onJoin', () => {
    it('should make the first player "it" and nobody else', () => {
      room.join('carol');
      expect(players()).toEqual([
        ['alice', true],
        ['bob', false],
        ['carol', false],
      ]);
    });
  });

  describe('actions', () => {
    it('should clamp moves to the field', () => {
      room.act('bob', { action: 'move', position: { x: 50, y: -50, z: 7 } });
      expect(room.entity('bob')).toEqual(expect.objectContaining({ x: 10, y: -10 }));
    });

    it('should pass "it" to a target within range and score the tagger', () => {
      room.act('bob', { action: 'move', position: { x: 2, y: 2, z: 0 } });
      room.act('alice', { action: 'tag', target_id: room.ref('bob').entityId });
      expect(it_('bob')).toBe(true);
      expect(it_('alice')).toBe(false);
      expect(room.entity('alice').score).toBe(1);
    });

    it('should treat a target out of range as a miss', () => {
      room.act('bob', { action: 'move', position: { x: 5, y: 0, z: 0 } });
      room.act('alice', { action: 'tag', target_id: room.ref('bob').entityId });
      expect(it_('alice')).toBe(true);
      expect(room.entity('alice').score).toBe(0);
    });

    it('should refuse a tag from a player who is not "it"', () => {
      expect(() => room.act('bob', { action: 'tag', target_id: room.ref('alice').entityId })).toThrow(
        expect.objectContaining({ code: ErrorCode.InvalidPayload }),
      );
    });

    it('should refuse tag-backs until the cooldown has passed', () => {
      room.act('alice', { action: 'tag', target_id: room.ref('bob').entityId });
      expect(() => room.act('bob', { action: 'tag', target_id: room.ref('alice').entityId })).toThrow(/no tag-backs/);
      room.advance(2000);
      room.act('bob', { action: 'tag', target_id: room.ref('alice').entityId });
      expect(it_('alice')).toBe(true);
    });

    it('should reject unknown actions with INVALID_PAYLOAD', () => {
      expect.assertions(2);
      try {
        room.act('alice', { action: 'fly' });
      } catch (error) {
        expect(error).toBeInstanceOf(GameError);
        expect((error as GameError).code).toBe(ErrorCode.InvalidPayload);
      }
    });
  });

  describe('onLeave', () => {
    it('should hand "it" to the longest-present player when "it" leaves', () => {
      room.join('carol');
      room.leave('alice');
      expect(it_('bob')).toBe(true);
      expect(players()).toHaveLength(2);
    });

    it('should let the new "it" tag at once (no cooldown inherited)', () => {
      room.act('alice', { action: 'tag', target_id: room.ref('bob').entityId });
      room.join('carol');
      room.leave('bob');
      room.act('alice', { action: 'tag', target_id: room.ref('carol').entityId });
      expect(it_('carol')).toBe(true);
    });
  });
});
