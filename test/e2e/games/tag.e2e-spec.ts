import { useGateway } from '../../support/gateway';
import { type Codec, useClients } from '../../support/test-client';

describe.each<Codec>(['json', 'proto'])('room kind "tag" wired by ROOM_KINDS (%s)', (codec) => {
  const gateway = useGateway({ ROOM_KINDS: 'tag-*=tag', TICK_RATE: '50' });
  const clients = useClients(() => gateway.wsUrl, { codec });
  const connect = async () => (await clients.connect()).client;

  it('should run tag in rooms matching tag-* and pass "it" on a tag', async () => {
    const alice = await connect();
    const bob = await connect();
    alice.send('join_room', { room_id: `tag-${codec}`, user_id: 'alice' });
    const joined = await alice.next('room_joined');
    expect(joined.payload.players).toEqual([expect.objectContaining({ player_id: 'alice', health: 1 })]);
    bob.send('join_room', { room_id: `tag-${codec}`, user_id: 'bob' });
    const bobJoined = await bob.next('room_joined');
    const bobEntity = bobJoined.payload.players.find((p) => p.player_id === 'bob')!.entity_id;

    alice.send('game_action', { action: 'tag', target_id: bobEntity, input_seq: 1 });
    const sync = await bob.next('sync', (frame) => frame.payload.players.some((p) => p.player_id === 'alice' && p.last_input_seq === 1));
    const byId = Object.fromEntries(sync.payload.players.map((p) => [p.player_id, p]));
    expect(byId.bob.health).toBe(1);
    expect(byId.alice).toEqual(expect.objectContaining({ health: 0, score: 1 }));

    alice.send('game_action', { action: 'tag', target_id: bobEntity }, 'not-it');
    const error = await alice.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'not-it' }));
  });

  it('should keep running the default kind (arena) in other rooms', async () => {
    const carol = await connect();
    carol.send('join_room', { room_id: `lobby-${codec}` });
    const joined = await carol.next('room_joined');
    expect(joined.payload.players[0].health).toBe(100);
  });
});
