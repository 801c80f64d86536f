import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, type KeyLike, SignJWT } from 'jose';
import { authConfig } from '../config';
import { AuthError } from './auth.errors';
import { AuthService } from './auth.service';

const SECRET = 'unit-secret-0123456789abcdef';
const now = () => Math.floor(Date.now() / 1000);

/** A signed token; `claims` default to `sub: 'alice'` and an `exp` a minute ahead. */
function sign(claims: JWTPayload, key: KeyLike | Uint8Array = new TextEncoder().encode(SECRET), header: { alg: string; kid?: string } = { alg: 'HS256' }) {
  return new SignJWT({ sub: 'alice', exp: now() + 60, ...claims }).setProtectedHeader(header).sign(key);
}

type AuthSettings = Partial<ConfigOf>;
type ConfigOf = { secret: string; publicKey: string; jwks: string; jwksTimeoutMs: number; issuer: string; audience: string[]; clockToleranceS: number };

async function serviceWith(settings: AuthSettings): Promise<AuthService> {
  const config: ConfigOf = { secret: '', publicKey: '', jwks: '', jwksTimeoutMs: 5000, issuer: '', audience: [], clockToleranceS: 5, ...settings };
  const module = await Test.createTestingModule({ providers: [AuthService, { provide: authConfig.KEY, useValue: config }] }).compile();
  await module.init();
  return module.get(AuthService);
}

describe(AuthService.name, () => {
  describe('verify with AUTH_SECRET (HS256)', () => {
    let auth: AuthService;
    beforeAll(async () => {
      auth = await serviceWith({ secret: SECRET });
    });

    it('should return the sub and the expiry (ms) of a valid token', async () => {
      const exp = now() + 120;
      await expect(auth.verify(await sign({ exp }))).resolves.toEqual({ userId: 'alice', expiresAt: exp * 1000, roles: [] });
    });

    it('should report 0 (never) for a token without exp', async () => {
      await expect(auth.verify(await sign({ exp: undefined }))).resolves.toEqual({ userId: 'alice', expiresAt: 0, roles: [] });
    });

    it('should return the role claim and the roles list together (what the server API checks)', async () => {
      const verified = await auth.verify(await sign({ role: 'gateway-admin', roles: ['gateway-api', 7] }));
      expect(verified.roles).toEqual(['gateway-admin', 'gateway-api']);
    });

    it('should reject an expired token with an AuthError marked expired', async () => {
      const error = await auth.verify(await sign({ exp: now() - 60 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).expired).toBe(true);
    });

    it.each([
      ['issued in the future beyond the clock tolerance (iat)', () => sign({ iat: now() + 60 })],
      ['not valid before a future time beyond the tolerance (nbf)', () => sign({ nbf: now() + 60 })],
      ['signed with another key', () => sign({}, new TextEncoder().encode('another-secret-0123456789'))],
      ['signed with HS512', () => sign({}, undefined, { alg: 'HS512' })],
      ['without sub', () => sign({ sub: undefined })],
      ['malformed', async () => 'a.b.c'],
    ])('should reject a token %s with an AuthError, not marked expired', async (_name, make) => {
      const error = await auth.verify(await make()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).expired).toBe(false);
    });

    it('should accept iat and nbf within the clock tolerance', async () => {
      await expect(auth.verify(await sign({ iat: now() + 3, nbf: now() + 3 }))).resolves.toEqual(expect.objectContaining({ userId: 'alice' }));
    });
  });

  describe('verify with AUTH_ISSUER and AUTH_AUDIENCE', () => {
    it('should accept only the configured issuer and one of the audiences', async () => {
      const auth = await serviceWith({ secret: SECRET, issuer: 'https://id.example.com', audience: ['game', 'chat'] });
      await expect(auth.verify(await sign({ iss: 'https://id.example.com', aud: 'chat' }))).resolves.toBeDefined();
      await expect(auth.verify(await sign({ iss: 'https://evil.example.com', aud: 'game' }))).rejects.toBeInstanceOf(AuthError);
      await expect(auth.verify(await sign({ iss: 'https://id.example.com', aud: 'billing' }))).rejects.toBeInstanceOf(AuthError);
      await expect(auth.verify(await sign({ aud: 'game' }))).rejects.toBeInstanceOf(AuthError);
    });
  });

  describe('verify with asymmetric keys', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'auth-keys-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(['RS256', 'ES256'])('should verify %s tokens with AUTH_PUBLIC_KEY as PEM text, escaped PEM or a file', async (alg) => {
      const { publicKey, privateKey } = await generateKeyPair(alg);
      const pem = await exportSPKI(publicKey);
      const file = join(dir, `${alg}.pem`);
      writeFileSync(file, pem);
      for (const value of [pem, pem.replace(/\n/g, '\\n'), file]) {
        const auth = await serviceWith({ publicKey: value });
        await expect(auth.verify(await sign({}, privateKey, { alg }))).resolves.toEqual(expect.objectContaining({ userId: 'alice' }));
      }
    });

    it('should refuse an HS256 token signed with the public key as its secret (algorithm confusion)', async () => {
      const { publicKey } = await generateKeyPair('RS256');
      const pem = await exportSPKI(publicKey);
      const auth = await serviceWith({ publicKey: pem });
      await expect(auth.verify(await sign({}, new TextEncoder().encode(pem)))).rejects.toBeInstanceOf(AuthError);
    });

    it('should refuse an alg none token whatever is configured', async () => {
      const { publicKey } = await generateKeyPair('ES256');
      const auth = await serviceWith({ secret: SECRET, publicKey: await exportSPKI(publicKey) });
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      await expect(auth.verify(`${part({ alg: 'none' })}.${part({ sub: 'alice', exp: now() + 60 })}.`)).rejects.toBeInstanceOf(AuthError);
    });

    it('should verify by kid against a JWKS file and refuse an unknown kid', async () => {
      const rsa = await generateKeyPair('RS256');
      const ec = await generateKeyPair('ES256');
      const stranger = await generateKeyPair('RS256');
      const keys = [
        { ...(await exportJWK(rsa.publicKey)), kid: 'r1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'e1', alg: 'ES256', use: 'sig' },
      ];
      const file = join(dir, 'jwks.json');
      writeFileSync(file, JSON.stringify({ keys }));
      const auth = await serviceWith({ jwks: file });
      await expect(auth.verify(await sign({ sub: 'rsa-user' }, rsa.privateKey, { alg: 'RS256', kid: 'r1' }))).resolves.toEqual(
        expect.objectContaining({ userId: 'rsa-user' }),
      );
      await expect(auth.verify(await sign({ sub: 'ec-user' }, ec.privateKey, { alg: 'ES256', kid: 'e1' }))).resolves.toEqual(
        expect.objectContaining({ userId: 'ec-user' }),
      );
      await expect(auth.verify(await sign({}, stranger.privateKey, { alg: 'RS256', kid: 'x9' }))).rejects.toBeInstanceOf(AuthError);
      await expect(auth.verify(await sign({}, stranger.privateKey, { alg: 'RS256', kid: 'r1' }))).rejects.toBeInstanceOf(AuthError);
    });

    it.each([
      ['AUTH_PUBLIC_KEY', { publicKey: '/nonexistent/key.pem' }],
      ['AUTH_PUBLIC_KEY', { publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----' }],
      ['AUTH_JWKS', { jwks: '/nonexistent/jwks.json' }],
      ['AUTH_JWKS', { publicKey: '-----BEGIN PUBLIC KEY-----x', jwks: 'https://id.example.com/jwks.json' }],
    ])('should fail at startup naming %s when the key cannot be used', async (name, settings) => {
      await expect(serviceWith(settings)).rejects.toThrow(name);
    });
  });

  describe('enabled', () => {
    it('should be off without any key and refuse to verify', async () => {
      const open = await serviceWith({});
      expect(open.enabled).toBe(false);
      await expect(open.verify(await sign({}))).rejects.toBeInstanceOf(AuthError);
    });
  });
});
