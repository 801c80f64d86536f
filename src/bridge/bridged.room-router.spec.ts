import { ErrorCode, GameError, MessageType, serverMessage } from '../protocol';
import type { LocalRoomRouter, RoomRegistry } from '../rooms';
import { BridgedRoomRouter } from './bridged.room-router';
import { RemoteLeaves } from './remote-leaves';
import { RemoteSeats } from './remote-seats';
import { RoomFence } from './room-fence';
import { RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

describe(BridgedRoomRouter.name, () => {
  describe('publishReliable', () => {
    it('should refuse a room event with an error when no instance is known to run the room', () => {
      const bus = { publish: jest.fn() };
      const rooms = { get: () => undefined } as unknown as RoomRegistry;
      const remote = new RemoteSeats();
      const fence = new RoomFence(3000);
      const owners = new RoomOwners(bus as never, 'me', {} as never, rooms, remote, 1000, fence);
      const router = new BridgedRoomRouter({} as LocalRoomRouter, { rooms } as never, owners, {} as RoomRestorer, remote, new RemoteLeaves(owners, 'me', 1000), 'me');
      const chat = serverMessage(MessageType.Chat, { room_id: 'r', text: 'hi', from_client_id: 'c1', player_id: 'p1' }, { room_id: 'r' });
      expect.assertions(3);
      try {
        router.publishReliable('r', chat);
      } catch (error) {
        expect(error).toBeInstanceOf(GameError);
        expect((error as GameError).code).toBe(ErrorCode.Internal);
      }
      expect(bus.publish).not.toHaveBeenCalled();
    });
  });
});
