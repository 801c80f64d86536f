import { InMemoryBus } from '../bus';
import type { Connection, ConnectionPool } from '../connection';
import { InMemoryRoomHistory } from '../history';
import { MessageType, type ServerMessage, serverMessage } from '../protocol';
import { RoomFanout } from './room-fanout';

describe(RoomFanout.name, () => {
  let fanout: RoomFanout;
  let bus: InMemoryBus;
  let history: InMemoryRoomHistory;
  let delivered: [string, string][];
  const connection = (clientId: string) => ({ clientId, rooms: new Set<string>() }) as unknown as Connection;
  const label = (message: ServerMessage) =>
    message.type === MessageType.Sync ? `sync ${(message.payload as { frame_num: number }).frame_num}` : `${message.type} ${message.offset ?? ''}`.trim();
  const chat = (text: string) => serverMessage(MessageType.Chat, { room_id: 'r', text, from_client_id: 'x', player_id: 'x' }, { room_id: 'r' });
  const sync = (frame: number) => serverMessage(MessageType.Sync, { room_id: 'r', frame_num: frame, players: [], timestamp: 0 }, { room_id: 'r' });
  const snapshot = (offset: number, frame: number) =>
    serverMessage(MessageType.RoomJoined, { room_id: 'r', players: [], frame_num: frame, offset, epoch: history.position('r').epoch });

  beforeEach(() => {
    bus = new InMemoryBus();
    history = new InMemoryRoomHistory({ maxEvents: 100, maxAgeMs: 60000 });
    delivered = [];
    const record = (c: Connection, message: ServerMessage) => void delivered.push([c.clientId, label(message)]);
    const pool = {
      send: (c: Connection, message: ServerMessage) => (record(c, message), true),
      broadcast: (members: Iterable<Connection>, message: ServerMessage, except?: string) => {
        for (const c of members) if (c.clientId !== except) record(c, message);
      },
    } as unknown as ConnectionPool;
    fanout = new RoomFanout(bus, history, pool);
  });

  describe('attach', () => {
    it('should put the room in Connection.rooms and deliver what is published from then on, subscribing the instance once', () => {
      const a = connection('a');
      fanout.attach(a, 'r');
      fanout.attach(connection('b'), 'r');
      fanout.publishReliable('r', chat('hi'), 'b');
      expect(a.rooms).toEqual(new Set(['r']));
      expect(delivered).toEqual([['a', 'chat 1']]);
      expect(bus.channelCount()).toBe(1);
    });
  });

  describe('release', () => {
    it('should send what was published while held and is newer than the snapshot, in order, then deliver live', () => {
      const a = connection('a');
      fanout.publishReliable('r', chat('before')); // offset 1: in the replay, not delivered
      fanout.hold(a, 'r');
      fanout.publishReliable('r', chat('in snapshot')); // offset 2, frame 3 below: the snapshot holds both
      fanout.publish('r', sync(3));
      const taken = snapshot(2, 3);
      fanout.publishReliable('r', chat('after')); // offset 3
      fanout.publish('r', sync(4));
      expect(delivered).toEqual([]);
      fanout.release(a, 'r', taken);
      fanout.publish('r', sync(5));
      expect(delivered).toEqual([
        ['a', 'chat 3'],
        ['a', 'sync 4'],
        ['a', 'sync 5'],
      ]);
      expect(a.rooms).toEqual(new Set(['r']));
    });

    it('should leave the room and unsubscribe the instance without a snapshot (seat gone, resume abandoned)', () => {
      const a = connection('a');
      fanout.hold(a, 'r');
      fanout.publishReliable('r', chat('lost'));
      fanout.release(a, 'r');
      expect(delivered).toEqual([]);
      expect(a.rooms.size).toBe(0);
      expect(bus.channelCount()).toBe(0);
    });
  });

  describe('detach', () => {
    it('should stop delivery, drop the room from Connection.rooms and unsubscribe with the last local member', () => {
      const [a, b] = [connection('a'), connection('b')];
      fanout.attach(a, 'r');
      fanout.hold(b, 'r');
      fanout.detach(a, 'r');
      expect(fanout.localRoomCount).toBe(1); // b, held, still needs the channel
      fanout.detach(b, 'r');
      fanout.publish('r', sync(1));
      expect(delivered).toEqual([]);
      expect([a.rooms.size, b.rooms.size, fanout.localRoomCount, bus.channelCount()]).toEqual([0, 0, 0, 0]);
    });
  });
});
