import { Logger } from '@nestjs/common';
import { gameproto, type ServerMessage } from '../../src/protocol';
import { RoomRegistry } from '../../src/rooms';
import { useGateway } from '../support/gateway';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { SquadModule } from '../support/squad-kind';
import { type TestClient, useClients } from '../support/test-client';

/** Matchmaking and the room directory on one instance (the in-memory directory), over real sockets. */
describe.each<'json' | 'proto'>(['json', 'proto'])('matchmaking (%s)', (codec) => {
  const gateway = useGateway({ TICK_RATE: '50', MATCHMAKING_MAX_METADATA_BYTES: '64' }, { modules: [SquadModule] });
  const { connect } = useClients(() => gateway.wsUrl, { codec });
  let n = 0;
  /** A mode of this test's own, so that rooms of other tests never match. */
  const freshMode = () => `${codec}-${++n}`;

  /** The `room_joined` answering message `id`, then its ack. */
  const joined = async (client: TestClient, id: string) => {
    const [frame] = await Promise.all([client.next('room_joined'), client.next('ack', (a) => a.payload.id === id)]);
    return frame;
  };
  const list = async (client: TestClient, payload: object): Promise<ServerMessage<'room_list'>['payload']> => {
    client.send('list_rooms', payload);
    return (await client.next('room_list')).payload;
  };
  const errorFor = async (client: TestClient, type: string, payload: object) => {
    const id = `bad-${++n}`;
    client.send(type, payload, id);
    return (await client.next('error', (e) => e.payload.ref_id === id)).payload;
  };

  it('should fill the fullest matching room before creating the next, answering room_joined as join_room does', async () => {
    const mode = freshMode();
    const rooms: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { client } = await connect();
      client.send('join_or_create', { kind: 'squad', filters: { mode }, user_id: `p${i}` }, `m${i}`);
      const frame = await joined(client, `m${i}`);
      expect(frame.payload).toEqual(expect.objectContaining({ kind: 'squad', frame_num: expect.any(Number) }));
      expect(frame.payload.players.map((p) => p.player_id)).toContain(`p${i}`);
      rooms.push(frame.payload.room_id);
    }
    expect(new Set(rooms.slice(0, 4)).size).toBe(1);
    expect(rooms[4]).not.toBe(rooms[0]);
    expect(gateway.app.get(RoomRegistry).get(rooms[0])!.members.size).toBe(4);
    const { client } = await connect();
    const listed = await list(client, { kind: 'squad', filters: { mode } });
    expect(listed).toEqual({
      total: 2,
      page: 0,
      rooms: expect.arrayContaining([
        { room_id: rooms[0], kind: 'squad', clients: 4, max_clients: 4, metadata: { mode }, locked: false },
        { room_id: rooms[4], kind: 'squad', clients: 1, max_clients: 4, metadata: { mode }, locked: false },
      ]),
    });
  });

  it("should list what the room's logic set (metadata from creation options, locked), and pass a locked room by", async () => {
    const mode = freshMode();
    const { client: owner } = await connect();
    owner.send('create_room', { kind: 'squad', options: { level: '12' }, metadata: { mode } }, 'c1');
    const room = (await joined(owner, 'c1')).payload.room_id;
    const { client: seeker } = await connect();
    // Ranges match the number the logic listed in onCreate.
    seeker.send('join_or_create', { kind: 'squad', filters: { mode, level: { min: 10, max: 20 } } }, 's1');
    expect((await joined(seeker, 's1')).payload.room_id).toBe(room);
    owner.send('game_action', { action: 'lock' }, 'lock');
    await owner.next('ack', (a) => a.payload.id === 'lock');
    await eventuallyListed(seeker, { kind: 'squad', filters: { mode } }, (rooms) => rooms[0]?.locked === true);
    expect((await list(seeker, { kind: 'squad', filters: { mode } })).rooms).toEqual([
      { room_id: room, kind: 'squad', clients: 2, max_clients: 4, metadata: { mode, level: 12 }, locked: true },
    ]);
    const { client: late } = await connect();
    late.send('join_or_create', { kind: 'squad', filters: { mode } }, 'l1');
    expect((await joined(late, 'l1')).payload.room_id).not.toBe(room);
  });

  it('should keep a private room out of the list and out of matchmaking, joinable by id', async () => {
    const mode = freshMode();
    const { client: owner } = await connect();
    owner.send('create_room', { kind: 'squad', metadata: { mode }, private: true }, 'p1');
    const room = (await joined(owner, 'p1')).payload.room_id;
    const { client: other } = await connect();
    expect((await list(other, { kind: 'squad', filters: { mode } })).rooms).toEqual([]);
    other.send('join_or_create', { kind: 'squad', filters: { mode } }, 'o1');
    expect((await joined(other, 'o1')).payload.room_id).not.toBe(room);
    const { client: friend } = await connect();
    friend.send('join_room', { room_id: room }, 'f1');
    expect((await joined(friend, 'f1')).payload.players).toHaveLength(2);
  });

  it('should refuse unknown kinds, malformed or too many filters and oversized metadata with INVALID_PAYLOAD (protobuf filters that are not JSON text with BAD_PROTO), changing nothing', async () => {
    const { client } = await connect();
    const before = await list(client, { kind: 'squad' });
    const rooms = gateway.app.get(RoomRegistry).size;
    const refusals: [string, object, RegExp][] = [
      ['join_or_create', { kind: 'nosuch' }, /unknown room kind "nosuch"; this server runs .*squad/],
      ['create_room', { kind: 'nosuch' }, /unknown room kind "nosuch"/],
      ['list_rooms', { kind: 'nosuch' }, /unknown room kind "nosuch"/],
      ['join_or_create', { kind: 'squad', filters: { level: { min: 5, max: 1 } } }, /payload\.filters\.level\.min must not be greater than/],
      ['join_or_create', { kind: 'squad', filters: { level: {} } }, /payload\.filters\.level must have min, max or both/],
      ['join_or_create', { kind: 'squad', filters: { 'bad key!': 1 } }, /payload\.filters key must match/],
      ['list_rooms', { filters: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, i])) }, /payload\.filters must have at most 8 entries/],
      ['create_room', { kind: 'squad', metadata: { text: 'x'.repeat(80) } }, /payload\.metadata must be at most 64 bytes as JSON/],
      ['join_or_create', { kind: 'squad', options: { colour: 'red' } }, /kind "squad" has no option "colour"/],
    ];
    if (codec === 'json') refusals.push(['join_or_create', { kind: 'squad', filters: { level: [1, 2] } }, /payload\.filters\.level must be a string, a number, a boolean or \{min, max\}/]);
    for (const [type, payload, message] of refusals) {
      const error = await errorFor(client, type, payload);
      expect({ type, code: error.code, message: error.message }).toEqual({ type, code: 'INVALID_PAYLOAD', message: expect.stringMatching(message) });
    }
    if (codec === 'proto') {
      // filters are JSON object text in protobuf: text that is not JSON is BAD_PROTO (a payload that
      // cannot be decoded names its type, not its id).
      const payload = gameproto.JoinOrCreate.encode({ kind: 'squad', filters: '{not json' }).finish();
      client.sendRaw(Buffer.from(gameproto.Message.encode({ type: gameproto.MessageType.JOIN_OR_CREATE, payload, id: 'raw' }).finish()));
      const error = (await client.next('error', (e) => e.payload.code === 'BAD_PROTO')).payload;
      expect(error).toEqual(expect.objectContaining({ ref_type: 'join_or_create', message: expect.stringContaining('filters must be JSON object text') }));
    }
    expect(await list(client, { kind: 'squad' })).toEqual(before);
    expect(gateway.app.get(RoomRegistry).size).toBe(rooms);
    expect(client.received('room_joined')).toHaveLength(0);
  });

  // Checked to fail without MatchmakingService.seat's release: the room listed 2 clients.
  it('should release the reserved seat when the room refuses the join, so the listing is as before', async () => {
    const mode = freshMode();
    const { client: first } = await connect();
    first.send('join_or_create', { kind: 'squad', filters: { mode }, user_id: 'dup' }, 'a');
    const room = (await joined(first, 'a')).payload.room_id;
    const { client: twin } = await connect();
    const error = await errorFor(twin, 'join_or_create', { kind: 'squad', filters: { mode }, user_id: 'dup' });
    expect(error).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: `player "dup" is already in room "${room}"` }));
    expect((await list(twin, { kind: 'squad', filters: { mode } })).rooms).toEqual([expect.objectContaining({ room_id: room, clients: 1 })]);
  });

  it('should count matchmaking outcomes in /metrics: joined, created, refused by reason', async () => {
    const mode = freshMode();
    const count = async (labels: Record<string, string>) => sampleValue(await scrapeMetrics(gateway.httpUrl), 'gateway_matchmaking_total', labels) ?? 0;
    const start = {
      created: await count({ request: 'join_or_create', outcome: 'created' }),
      joined: await count({ request: 'join_or_create', outcome: 'joined' }),
      refused: await count({ request: 'create_room', outcome: 'refused', reason: 'INVALID_PAYLOAD' }),
    };
    const [{ client: a }, { client: b }] = [await connect(), await connect()];
    a.send('join_or_create', { kind: 'squad', filters: { mode } }, 'a');
    await joined(a, 'a');
    b.send('join_or_create', { kind: 'squad', filters: { mode } }, 'b');
    await joined(b, 'b');
    await errorFor(b, 'create_room', { kind: 'squad', options: { level: 'high' } });
    expect(await count({ request: 'join_or_create', outcome: 'created' })).toBe(start.created + 1);
    expect(await count({ request: 'join_or_create', outcome: 'joined' })).toBe(start.joined + 1);
    expect(await count({ request: 'create_room', outcome: 'refused', reason: 'INVALID_PAYLOAD' })).toBe(start.refused + 1);
  });

  it("should keep the listing when the logic's metadata would exceed MATCHMAKING_MAX_METADATA_BYTES, and log it with the room id", async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const mode = freshMode();
      const { client } = await connect();
      client.send('create_room', { kind: 'squad', metadata: { mode } }, 'c');
      const room = (await joined(client, 'c')).payload.room_id;
      client.send('game_action', { action: 'relist', params: { huge: '100' } }, 'huge');
      await client.next('ack', (a) => a.payload.id === 'huge');
      client.send('game_action', { action: 'relist', params: { map: 'dust' } }, 'map');
      await eventuallyListed(client, { kind: 'squad', filters: { mode } }, (rooms) => rooms[0]?.metadata.map === 'dust');
      expect((await list(client, { kind: 'squad', filters: { mode } })).rooms[0].metadata).toEqual({ mode, map: 'dust' });
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ roomId: room, msg: expect.stringContaining('MATCHMAKING_MAX_METADATA_BYTES') }));
    } finally {
      logged.mockRestore();
    }
  });

  /** Lists until `ok` holds: a room's listing follows its logic after the tick that ran the action. */
  async function eventuallyListed(client: TestClient, payload: object, ok: (rooms: ServerMessage<'room_list'>['payload']['rooms']) => boolean) {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (ok((await list(client, payload)).rooms)) return;
    }
    throw new Error(`listing never became as expected: ${JSON.stringify(await list(client, payload))}`);
  }
});
