import type { ServerMessage } from '../../src/protocol';
import { RoomRegistry } from '../../src/rooms';
import type { RunningGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually } from '../support/redis';
import { SquadModule } from '../support/squad-kind';
import { TestClient } from '../support/test-client';

/**
 * Matchmaking across instances: two gateways share one redis-server (the Redis room directory).
 * Squad rooms hold 4 players.
 */
describe('matchmaking across two gateway instances sharing Redis', () => {
  const { gateways } = useGatewayPair('standalone', { TICK_RATE: '20' }, { modules: [SquadModule] });
  const clients: TestClient[] = [];
  const connect = async (gw: RunningGateway, codec: 'json' | 'proto') => {
    const { client } = await TestClient.connectWelcomed(gw.wsUrl, { codec });
    clients.push(client);
    return client;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  // The cross-instance guarantee. Checked to fail with the directory's reserve split into a read
  // and a write in two round trips (instances then read the same free state): 40 clients got 40
  // rooms of one instead of 10 rooms of 4.
  it('should seat 40 concurrent join_or_create calls split over both instances in exactly 10 full rooms, none over its max', async () => {
    const mode = 'rush';
    const players = await Promise.all(Array.from({ length: 40 }, (_, i) => connect(gateways[i % 2], i % 4 < 2 ? 'json' : 'proto')));
    const answers = await Promise.all(
      players.map((client, i) => {
        client.send('join_or_create', { kind: 'squad', filters: { mode }, user_id: `p${i}` }, `j${i}`);
        return client.next('room_joined', undefined, 15000);
      }),
    );
    const perRoom = new Map<string, number>();
    for (const answer of answers) perRoom.set(answer.payload.room_id, (perRoom.get(answer.payload.room_id) ?? 0) + 1);
    expect([...perRoom.values()]).toEqual(Array(10).fill(4));
    // Each room runs on exactly one instance, with exactly 4 members there.
    for (const roomId of perRoom.keys()) {
      const running = gateways.map((gw) => gw.app.get(RoomRegistry).get(roomId)).filter((room) => room !== undefined);
      expect(running.map((room) => room.members.size)).toEqual([4]);
    }
    for (const client of players) expect(client.received('error')).toEqual([]);
    // Both instances list the same 10 full rooms from the shared directory.
    for (const gw of gateways) {
      const lister = await connect(gw, 'json');
      lister.send('list_rooms', { kind: 'squad', filters: { mode } });
      const list = (await lister.next('room_list')).payload as ServerMessage<'room_list'>['payload'];
      expect(list.total).toBe(10);
      expect(list.rooms.map((room) => [room.room_id, room.clients, room.max_clients]).sort()).toEqual([...perRoom.keys()].sort().map((id) => [id, 4, 4]));
    }
  }, 60000);

  it("should join a room created on the other instance, see the room's logic lock it, and free a seat when a member leaves", async () => {
    const mode = 'duo-across';
    const owner = await connect(gateways[0], 'json');
    owner.send('create_room', { kind: 'squad', metadata: { mode } }, 'c');
    const room = (await owner.next('room_joined')).payload.room_id;
    const guest = await connect(gateways[1], 'proto');
    guest.send('join_or_create', { kind: 'squad', filters: { mode } }, 'g');
    expect((await guest.next('room_joined', undefined, 10000)).payload.room_id).toBe(room);
    const listed = async () => {
      guest.send('list_rooms', { kind: 'squad', filters: { mode } });
      return (await guest.next('room_list')).payload.rooms;
    };
    owner.send('game_action', { action: 'lock' });
    await eventually(async () => (await listed())[0]?.locked === true, 'the room listed as locked', 10000);
    guest.send('leave_room', { room_id: room }, 'bye');
    await guest.next('ack', (a) => a.payload.id === 'bye');
    await eventually(async () => (await listed())[0]?.clients === 1, 'the seat freed in the directory', 10000);
  }, 30000);
});
