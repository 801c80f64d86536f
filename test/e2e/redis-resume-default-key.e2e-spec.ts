import { RESUME_KEYS, type RedisResumeKeys } from '../../src/session';
import { type RunningGateway, startGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { TestClient, useClients } from '../support/test-client';

/**
 * Cross-instance resume with the defaults (issue 13, item 10): REDIS_URL set and no
 * RESUME_TOKEN_SECRET. Before, each process signed resume tokens with its own random key, so a
 * resume reaching another instance failed and the player lost its seat for the grace period.
 * Now the instances share one key through Redis (created by the first one, SET NX).
 */
describe('resume across instances without RESUME_TOKEN_SECRET', () => {
  const { redis, gateways: [gw1, gw2] } = useGatewayPair('standalone', { RESUME_GRACE_MS: '60000' });
  const { track } = useClients(() => gw1.wsUrl);

  async function dropAndResume(from: RunningGateway, to: RunningGateway, room: string) {
    const { client, welcome } = await TestClient.connectWelcomed(from.wsUrl);
    track(client);
    client.send('join_room', { room_id: room, user_id: `p-${room}` });
    const joined = await client.next('room_joined', () => true, 10000);
    client.socket.terminate();
    const again = track(await TestClient.connect(to.wsUrl));
    const { session_id, resume_token } = welcome.payload;
    again.send('resume', { session_id, resume_token, rooms: { [room]: joined.payload.offset } });
    const resumed = await Promise.race([
      again.next('welcome', (w) => w.payload.session_id === session_id, 10000).then((w) => ({ welcome: w.payload })),
      again.next('error', () => true, 10000).then((e) => ({ error: e.payload })),
    ]);
    return { resumed, welcome, again };
  }

  it('should resume on the other instance: same client id and session, seat kept', async () => {
    const { resumed, welcome, again } = await dropAndResume(gw1, gw2, 'shared-key-a');
    expect(resumed).toEqual({ welcome: expect.objectContaining({ client_id: welcome.payload.client_id, session_id: welcome.payload.session_id }) });
    expect(again.received('room_joined').map((f) => f.payload.recovered)).toEqual([true]);
  });

  it('should keep resuming across instances after Redis lost its data, once the instances synced their keys', async () => {
    const keysOf = (gw: RunningGateway) => gw.app.get<RedisResumeKeys>(RESUME_KEYS);
    const { client: early, welcome: earlyWelcome } = await TestClient.connectWelcomed(gw1.wsUrl); // signed with the old key
    track(early);
    await redis.cli('FLUSHALL');
    // A new instance started before the others re-assert the old key stores a key of its own.
    const gw3 = await startGateway({ REDIS_URL: redis.url, RESUME_GRACE_MS: '60000' });
    try {
      // The syncs run every few seconds on their own; here the test runs them (every instance, then again).
      for (const gw of [gw1, gw2, gw3, gw1, gw2, gw3]) await keysOf(gw).sync();
      expect(keysOf(gw1).signing.equals(keysOf(gw3).signing)).toBe(true);
      // Old-key token, new instance: accepted, the old key is listed in Redis.
      early.socket.terminate();
      const late = track(await TestClient.connect(gw3.wsUrl));
      late.send('resume', { session_id: earlyWelcome.payload.session_id, resume_token: earlyWelcome.payload.resume_token });
      await late.next('welcome', (w) => w.payload.session_id === earlyWelcome.payload.session_id, 10000);
      // New-key tokens, old instances.
      const after = await dropAndResume(gw3, gw2, 'shared-key-c');
      expect(after.resumed).toEqual({ welcome: expect.objectContaining({ client_id: after.welcome.payload.client_id }) });
    } finally {
      await gw3.close();
    }
  });
});
