import { randomBytes } from 'node:crypto';

/** A random, URL-safe identifier with `bytes` bytes of entropy (base64url, no padding). */
export function randomId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}
