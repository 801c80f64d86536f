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

  describe('decode (v2)', () => {
    it('should decode a state frame with its packed ops, defaults filled in (no handle while in one room, not a keyframe)', () => {
      const state = gameproto.StateFrame.encode({ frame: 1207, ops: [3, 12, 56, -104, 1, 12, 56, 104], strings: ['a'] }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.STATE, payload: state, timestamp: 1 }))).toEqual({
        type: 'state',
        payload: { room: 0, frame: 1207, key: false, ops: [3, 12, 56, -104, 1, 12, 56, 104], strings: ['a'], time: 0 },
        timestamp: 1,
      });
    });

    it('should hand on room_event data (JSON text on this wire) as an object, like the JSON codec', () => {
      const event = gameproto.RoomEvent.encode({ room_id: 'ctf-1', name: 'flag_taken', data: '{"by":3,"team":"red"}' }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.ROOM_EVENT, room_id: 'ctf-1', offset: 12, payload: event, timestamp: 1 }))).toEqual({
        type: 'room_event',
        payload: { room_id: 'ctf-1', name: 'flag_taken', data: { by: 3, team: 'red' } },
        timestamp: 1,
        room_id: 'ctf-1',
        offset: 12,
      });
    });

    it('should decode room_joined with its handle, kind, schema text and keyframe, and welcome with wire_version and tick_rate', () => {
      const joined = gameproto.RoomJoined.encode({ room_id: 'r', frame_num: 4, handle: 2, kind: 'ctf', schema: '{"kind":"ctf"}', state: { frame: 4, key: true, ops: [0, 1, 0], time: 99 } }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.ROOM_JOINED, payload: joined, timestamp: 1 })).payload).toEqual(
        expect.objectContaining({ handle: 2, kind: 'ctf', schema: '{"kind":"ctf"}', state: { room: 0, frame: 4, key: true, ops: [0, 1, 0], strings: [], time: 99 } }),
      );
      const welcome = gameproto.Welcome.encode({ client_id: 'c', wire_version: 2, tick_rate: 20 }).finish();
      expect(codec.decode(serverFrame({ type: gameproto.MessageType.WELCOME, payload: welcome, timestamp: 1 })).payload).toEqual(expect.objectContaining({ wire_version: 2, tick_rate: 20 }));
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
