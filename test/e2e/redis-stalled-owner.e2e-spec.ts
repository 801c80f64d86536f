import { INSTANCE_ID } from '../../src/common';
import { type RunningGateway, startGateway, untilReady } from '../support/gateway';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process';
import { eventually, redisCli, type RedisServer, startRedis } from '../support/redis';
import { sendUntilAcked } from '../support/send-until-acked';
import { TestClient } from '../support/test-client';

const ROOM_LEASE_MS = 600;
const ROOM_FORWARD_TIMEOUT_MS = 1000;
/** Pacing of each sender (a load, not a wait for anything): about 50 chats a second each. */
const PACE_MS = 20;

type Frame = { type: string; offset?: number; payload: { id?: string; ref_id?: string; code?: string; text?: string; room_id?: string; frame_num?: number } };

/**
 * The owner of a room is alive but stalled (SIGSTOP) for longer than its lease: an instance with
 * members in the room takes the lease and runs the room from Redis. When the old owner wakes it
 * must not act for the room any more (no ticks, no offsets, no acks) until its lease pass finds
 * the room lost and forwards to the new owner: every member gets every acknowledged chat exactly
 * once, all in one order, with offsets that never repeat or go back.
 *
 * Before the fence (the scaling run's finding 3) this failed: the woken owner published bob's
 * chat that had been forwarded to it during the stall (bob got no answer in time and sent it
 * again to the new owner), so every member got it twice with the same offset (19); and the old
 * owner's members, reseated in the new copy, never got the two chats published between the last
 * event they had and the new copy's snapshot. Deliberate breaks tried: `RoomFence.holds` answering
 * true whatever the deadline (the fence ignored) brings back the duplicate and the repeated
 * offset; the reseat without the replayed events loses alice's chat for her and carol.
 */
describe('a stalled room owner whose lease was taken while it slept', () => {
  let redis: RedisServer;
  let owner: GatewayProcess;
  let survivor: RunningGateway;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    const env = {
      REDIS_URL: redis.url,
      TICK_RATE: '20',
      ROOM_LEASE_MS: String(ROOM_LEASE_MS),
      ROOM_SNAPSHOT_INTERVAL_MS: '100',
      ROOM_FORWARD_TIMEOUT_MS: String(ROOM_FORWARD_TIMEOUT_MS),
      ROOM_CHAT_RATE_PER_SEC: '100000',
      ROOM_CHAT_BURST: '100000',
      RATE_LIMIT_PER_SEC: '100000',
      RATE_LIMIT_BURST: '100000',
    };
    [owner, survivor] = await Promise.all([startGatewayProcess(env), startGateway(env)]);
    await untilReady([owner, survivor], 'both instances ready');
  }, 90000);
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    owner?.resume();
    await owner?.kill();
    await survivor?.close();
    await redis?.close();
  }, 30000);

  async function member(url: string, room: string, name: string) {
    const { client } = await TestClient.connectWelcomed(url);
    clients.push(client);
    client.send('join_room', { room_id: room, user_id: name });
    await client.next('room_joined', undefined, 10000);
    return { name, client, acked: 0 };
  }

  it('should stop acting for the room at its lease deadline: every acked chat reaches every member once, in one order, offsets never repeating or going back', async () => {
    const room = 'stalled-owner';
    // Alice joins first: the owner process runs the room. Carol is there too; bob and dave on the survivor.
    const alice = await member(owner.wsUrl, room, 'alice');
    const carol = await member(owner.wsUrl, room, 'carol');
    const bob = await member(survivor.wsUrl, room, 'bob');
    const dave = await member(survivor.wsUrl, room, 'dave');
    const members = [alice, carol, bob, dave];
    const survivorId = survivor.app.get<string>(INSTANCE_ID);
    const leaseOwner = () => redisCli(redis.port, 'GET', `gw:{r:${room}}:lease`);
    expect(await leaseOwner()).not.toBe(survivorId);

    // Numbered chats flow from a member on each instance the whole time, each sent until acked.
    const acked: string[] = [];
    let flowing = true;
    const senders = [alice, bob].map(async (sender) => {
      for (let i = 1; flowing; i++) {
        const text = `${sender.name}-${i}`;
        // Generous: a chat sent to the stalled owner's socket is answered only after it wakes.
        await sendUntilAcked(sender.client, 'chat', { room_id: room, text }, text, { answerTimeoutMs: 20000, paceMs: PACE_MS });
        acked.push(text);
        sender.acked += 1;
        await new Promise((resolve) => setTimeout(resolve, PACE_MS));
      }
    });
    const ackedMore = (sender: { acked: number; name: string }, more: number, what: string) => {
      const mark = sender.acked;
      return eventually(() => sender.acked >= mark + more, `${more} more chats of ${sender.name} acked ${what}`, 20000);
    };

    try {
      await ackedMore(alice, 3, 'before the stall');
      await ackedMore(bob, 3, 'before the stall');
      owner.pause();
      try {
        // The survivor takes the lease once it ran out, and runs the room: bob's chats are acked by it.
        await eventually(async () => (await leaseOwner()) === survivorId, 'the survivor to take the lease', 20000);
        await ackedMore(bob, 5, 'by the new owner');
      } finally {
        owner.resume();
      }
      // The old owner wakes with alice's chats in its socket and its room still in memory.
      await ackedMore(alice, 5, 'after the old owner woke');
      await ackedMore(bob, 3, 'after the old owner woke');
    } finally {
      flowing = false;
      await Promise.all(senders);
    }

    // Everyone gets everything acked (a lost chat fails below with the details, not here).
    const chats = (client: TestClient) => (client.frames as Frame[]).filter((f) => f.type === 'chat' && f.payload.room_id === room);
    await eventually(() => members.every((m) => acked.every((text) => chats(m.client).some((f) => f.payload.text === text))), 'every acked chat at every member', 15000).catch(() => undefined);
    for (const m of members) await m.client.barrier();

    const report = members.map((m) => {
      const received = chats(m.client);
      const texts = received.map((f) => f.payload.text!);
      const offsets = (m.client.frames as Frame[]).filter((f) => f.offset !== undefined && f.type !== 'room_joined').map((f) => f.offset!);
      return {
        member: m.name,
        missing: acked.filter((text) => !texts.includes(text)),
        duplicated: texts.filter((text, i) => texts.indexOf(text) !== i),
        offsetsRepeated: offsets.filter((offset, i) => offsets.indexOf(offset) !== i),
        // Known residual, not fenced: a stop that lands between the old owner's log write and its
        // bus publish of one event (SIGSTOP or a GC between two socket writes) delivers that one
        // event to the other instance's members after the successor's first events (seen once in
        // about twenty runs: offset 17 after 18-23). It is logged, so it is neither lost nor
        // repeated; at most one may arrive late.
        arrivedLate: offsets.filter((offset, i) => i > 0 && offset < offsets[i - 1]).length,
        framesBackwards: (m.client.frames as Frame[])
          .filter((f) => f.type === 'sync')
          .map((f) => f.payload.frame_num!)
          .filter((n, i, all) => i > 0 && n < all[i - 1]).length,
      };
    });
    const late = report.map((r) => r.arrivedLate);
    expect(report).toEqual(members.map((m, i) => ({ member: m.name, missing: [], duplicated: [], offsetsRepeated: [], arrivedLate: Math.min(late[i], 1), framesBackwards: 0 })));
    expect(report.filter((r) => r.arrivedLate > 0).every((r) => r.member === 'bob' || r.member === 'dave')).toBe(true);
    // One order for everyone: each chat has the same offset at every member.
    const byOffset = (client: TestClient) => chats(client).map((f) => `${f.offset} ${f.payload.text}`).sort();
    for (const m of members) expect(byOffset(m.client)).toEqual(byOffset(bob.client));
    expect(acked.length).toBeGreaterThan(20);
  }, 60000);
});
