import { appendFileSync } from 'node:fs';
import { type RunningGateway, startGateway, untilReady } from '../support/gateway';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process';
import { eventually, type RedisServer, startRedis } from '../support/redis';
import { RoomRegistry } from '../../src/rooms';
import { sendUntilAcked } from '../support/send-until-acked';
import { TestClient } from '../support/test-client';

// A lease far longer than the test: the room can only move within it if the stopping owner hands
// it over (saves, releases, tells the members' instances), never by the lease's expiry (5 min),
// nor by the other instance's periodic lease pass (its first is at start-up, its next 100 s later).
const ROOM_LEASE_MS = 300000;
const TAKEOVER_WAIT_MS = 20000;
// No periodic snapshot after the room starts: only a snapshot taken at shutdown can carry the moves.
const ROOM_SNAPSHOT_INTERVAL_MS = 600000;

type Sync = { payload: { frame_num: number; players: { player_id: string; position: object; last_input_seq: number }[] } };

/**
 * A rolling restart: the instance running a room is stopped gracefully (SIGTERM) while members on
 * it and on another instance keep playing and chatting. The room must move at once, with the state
 * it had at shutdown, and every chat must arrive exactly once.
 */
describe('graceful shutdown of the instance running a room (handover)', () => {
  let redis: RedisServer;
  let owner: GatewayProcess;
  let other: RunningGateway;
  /** Bob's chat loop runs until the test stops it (or ends, passed or not). */
  let sending = false;
  const clients: TestClient[] = [];
  const connect = async (url: string) => {
    const welcomed = await TestClient.connectWelcomed(url);
    clients.push(welcomed.client);
    return welcomed;
  };

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      TICK_RATE: '20',
      ROOM_LEASE_MS: String(ROOM_LEASE_MS),
      ROOM_SNAPSHOT_INTERVAL_MS: String(ROOM_SNAPSHOT_INTERVAL_MS),
      ROOM_FORWARD_TIMEOUT_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '10000',
    };
    [owner, other] = await Promise.all([startGatewayProcess(env), startGateway(env)]);
    await untilReady([owner, other], 'both instances ready');
  }, 120000);
  afterAll(async () => {
    sending = false;
    await Promise.all(clients.map((client) => client.close()));
    await owner?.kill();
    await other?.close();
    await redis?.close();
  }, 30000);

  /** Resumes an old session on `url`, again while the answer is the retryable INTERNAL (the room is moving). */
  async function resume(url: string, old: { session_id: string; resume_token: string }, rooms: Record<string, number>): Promise<TestClient> {
    for (;;) {
      const client = await TestClient.connect(url);
      clients.push(client);
      client.send('resume', { ...old, rooms });
      const answer = await Promise.race([client.next('welcome', (f) => f.payload.session_id === old.session_id, 15000), client.next('error', undefined, 15000)]);
      if (answer.type === 'welcome') return client;
      expect(answer.payload).toEqual(expect.objectContaining({ code: 'INTERNAL' }));
      await client.close();
    }
  }

  const texts = (client: TestClient) => client.received('chat').map((f) => f.payload.text);
  const positionOf = (sync: Sync, player: string) => sync.payload.players.find((p) => p.player_id === player);

  it('should move the room to the other instance at once with its state at shutdown, every chat exactly once', async () => {
    const room = 'handover';
    const a = await connect(owner.wsUrl);
    a.client.send('join_room', { room_id: room, user_id: 'alice' });
    const aliceJoined = await a.client.next('room_joined', undefined, 10000);
    const b = await connect(other.wsUrl);
    b.client.send('join_room', { room_id: room, user_id: 'bob' });
    await b.client.next('room_joined', undefined, 10000);
    const c = await connect(other.wsUrl);
    c.client.send('join_room', { room_id: room, user_id: 'carol' });
    await c.client.next('room_joined', undefined, 10000);
    const registry = other.app.get(RoomRegistry);
    expect(registry.get(room)).toBeUndefined(); // run by the owner process

    // Bob chats without a pause, numbered, across the whole shutdown (each sent until acked).
    sending = true;
    let sent = 0;
    const chatting = (async () => {
      while (sending) {
        sent += 1;
        await sendUntilAcked(b.client, 'chat', { room_id: room, text: `n${sent}` }, `chat-${sent}`);
      }
    })();
    chatting.catch(() => (sending = false)); // awaited below; a failure there fails the test
    await eventually(() => sent > 3, 'a few chats before the shutdown', 10000, 10);

    // State that changed long after the last periodic snapshot: moves acked (queued) just before the stop.
    await sendUntilAcked(a.client, 'game_action', { room_id: room, action: 'move', position: { x: 1, y: 2, z: 0 }, input_seq: 7 }, 'move-a');
    await sendUntilAcked(b.client, 'game_action', { room_id: room, action: 'move', position: { x: 3, y: 4, z: 0 }, input_seq: 9 }, 'move-b');
    const stoppedAt = Date.now();
    owner.child.kill('SIGTERM');
    let exitedAt = 0;
    const exited = new Promise<number | null>((resolve) => owner.child.once('exit', (code) => ((exitedAt = Date.now()), resolve(code))));

    // Alice's socket gets 1012 (reconnect elsewhere); she comes back only after the room moved,
    // so that nothing but the handover can have moved it.
    expect((await a.client.closed).code).toBe(1012);
    await eventually(() => registry.get(room) !== undefined, 'the other instance to run the room', TAKEOVER_WAIT_MS, 10);
    const takenOverAt = Date.now();
    const lastOffset = Math.max(aliceJoined.offset ?? 0, ...a.client.received('chat').map((f) => f.offset ?? 0));
    const alice = await resume(other.wsUrl, a.welcome.payload, { [room]: lastOffset });
    const resumedAt = Date.now();

    // The state at shutdown, not rolled back: a frame of the new owner (it has carol's move, acked
    // by it) still has the moves acked just before the stop. Frame numbers never went back.
    await sendUntilAcked(c.client, 'game_action', { room_id: room, action: 'move', position: { x: 5, y: 6, z: 0 }, input_seq: 1 }, 'move-c');
    const after = (await c.client.next('sync', (f) => positionOf(f as Sync, 'carol')?.last_input_seq === 1, 10000)) as Sync;
    const firstSyncAt = Date.now();
    expect(positionOf(after, 'alice')).toEqual(expect.objectContaining({ position: { x: 1, y: 2, z: 0 }, last_input_seq: 7 }));
    expect(positionOf(after, 'bob')).toEqual(expect.objectContaining({ position: { x: 3, y: 4, z: 0 }, last_input_seq: 9 }));
    const frames = c.client.received('sync').map((f) => f.payload.frame_num);
    expect(frames).toEqual([...frames].sort((x, y) => x - y));

    // A few more chats in the moved room, then every member has every chat once, in order.
    const atTakeover = sent;
    await eventually(() => sent > atTakeover + 3, 'chats after the move', 20000, 10);
    sending = false;
    await chatting;
    const all = Array.from({ length: sent }, (_, i) => `n${i + 1}`);
    for (const member of [b.client, c.client, alice]) await member.next('chat', (f) => f.payload.text === `n${sent}`, 10000);
    expect(texts(b.client)).toEqual(all);
    expect(texts(c.client)).toEqual(all);
    // Alice: what she got before the stop, then the replay from her resume, then live; nothing twice.
    expect([...texts(a.client), ...texts(alice)]).toEqual(all);
    const offsets = c.client.received('chat').map((f) => f.offset!);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    expect(new Set(offsets).size).toBe(offsets.length);
    await c.client.barrier();
    expect(c.client.received('player_left')).toHaveLength(0);

    expect(await exited).toBe(0);
    // Measurements, not assertions (a noisy box): HANDOVER_TIMINGS_FILE=/tmp/t.jsonl npx jest redis-handover
    if (process.env.HANDOVER_TIMINGS_FILE) {
      const since = (at: number) => at - stoppedAt;
      const timings = { takeoverMs: since(takenOverAt), firstSyncMs: since(firstSyncAt), resumedMs: since(resumedAt), exitMs: since(exitedAt), chats: sent };
      appendFileSync(process.env.HANDOVER_TIMINGS_FILE, `${JSON.stringify(timings)}\n`);
    }
  }, 120000);
});
