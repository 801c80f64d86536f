import { type RunningGateway, startGateway } from '../support/gateway';
import { eventually, redisCli, RedisServer } from '../support/redis';
import { TestClient } from '../support/test-client';

/**
 * A resume that reaches an instance while its session store (Redis) is out of reach (Redis
 * restarting, or an instance that just started and is not connected yet) is answered with a
 * retryable INTERNAL that says the session is kept, not RESUME_FAILED (the client would give the
 * session up) and not an unexpected error; once Redis is back the same session resumes. Deliberate
 * break tried: without ResumeService's store guard the answer was a bare "internal error" with an
 * error stack in the log, and nothing told the client the session was still there.
 */
describe('resume while the session store is out of reach', () => {
  let redis: RedisServer;
  let gw: RunningGateway;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    // Append-only with an fsync per write: the parked session survives the kill of Redis.
    redis = await RedisServer.start(['--appendonly', 'yes', '--appendfsync', 'always']);
    gw = await startGateway({ REDIS_URL: redis.url, RESUME_GRACE_MS: '60000' });
  }, 30000);
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await gw?.close();
    await redis?.close();
  }, 30000);

  const ready = async () => (await fetch(`${gw.httpUrl}/ready`)).status === 200;

  it('should answer INTERNAL with the session kept while Redis is down, then resume that session once it is back', async () => {
    await eventually(ready, 'the instance ready', 20000);
    const { client, welcome } = await TestClient.connectWelcomed(gw.wsUrl);
    clients.push(client);
    client.send('join_room', { room_id: 'outage', user_id: 'ann' });
    await client.next('room_joined');
    const { session_id, resume_token, client_id } = welcome.payload;
    client.socket.terminate();
    await eventually(async () => (await redisCli(redis.port, 'KEYS', `*${session_id}*`)).length > 0, 'the session parked in Redis');

    await redis.stop();
    const early = await TestClient.connect(gw.wsUrl);
    clients.push(early);
    early.send('resume', { session_id, resume_token, rooms: { outage: 0 } });
    const refused = await early.next('error', (f) => f.payload.ref_type === 'resume');
    expect(refused.payload.code).toBe('INTERNAL');
    expect(refused.payload.message).toMatch(/session store could not be reached; the session is kept/);

    await redis.restart();
    await eventually(ready, 'the instance ready again', 20000);
    const back = await TestClient.connect(gw.wsUrl);
    clients.push(back);
    back.send('resume', { session_id, resume_token, rooms: { outage: 0 } });
    const joined = await back.next('room_joined', (f) => f.payload.room_id === 'outage', 10000);
    expect(joined.payload.recovered).toBe(true);
    await back.next('welcome', (f) => f.payload.client_id === client_id, 10000);
  }, 60000);
});
