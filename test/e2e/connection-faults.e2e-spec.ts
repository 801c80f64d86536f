import { Logger } from '@nestjs/common';
import { WebSocket } from 'ws';
import { GameClient } from '../../client/src';
import { ConnectionPool } from '../../src/connection';
import { CloseCode } from '../../src/protocol';
import { type RunningGateway, startGateway } from '../support/gateway';
import { TestClient } from '../support/test-client';

/**
 * A bug in the connection path (here: a module's `onRegister` listener that throws) costs the
 * connection it hit, closed with 1011, not the process and every other connection on it.
 */
describe('a failure while setting up a connection', () => {
  let gateway: RunningGateway;
  let failNext = false;

  beforeAll(async () => {
    gateway = await startGateway();
    gateway.app.get(ConnectionPool).onRegister(() => {
      if (!failNext) return;
      failNext = false;
      throw new Error('a connection hook failed');
    });
  });
  afterAll(async () => gateway.close());
  // The failure is logged as an error on purpose: asserted, not printed.
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());

  it('should close that connection with 1011 and go on serving the others', async () => {
    const member = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
    member.send('join_room', { room_id: 'faults' });
    await member.next('room_joined');

    failNext = true;
    // It sends a join the moment the socket opens: frames that arrive while it closes reach nothing.
    const hit = new WebSocket(gateway.wsUrl, 'game.v1.json');
    const frames: string[] = [];
    hit.on('message', (data) => frames.push(String(data)));
    hit.on('open', () => hit.send(JSON.stringify({ type: 'join_room', payload: { room_id: 'faults' }, timestamp: Date.now() })));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => hit.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    expect(closed).toEqual({ code: CloseCode.InternalError, reason: 'the gateway could not set up this connection' });
    expect(frames).toEqual([]); // no welcome, no answer to its join
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('a connection hook failed'), expect.any(String));
    expect([...gateway.app.get(ConnectionPool).values()]).toHaveLength(1); // the member alone

    // The process lives on: the member's connection still answers, and a newcomer joins beside it;
    // the hit socket's join seated no one.
    await member.barrier();
    expect(member.received('player_joined')).toHaveLength(0);
    const { client: next, clientId } = await TestClient.connectWelcomed(gateway.wsUrl);
    next.send('join_room', { room_id: 'faults' });
    await next.next('room_joined');
    expect((await member.next('player_joined')).payload.player_id).toBe(clientId);
    await Promise.all([member.close(), next.close()]);
  });

  it('should be retried by the SDK: a reconnect refused with 1011 is followed by another, which resumes', async () => {
    const client = new GameClient(gateway.wsUrl, { reconnect: { baseMs: 20, capMs: 100 } });
    try {
      await client.connect();
      const clientId = client.clientId;
      const codes: number[] = [];
      client.on('reconnecting', ({ code }) => codes.push(code));
      const resumed = new Promise<{ client_id: string }>((resolve) => client.on('resumed', resolve));
      failNext = true; // the SDK's first reconnect hits the failure
      const pool = gateway.app.get(ConnectionPool);
      pool.close(pool.get(clientId!)!, CloseCode.HeartbeatTimeout, 'test: come back');
      expect((await resumed).client_id).toBe(clientId);
      expect(codes).toEqual([CloseCode.HeartbeatTimeout, CloseCode.InternalError]);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      client.close();
    }
  });
});
