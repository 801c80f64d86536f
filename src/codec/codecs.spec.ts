import { gameproto, MessageType, serverMessage } from '../protocol';
import { DecodeError } from './codec';
import { JsonCodec } from './json.codec';
import { ProtobufCodec } from './protobuf.codec';

describe('codecs', () => {
  const json = new JsonCodec();
  const proto = new ProtobufCodec();
  const sync = serverMessage(
    MessageType.Sync,
    {
      room_id: 'r',
      frame_num: 7,
      players: [{ player_id: 'p', position: { x: 1.5, y: 2, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, health: 90, score: 3, last_input_seq: 12 }],
      timestamp: 1700000000123,
    },
    { room_id: 'r' },
  );

  describe(JsonCodec.name, () => {
    it('should encode the envelope exactly as the contract spells it', () => {
      expect(JSON.parse(json.encode(sync).toString())).toEqual(sync);
    });

    it('should decode {type, payload, id} and default a missing payload to {}', () => {
      expect(json.decode(Buffer.from('{"type":"ping","id":"x"}'))).toEqual({ type: 'ping', payload: {}, id: 'x' });
    });

    it.each([
      ['not JSON', '{', 'BAD_JSON'],
      ['an array', '[]', 'BAD_JSON'],
      ['without a type', '{"payload":{}}', 'INVALID_PAYLOAD'],
    ])('should reject %s with %s', (_name, frame, code) => {
      expect.assertions(2);
      try {
        json.decode(Buffer.from(frame));
      } catch (error) {
        expect(error).toBeInstanceOf(DecodeError);
        expect((error as DecodeError).code).toBe(code);
      }
    });
  });

  describe(ProtobufCodec.name, () => {
    it('should encode a Message whose payload is the inner StateSync, with int64 as numbers', () => {
      const envelope = gameproto.Message.decode(proto.encode(sync));
      expect(envelope.type).toBe(gameproto.MessageType.SYNC);
      expect(envelope.room_id).toBe('r');
      expect(envelope.timestamp).toBe(sync.timestamp);
      const inner = gameproto.StateSync.decode(envelope.payload);
      expect(inner.frame_num).toBe(7);
      expect(inner.players[0]).toEqual(expect.objectContaining({ player_id: 'p', health: 90, last_input_seq: 12 }));
    });

    it('should stamp from_client_id of a relayed chat on the envelope', () => {
      const chat = serverMessage(MessageType.Chat, { room_id: 'r', text: 'hi', from_client_id: 'c1', player_id: 'p1' }, { room_id: 'r', offset: 4 });
      const envelope = gameproto.Message.decode(proto.encode(chat));
      expect([envelope.from_client_id, envelope.offset]).toEqual(['c1', 4]);
    });

    it('should take room_id from the envelope when the inner message has none (original clients)', () => {
      const frame = gameproto.Message.encode({
        type: gameproto.MessageType.GAME_ACTION,
        room_id: 'lobby',
        payload: gameproto.GameAction.encode({ action: 'move' }).finish(),
      }).finish();
      expect(proto.decode(Buffer.from(frame))).toEqual(
        expect.objectContaining({ type: 'game_action', payload: expect.objectContaining({ room_id: 'lobby', action: 'move' }) }),
      );
    });

    it('should reject bytes that are not a Message with BAD_PROTO', () => {
      expect(() => proto.decode(Buffer.from([0x0a, 0xff]))).toThrow(expect.objectContaining({ code: 'BAD_PROTO' }));
    });
  });
});
