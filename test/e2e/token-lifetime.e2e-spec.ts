import { SignJWT } from 'jose';
import { ConnectionSweeper } from '../../src/connection';
import { useGateway } from '../support/gateway';
import { useClients } from '../support/test-client';

const SECRET = 'e2e-secret-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);

function token(sub: string, exp?: number): Promise<string> {
  const jwt = new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

/**
 * A connection lives as long as its token (issue 13, item 2): `welcome.token_expires_at`, close
 * 4101 once it passed without a `refresh`, and `refresh` with a new token of the same user.
 * The expiry is enforced by the connection sweep (no timer per connection); most tests drive
 * that sweep at a chosen time instead of waiting for it.
 */
describe.each(['json', 'proto'] as const)('token lifetime over %s (AUTH_SECRET, no clock tolerance)', (codec) => {
  const gateway = useGateway({ AUTH_SECRET: SECRET, AUTH_CLOCK_TOLERANCE_S: '0' });
  const { connect } = useClients(() => gateway.wsUrl, { codec });
  const sweepAt = (ms: number) => gateway.app.get(ConnectionSweeper).sweep(ms);

  async function connectAs(sub: string, exp?: number) {
    return connect({ extraProtocols: [`token.${await token(sub, exp)}`] });
  }

  it('should announce the token expiry in welcome (ms since the epoch) and 0 for a token without exp', async () => {
    const exp = now() + 600;
    expect((await connectAs('alice', exp)).welcome.payload.token_expires_at).toBe(exp * 1000);
    expect((await connectAs('alice')).welcome.payload.token_expires_at).toBe(0);
  });

  it('should close a connection whose token expired with 4101, on the sweep timer, without a refresh', async () => {
    const exp = now() + 2;
    const { client } = await connectAs('alice', exp);
    // The sweep runs every few seconds (a quarter of MAX_IDLE_MS, at most 5 s): no fixed wait here.
    const closed = await Promise.race([client.closed, new Promise((resolve) => setTimeout(resolve, 15000, 'still open').unref())]);
    expect(closed).toEqual({ code: 4101, reason: expect.stringMatching(/token expired/) });
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });

  it('should keep a connection that refreshed its token past the old expiry, and close it at the new one', async () => {
    const exp = now() + 60;
    const { client } = await connectAs('alice', exp);
    const later = now() + 3600;
    client.send('refresh', { token: await token('alice', later) }, 'r1');
    expect((await client.next('refreshed')).payload.token_expires_at).toBe(later * 1000);
    await client.next('ack', (ack) => ack.payload.id === 'r1');
    sweepAt(exp * 1000 + 1000);
    await client.barrier(); // still open and answering
    sweepAt(later * 1000);
    expect(await client.closed).toEqual(expect.objectContaining({ code: 4101 }));
  });

  it('should refuse a refresh with another user\'s token with UNAUTHORIZED and keep the connection and its expiry', async () => {
    const exp = now() + 60;
    const { client } = await connectAs('alice', exp);
    client.send('refresh', { token: await token('mallory', now() + 3600) }, 'r2');
    const error = await client.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED', ref_type: 'refresh', ref_id: 'r2' }));
    expect(error.payload.message).toMatch(/another user/);
    client.send('join_room', { room_id: `still-alice-${codec}` });
    expect((await client.next('room_joined')).payload.players[0].player_id).toBe('alice');
    sweepAt(exp * 1000);
    expect(await client.closed).toEqual(expect.objectContaining({ code: 4101 }));
  });

  it.each([
    ['an expired token', () => token('alice', now() - 10)],
    ['a token signed with another key', () => new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(32)))],
  ])('should refuse a refresh with %s with UNAUTHORIZED and change nothing', async (_name, make) => {
    const exp = now() + 60;
    const { client } = await connectAs('alice', exp);
    client.send('refresh', { token: await make() });
    expect((await client.next('error')).payload).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED', ref_type: 'refresh' }));
    expect(client.received('refreshed')).toEqual([]);
    sweepAt(exp * 1000 - 1000); // not shortened
    await client.barrier();
    sweepAt(exp * 1000); // not extended
    expect(await client.closed).toEqual(expect.objectContaining({ code: 4101 }));
  });

  it('should refuse a refresh whose token is not a JWT with INVALID_PAYLOAD', async () => {
    const { client } = await connectAs('alice', now() + 60);
    client.send('refresh', { token: 'not a token' });
    expect((await client.next('error')).payload).toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_type: 'refresh' }));
  });

  it('should give a resumed session the expiry of the new connection\'s token', async () => {
    const { client: first, welcome } = await connectAs('alice', now() + 60);
    first.socket.terminate();
    const later = now() + 7200;
    const { client: second } = await connectAs('alice', later);
    second.send('resume', { session_id: welcome.payload.session_id, resume_token: welcome.payload.resume_token });
    const resumed = await second.next('welcome', (w) => w.payload.session_id === welcome.payload.session_id);
    expect(resumed.payload.token_expires_at).toBe(later * 1000);
  });
});

describe('refresh in open mode (no authentication)', () => {
  const gateway = useGateway();
  const { connect } = useClients(() => gateway.wsUrl);

  it('should announce token_expires_at 0 and refuse a refresh with UNAUTHORIZED', async () => {
    const { client, welcome } = await connect();
    expect(welcome.payload.token_expires_at).toBe(0);
    client.send('refresh', { token: await token('alice', now() + 60) });
    const error = await client.next('error');
    expect(error.payload).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED', message: expect.stringMatching(/authentication is off/) }));
  });
});

