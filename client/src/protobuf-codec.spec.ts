import { gameproto } from './generated/game.js';
import { ProtobufCodec } from './protobuf-codec';

describe(ProtobufCodec, () => {
  const codec = new ProtobufCodec();
  const serverFrame = (message: object) => gameproto.Message.encode(message).finish();

  describe('decode', () => {
    // Issue #13 item 17: a newer server's message type made the codec throw, breaking older clients.
    it('should pass a message type it does not know through as an "unknown:<n>" frame with its envelope and raw payload', () => {
      const frame = codec.decode(serverFrame({ type: 99, room_id: 'r', offset: 4, payload: new Uint8Array([1, 2]), timestamp: 5 }));
      expect(frame).toEqual({ type: 'unknown:99', payload: new Uint8Array([1, 2]), timestamp: 5, room_id: 'r', offset: 4 });
    });

    it('should decode refreshed and the token expiry of welcome', () => {
      const refreshed = gameproto.Refreshed.encode({ token_expires_at: 1_800_000_000_000 }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.REFRESHED, payload: refreshed, timestamp: 1 }))).toEqual(
        expect.objectContaining({ type: 'refreshed', payload: { token_expires_at: 1_800_000_000_000 } }),
      );
      const welcome = gameproto.Welcome.encode({ client_id: 'c', token_expires_at: 1_800_000_000_000 }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.WELCOME, payload: welcome, timestamp: 1 }))).toEqual(
        expect.objectContaining({ type: 'welcome', payload: expect.objectContaining({ client_id: 'c', token_expires_at: 1_800_000_000_000 }) }),
      );
    });
  });

  describe('encode', () => {
    it('should encode refresh with its token', () => {
      const message = gameproto.Message.decode(codec.encode({ type: 'refresh', payload: { token: 'jwt' } }));
      expect(message.type).toBe(gameproto.MessageType.REFRESH);
      expect(gameproto.Refresh.decode(message.payload).token).toBe('jwt');
    });
  });
});
