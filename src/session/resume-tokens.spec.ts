import { ResumeTokens } from './resume-tokens';
import { StaticResumeKeys } from './static.resume-keys';

const withSecret = (secret: string) => new ResumeTokens(new StaticResumeKeys(secret));

describe(ResumeTokens, () => {
  const tokens = withSecret('x'.repeat(32));

  describe('verify', () => {
    it('should return the client id a token was issued to', () => {
      expect(tokens.verify('s1', tokens.issue('s1', 'client-a'))).toBe('client-a');
    });

    it('should refuse a token for another session, another client, or another secret', () => {
      const token = tokens.issue('s1', 'client-a');
      expect(tokens.verify('s2', token)).toBeUndefined();
      expect(tokens.verify('s1', token.replace('client-a', 'client-b'))).toBeUndefined();
      expect(withSecret('y'.repeat(32)).verify('s1', token)).toBeUndefined();
      expect(withSecret('').verify('s1', token)).toBeUndefined();
    });

    it.each([':', '@', '=', '==', '.', ' ', '%3A', '\n'])('should refuse a valid token with %p appended (no lax decoding)', (extra) => {
      const token = tokens.issue('s1', 'client-a');
      expect(tokens.verify('s1', token)).toBe('client-a');
      expect(tokens.verify('s1', token + extra)).toBeUndefined();
    });

    it('should refuse a token whose last character differs only in bits that base64url decoding ignores', () => {
      // 32 bytes are 43 base64url characters: the last one carries 2 unused bits, so 4 spellings
      // decode to the same bytes. Only the spelling that was issued is accepted.
      const token = tokens.issue('s1', 'client-a');
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(token.at(-1)!);
      const twin = token.slice(0, -1) + alphabet[last ^ 1];
      expect(Buffer.from(twin.split('.')[1], 'base64url')).toEqual(Buffer.from(token.split('.')[1], 'base64url'));
      expect(tokens.verify('s1', twin)).toBeUndefined();
    });

    it('should accept tokens signed with any verifying key and sign with the signing key only', () => {
      const [a, b] = [Buffer.alloc(32, 1), Buffer.alloc(32, 2)];
      const keys = { signing: a, verifying: [a] as Buffer[] };
      const ring = new ResumeTokens(keys);
      const signedWithA = ring.issue('s1', 'client-a');
      Object.assign(keys, { signing: b, verifying: [b, a] });
      expect(ring.verify('s1', signedWithA)).toBe('client-a');
      expect(ring.issue('s1', 'client-a')).not.toBe(signedWithA);
      Object.assign(keys, { verifying: [b] });
      expect(ring.verify('s1', signedWithA)).toBeUndefined();
    });

    it.each(['', 'no-dot', '.only-mac', 'client-a.', 'client-a.short'])('should refuse the garbled token %p', (token) => {
      expect(tokens.verify('s1', token)).toBeUndefined();
    });
  });
});
