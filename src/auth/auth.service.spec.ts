import { Test } from '@nestjs/testing';
import { SignJWT } from 'jose';
import { authConfig } from '../config';
import { AuthError, AuthService } from './auth.service';

const SECRET = 'unit-secret-0123456789abcdef';
const sign = (claims: { sub?: string; expSeconds?: number }, secret = SECRET, alg = 'HS256') => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg }).setExpirationTime(claims.expSeconds ?? Math.floor(Date.now() / 1000) + 60);
  if (claims.sub) jwt.setSubject(claims.sub);
  return jwt.sign(new TextEncoder().encode(secret));
};

async function serviceWith(secret: string): Promise<AuthService> {
  const module = await Test.createTestingModule({
    providers: [AuthService, { provide: authConfig.KEY, useValue: { secret } }],
  }).compile();
  return module.get(AuthService);
}

describe(AuthService.name, () => {
  describe('verify', () => {
    let auth: AuthService;
    beforeAll(async () => {
      auth = await serviceWith(SECRET);
    });

    it('should return the sub of a valid HS256 token', async () => {
      await expect(auth.verify(await sign({ sub: 'alice' }))).resolves.toBe('alice');
    });

    it.each([
      ['expired', () => sign({ sub: 'a', expSeconds: Math.floor(Date.now() / 1000) - 60 })],
      ['signed with another key', () => sign({ sub: 'a' }, 'another-secret-0123456789')],
      ['signed with HS512', () => sign({ sub: 'a' }, SECRET, 'HS512')],
      ['without sub', () => sign({})],
      ['malformed', async () => 'a.b.c'],
    ])('should reject a token that is %s with an AuthError', async (_name, make) => {
      await expect(auth.verify(await make())).rejects.toBeInstanceOf(AuthError);
    });
  });

  describe('enabled', () => {
    it('should be off without AUTH_SECRET and refuse to verify', async () => {
      const open = await serviceWith('');
      expect(open.enabled).toBe(false);
      await expect(open.verify(await sign({ sub: 'a' }))).rejects.toBeInstanceOf(AuthError);
    });
  });
});
