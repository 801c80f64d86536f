import { randomBytes } from 'node:crypto';
import type { ResumeKeys } from './resume-keys.port';

/**
 * One key for the life of the process: RESUME_TOKEN_SECRET when set (every instance configured
 * with the same one accepts every instance's tokens), else a random key, which is enough for a
 * single instance (its sessions do not outlive it anyway).
 */
export class StaticResumeKeys implements ResumeKeys {
  readonly signing: Buffer;
  readonly verifying: readonly Buffer[];

  constructor(secret: string) {
    this.signing = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
    this.verifying = [this.signing];
  }
}
