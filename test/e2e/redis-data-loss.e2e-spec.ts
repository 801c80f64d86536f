import type { RunningGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually } from '../support/redis';
import { TestClient } from '../support/test-client';
import { StateClient } from '../support/state-client';
import { INSTANCE_ID } from '../../src/common';
import { RoomRegistry } from '../../src/rooms';

const ROOM_LEASE_MS = 1000;

/**
 * Redis restarts without persistence (everything lost) while a room runs, and the room moves to
 * the other instance, which runs it again from scratch (issue 13 item 13: frame_num went 169 → 11).
 * Deliberate break tried: without the frame floor (`SeatRequest.frameFloor` ignored and no
 * `lastFrame` check in `RoomFanout`) the v1 clients' frame numbers went back to 1 and the test failed.
 */
describe('a room moving instance after Redis lost its data', () => {
  const clients: TestClient[] = [];
  // Before the pair's: the clients close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  const env = { TICK_RATE: '20', ROOM_LEASE_MS: String(ROOM_LEASE_MS), REDIS_MAX_RETRY_DELAY_MS: '200' };
  const { redis, gateways: [gw1, gw2] } = useGatewayPair('standalone', env);

  it('should never send a client a lower frame_num, and give each member the new epoch in a room_joined', async () => {
    const room = 'data-loss';
    const connect = async (gw: RunningGateway) => {
      const welcomed = await TestClient.connectWelcomed(gw.wsUrl);
      clients.push(welcomed.client);
      return welcomed.client;
    };
    const a = await connect(gw1); // first: gw1 runs the room
    a.send('join_room', { room_id: room, user_id: 'alice' });
    const first = await a.next('room_joined');
    const b = await connect(gw2);
    b.send('join_room', { room_id: room, user_id: 'bob' });
    await b.next('room_joined', undefined, 10000);
    const { state: carol } = await StateClient.connect(gw1.wsUrl, 'json');
    clients.push(carol.client);
    await carol.join(room, { user_id: 'carol' });
    // Frames keep coming: both v1 players move all the time.
    let seq = 0;
    const mover = setInterval(() => {
      seq += 1;
      for (const client of [a, b]) client.send('game_action', { room_id: room, action: 'move', position: { x: seq % 50, y: 1, z: 0 }, input_seq: seq });
    }, 50);
    try {
      await a.next('sync', (f) => f.payload.frame_num > 30, 15000);
      await redis.nodes[0].stop();
      // gw1 keeps ticking the room for its own members while Redis is away.
      const during = (await a.next('sync', (f) => f.payload.frame_num > 60, 15000)).payload.frame_num;
      await redis.nodes[0].restart(); // empty
      // Make the move certain: the lease names gw2 whatever gw1 writes first.
      await redis.cli('SET', `gw:{r:${room}}:lease`, gw2.app.get(INSTANCE_ID), 'PX', String(ROOM_LEASE_MS));
      await eventually(() => !!gw2.app.get(RoomRegistry).get(room) && !gw1.app.get(RoomRegistry).get(room), 'the room run by gw2 only', 15000);
      const epoch = (await a.next('room_joined', (f) => f.payload.epoch !== first.payload.epoch, 15000)).payload.epoch;
      await b.next('room_joined', (f) => f.payload.epoch === epoch, 15000);
      await carol.client.next('room_joined', (f) => f.payload.epoch === epoch, 15000);
      // Frames of the new copy reach everyone, above what gw1 sent during the outage.
      for (const client of [a, b]) await client.next('sync', (f) => f.payload.frame_num > during + 20, 15000);
      await carol.until(room, (r) => r.applied.length > 0 && Number(r.applied[r.applied.length - 1].split(' ')[1]) > during + 20, 'v2 frames of the new copy', 15000);
    } finally {
      clearInterval(mover);
    }
    for (const client of [a, b]) {
      const numbers = client.frames.filter((f) => f.type === 'sync' || f.type === 'room_joined').map((f) => (f.payload as { frame_num: number }).frame_num);
      const backwards = numbers.filter((n, i) => i > 0 && n < numbers[i - 1]);
      expect(backwards).toEqual([]);
    }
    const v2 = carol.client.frames.flatMap((f) => (f.type === 'state' ? [(f.payload as { frame: number }).frame] : f.type === 'room_joined' ? [f.payload.frame_num] : []));
    expect(v2.filter((n, i) => i > 0 && n < v2[i - 1])).toEqual([]);
    expect(carol.rooms.get(room)!.refused).toEqual([]);
  }, 90000);
});
