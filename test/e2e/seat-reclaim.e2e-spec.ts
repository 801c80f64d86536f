import { type RunningGateway, startGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { eventually } from '../support/redis';
import { StateClient } from '../support/state-client';
import { TestClient } from '../support/test-client';
import { RoomRegistry } from '../../src/rooms';
import { ConnectionPool } from '../../src/connection';

/**
 * A player whose socket dropped joins again without a resume (a client that lost its resume
 * token, or the original JavaScript client): within the grace its parked seat is given back.
 * Deliberate break tried: without the reclaim in `RoomAdmission.seat` every test below that
 * takes a seat back fails with "already in room" (INVALID_PAYLOAD).
 */
describe('a fresh join takes a parked seat back', () => {
  const clients: TestClient[] = [];
  const connect = async (gw: RunningGateway, protocol?: string) => {
    const welcomed = await TestClient.connectWelcomed(gw.wsUrl, protocol ? { protocol } : {});
    clients.push(welcomed.client);
    return welcomed;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  /** Drops a client's socket (no close frame) and waits until `gw` parked its seat. */
  async function drop(gw: RunningGateway, owner: RunningGateway, client: TestClient, clientId: string, roomId: string) {
    client.socket.terminate();
    await eventually(() => !gw.app.get(ConnectionPool).get(clientId), 'the drop seen by its gateway');
    await eventually(() => owner.app.get(RoomRegistry).get(roomId)?.members.get(clientId)?.parkedAt !== undefined, 'the seat parked by the room owner');
  }

  /** Everything a returning player must see, and what the others must not. */
  async function expectReclaimed(joiner: TestClient, joinerId: string, roomId: string, entityId: number) {
    joiner.send('join_room', { room_id: roomId, user_id: 'alice' }, 'back');
    const joined = await joiner.next('room_joined', undefined, 10000);
    await joiner.next('ack', (f) => f.payload.id === 'back');
    const alice = joined.payload.players.find((p) => p.player_id === 'alice')!;
    expect(alice).toEqual(expect.objectContaining({ entity_id: entityId, client_id: joinerId }));
    expect(joined.payload.players.map((p) => p.player_id).sort()).toEqual(['alice', 'bob']);
    return joined;
  }

  describe('in a room run on the same instance', () => {
    let gw: RunningGateway;
    beforeAll(async () => {
      gw = await startGateway({ TICK_RATE: '20' });
    });
    afterAll(() => gw.close());

    /** alice then bob seated in `room`; alice's entity id. */
    async function seatAliceAndBob(room: string) {
      const a = await connect(gw);
      const b = await connect(gw);
      a.client.send('join_room', { room_id: room, user_id: 'alice' });
      const first = await a.client.next('room_joined');
      b.client.send('join_room', { room_id: room, user_id: 'bob' });
      await b.client.next('room_joined');
      return { a, b, entityId: first.payload.players.find((p) => p.player_id === 'alice')!.entity_id };
    }

    it('should give the seat to the same user_id: a snapshot and a sync for the joiner, no leave or join for the others', async () => {
      const room = 'reclaim-local';
      const { a, b, entityId } = await seatAliceAndBob(room);
      a.client.send('game_action', { room_id: room, action: 'move', position: { x: 3, y: 4, z: 0 }, input_seq: 7 });
      await b.client.next('sync', (f) => f.payload.players.some((p) => p.player_id === 'alice' && p.position.x === 3));

      await drop(gw, gw, a.client, a.clientId, room);
      const back = await connect(gw);
      const joined = await expectReclaimed(back.client, back.clientId, room, entityId);
      // v1: the sync right after room_joined is the full state, the seat's position kept.
      const sync = await back.client.next('sync', (f) => f.payload.frame_num === joined.payload.frame_num);
      expect(sync.payload.players.find((p) => p.player_id === 'alice')!.position).toEqual({ x: 3, y: 4, z: 0 });

      // The seat is the new connection's: its actions move it, its input sequence starts over.
      back.client.send('game_action', { room_id: room, action: 'move', position: { x: 8, y: 1, z: 0 }, input_seq: 1 });
      const moved = await b.client.next('sync', (f) => f.payload.players.some((p) => p.player_id === 'alice' && p.position.x === 8), 10000);
      expect(moved.payload.players.find((p) => p.player_id === 'alice')!.last_input_seq).toBe(1);
      await b.client.barrier();
      expect(b.client.received('player_left')).toHaveLength(0);
      expect(b.client.received('player_joined')).toHaveLength(0);
    });

    // Deliberate break tried: the room directory's reporter took a reseat for a close (its last
    // `else`), and the room vanished from list_rooms with both players still in it.
    it('should keep the room listed with both seats after one was taken back (a reseat is not a close)', async () => {
      const room = 'reclaim-listed';
      const { a, entityId } = await seatAliceAndBob(room);
      await drop(gw, gw, a.client, a.clientId, room);
      const back = await connect(gw);
      await expectReclaimed(back.client, back.clientId, room, entityId);

      back.client.send('list_rooms', {}, 'list');
      const list = await back.client.next('room_list');
      expect(list.payload.rooms.find((r: { room_id: string }) => r.room_id === room)).toEqual(expect.objectContaining({ room_id: room, clients: 2 }));
    });

    it('should still refuse a join with the user_id of a connected player', async () => {
      const room = 'reclaim-connected';
      const b = await connect(gw);
      b.client.send('join_room', { room_id: room, user_id: 'bob' });
      await b.client.next('room_joined');
      const c = await connect(gw);
      c.client.send('join_room', { room_id: room, user_id: 'bob' }, 'steal');
      const error = await c.client.next('error');
      expect(error.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'steal' }));
      await b.client.barrier();
      expect(b.client.received('player_left')).toHaveLength(0);
    });
  });

  describe('in a room run on another instance (Redis)', () => {
    const { gateways: [owner, other] } = useGatewayPair('standalone', { TICK_RATE: '20' });

    it('should give the seat to a v2 joiner on a member instance with a keyframe that holds its entity, telling nobody', async () => {
      const room = 'reclaim-bridged';
      const b = await connect(owner); // first: the owner runs the room
      b.client.send('join_room', { room_id: room, user_id: 'bob' });
      await b.client.next('room_joined', undefined, 10000);
      const a = await connect(other, 'game.v2.json');
      a.client.send('join_room', { room_id: room, user_id: 'alice' });
      const first = await a.client.next('room_joined', undefined, 10000);
      const entityId = first.payload.players.find((p) => p.player_id === 'alice')!.entity_id;
      await b.client.next('player_joined');
      // The player's entity is in a published frame before the drop.
      await b.client.next('sync', (f) => f.payload.players.some((p) => p.player_id === 'alice'), 10000);

      await drop(other, owner, a.client, a.clientId, room);
      const { state: back, clientId: backId } = await StateClient.connect(other.wsUrl, 'json');
      clients.push(back.client);
      const mirrored = await back.join(room, { user_id: 'alice' });
      const joined = back.client.received('room_joined')[0];
      expect(joined.payload.players.find((p) => p.player_id === 'alice')).toEqual(expect.objectContaining({ entity_id: entityId, client_id: backId }));
      expect(mirrored.applied[0]).toMatch(/^key /);
      expect(mirrored.mirror.entities.has(entityId)).toBe(true);

      const c = await connect(other);
      c.client.send('join_room', { room_id: room, user_id: 'bob' }, 'steal');
      expect((await c.client.next('error', undefined, 10000)).payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'steal' }));
      await b.client.barrier();
      expect(b.client.received('player_left')).toHaveLength(0);
      expect(b.client.received('player_joined')).toHaveLength(1); // alice's first join only
    }, 30000);
  });
});
