import { SignJWT } from 'jose';
import type { RunningGateway } from '../support/gateway';
import { useGatewayPair } from '../support/gateway-pair';
import { TestClient } from '../support/test-client';

const SECRET = 'e2e-secret-0123456789abcdef';
const token = (sub: string) => new SignJWT({ sub }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));

/**
 * Issue 13 item 1 across instances: another user's resume of a session that is still connected on
 * another instance is refused before that instance is asked to park it, so its owner notices nothing.
 * Deliberate break tried: without the user check in `SessionHandover.claim`, alice's socket on the
 * first instance was closed with 4004 and her 'still here' never arrived.
 */
describe('resume by another user, across instances', () => {
  const clients: TestClient[] = [];
  // Before the pair's: the clients close before the instances (jest runs afterAll hooks in the order declared).
  afterAll(() => Promise.all(clients.map((client) => client.close())));
  const { gateways: gws } = useGatewayPair('standalone', { AUTH_SECRET: SECRET, RESUME_GRACE_MS: '60000' });
  const as = async (gw: RunningGateway, sub: string) => {
    const welcomed = await TestClient.connectWelcomed(gw.wsUrl, { extraProtocols: [`token.${await token(sub)}`] });
    clients.push(welcomed.client);
    return welcomed;
  };

  it("should refuse it with RESUME_FAILED and leave the owner's connection on the other instance untouched", async () => {
    const alice = await as(gws[0], 'alice');
    alice.client.send('join_room', { room_id: 'identity-bridged' });
    await alice.client.next('room_joined');
    const mallory = await as(gws[1], 'mallory');
    mallory.client.send('resume', { session_id: alice.welcome.payload.session_id, resume_token: alice.welcome.payload.resume_token });
    expect((await mallory.client.next('error', undefined, 10000)).payload.code).toBe('RESUME_FAILED');
    alice.client.send('chat', { room_id: 'identity-bridged', text: 'still here' });
    await alice.client.next('chat', (f) => f.payload.text === 'still here');
    expect(alice.client.socket.readyState).toBe(alice.client.socket.OPEN);
  });
});
