import { LeaveReason } from '../protocol';
import { RemoteLeaves } from './remote-leaves';
import type { Reply, RoomOwners } from './room-owners';

/** Owners whose requests the test answers by hand, in order. */
function fakeOwners() {
  const asked: { owner: string; roomId: string; clientId: string; answer(reply: Reply | Error): void }[] = [];
  const owners = {
    request: (owner: string, command: { roomId: string; clientId: string }) =>
      new Promise<Reply>((resolve, reject) => {
        asked.push({ owner, roomId: command.roomId, clientId: command.clientId, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      }),
  } as unknown as RoomOwners;
  return { owners, asked };
}
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe(RemoteLeaves.name, () => {
  it('should keep a leave until its owner answers, and drop it then', async () => {
    const { owners, asked } = fakeOwners();
    const leaves = new RemoteLeaves(owners, 'me', 60000);
    leaves.send('a', 'r', 'c1', LeaveReason.Left);
    expect(asked.map(({ owner, roomId, clientId }) => [owner, roomId, clientId])).toEqual([['a', 'r', 'c1']]);
    expect(leaves.rooms()).toEqual(['r']);
    asked[0].answer({});
    await settled();
    expect(leaves.rooms()).toEqual([]);
  });

  it('should send an unanswered or refused leave to the holder found by the next lease pass, and wait while the lease is free', async () => {
    const { owners, asked } = fakeOwners();
    const leaves = new RemoteLeaves(owners, 'me', 60000);
    leaves.send('dead', 'r', 'c1', LeaveReason.Left);
    asked[0].answer(new Error('did not answer'));
    await settled();
    leaves.resend(new Map([['r', undefined]]), () => true);
    expect(asked).toHaveLength(1);
    leaves.resend(new Map([['r', 'next']]), () => true);
    expect(asked[1].owner).toBe('next');
    asked[1].answer({ error: { code: 'INTERNAL' as never, message: 'moving' } });
    await settled();
    expect(leaves.rooms()).toEqual(['r']);
  });

  it('should apply a leave here once the room runs here, not before', () => {
    const { owners } = fakeOwners();
    const leaves = new RemoteLeaves(owners, 'me', 60000);
    leaves.send(undefined, 'r', 'c1', LeaveReason.Timeout);
    const applied: string[] = [];
    leaves.resend(new Map([['r', 'me']]), () => false); // taken over, not restored yet
    expect(leaves.rooms()).toEqual(['r']);
    leaves.resend(new Map([['r', 'me']]), (roomId, clientId, reason) => (applied.push(`${roomId} ${clientId} ${reason}`), true));
    expect(applied).toEqual(['r c1 timeout']);
    expect(leaves.rooms()).toEqual([]);
  });

  it('should not let the answer to an earlier leave settle a later one of the same client, nor keep one cancelled by a join', async () => {
    const { owners, asked } = fakeOwners();
    const leaves = new RemoteLeaves(owners, 'me', 60000);
    leaves.send('a', 'r', 'c1', LeaveReason.Left);
    leaves.cancel('r', 'c1'); // joined again
    expect(leaves.rooms()).toEqual([]);
    leaves.send('a', 'r', 'c1', LeaveReason.Left); // and left again
    asked[0].answer({});
    await settled();
    expect(leaves.rooms()).toEqual(['r']);
    asked[1].answer({});
    await settled();
    expect(leaves.rooms()).toEqual([]);
  });

  it('should drop a leave older than its maximum age at the next pass', async () => {
    const { owners } = fakeOwners();
    const leaves = new RemoteLeaves(owners, 'me', 0);
    leaves.send(undefined, 'r', 'c1', LeaveReason.Left);
    await new Promise((resolve) => setTimeout(resolve, 2));
    leaves.resend(new Map([['r', undefined]]), () => false);
    expect(leaves.rooms()).toEqual([]);
  });
});
