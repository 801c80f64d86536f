import { ErrorCode, GameError, MessageType, serverMessage } from '../protocol';
import { RoomBridge, type RoomBridgeDeps } from './room-bridge.service';

describe(RoomBridge.name, () => {
  describe('forwardReliable', () => {
    it('should refuse a room event with an error when no instance is known to run the room', () => {
      const deps = {
        rooms: { spanInstances: jest.fn() },
        fanout: { setRemoteDelivery: jest.fn() },
        bus: { publish: jest.fn() },
        instanceId: 'me',
      } as unknown as RoomBridgeDeps;
      const bridge = new RoomBridge(deps);
      const chat = serverMessage(MessageType.Chat, { room_id: 'r', text: 'hi', from_client_id: 'c1', player_id: 'p1' }, { room_id: 'r' });
      expect.assertions(3);
      try {
        bridge.forwardReliable('r', chat);
      } catch (error) {
        expect(error).toBeInstanceOf(GameError);
        expect((error as GameError).code).toBe(ErrorCode.Internal);
      }
      expect(deps.bus.publish).not.toHaveBeenCalled();
    });
  });
});
