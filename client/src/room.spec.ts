import WebSocket from 'ws';
import { GatewayError } from './errors';
import { GameClient } from './game-client';
import type { Room, RoomEvents } from './room';
import { type FakeConnection, FakeGateway, roomPlayer } from './testing/fake-gateway';
import type { WebSocketConstructor } from './websocket';

/** The promise room API against a scripted fake gateway (JSON codec). */
describe('Room (GameClient.join)', () => {
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

  /** Joins `roomId`, answering with a snapshot of `players`. */
  const joinAnswered = async (roomId = 'r', snapshot: Parameters<FakeConnection['roomJoined']>[1] = {}): Promise<Room> => {
    const joined = client.join(roomId, { nickname: 'Me' });
    server.roomJoined(await server.next('join_room'), { players: [roomPlayer('me', 'me')], ...snapshot });
    return joined;
  };
  const nextEvent = <K extends keyof RoomEvents>(room: Room, type: K) =>
    new Promise<RoomEvents[K]>((resolve) => {
      const off = room.on(type, (event) => (off(), resolve(event)));
    });

  describe('join', () => {
    it('should send join_room with an id and resolve with the room and its snapshot once room_joined arrives', async () => {
      const joined = client.join('r', { nickname: 'Me', userId: 'me' });
      const request = await server.next('join_room');
      expect(request).toEqual(expect.objectContaining({ payload: { room_id: 'r', nickname: 'Me', user_id: 'me' }, id: expect.any(String) }));
      server.roomJoined(request, { players: [roomPlayer('me', 'me'), roomPlayer('bob', 'b', 7)], offset: 3 });
      const room = await joined;
      expect(room.id).toBe('r');
      expect(room.joined).toBe(true);
      expect([...room.state.players.keys()]).toEqual(['me', 'bob']);
      expect(room.me?.player_id).toBe('me');
      expect(client.rooms.get('r')).toBe(room);
    });

    it("should reject with the server's error, as a GatewayError carrying its code", async () => {
      const joined = client.join('full');
      server.error('ROOM_FULL', await server.next('join_room'));
      await expect(joined).rejects.toEqual(expect.objectContaining({ name: 'GatewayError', code: 'ROOM_FULL', refType: 'join_room' }));
      await expect(joined).rejects.toBeInstanceOf(GatewayError);
      expect(client.rooms.has('full')).toBe(false);
    });

    it('should reject with TIMEOUT when no room_joined comes in time', async () => {
      const joined = client.join('silent', { timeoutMs: 50 });
      await server.next('join_room');
      await expect(joined).rejects.toEqual(expect.objectContaining({ code: 'TIMEOUT' }));
    });

    it('should return the same room for a second join of the same id', async () => {
      const first = client.join('r');
      const second = client.join('r');
      server.roomJoined(await server.next('join_room'));
      expect(await second).toBe(await first);
      expect(server.frames.filter((f) => f.type === 'join_room')).toHaveLength(1);
    });

    it('should deliver events that overtook room_joined after the join resolves, once each, in room order, and fold them into the state', async () => {
      const joined = client.join('r');
      const request = await server.next('join_room');
      server.send('chat', { room_id: 'r', text: 'second', from_client_id: 'b', player_id: 'bob' }, { room_id: 'r', offset: 3 });
      server.send('player_joined', { room_id: 'r', player_id: 'cy', nickname: 'Cy', entity_id: 3, client_id: 'c' }, { room_id: 'r', offset: 2 });
      server.send('chat', { room_id: 'r', text: 'before my join', from_client_id: 'b', player_id: 'bob' }, { room_id: 'r', offset: 1 });
      server.roomJoined(request, { offset: 1, players: [roomPlayer('me', 'me'), roomPlayer('bob', 'b')] });
      const room = await joined;
      const seen: string[] = [];
      const live = new Promise<void>((resolve) => room.on('chat', (m) => m.offset === 4 && resolve()));
      room.on('chat', (m) => seen.push(`chat ${m.text} @${m.offset}`));
      room.on('player_joined', (m) => seen.push(`joined ${m.player_id}`));
      server.send('chat', { room_id: 'r', text: 'second', from_client_id: 'b', player_id: 'bob' }, { room_id: 'r', offset: 3 }); // a repeat
      server.send('chat', { room_id: 'r', text: 'live', from_client_id: 'b', player_id: 'bob' }, { room_id: 'r', offset: 4 });
      await live;
      expect(seen).toEqual(['joined cy', 'chat second @3', 'chat live @4']);
      expect([...room.state.players.keys()]).toEqual(['me', 'bob', 'cy']);
    });
  });

  describe('state', () => {
    it('should follow sync values and membership events, and emit state after each change', async () => {
      const room = await joinAnswered('r', { players: [roomPlayer('me', 'me'), roomPlayer('bob', 'b')] });
      const states: number[] = [];
      room.on('state', (state) => states.push(state.players.size));
      const left = nextEvent(room, 'player_left');
      server.send('sync', { room_id: 'r', frame_num: 9, timestamp: 0, players: [{ player_id: 'bob', position: { x: 5, y: 6, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, health: 40, score: 2, last_input_seq: 0 }, { player_id: 'ghost', position: { x: 0, y: 0, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, health: 1, score: 0, last_input_seq: 0 }] }, { room_id: 'r' });
      server.send('player_left', { room_id: 'r', player_id: 'bob', reason: 'left', entity_id: 1, client_id: 'b' }, { room_id: 'r', offset: 1 });
      await left;
      // The join's snapshot (delivered after the join resolved), the sync, the leave; each hands over the live state.
      expect(states).toHaveLength(3);
      expect(states.at(-1)).toBe(1);
      expect(room.state.frameNum).toBe(9);
      expect([...room.state.players.keys()]).toEqual(['me']); // a sync never adds a member (no ghost)
    });

    it('should apply a sync to the members it names', async () => {
      const room = await joinAnswered('r', { players: [roomPlayer('me', 'me'), roomPlayer('bob', 'b')] });
      const synced = nextEvent(room, 'sync');
      server.send('sync', { room_id: 'r', frame_num: 2, timestamp: 0, players: [{ player_id: 'bob', position: { x: 5, y: 6, z: 0 }, velocity: { x: 1, y: 0, z: 0 }, health: 40, score: 2, last_input_seq: 7 }] }, { room_id: 'r' });
      await synced;
      expect(room.state.players.get('bob')).toEqual(expect.objectContaining({ nickname: 'BOB', position: { x: 5, y: 6, z: 0 }, health: 40, score: 2, last_input_seq: 7 }));
    });
  });

  describe('send', () => {
    it('should send a game_action with an id and resolve with its ack', async () => {
      const room = await joinAnswered();
      const sent = room.send('move', { position: { x: 1, y: 2, z: 0 }, input_seq: 4 });
      const action = await server.next('game_action');
      expect(action.payload).toEqual({ room_id: 'r', action: 'move', position: { x: 1, y: 2, z: 0 }, input_seq: 4 });
      server.ack(action.id!);
      await expect(sent).resolves.toEqual({ id: action.id });
    });

    it("should reject with the server's error for the action", async () => {
      const room = await joinAnswered();
      const sent = room.send('fly');
      server.error('INVALID_PAYLOAD', await server.next('game_action'));
      await expect(sent).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', refType: 'game_action' }));
    });

    it('should reject with TIMEOUT and stop re-sending when no answer comes in time', async () => {
      const room = await joinAnswered();
      await expect(room.send('move', {}, { timeoutMs: 30 })).rejects.toEqual(expect.objectContaining({ code: 'TIMEOUT' }));
    });

    it('should report a refusal that comes after the ack (the rules refused it at the tick) as the room error event', async () => {
      const room = await joinAnswered();
      const sent = room.send('attack', { target_id: 9 });
      const action = await server.next('game_action');
      server.ack(action.id!);
      await sent;
      const refused = nextEvent(room, 'error');
      server.error('INVALID_PAYLOAD', action, 'no such target');
      expect(await refused).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', refId: action.id, message: 'no such target' }));
    });

    it('should send an input without id or ack with sendInput', async () => {
      const room = await joinAnswered();
      expect(room.sendInput('move', { position: { x: 1, y: 1, z: 0 } })).toBe(true);
      const action = await server.next('game_action');
      expect(action.id).toBeUndefined();
    });
  });

  describe('chat and leave', () => {
    it('should resolve chat on its ack and deliver it as a room chat event', async () => {
      const room = await joinAnswered();
      const heard = nextEvent(room, 'chat');
      const said = room.chat('gg');
      const chat = await server.next('chat');
      expect(chat.payload).toEqual({ room_id: 'r', text: 'gg' });
      server.send('chat', { room_id: 'r', text: 'gg', from_client_id: 'me', player_id: 'me' }, { room_id: 'r', offset: 1 });
      server.ack(chat.id!);
      await said;
      expect(await heard).toEqual(expect.objectContaining({ text: 'gg', player_id: 'me', offset: 1 }));
    });

    it('should leave: resolve on the ack, emit leave (left) and forget the room', async () => {
      const room = await joinAnswered();
      const gone = nextEvent(room, 'leave');
      const leaving = room.leave();
      server.ack((await server.next('leave_room')).id!);
      await leaving;
      expect(await gone).toEqual({ reason: 'left' });
      expect(room.joined).toBe(false);
      expect(client.rooms.size).toBe(0);
    });

    it('should end the room with the reason when a player_left names this client (kicked)', async () => {
      const room = await joinAnswered();
      const gone = nextEvent(room, 'leave');
      server.send('player_left', { room_id: 'r', player_id: 'me', reason: 'kicked', entity_id: 1, client_id: 'me' }, { room_id: 'r', offset: 1 });
      expect(await gone).toEqual({ reason: 'kicked' });
    });
  });

  describe('when the connection ends', () => {
    it('should reject pending requests with CONNECTION_CLOSED and end rooms with reason closed on close()', async () => {
      const room = await joinAnswered();
      const gone = nextEvent(room, 'leave');
      const sent = room.send('move');
      await server.next('game_action');
      client.close();
      await expect(sent).rejects.toEqual(expect.objectContaining({ code: 'CONNECTION_CLOSED' }));
      expect(await gone).toEqual({ reason: 'closed' });
    });

    it('should re-send an unanswered request after a resume, with the same id, and resolve it then', async () => {
      const room = await joinAnswered();
      const sent = room.send('move', { input_seq: 1 });
      const first = await server.next('game_action');
      server.ws.terminate();
      const again = await gateway.connection(1);
      const resume = await again.next('resume');
      expect(resume.payload).toEqual(expect.objectContaining({ session_id: 's-me', rooms: { r: 0 } }));
      again.send('room_joined', { room_id: 'r', players: [roomPlayer('me', 'me')], frame_num: 2, offset: 0, epoch: 'e1', recovered: true }, { room_id: 'r' });
      const resumed = nextEvent(room, 'resumed');
      again.welcome('me');
      expect(await resumed).toEqual({ recovered: true });
      const resent = await again.next('game_action');
      expect(resent.id).toBe(first.id);
      again.ack(resent.id!, true);
      await expect(sent).resolves.toEqual({ id: first.id, duplicate: true });
    });
  });
});
