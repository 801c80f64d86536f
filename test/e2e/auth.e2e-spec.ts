import { SignJWT } from 'jose';
import { useGateway } from '../support/gateway';
import { TestClient } from '../support/test-client';
import { refusedUpgradeStatus } from '../support/upgrade';

const SECRET = 'e2e-secret-0123456789abcdef';

function token(claims: { sub?: string; exp?: number }, secret = SECRET): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 3600);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe('authentication at the upgrade (AUTH_SECRET)', () => {
  const gateway = useGateway({ AUTH_SECRET: SECRET });

  it('should accept a valid token in ?token= and use its sub as the player id', async () => {
    const { client } = await TestClient.connectWelcomed(`${gateway.wsUrl}?token=${await token({ sub: 'alice' })}`);
    client.send('join_room', { room_id: 'auth-room', user_id: 'mallory' });
    const joined = await client.next('room_joined');
    expect(joined.payload.players.map((p) => p.player_id)).toEqual(['alice']);
    await client.close();
  });

  it('should accept a token offered as a token.<jwt> subprotocol and answer with the game subprotocol only', async () => {
    const jwt = await token({ sub: 'bob' });
    const { client } = await TestClient.connectWelcomed(gateway.wsUrl, { codec: 'proto', extraProtocols: [`token.${jwt}`] });
    expect(client.socket.protocol).toBe('game.v1.proto');
    client.send('join_room', { room_id: 'auth-room-2' });
    expect((await client.next('room_joined')).payload.players[0].player_id).toBe('bob');
    await client.close();
  });

  it.each([
    ['no token', async () => gateway.wsUrl],
    ['an expired token', async () => `${gateway.wsUrl}?token=${await token({ sub: 'a', exp: Math.floor(Date.now() / 1000) - 60 })}`],
    ['a token signed with another key', async () => `${gateway.wsUrl}?token=${await token({ sub: 'a' }, 'another-secret-0123456789')}`],
    ['a token without sub', async () => `${gateway.wsUrl}?token=${await token({})}`],
    ['garbage', async () => `${gateway.wsUrl}?token=not.a.jwt`],
    ['an unsigned (alg none) token', async () => `${gateway.wsUrl}?token=${unsigned('a')}`],
  ])('should refuse %s with HTTP 401 and open no socket', async (_name, url) => {
    expect(await refusedUpgradeStatus(await url(), ['game.v1.json'])).toBe(401);
  });

  it('should refuse a bad token offered as a subprotocol with HTTP 401', async () => {
    const jwt = await token({ sub: 'a' }, 'another-secret-0123456789');
    expect(await refusedUpgradeStatus(gateway.wsUrl, ['game.v1.json', `token.${jwt}`])).toBe(401);
  });
});

function unsigned(sub: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
}
