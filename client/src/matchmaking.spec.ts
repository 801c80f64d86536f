import WebSocket from 'ws';
import { GatewayError } from './errors';
import { GameClient } from './game-client';
import { type FakeConnection, FakeGateway, roomPlayer } from './testing/fake-gateway';
import type { WebSocketConstructor } from './websocket';

/** Matchmaking and the room directory in the SDK, against a scripted fake gateway (JSON codec). */
describe('GameClient matchmaking', () => {
  let gateway: FakeGateway;
  let client: GameClient;
  let server: FakeConnection;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    client = new GameClient(gateway.url, { WebSocket: WebSocket as unknown as WebSocketConstructor, reconnect: { baseMs: 1, capMs: 5 } });
    const connected = client.connect();
    server = await gateway.connection(0);
    server.welcome('me');
    await connected;
  });
  afterEach(async () => {
    client.close();
    await gateway.close();
  });

  /** Answers a matchmaking request like the gateway: `room_joined` of the room it chose, then `ack`. */
  const seatIn = (request: { id?: string }, roomId: string, players = [roomPlayer('me', 'me')]) => {
    server.send('room_joined', { room_id: roomId, players, frame_num: 1, offset: 0, epoch: 'e1', kind: 'squad' }, { room_id: roomId });
    server.ack(request.id!);
  };

  describe('joinOrCreate', () => {
    it('should send join_or_create with kind, filters and creation options as strings, and resolve with the room the server chose', async () => {
      const joined = client.joinOrCreate('squad', { nickname: 'Me', userId: 'me', create: { level: 12 } }, { mode: 'ranked', level: { min: 10, max: 20 } });
      const request = await server.next('join_or_create');
      expect(request.payload).toEqual({ kind: 'squad', filters: { mode: 'ranked', level: { min: 10, max: 20 } }, options: { level: '12' }, user_id: 'me', nickname: 'Me' });
      seatIn(request, 'squad-x1', [roomPlayer('bob', 'b'), roomPlayer('me', 'me')]);
      const room = await joined;
      expect(room.id).toBe('squad-x1');
      expect(room.joined).toBe(true);
      expect([...room.state.players.keys()]).toEqual(['bob', 'me']);
      expect(client.rooms.get('squad-x1')).toBe(room);
    });

    it('should deliver the room’s later frames to the room it resolved with', async () => {
      const joined = client.joinOrCreate('squad');
      seatIn(await server.next('join_or_create'), 'squad-x2');
      const room = await joined;
      const seen = new Promise((resolve) => room.on('player_joined', resolve));
      server.send('player_joined', { room_id: 'squad-x2', player_id: 'ann', nickname: 'Ann', entity_id: 2, client_id: 'a' }, { room_id: 'squad-x2', offset: 1 });
      expect(await seen).toEqual(expect.objectContaining({ player_id: 'ann' }));
    });

    // Checked to fail with the refused request leaving the queue when its promise settles (a
    // microtask later): frames read in one turn gave room-b to the refused request.
    it('should give each of several requests its own room in the order the server answers them, past a refused one', async () => {
      const first = client.joinOrCreate('squad');
      const second = client.joinOrCreate('nosuch');
      const third = client.joinOrCreate('squad', {}, { mode: 'duo' });
      const [r1, r2, r3] = [await server.next('join_or_create'), await server.next('join_or_create'), await server.next('join_or_create')];
      seatIn(r1, 'room-a');
      server.error('INVALID_PAYLOAD', r2, 'unknown room kind "nosuch"; this server runs squad');
      seatIn(r3, 'room-b');
      expect((await first).id).toBe('room-a');
      await expect(second).rejects.toEqual(expect.objectContaining({ name: 'GatewayError', code: 'INVALID_PAYLOAD', refType: 'join_or_create' }));
      await expect(second).rejects.toBeInstanceOf(GatewayError);
      expect((await third).id).toBe('room-b');
      expect([...client.rooms.keys()]).toEqual(['room-a', 'room-b']);
    });

    it('should reject with TIMEOUT when no answer comes in time, and keep no room', async () => {
      const joined = client.joinOrCreate('squad', { timeoutMs: 50 });
      await server.next('join_or_create');
      await expect(joined).rejects.toEqual(expect.objectContaining({ code: 'TIMEOUT' }));
      expect(client.rooms.size).toBe(0);
    });
  });

  describe('create', () => {
    it('should send create_room with metadata and private, and resolve with the new room', async () => {
      const created = client.create('squad', { metadata: { mode: 'ranked', level: 3 }, private: true, create: { level: 3 }, nickname: 'Me' });
      const request = await server.next('create_room');
      expect(request.payload).toEqual({ kind: 'squad', options: { level: '3' }, metadata: { mode: 'ranked', level: 3 }, private: true, nickname: 'Me' });
      seatIn(request, 'squad-new');
      expect((await created).id).toBe('squad-new');
    });
  });

  describe('listRooms', () => {
    it('should send list_rooms and resolve with the room_list that answers it, a refused listing in between', async () => {
      const refused = client.listRooms('nosuch');
      const listed = client.listRooms('squad', { mode: 'ranked' }, { page: 1 });
      const [bad, good] = [await server.next('list_rooms'), await server.next('list_rooms')];
      expect(good.payload).toEqual({ kind: 'squad', filters: { mode: 'ranked' }, page: 1 });
      server.error('INVALID_PAYLOAD', bad);
      const rooms = [{ room_id: 'r1', kind: 'squad', clients: 2, max_clients: 4, metadata: { mode: 'ranked' }, locked: false }];
      server.send('room_list', { rooms, total: 51, page: 1 });
      server.ack(good.id!);
      await expect(refused).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
      expect(await listed).toEqual({ rooms, total: 51, page: 1 });
    });
  });
});
