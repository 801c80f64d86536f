import type { ServerMessage } from '../../src/protocol';
import { useGateway } from '../support/gateway';
import { type Codec, TestClient, useClients } from '../support/test-client';

type Welcomed = { client: TestClient; welcome: ServerMessage<'welcome'>; clientId: string };

/** Names every plain JavaScript object answers to: a client-supplied key must never find these. */
const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

/**
 * Client-supplied names that plain objects inherit (issue 13, item 12), over real sockets: rooms,
 * player ids, actions, action params, kinds and creation options named like `Object.prototype`'s
 * properties behave like any other name.
 */
describe.each<Codec>(['json', 'proto'])('names like object properties (%s)', (codec) => {
  const gateway = useGateway({ RESUME_GRACE_MS: '60000', DEFAULT_ROOM_KIND: 'arena' });
  const { connect, track } = useClients(() => gateway.wsUrl, { codec });
  const resume = async (old: ServerMessage<'welcome'>, rooms: Record<string, number>) => {
    const client = track(await TestClient.connect(gateway.wsUrl, { codec }));
    client.send('resume', { session_id: old.payload.session_id, resume_token: old.payload.resume_token, rooms, last_seq: 0 });
    return client;
  };
  const join = async (member: Welcomed, roomId: string, userId: string) => {
    member.client.send('join_room', { room_id: roomId, user_id: userId });
    return member.client.next('room_joined', (f) => f.payload.room_id === roomId);
  };

  // Deliberate break this caught: ResumeService reading `request.rooms?.[roomId]` (what it did
  // before) answered the offset-less resume of every one of these rooms with recovered: true and
  // no replay: the missed chat was silently skipped.
  it.each(NAMES)('should join, chat in and resume a room named "%s" (no offset: recovered false; an offset: the missed events)', async (name) => {
    const a = await connect();
    const b = await connect();
    const joined = await join(a, name, name);
    expect(joined.payload.players.map((p) => p.player_id)).toEqual([name]);
    await join(b, name, `${name}-b`);
    await a.client.next('player_joined', (f) => f.payload.player_id === `${name}-b`);
    b.client.send('chat', { room_id: name, text: 'hello' });
    const hello = await a.client.next('chat', (f) => f.payload.text === 'hello');
    expect(hello.payload).toEqual(expect.objectContaining({ room_id: name, player_id: `${name}-b`, from_client_id: b.clientId }));

    // Dropped; a chat is missed; the resume names no offset for this room.
    a.client.socket.terminate();
    b.client.send('chat', { room_id: name, text: 'missed' });
    const missed = await b.client.next('chat', (f) => f.payload.text === 'missed');
    const fresh = await resume(a.welcome, {});
    const snapshot = await fresh.next('room_joined', (f) => f.payload.room_id === name);
    expect(snapshot.payload.recovered).toBe(false);
    expect(snapshot.payload.offset).toBe(missed.offset);
    const welcome = await fresh.next('welcome', (f) => f.payload.client_id === a.clientId);
    expect(fresh.received('chat')).toHaveLength(0);

    // Dropped again; this time the resume gives the offset it saw last: the missed chat comes back.
    fresh.socket.terminate();
    b.client.send('chat', { room_id: name, text: 'missed again' });
    const again = await b.client.next('chat', (f) => f.payload.text === 'missed again');
    const recovered = await resume(welcome, { [name]: snapshot.payload.offset });
    const replayed = await recovered.next('chat');
    expect(replayed.payload.text).toBe('missed again');
    expect(replayed.offset).toBe(again.offset);
    expect((await recovered.next('room_joined')).payload).toEqual(expect.objectContaining({ room_id: name, recovered: true, offset: again.offset }));
    await recovered.next('welcome', (f) => f.payload.client_id === a.clientId);

    // Still the member it was: its chat reaches b under its player id.
    recovered.send('chat', { room_id: name, text: 'back' });
    expect((await b.client.next('chat', (f) => f.payload.text === 'back')).payload.player_id).toBe(name);
  });

  it('should refuse actions named like object properties as unknown, and ignore params named like them', async () => {
    const a = await connect();
    await join(a, `actions-${codec}`, 'actor');
    for (const action of NAMES) {
      a.client.send('game_action', { action }, `act-${action}`);
      const refused = await a.client.next('error', (f) => f.payload.ref_id === `act-${action}`);
      expect(refused.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringContaining(`unknown action "${action}"`) }));
    }
    const params = Object.fromEntries(NAMES.map((name) => [name, 'x']));
    a.client.send('game_action', { action: 'move', position: { x: 1, y: 2, z: 0 }, params }, 'move-1');
    await a.client.next('ack', (f) => f.payload.id === 'move-1');
    expect(a.client.received('error').filter((f) => f.payload.ref_id === 'move-1')).toHaveLength(0);
  });

  it('should refuse kinds and creation options named like object properties, creating nothing', async () => {
    const a = await connect();
    const refusals: [string, object][] = [
      ['unknown room kind "constructor"', { room_id: `kind-${codec}`, kind: 'constructor' }],
      ['payload.kind must match', { room_id: `kind-${codec}`, kind: 'toString' }],
      ...NAMES.map((option): [string, object] => [`has no option "${option}"`, { room_id: `kind-${codec}`, kind: 'ctf', options: { [option]: '1' } }]),
    ];
    for (const [i, [message, request]] of refusals.entries()) {
      a.client.send('join_room', request, `join-${i}`);
      const refused = await a.client.next('error', (f) => f.payload.ref_id === `join-${i}`);
      expect(refused.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringContaining(message) }));
    }
    // Nothing was created: the room comes into being with the default kind on a plain join.
    expect((await join(a, `kind-${codec}`, 'joiner')).payload.kind).toBe('arena');
  });
});
