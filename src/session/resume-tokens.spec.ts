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

    it.each(['', 'no-dot', '.only-mac', 'client-a.', 'client-a.short'])('should refuse the garbled token %p', (token) => {
      expect(tokens.verify('s1', token)).toBeUndefined();
    });
  });
});
