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
    gateway = await startGateway({ RESUME_GRACE_MS: '30000' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => gateway.close());

  it('should resume after a server-side drop: same client id, missed chat once, no reconnect noise for the others', async () => {
    const room = `sdk-resume-${_name}`;
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
