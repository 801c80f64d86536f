import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Resume tokens: `<client_id>.<HMAC-SHA256(secret, session_id, client_id)>`, base64url. Anyone
 * holding the secret can verify a token without a lookup (any instance of a cluster, given the
 * same RESUME_TOKEN_SECRET); nobody without it can forge one for a session id they learned.
 * Whether the session still exists is the session store's business, not the token's.
 */
export class ResumeTokens {
  private readonly key: Buffer;

  /** An empty secret means a random key for this process: tokens do not outlive it. */
  constructor(secret: string) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(sessionId: string, clientId: string): string {
    return `${clientId}.${this.mac(sessionId, clientId).toString('base64url')}`;
  }

  /**
   * The client id the token was issued to for this session, or undefined if it was not issued by
   * us. The MAC is compared as the exact text that was issued, not decoded: base64url decoding
   * skips characters outside its alphabet and ignores the last character's spare bits, so a
   * decoded comparison would accept other spellings of a valid token.
   */
  verify(sessionId: string, token: string): string | undefined {
    const dot = token.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const clientId = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.mac(sessionId, clientId).toString('base64url'), 'utf8');
    // Constant time: how much of a guess matched must not show in the response time.
    return given.length === expected.length && timingSafeEqual(given, expected) ? clientId : undefined;
  }

  private mac(sessionId: string, clientId: string): Buffer {
    return createHmac('sha256', this.key).update(`resume/v1\n${sessionId}\n${clientId}`).digest();
  }
}
