import { useGateway } from '../support/gateway';
import { type Codec, TestClient, useClients } from '../support/test-client';

describe.each<Codec>(['json', 'proto'])('rooms over real sockets (%s)', (codec) => {
  const gateway = useGateway({ TICK_RATE: '50', ROOM_MAX_PLAYERS: '3' });
  const { connect } = useClients(() => gateway.wsUrl, { codec });

  it('should send welcome with a client id, session, resume token and heartbeat interval', async () => {
    const { welcome } = await connect();
    expect(welcome.payload).toEqual(
      expect.objectContaining({ heartbeat_interval_ms: 30000, client_id: expect.any(String), session_id: expect.any(String) }),
    );
    expect(welcome.payload.resume_token.length).toBeGreaterThanOrEqual(24);
    expect(Math.abs(welcome.payload.server_time - Date.now())).toBeLessThan(60000);
  });

  it('should let two clients see each other join and leave', async () => {
    const a = await connect();
    const b = await connect();
    a.client.send('join_room', { room_id: `duo-${codec}`, user_id: 'alice', nickname: 'Alice' });
    const aJoined = await a.client.next('room_joined');
    expect(aJoined.payload.players).toEqual([expect.objectContaining({ player_id: 'alice', nickname: 'Alice', entity_id: 1 })]);

    b.client.send('join_room', { room_id: `duo-${codec}`, user_id: 'bob' });
    const bJoined = await b.client.next('room_joined');
    expect(bJoined.payload.players.map((p) => p.player_id).sort()).toEqual(['alice', 'bob']);
    expect(bJoined.payload.epoch).toBe(aJoined.payload.epoch);
    const seen = await a.client.next('player_joined');
    expect(seen.payload).toEqual(
      expect.objectContaining({ room_id: `duo-${codec}`, player_id: 'bob', entity_id: 2, client_id: b.clientId }),
    );
    expect(seen.offset).toBe(bJoined.payload.offset);

    b.client.send('leave_room', { room_id: `duo-${codec}` });
    const left = await a.client.next('player_left');
    expect(left.payload).toEqual(expect.objectContaining({ player_id: 'bob', reason: 'left' }));
    expect(left.offset).toBe(seen.offset! + 1);
    await b.client.barrier();
    expect(b.client.received('player_joined')).toHaveLength(0); // the joiner gets room_joined instead
  });

  it('should tell the others with reason "disconnected" when a socket closes normally (1000)', async () => {
    const a = await connect();
    const b = await connect();
    a.client.send('join_room', { room_id: `drop-${codec}` });
    await a.client.next('room_joined');
    b.client.send('join_room', { room_id: `drop-${codec}` });
    await b.client.next('room_joined');
    await b.client.close();
    const left = await a.client.next('player_left');
    expect(left.payload).toEqual(expect.objectContaining({ player_id: b.clientId, reason: 'disconnected' }));
  });

  it('should show an action in the next sync with last_input_seq echoed', async () => {
    const a = await connect();
    const b = await connect();
    const room = `act-${codec}`;
    a.client.send('join_room', { room_id: room });
    await a.client.next('room_joined');
    b.client.send('join_room', { room_id: room });
    await b.client.next('room_joined');

    a.client.send('game_action', { room_id: room, action: 'move', position: { x: 3, y: 4, z: 0 }, input_seq: 7 });
    const sync = await b.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 7));
    const me = sync.payload.players.find((p) => p.player_id === a.clientId)!;
    expect(me.position).toEqual({ x: 3, y: 4, z: 0 });
    expect(me.velocity.x).toBeGreaterThan(0);
    expect(sync.payload.room_id).toBe(room);
    expect(sync.payload.timestamp).toBeGreaterThan(0);
    expect(sync.payload.frame_num).toBeGreaterThan(0);
  });

  it('should clamp a move to the world bounds', async () => {
    const a = await connect();
    a.client.send('join_room', { room_id: `clamp-${codec}` });
    await a.client.next('room_joined');
    a.client.send('game_action', { action: 'move', position: { x: 1e6, y: -1e6, z: 5 }, input_seq: 1 });
    const sync = await a.client.next('sync', (f) => f.payload.players[0].last_input_seq === 1);
    expect(sync.payload.players[0].position).toEqual({ x: 1000, y: -1000, z: 0 });
  });

  it('should apply an attack on a target in range and change health and score', async () => {
    const a = await connect();
    const b = await connect();
    const room = `fight-${codec}`;
    a.client.send('join_room', { room_id: room });
    await a.client.next('room_joined');
    b.client.send('join_room', { room_id: room });
    const joined = await b.client.next('room_joined');
    const target = joined.payload.players.find((p) => p.client_id === b.clientId)!;

    // Players spawn apart (ARENA_SPAWN_RADIUS): step next to the target first.
    a.client.send('game_action', { action: 'move', position: target.position, input_seq: 1 });
    a.client.send('game_action', { action: 'attack', target_id: target.entity_id, input_seq: 2 });
    const sync = await b.client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 2));
    const byId = new Map(sync.payload.players.map((p) => [p.player_id, p]));
    expect(byId.get(b.clientId)!.health).toBe(90);
    expect(byId.get(a.clientId)!.score).toBe(1);
  });

  it('should send no sync for an idle room', async () => {
    const idle = await connect();
    const busy = await connect();
    idle.client.send('join_room', { room_id: `idle-${codec}` });
    await idle.client.next('room_joined');
    // A joiner gets a sync of the room at once (frame_num of its room_joined), then the join itself
    // changes the room once (its player appears): the next frame.
    const joined = await idle.client.next('sync');
    const first = await idle.client.next('sync', (f) => f.payload.frame_num > joined.payload.frame_num);
    busy.client.send('join_room', { room_id: `busy-${codec}` });
    await busy.client.next('room_joined');
    // The busy room's syncs are the clock: each move shows up on a later tick.
    for (let seq = 1; seq <= 5; seq++) {
      busy.client.send('game_action', { action: 'move', position: { x: seq, y: 0, z: 0 }, input_seq: seq });
      await busy.client.next('sync', (f) => f.payload.players[0].last_input_seq === seq);
    }
    await idle.client.barrier();
    expect(idle.client.received('sync').filter((f) => f.payload.frame_num > first.payload.frame_num)).toHaveLength(0);
  });

  it('should deliver room chat to every member with the sender stamped by the server', async () => {
    const a = await connect();
    const b = await connect();
    const outsider = await connect();
    const room = `chat-${codec}`;
    a.client.send('join_room', { room_id: room, user_id: 'alice' });
    await a.client.next('room_joined');
    b.client.send('join_room', { room_id: room });
    await b.client.next('room_joined');

    a.client.send('chat', { room_id: room, text: 'gg' }, 'chat-1');
    const got = await b.client.next('chat');
    expect(got.payload).toEqual(expect.objectContaining({ text: 'gg', from_client_id: a.clientId, player_id: 'alice', room_id: room }));
    expect(got.offset).toBeGreaterThan(0);
    await a.client.next('chat'); // the sender sees its message in room order too
    expect((await a.client.next('ack')).payload.id).toBe('chat-1');
    await outsider.client.barrier();
    expect(outsider.client.received('chat')).toHaveLength(0);
  });

  it('should deliver a direct message to its target only, with a seq', async () => {
    const a = await connect();
    const b = await connect();
    const c = await connect();
    for (const member of [a, b, c]) {
      member.client.send('join_room', { room_id: `dm-${codec}` });
      await member.client.next('room_joined');
    }
    a.client.send('chat', { to_client_id: b.clientId, text: 'psst' }, 'dm-1');
    const got = await b.client.next('chat');
    expect(got.payload).toEqual(expect.objectContaining({ text: 'psst', from_client_id: a.clientId, to_client_id: b.clientId }));
    expect(got.seq).toBe(1);
    await a.client.next('ack', (f) => f.payload.id === 'dm-1');
    await c.client.barrier();
    expect(c.client.received('chat')).toHaveLength(0);
    expect(a.client.received('chat')).toHaveLength(0);
  });

  it('should refuse a join past ROOM_MAX_PLAYERS with ROOM_FULL', async () => {
    const members = await Promise.all([connect(), connect(), connect()]);
    for (const m of members) {
      m.client.send('join_room', { room_id: `full-${codec}` });
      await m.client.next('room_joined');
    }
    const late = await connect();
    late.client.send('join_room', { room_id: `full-${codec}` }, 'j1');
    const error = await late.client.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'ROOM_FULL', ref_type: 'join_room', ref_id: 'j1' }));
  });

  it('should answer an app-level ping with a pong carrying t', async () => {
    const a = await connect();
    a.client.send('ping', { t: 12345 });
    expect((await a.client.next('pong')).payload.t).toBe(12345);
  });
});
