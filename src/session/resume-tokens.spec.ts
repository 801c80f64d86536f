import { ResumeTokens } from './resume-tokens';

describe(ResumeTokens, () => {
  const tokens = new ResumeTokens('x'.repeat(32));

  describe('verify', () => {
    it('should return the client id a token was issued to', () => {
      expect(tokens.verify('s1', tokens.issue('s1', 'client-a'))).toBe('client-a');
    });

    it('should refuse a token for another session, another client, or another secret', () => {
      const token = tokens.issue('s1', 'client-a');
      expect(tokens.verify('s2', token)).toBeUndefined();
      expect(tokens.verify('s1', token.replace('client-a', 'client-b'))).toBeUndefined();
      expect(new ResumeTokens('y'.repeat(32)).verify('s1', token)).toBeUndefined();
      expect(new ResumeTokens('').verify('s1', token)).toBeUndefined();
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

    it.each(['', 'no-dot', '.only-mac', 'client-a.', 'client-a.short'])('should refuse the garbled token %p', (token) => {
      expect(tokens.verify('s1', token)).toBeUndefined();
    });
  });
});
