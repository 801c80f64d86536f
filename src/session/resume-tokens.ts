import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ResumeKeys } from './resume-keys.port';

/**
 * Resume tokens: `<client_id>.<HMAC-SHA256(key, session_id, client_id)>`, base64url. Anyone
 * holding the key can verify a token without a lookup (any instance of a cluster: the keys are
 * RESUME_TOKEN_SECRET, or one shared through Redis); nobody without it can forge one for a
 * session id they learned. Whether the session still exists is the session store's business.
 */
export class ResumeTokens {
  constructor(private readonly keys: ResumeKeys) {}

  issue(sessionId: string, clientId: string): string {
    return `${clientId}.${mac(this.keys.signing, sessionId, clientId).toString('base64url')}`;
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
    let valid = false;
    for (const key of this.keys.verifying) {
      const expected = Buffer.from(mac(key, sessionId, clientId).toString('base64url'), 'utf8');
      // Constant time: how much of a guess matched must not show in the response time.
      if (given.length === expected.length && timingSafeEqual(given, expected)) valid = true;
    }
    return valid ? clientId : undefined;
  }
}

function mac(key: Buffer, sessionId: string, clientId: string): Buffer {
  return createHmac('sha256', key).update(`resume/v1\n${sessionId}\n${clientId}`).digest();
}
