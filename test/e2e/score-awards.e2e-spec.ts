import { LAST_PLAYER_BONUS, ScoreAwardsModule, ScoreBoard } from '../../src/examples/score-awards';
import { GatewayClient } from '../../src/server-api';
import { useGateway } from '../support/gateway';
import { eventually } from '../support/redis';
import { useClients } from '../support/test-client';

/** The example backend module over real sockets: lifecycle events in, points and direct events out. */
describe('example backend module: score awards', () => {
  const gateway = useGateway({}, { modules: [ScoreAwardsModule] });
  const { connect } = useClients(() => gateway.wsUrl);

  it('should award a point to a player who leaves, a bonus to the last one when the room ends, and tell each', async () => {
    const alice = await connect();
    const bob = await connect();
    alice.client.send('join_room', { room_id: 'match-1', user_id: 'alice' });
    await alice.client.next('room_joined');
    bob.client.send('join_room', { room_id: 'match-1', user_id: 'bob' });
    await bob.client.next('room_joined');

    bob.client.send('leave_room', { room_id: 'match-1' });
    const bobScore = await bob.client.next('room_event', (f) => f.payload.name === 'score_awarded');
    expect(bobScore.payload.data).toEqual({ points: 1, total: 1, room_id: 'match-1' });

    alice.client.send('leave_room', { room_id: 'match-1' }); // the last one: the room is disposed
    const aliceScores = [await alice.client.next('room_event'), await alice.client.next('room_event')].map((f) => f.payload.data.points).sort();
    expect(aliceScores).toEqual([1, LAST_PLAYER_BONUS]);
    const board = gateway.app.get(ScoreBoard);
    await eventually(() => board.of('alice') === 1 + LAST_PLAYER_BONUS, 'alice scored');
    expect(board.of('bob')).toBe(1);
  });

  it('should award nothing to a kicked player', async () => {
    const carol = await connect();
    const dave = await connect();
    carol.client.send('join_room', { room_id: 'match-2', user_id: 'carol' });
    await carol.client.next('room_joined');
    dave.client.send('join_room', { room_id: 'match-2', user_id: 'dave' });
    await dave.client.next('room_joined');
    await gateway.app.get(GatewayClient).kick('dave', { reason: 'afk' });
    expect((await dave.client.closed).code).toBe(4102);
    // Lifecycle events reach the module in the order they happened: dave's leave before carol's.
    carol.client.send('leave_room', { room_id: 'match-2' });
    await carol.client.next('room_event', (f) => f.payload.data.points === LAST_PLAYER_BONUS);
    expect(gateway.app.get(ScoreBoard).of('dave')).toBe(0);
  });
});
