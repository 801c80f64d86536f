import type { ServerMessage } from '../../src/protocol';
import { useGateway } from '../support/gateway';
import { type Codec, TestClient, useClients } from '../support/test-client';

type Welcomed = { client: TestClient; welcome: ServerMessage<'welcome'>; clientId: string };

/**
 * Resume after a drop over real sockets: the resumer gets what it missed exactly once, the
 * others never notice, and what cannot be recovered is said, not skipped.
 */
describe.each<Codec>(['json', 'proto'])('resume and de-duplication (%s)', (codec) => {
  const gateway = useGateway({ RESUME_GRACE_MS: '60000', HISTORY_MAX_EVENTS: '4' });
  const { connect, track } = useClients(() => gateway.wsUrl, { codec });
  const joinRoom = async (member: Welcomed, roomId: string) => {
    member.client.send('join_room', { room_id: roomId });
    return member.client.next('room_joined', (f) => f.payload.room_id === roomId);
  };
  /** A new connection that sends `resume` as its first frame, without waiting for its own welcome. */
  const resume = async (old: Welcomed, rooms: Record<string, number>, lastSeq = 0) => {
    const client = track(await TestClient.connect(gateway.wsUrl, { codec }));
    const { session_id, resume_token } = old.welcome.payload;
    client.send('resume', { session_id, resume_token, rooms, last_seq: lastSeq });
    return client;
  };


  it('should replay missed room events with their offsets, then a recovered snapshot and the old client id', async () => {
    const room = `resume-${codec}`;
    const a = await connect();
    const b = await connect();
    const joined = await joinRoom(a, room);
    await joinRoom(b, room);
    const seen = await a.client.next('player_joined');
    a.client.socket.terminate();

    b.client.send('chat', { room_id: room, text: 'while you were away' });
    const missed = await b.client.next('chat');
    const resumed = await resume(a, { [room]: seen.offset! });

    const replayed = await resumed.next('chat');
    expect(replayed.payload.text).toBe('while you were away');
    expect(replayed.offset).toBe(missed.offset);
    const snapshot = await resumed.next('room_joined');
    expect(snapshot.payload).toEqual(expect.objectContaining({ room_id: room, recovered: true, epoch: joined.payload.epoch }));
    expect(snapshot.payload.offset).toBe(missed.offset);
    expect(snapshot.payload.players.map((p) => p.client_id).sort()).toEqual([a.clientId, b.clientId].sort());
    const welcome = await resumed.next('welcome', (f) => f.payload.client_id === a.clientId);
    expect(welcome.payload.session_id).toBe(a.welcome.payload.session_id);
    // Everything the new connection got, in order: its own fresh welcome, then the replay, the
    // snapshot and the old session's welcome, and the missed chat exactly once. Deliberate break tried: rejoin() in room-seats.service.ts
    // returning its replayed events twice made this fail (a `slice(-3)` here did not see it).
    const types = resumed.frames.map((f) => f.type).filter((t) => t !== 'sync');
    expect(types).toEqual(['welcome', 'chat', 'room_joined', 'welcome']);
    expect(resumed.received('chat').map((f) => f.offset)).toEqual([missed.offset]);

    // The resumed connection is the old member: its chat reaches b under the old client id.
    resumed.send('chat', { room_id: room, text: 'back' });
    expect((await b.client.next('chat', (f) => f.payload.text === 'back')).payload.from_client_id).toBe(a.clientId);
    await b.client.barrier();
    expect(b.client.received('player_left')).toHaveLength(0);
    expect(b.client.received('player_joined')).toHaveLength(0);
  });

  it('should say recovered: false when the history no longer reaches back, and still send the snapshot', async () => {
    const room = `evicted-${codec}`;
    const a = await connect();
    const b = await connect();
    await joinRoom(a, room);
    await joinRoom(b, room);
    const seen = await a.client.next('player_joined');
    a.client.socket.terminate();
    for (let i = 1; i <= 6; i++) b.client.send('chat', { room_id: room, text: `m${i}` }); // HISTORY_MAX_EVENTS=4
    const last = await b.client.next('chat', (f) => f.payload.text === 'm6');

    const resumed = await resume(a, { [room]: seen.offset! });
    const snapshot = await resumed.next('room_joined');
    expect(snapshot.payload).toEqual(expect.objectContaining({ room_id: room, recovered: false, offset: last.offset }));
    await resumed.next('welcome', (f) => f.payload.client_id === a.clientId);
    expect(resumed.received('chat')).toHaveLength(0); // no partial replay with a hole in it
  });

  it('should replay missed direct messages after last_seq', async () => {
    const a = await connect();
    const b = await connect();
    // Room-mates (DIRECT_MESSAGE_SCOPE=room): a's parked seat keeps it reachable while away.
    await joinRoom(a, `dm-resume-${codec}`);
    await joinRoom(b, `dm-resume-${codec}`);
    b.client.send('chat', { to_client_id: a.clientId, text: 'dm1' });
    const first = await a.client.next('chat');
    a.client.socket.terminate();
    b.client.send('chat', { to_client_id: a.clientId, text: 'dm2' }, 'dm-while-away');
    // Acked: the recipient is within its grace, so the message is buffered for it, not refused.
    await b.client.next('ack', (f) => f.payload.id === 'dm-while-away');

    const resumed = await resume(a, {}, first.seq);
    const replayed = await resumed.next('chat');
    expect(replayed.payload.text).toBe('dm2');
    expect(replayed.seq).toBe(first.seq! + 1);
    await resumed.next('welcome', (f) => f.payload.client_id === a.clientId);
    expect(resumed.received('chat')).toHaveLength(1);
  });

  it('should answer a repeated message id with ack duplicate and no second effect, across a resume too', async () => {
    const room = `dedup-${codec}`;
    const a = await connect();
    const b = await connect();
    await joinRoom(a, room);
    await joinRoom(b, room);
    const seen = await a.client.next('player_joined');
    a.client.send('chat', { room_id: room, text: 'once' }, 'c-1');
    a.client.send('chat', { room_id: room, text: 'once' }, 'c-1');
    const acks = [await a.client.next('ack'), await a.client.next('ack')];
    expect(acks.map((f) => f.payload.id)).toEqual(['c-1', 'c-1']);
    expect(acks.map((f) => Boolean(f.payload.duplicate)).sort()).toEqual([false, true]);

    a.client.socket.terminate();
    const resumed = await resume(a, { [room]: seen.offset! });
    await resumed.next('welcome', (f) => f.payload.client_id === a.clientId);
    resumed.send('chat', { room_id: room, text: 'once' }, 'c-1'); // an outbox re-send after resume
    expect((await resumed.next('ack')).payload).toEqual(expect.objectContaining({ id: 'c-1', duplicate: true }));
    await b.client.barrier();
    expect(b.client.received('chat').map((f) => f.payload.text)).toEqual(['once']);
  });

  it('should let a failed message be retried with the same id', async () => {
    const a = await connect();
    a.client.send('chat', { room_id: `later-${codec}`, text: 'too early' }, 'r-1');
    expect((await a.client.next('error')).payload).toEqual(expect.objectContaining({ code: 'NOT_IN_ROOM', ref_id: 'r-1' }));
    await joinRoom(a, `later-${codec}`);
    a.client.send('chat', { room_id: `later-${codec}`, text: 'now' }, 'r-1');
    const ack = await a.client.next('ack');
    expect(ack.payload.id).toBe('r-1');
    expect(ack.payload.duplicate).toBeFalsy();
    expect((await a.client.next('chat')).payload.text).toBe('now');
  });

  it('should refuse a forged token with RESUME_FAILED and carry on with the new session', async () => {
    const a = await connect();
    const forged: Welcomed = {
      ...a,
      welcome: { ...a.welcome, payload: { ...a.welcome.payload, resume_token: `${a.clientId}.${'A'.repeat(43)}` } },
    };
    const other = await resume(forged, {});
    const error = await other.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'RESUME_FAILED', ref_type: 'resume' }));
    const fresh = await other.next('welcome');
    expect(fresh.payload.client_id).not.toBe(a.clientId);
    await joinRoom({ client: other, welcome: fresh, clientId: fresh.payload.client_id }, `fresh-${codec}`);
    // The real session was not touched: its own socket is still open and usable.
    await a.client.barrier();
  });

  // Deliberate break tried: parking the session on a 1000 close too (as on a drop) fails this test.
  it('should end the session at once on a 1000 close: player_left "disconnected" now, and no resume', async () => {
    const room = `bye-${codec}`;
    const a = await connect();
    const b = await connect();
    await joinRoom(a, room);
    await joinRoom(b, room);
    const seen = await a.client.next('player_joined');
    await a.client.close(); // 1000: the player means it (the grace here is 60 s)
    const left = await b.client.next('player_left');
    expect(left.payload).toEqual(expect.objectContaining({ client_id: a.clientId, reason: 'disconnected' }));
    const late = await resume(a, { [room]: seen.offset! });
    expect((await late.next('error')).payload).toEqual(expect.objectContaining({ code: 'RESUME_FAILED' }));
  });

  it('should close a still-open old socket with 4004 when its session is resumed elsewhere', async () => {
    const room = `takeover-${codec}`;
    const a = await connect();
    const b = await connect();
    const joined = await joinRoom(a, room);
    await joinRoom(b, room);
    const resumed = await resume(a, { [room]: joined.payload.offset });
    expect((await a.client.closed).code).toBe(4004);
    await resumed.next('welcome', (f) => f.payload.client_id === a.clientId);
    expect((await resumed.next('room_joined')).payload.recovered).toBe(true);
    await b.client.barrier();
    expect(b.client.received('player_left')).toHaveLength(0);
  });
});

describe('resume grace expiry', () => {
  const gateway = useGateway({ RESUME_GRACE_MS: '300', RESUME_SWEEP_INTERVAL_MS: '50' });
  const { connect, track } = useClients(() => gateway.wsUrl);

  it('should tell the others "timeout" once the grace runs out, and refuse a late resume', async () => {
    const a = await connect();
    const b = await connect();
    a.client.send('join_room', { room_id: 'grace' });
    await a.client.next('room_joined');
    b.client.send('join_room', { room_id: 'grace' });
    await b.client.next('room_joined');
    a.client.socket.terminate();

    const left = await b.client.next('player_left');
    expect(left.payload).toEqual(expect.objectContaining({ client_id: a.clientId, reason: 'timeout' }));

    const late = track(await TestClient.connect(gateway.wsUrl));
    const { session_id, resume_token } = a.welcome.payload;
    late.send('resume', { session_id, resume_token, rooms: { grace: 1 } });
    expect((await late.next('error')).payload.code).toBe('RESUME_FAILED');
    await late.barrier();
    expect(late.received('welcome')).toHaveLength(1); // only its own fresh session
  });
});

describe('RESUME_GRACE_MS=0', () => {
  const gateway = useGateway({ RESUME_GRACE_MS: '0' });
  const { connect, track } = useClients(() => gateway.wsUrl);

  it('should end the session of a dropped client at once and refuse its resume', async () => {
    const a = await connect();
    const b = await connect();
    for (const member of [a, b]) {
      member.client.send('join_room', { room_id: 'no-grace' });
      await member.client.next('room_joined');
    }
    a.client.socket.terminate(); // a drop, which would otherwise park the session
    const left = await b.client.next('player_left');
    expect(left.payload).toEqual(expect.objectContaining({ client_id: a.clientId, reason: 'disconnected' }));
    const late = track(await TestClient.connect(gateway.wsUrl));
    const { session_id, resume_token } = a.welcome.payload;
    late.send('resume', { session_id, resume_token, rooms: { 'no-grace': 1 } });
    expect((await late.next('error')).payload.code).toBe('RESUME_FAILED');
  });
});
