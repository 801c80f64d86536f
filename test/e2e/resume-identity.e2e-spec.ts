import { SignJWT } from 'jose';
import { useGateway } from '../support/gateway';
import { useClients } from '../support/test-client';

const SECRET = 'e2e-secret-0123456789abcdef';
const token = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));

/**
 * Who may resume a session (issue 17: no test covered a resume by another user; issue 13, item 5:
 * a resume token with characters appended was accepted; item 1: another user's resume of a session
 * still connected closed its owner with 4004 before it was refused).
 */
describe('resume and identity (AUTH_SECRET)', () => {
  const gateway = useGateway({ AUTH_SECRET: SECRET, RESUME_GRACE_MS: '60000' });
  const { connect } = useClients(() => gateway.wsUrl);
  const as = async (sub: string) => connect({ extraProtocols: [`token.${await token(sub)}`] });

  async function parkedSession(room: string) {
    const alice = await as('alice');
    const bystander = await as('bob');
    for (const { client } of [alice, bystander]) {
      client.send('join_room', { room_id: room });
      await client.next('room_joined');
    }
    alice.client.socket.terminate();
    return { alice, bystander };
  }

  it("should refuse another user's resume with RESUME_FAILED, leave the session to its owner, and let nobody notice", async () => {
    const { alice, bystander } = await parkedSession('identity-1');
    const { client: mallory, welcome: fresh } = await as('mallory');
    mallory.send('resume', { session_id: alice.welcome.payload.session_id, resume_token: alice.welcome.payload.resume_token });
    expect((await mallory.next('error')).payload).toEqual(expect.objectContaining({ code: 'RESUME_FAILED', message: expect.stringMatching(/another user/) }));
    // Mallory goes on with her own fresh session, in no room.
    mallory.send('chat', { text: 'where am I?' });
    expect((await mallory.next('error')).payload.code).toBe('NOT_IN_ROOM');
    expect(mallory.received('welcome').map((w) => w.payload.client_id)).toEqual([fresh.payload.client_id]);
    // The owner still resumes, with her seat.
    const { client: back } = await as('alice');
    back.send('resume', { session_id: alice.welcome.payload.session_id, resume_token: alice.welcome.payload.resume_token, rooms: { 'identity-1': 0 } });
    const welcome = await back.next('welcome', (w) => w.payload.session_id === alice.welcome.payload.session_id);
    expect(welcome.payload.client_id).toBe(alice.clientId);
    expect((await back.next('room_joined')).payload.players.map((p) => p.player_id).sort()).toEqual(['alice', 'bob']);
    await bystander.client.barrier();
    expect(bystander.client.received('player_left')).toEqual([]);
  });

  // Deliberate break this caught: ResumeService.takeOverLive without its identity check (main before
  // this test) closed alice with 4004, then refused mallory: alice's 'still here' never arrived.
  it("should refuse another user's resume of a session that is still connected without touching its owner", async () => {
    const alice = await as('alice');
    const bystander = await as('bob');
    for (const { client } of [alice, bystander]) {
      client.send('join_room', { room_id: 'identity-live' });
      await client.next('room_joined');
    }
    const { client: mallory } = await as('mallory');
    mallory.send('resume', { session_id: alice.welcome.payload.session_id, resume_token: alice.welcome.payload.resume_token });
    expect((await mallory.next('error')).payload).toEqual(expect.objectContaining({ code: 'RESUME_FAILED', message: expect.stringMatching(/another user/) }));
    // Alice's connection is untouched: still open, still in the room, with nothing sent to it.
    alice.client.send('chat', { room_id: 'identity-live', text: 'still here' });
    expect((await bystander.client.next('chat')).payload).toEqual(expect.objectContaining({ text: 'still here', from_client_id: alice.clientId }));
    await alice.client.barrier();
    expect(alice.client.socket.readyState).toBe(alice.client.socket.OPEN);
    expect(alice.client.frames.map((f) => f.type).filter((t) => t !== 'sync' && t !== 'pong')).toEqual(['welcome', 'room_joined', 'player_joined', 'chat']);
    expect(bystander.client.received('player_left')).toEqual([]);
  });

  it.each([':', '@'])('should refuse a resume token with %p appended', async (extra) => {
    const { alice } = await parkedSession(`identity-${extra.charCodeAt(0)}`);
    const { client } = await as('alice');
    client.send('resume', { session_id: alice.welcome.payload.session_id, resume_token: alice.welcome.payload.resume_token + extra });
    expect((await client.next('error')).payload).toEqual(expect.objectContaining({ code: 'RESUME_FAILED', message: expect.stringMatching(/not valid/) }));
  });
});
