import type { ServerMessage } from '../../src/protocol';
import { useGateway } from '../support/gateway';
import { type Codec, type TestClient, useClients } from '../support/test-client';

type Welcomed = { client: TestClient; welcome: ServerMessage<'welcome'>; clientId: string };

const join = async (member: Welcomed, roomId: string) => {
  member.client.send('join_room', { room_id: roomId });
  await member.client.next('room_joined', (f) => f.payload.room_id === roomId);
};
/** The refusal of a direct message to `to`, with the id taken out of the message. */
const refusal = async (from: Welcomed, to: string, ref: string) => {
  from.client.send('chat', { to_client_id: to, text: 'psst' }, ref);
  const error = await from.client.next('error', (f) => f.payload.ref_id === ref);
  return { code: error.payload.code, message: error.payload.message.replace(`"${to}"`, '"…"') };
};

/**
 * Who a direct message reaches (issue 13, item 6): by default only a client that shares a room
 * with the sender, and the refusal is one and the same whatever the reason, so that it tells
 * nothing about ids outside the sender's rooms.
 */
describe.each<Codec>(['json', 'proto'])('direct messages (%s)', (codec) => {
  describe('DIRECT_MESSAGE_SCOPE=room (the default)', () => {
    const gateway = useGateway();
    const { connect } = useClients(() => gateway.wsUrl, { codec });

    // Deliberate break this caught: ChatService without the room-mate check (the old behaviour)
    // delivered 'psst' to the connected stranger, and refused only the unknown id.
    it('should reach a room-mate, and refuse a connected stranger, an unknown id and a former room-mate with the same error', async () => {
      const [a, b, stranger, leaver] = await Promise.all([connect(), connect(), connect(), connect()]);
      const room = `dm-scope-${codec}`;
      for (const member of [a, b, leaver]) await join(member, room);
      await join(stranger, `elsewhere-${codec}`);
      leaver.client.send('leave_room', { room_id: room }, 'left');
      await leaver.client.next('ack', (f) => f.payload.id === 'left');

      a.client.send('chat', { to_client_id: b.clientId, text: 'to a room-mate' }, 'ok');
      expect((await b.client.next('chat', (f) => f.payload.text === 'to a room-mate')).payload.from_client_id).toBe(a.clientId);
      await a.client.next('ack', (f) => f.payload.id === 'ok');

      const refusals = [
        await refusal(a, stranger.clientId, 'to-stranger'),
        await refusal(a, 'no-such-client', 'to-nobody'),
        await refusal(a, leaver.clientId, 'to-leaver'),
        await refusal(stranger, a.clientId, 'from-stranger'),
      ];
      const expected = { code: 'INVALID_PAYLOAD', message: 'no recipient "…": a direct message reaches a client in one of your rooms' };
      expect(refusals).toEqual([expected, expected, expected, expected]);
      await Promise.all([stranger, leaver].map(({ client }) => client.barrier()));
      expect(stranger.client.received('chat')).toHaveLength(0);
      expect(leaver.client.received('chat')).toHaveLength(0);
    });
  });

  describe('DIRECT_MESSAGE_SCOPE=any', () => {
    const gateway = useGateway({ DIRECT_MESSAGE_SCOPE: 'any' });
    const { connect } = useClients(() => gateway.wsUrl, { codec });

    it('should reach a client in no shared room, and refuse an id without a session', async () => {
      const [a, b] = await Promise.all([connect(), connect()]);
      a.client.send('chat', { to_client_id: b.clientId, text: 'hello stranger' }, 'ok');
      expect((await b.client.next('chat')).payload).toEqual(expect.objectContaining({ text: 'hello stranger', from_client_id: a.clientId }));
      await a.client.next('ack', (f) => f.payload.id === 'ok');
      expect(await refusal(a, 'no-such-client', 'to-nobody')).toEqual({
        code: 'INVALID_PAYLOAD',
        message: 'no recipient "…": a direct message reaches a connected client',
      });
    });
  });
});

/**
 * The per-room chat rate (issue 13, item 9): members each within their own connection's rate
 * limit cannot together flood a room past ROOM_CHAT_RATE_PER_SEC / ROOM_CHAT_BURST; other rooms
 * keep their own budget.
 */
describe('room chat rate', () => {
  // A refill of one message a minute: nothing refills while the test runs, so the count is exact.
  const gateway = useGateway({ ROOM_CHAT_RATE_PER_SEC: '0.016', ROOM_CHAT_BURST: '3', RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' });
  const { connect } = useClients(() => gateway.wsUrl);

  // Deliberate break this caught: ChatService without the limiter.take() check acked m4-m6.
  it('should refuse room chat past the room burst with RATE_LIMITED naming the limit, and leave other rooms their own budget', async () => {
    const [a, b, other] = await Promise.all([connect(), connect(), connect()]);
    await join(a, 'chatty');
    await join(b, 'chatty');
    await join(other, 'quiet');
    // a spends the room's burst; b, which has sent nothing yet, finds the room's budget gone.
    for (let i = 1; i <= 3; i++) a.client.send('chat', { room_id: 'chatty', text: `m${i}` }, `m${i}`);
    for (let i = 1; i <= 3; i++) await a.client.next('ack', (f) => f.payload.id === `m${i}`);
    for (let i = 4; i <= 6; i++) b.client.send('chat', { room_id: 'chatty', text: `m${i}` }, `m${i}`);
    const refused = [];
    for (let i = 4; i <= 6; i++) refused.push((await b.client.next('error', (f) => f.payload.ref_id === `m${i}`)).payload);
    expect(refused.map((error) => error.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(refused[0].message).toContain('room "chatty" takes at most 0.016 chat messages per second (ROOM_CHAT_RATE_PER_SEC; bursts of 3, ROOM_CHAT_BURST)');
    await other.client.barrier();
    await b.client.barrier();
    expect(b.client.received('chat').map((f) => f.payload.text)).toEqual(['m1', 'm2', 'm3']);

    other.client.send('chat', { room_id: 'quiet', text: 'still fine' }, 'q1');
    await other.client.next('ack', (f) => f.payload.id === 'q1');
    expect((await other.client.next('chat')).payload.text).toBe('still fine');
  });
});
