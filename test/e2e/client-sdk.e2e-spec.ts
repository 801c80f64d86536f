import WebSocket from 'ws';
import { type ClientCodec, GameClient } from '../../client/src';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import { ConnectionPool } from '../../src/connection';
import { type RunningGateway, startGateway } from '../support/gateway';
import { expectExactlyOnceInRoomOrder, runChatChaos, trackedWebSocket, until } from '../support/sdk-chaos';

const CODECS: [string, () => ClientCodec | undefined][] = [
  ['json', () => undefined],
  ['protobuf', () => new ProtobufCodec()],
];

describe.each(CODECS)('client SDK over real sockets (%s)', (_name, makeCodec) => {
  let gateway: RunningGateway;
  const clients: GameClient[] = [];
  const connect = async (sockets: WebSocket[] = []) => {
    const client = new GameClient(gateway.wsUrl, {
      codec: makeCodec(),
      WebSocket: trackedWebSocket(sockets),
      reconnect: { baseMs: 20, capMs: 200 },
    });
    clients.push(client);
    await client.connect();
    return client;
  };
  const join = async (client: GameClient, roomId: string) => {
    let joined = false;
    const off = client.on('room_joined', (frame) => (joined ||= frame.payload.room_id === roomId));
    client.joinRoom(roomId);
    await until(client, 'room_joined', () => joined);
    off();
  };
  const serverSideKill = (client: GameClient) => gateway.app.get(ConnectionPool).get(client.clientId!)?.socket.terminate();

  beforeAll(async () => {
    // The chaos run chats as fast as it can: delivery is under test, not the room's chat rate.
    gateway = await startGateway({ RESUME_GRACE_MS: '30000', ROOM_CHAT_RATE_PER_SEC: '100000', ROOM_CHAT_BURST: '1000000' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => gateway.close());

  // Rooms named like object properties too (issue 13, item 12). Deliberate break this caught: the
  // SDK's resume built `rooms` by assignment, so `rooms["__proto__"] = offset` set the object's
  // prototype instead and sent no offset: recovered false and the missed chat never came.
  it.each(['sdk-resume', '__proto__', 'constructor'])('should resume after a server-side drop in room "%s": same client id, missed chat once, no reconnect noise for the others', async (name) => {
    const room = name === 'sdk-resume' ? `sdk-resume-${_name}` : name;
    const a = await connect();
    const b = await connect();
    await join(a, room);
    await join(b, room);
    const aChats: string[] = [];
    const bLeft: unknown[] = [];
    a.on('chat', (frame) => aChats.push(frame.payload.text));
    b.on('player_left', (frame) => bLeft.push(frame));
    const idBefore = a.clientId;
    let resumed: { client_id: string; rooms: Record<string, boolean> } | undefined;
    a.on('resumed', (event) => (resumed = event));
    const reconnecting = new Promise((resolve) => a.on('reconnecting', resolve));

    serverSideKill(a);
    await reconnecting;
    b.chat('missed?', { roomId: room });
    await until(a, 'resumed', () => resumed !== undefined);
    await until(a, 'chat', () => aChats.includes('missed?'));
    a.chat('still here', { roomId: room });
    let bGot = false;
    b.on('chat', (frame) => (bGot ||= frame.payload.text === 'still here'));
    await until(b, 'chat', () => bGot);

    expect(resumed).toEqual({ client_id: idBefore, rooms: { [room]: true } });
    expect(aChats.filter((text) => text === 'missed?')).toHaveLength(1);
    expect(bLeft).toHaveLength(0);
  });

  // Issue #16 bug 1: the README's example sent `move` right after `joinRoom` and the move was
  // refused with NOT_IN_ROOM in 6 of 15 runs (JSON) and 13 of 15 (protobuf): the join waits for
  // its de-duplication claim, the action does not. The same loop with `joinRoom` + an immediate
  // `sendGameAction` got NOT_IN_ROOM errors here before the awaited join existed.
  it('should never refuse the first move after an awaited join (the README example), 15 runs', async () => {
    const errors: string[] = [];
    for (let run = 0; run < 15; run++) {
      const client = await connect();
      client.on('error', (frame) => errors.push(frame.payload.code));
      const room = await client.join(`first-move-${_name}-${run}`, { nickname: 'ada' });
      const synced = new Promise<void>((resolve) => room.on('sync', () => room.me?.last_input_seq === 1 && resolve()));
      await expect(room.send('move', { position: { x: 1, y: 2, z: 0 }, input_seq: 1 })).resolves.toEqual(expect.objectContaining({ id: expect.any(String) }));
      await synced;
      expect(room.me?.position).toEqual({ x: 1, y: 2, z: 0 });
    }
    expect(errors).toEqual([]);
  });

  it('should join, chat, act and leave through the promise API, with the state following the room', async () => {
    const room = `promise-${_name}`;
    const a = await connect();
    const b = await connect();
    const roomA = await a.join(room, { nickname: 'Ada' });
    const bobArrives = new Promise<void>((resolve) => roomA.on('player_joined', (event) => event.nickname === 'Bob' && resolve()));
    const roomB = await b.join(room, { nickname: 'Bob' });
    await bobArrives;
    expect([...roomB.state.players.values()].map((p) => p.nickname).sort()).toEqual(['Ada', 'Bob']);
    expect([...roomA.state.players.values()].map((p) => p.nickname).sort()).toEqual(['Ada', 'Bob']);

    const heard = new Promise<string>((resolve) => roomA.on('chat', (m) => resolve(`${m.player_id === roomB.me!.player_id}:${m.text}`)));
    await roomB.chat('hello');
    expect(await heard).toBe('true:hello');

    const moved = new Promise<void>((resolve) => roomA.on('state', (state) => state.players.get(roomB.me!.player_id)?.position.x === 4 && resolve()));
    await roomB.send('move', { position: { x: 4, y: 0, z: 0 } });
    await moved;

    const bobLeaves = new Promise<string>((resolve) => roomA.on('player_left', (event) => resolve(event.reason)));
    await roomB.leave();
    expect(await bobLeaves).toBe('left');
    expect(b.rooms.size).toBe(0);
    expect([...roomA.state.players.values()].map((p) => p.nickname)).toEqual(['Ada']);
  });

  it("should reject a refused request with the server's error code, and report a refusal by the rules as the room's error", async () => {
    const a = await connect();
    const room = await a.join(`refusals-${_name}`);
    await expect(room.send('move', { position: { x: 2e9, y: 0, z: 0 } })).rejects.toEqual(
      expect.objectContaining({ name: 'GatewayError', code: 'INVALID_PAYLOAD' }),
    );
    // An action the kind's table does not know is refused at once, before anything is queued.
    await expect(room.send('fly')).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('unknown action "fly"') }));
    const refused = new Promise<{ code: string; refId?: string }>((resolve) => room.on('error', resolve));
    const ack = await room.send('attack', { target_id: room.me!.entity_id }); // queued (ack), refused by the arena's rules at the tick
    expect(await refused).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', refId: ack.id }));
    await expect(a.join('bad room id!')).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
  });

  it('should measure the round trip and the server clock with ping()', async () => {
    const a = await connect();
    const { rttMs, offsetMs } = await a.ping();
    expect(rttMs).toBeGreaterThanOrEqual(0);
    // Same machine, same clock: the estimate is within the round trip (plus a millisecond of rounding).
    expect(Math.abs(offsetMs)).toBeLessThanOrEqual(rttMs + 1);
  });

  it('should not reconnect after close()', async () => {
    const a = await connect();
    const events: string[] = [];
    a.on('reconnecting', () => events.push('reconnecting'));
    const closed = new Promise<{ code: number }>((resolve) => a.on('closed', resolve));
    a.close();
    expect((await closed).code).toBe(1000);
    expect(events).toEqual([]);
    expect(a.connectionState).toBe('closed');
  });

  it('should give every client every message exactly once, in room order, while sockets die at random', async () => {
    const room = `chaos-${_name}`;
    const CLIENTS = 4;
    const MESSAGES_EACH = 30;
    const sockets: WebSocket[][] = [];
    const members: GameClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      sockets.push([]);
      members.push(await connect(sockets[i]));
      await join(members[i], room);
    }
    const run = await runChatChaos({
      members,
      sockets,
      room,
      messagesEach: MESSAGES_EACH,
      seed: _name === 'json' ? 7 : 11,
      serverKill: serverSideKill,
    });
    expectExactlyOnceInRoomOrder(run, MESSAGES_EACH);
  });
});
