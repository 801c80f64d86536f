import { RateLimiter } from '../../src/connection';
import { useGateway } from '../support/gateway';
import { TestClient } from '../support/test-client';
import { refusedUpgradeStatus } from '../support/upgrade';

describe('limits and abuse', () => {
  describe('rate limit', () => {
    const gateway = useGateway({
        RATE_LIMIT_PER_SEC: '20',
        RATE_LIMIT_BURST: '10',
        RATE_LIMIT_ABUSE_COUNT: '30',
        RATE_LIMIT_ABUSE_WINDOW_MS: '60000',
      });

    it('should answer frames past the burst with RATE_LIMITED, drop them, and close sustained abuse with 1008', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      for (let t = 0; t < 100; t++) client.send('ping', { t });
      const { code } = await client.closed;
      expect(code).toBe(1008);
      const pongs = client.received('pong').length;
      const limited = client.received('error').filter((f) => f.payload.code === 'RATE_LIMITED').length;
      // The burst passes (plus what refilled meanwhile at 20/s); the rest never reached a handler.
      expect(pongs).toBeGreaterThanOrEqual(10);
      expect(pongs).toBeLessThan(100 - 29);
      expect(limited).toBeGreaterThanOrEqual(29);
      expect(gateway.app.get(RateLimiter).limitedFrames).toBeGreaterThanOrEqual(30);
    });

    it('should not limit a client that stays within its burst', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      for (let t = 0; t < 9; t++) client.send('ping', { t });
      for (let t = 0; t < 9; t++) await client.next('pong', (f) => f.payload.t === t);
      expect(client.received('pong')).toHaveLength(9);
      expect(client.received('error')).toHaveLength(0);
      await client.close();
    });
  });

  describe('rooms per connection', () => {
    const gateway = useGateway({ MAX_ROOMS_PER_CONNECTION: '2' });

    it('should refuse a join past MAX_ROOMS_PER_CONNECTION with INVALID_PAYLOAD until a room is left', async () => {
      const { client } = await TestClient.connectWelcomed(gateway.wsUrl);
      for (const room of ['r1', 'r2']) {
        client.send('join_room', { room_id: room });
        await client.next('room_joined', (f) => f.payload.room_id === room);
      }
      client.send('join_room', { room_id: 'r3' });
      expect((await client.next('error')).payload).toEqual(
        expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_type: 'join_room' }),
      );
      client.send('join_room', { room_id: 'r1' }); // already a member: not a new room
      expect((await client.next('room_joined', (f) => f.payload.room_id === 'r1')).payload.room_id).toBe('r1');
      client.send('leave_room', { room_id: 'r1' });
      client.send('join_room', { room_id: 'r3' });
      expect((await client.next('room_joined', (f) => f.payload.room_id === 'r3')).payload.room_id).toBe('r3');
      expect(client.received('error')).toHaveLength(1); // only the refused r3
      await client.close();
    });
  });

  describe('connections per address', () => {
    const gateway = useGateway({ MAX_CONNECTIONS_PER_IP: '2' });

    it('should refuse the upgrade past MAX_CONNECTIONS_PER_IP with 429, and accept again once one closed', async () => {
      const a = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
      const b = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
      expect(await refusedUpgradeStatus(gateway.wsUrl)).toBe(429);
      await a.close();
      // The server forgets `a` when its side of the close completes: retry until it has.
      let c: TestClient | undefined;
      for (let attempt = 0; attempt < 50 && !c; attempt++) {
        c = await TestClient.connectWelcomed(gateway.wsUrl).then(
          ({ client }) => client,
          () => undefined,
        );
      }
      expect(c).toBeDefined();
      await b.close();
      await c?.close();
    });
  });

  describe('allowed origins', () => {
    const gateway = useGateway({ ALLOWED_ORIGINS: 'https://game.example.com, http://localhost:3000' });

    it('should refuse a browser from another origin with 403', async () => {
      expect(await refusedUpgradeStatus(gateway.wsUrl, [], { origin: 'https://evil.example.com' })).toBe(403);
    });

    // Accepted means upgraded and welcomed: connectWelcomed rejects on a refused upgrade.
    it.each(['https://game.example.com', 'http://localhost:3000'])('should accept origin %s', async (origin) => {
      const { client, clientId } = await TestClient.connectWelcomed(gateway.wsUrl, { headers: { Origin: origin } });
      expect(clientId).toEqual(expect.any(String));
      await client.close();
    });

    it('should accept a client that sends no Origin (not a browser)', async () => {
      const { client, clientId } = await TestClient.connectWelcomed(gateway.wsUrl);
      expect(clientId).toEqual(expect.any(String));
      await client.close();
    });
  });
});
