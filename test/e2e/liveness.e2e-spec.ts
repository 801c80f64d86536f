import WebSocket from 'ws';
import { ConnectionSweeper } from '../../src/connection';
import { HeartbeatService } from '../../src/heartbeat';
import { useGateway } from '../support/gateway';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { TestClient } from '../support/test-client';

/** Resolves after the client has received `count` protocol pings from the server. */
function pings(client: TestClient, count: number, onPing: () => void = () => {}): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const listener = () => {
      onPing();
      if (++seen < count) return;
      client.socket.off('ping', listener);
      resolve();
    };
    client.socket.on('ping', listener);
  });
}

/** The busy clients below send as fast as round trips allow: not what these suites test. */
const NO_RATE_LIMIT = { RATE_LIMIT_PER_SEC: '1000000', RATE_LIMIT_BURST: '1000000' };

/** Keeps sending round trips until `until` settles; returns how many completed. */
async function stayBusy(client: TestClient, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  let rounds = 0;
  while (!done && client.socket.readyState === WebSocket.OPEN) {
    await Promise.race([client.barrier(), until]);
    rounds += 1;
  }
  return rounds;
}

describe('liveness: heartbeat, idle and lifetime closes', () => {
  describe('heartbeat', () => {
    const gateway = useGateway({ HEARTBEAT_INTERVAL_MS: '200', HEARTBEAT_TIMEOUT_MS: '1500' });

    it('should close a client that never answers protocol pings with 4000 and count it', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl, { ws: { autoPong: false } });
      const before = gateway.app.get(HeartbeatService).timeouts;
      expect((await client.closed).code).toBe(4000);
      expect(gateway.app.get(HeartbeatService).timeouts).toBeGreaterThan(before);
    });

    it('should keep a client that answers protocol pings open well past the timeout', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      await pings(client, 12); // 12 × 200 ms > HEARTBEAT_TIMEOUT_MS
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      await client.barrier();
      await client.close();
    });

    it('should count app-level pong frames as liveness (browsers cannot answer protocol pings)', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl, { ws: { autoPong: false } });
      await pings(client, 12, () => client.send('pong', { t: Date.now() }));
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      await client.barrier();
      await client.close();
    });
  });

  describe('idle', () => {
    const gateway = useGateway({ ...NO_RATE_LIMIT, MAX_IDLE_MS: '1500' });

    it('should close a client that sends nothing with 4001 while a chatty one stays open', async () => {
      const silent = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
      const chatty = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
      const rounds = stayBusy(chatty, silent.closed);
      expect((await silent.closed).code).toBe(4001);
      expect(await rounds).toBeGreaterThan(0);
      expect(chatty.socket.readyState).toBe(WebSocket.OPEN);
      expect(gateway.app.get(ConnectionSweeper).idleCloses).toBe(1);
      expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_closes_total', { code: '4001' })).toBe(1);
      await chatty.close();
    });
  });

  describe('lifetime', () => {
    const gateway = useGateway({ ...NO_RATE_LIMIT, MAX_LIFETIME_MS: '1000', MAX_IDLE_MS: '600000' });

    it('should close even a busy client with 4002 once its lifetime is over, and count it', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      const connectedAt = Date.now();
      expect(await stayBusy(client, client.closed)).toBeGreaterThan(0);
      expect((await client.closed).code).toBe(4002);
      // Up to 10% early (jitter against reconnect storms), never before that.
      expect(Date.now() - connectedAt).toBeGreaterThanOrEqual(900 - 50);
      expect(sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_closes_total', { code: '4002' })).toBe(1);
    });
  });

  describe('message size', () => {
    const gateway = useGateway({ MAX_MESSAGE_BYTES: '1024' });

    it('should accept a frame of exactly MAX_MESSAGE_BYTES', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      const frame = JSON.stringify({ type: 'ping', payload: { t: 1 }, pad: '' });
      const padded = frame.replace('"pad":""', `"pad":"${'x'.repeat(1024 - frame.length)}"`);
      expect(Buffer.byteLength(padded)).toBe(1024);
      client.sendRaw(padded);
      expect((await client.next('pong', (f) => f.payload.t === 1)).payload.t).toBe(1);
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      await client.close();
    });

    it('should close a client that sends a larger frame with 1009, and keep serving others', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      client.sendRaw(JSON.stringify({ type: 'chat', payload: { text: 'x'.repeat(2048) } }));
      expect((await client.closed).code).toBe(1009);

      const other = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
      other.send('join_room', { room_id: 'after-oversize' });
      await other.next('room_joined');
      await other.barrier();
      expect((await fetch(`${gateway.httpUrl}/health`)).status).toBe(200);
      await other.close();
    });
  });
});

