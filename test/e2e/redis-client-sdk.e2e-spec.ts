import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { GameClient, type WebSocketConstructor } from '../../client/src';
import { ConnectionPool } from '../../src/connection';
import { useGatewayPair } from '../support/gateway-pair';
import { startRoundRobinProxy } from '../support/round-robin-proxy';
import { expectExactlyOnceInRoomOrder, runChatChaos, until } from '../support/sdk-chaos';

/**
 * The SDK's chaos test over two instances: every connection attempt goes through a round-robin
 * proxy to the next instance, so resumes land on either instance, mostly not the one the socket was on.
 */
describe('client SDK over two instances bridged by Redis', () => {
  let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;
  const clients: GameClient[] = [];
  // Before the pair's: clients and proxy close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(async () => {
    for (const client of clients) client.close();
    await proxy?.close();
  });
  const env = { RESUME_TOKEN_SECRET: 'sdk-chaos-e2e-secret-0123456789abcdef', RESUME_GRACE_MS: '30000', ROOM_CHAT_RATE_PER_SEC: '100000', ROOM_CHAT_BURST: '1000000' };
  const { gateways } = useGatewayPair('standalone', env);
  beforeAll(async () => {
    proxy = await startRoundRobinProxy(gateways.map((gw) => gw.port));
  });

  const serverSideKill = (client: GameClient) => {
    for (const gw of gateways) gw.app.get(ConnectionPool).get(client.clientId!)?.socket.terminate();
  };

  it('should give every client every message exactly once, in room order, while sockets die and resume on whichever instance the proxy picks next', async () => {
    const room = 'chaos-bridged';
    const CLIENTS = 4;
    const MESSAGES_EACH = 25;
    const sockets: WebSocket[][] = [];
    const members: GameClient[] = [];
    /**
     * The gateway port a member's latest socket reached through the proxy, read when it opened (a
     * socket may be cut before anyone asks). Never throws: it runs inside the SDK's event handler.
     */
    const upstreamOfSocket = new WeakMap<WebSocket, number | undefined>();
    const instanceOf = (i: number) => {
      const socket = sockets[i].at(-1);
      return socket && upstreamOfSocket.get(socket);
    };
    const recordUpstream = (socket: WebSocket) =>
      socket.once('open', () => {
        const port = (socket as unknown as { _socket?: Socket })._socket?.localPort;
        upstreamOfSocket.set(socket, port === undefined ? undefined : proxy.upstreamOf(port));
      });
    let crossedResumes = 0;
    for (let i = 0; i < CLIENTS; i++) {
      sockets.push([]);
      const list = sockets[i];
      const Recording = class extends WebSocket {
        constructor(url: string, protocols?: string[]) {
          super(url, protocols);
          list.push(this);
          recordUpstream(this);
        }
      } as unknown as WebSocketConstructor;
      const client = new GameClient(proxy.wsUrl, { WebSocket: Recording, reconnect: { baseMs: 20, capMs: 200 } });
      clients.push(client);
      members.push(client);
      await client.connect();
      let joined = false;
      client.on('room_joined', (frame) => (joined ||= frame.payload.room_id === room));
      client.joinRoom(room);
      await until(client, 'room_joined', () => joined);
      let at = instanceOf(i);
      client.on('resumed', () => {
        const now = instanceOf(i);
        if (now !== undefined && at !== undefined && now !== at) crossedResumes += 1;
        at = now;
      });
    }
    const run = await runChatChaos({ members, sockets, room, messagesEach: MESSAGES_EACH, seed: 23, serverKill: serverSideKill, timeoutMs: 60000 });
    expectExactlyOnceInRoomOrder(run, MESSAGES_EACH);
    // Resumes really crossed instances: the new socket reached the other gateway than the old one
    // (8 of 14 in a run; a proxy to one gateway only makes this fail).
    expect(crossedResumes).toBeGreaterThan(0);
    expect(run.resumes).toBeGreaterThanOrEqual(crossedResumes);
  }, 120000);
});
