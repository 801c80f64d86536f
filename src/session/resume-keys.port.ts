/**
 * The HMAC keys of resume tokens. `signing` signs every new token; a token signed with any key
 * of `verifying` (which includes `signing`) is accepted. Both may change while the process runs
 * (a key shared through Redis is adopted after startup): read them at each use.
 */
export interface ResumeKeys {
  readonly signing: Buffer;
  readonly verifying: readonly Buffer[];
}
