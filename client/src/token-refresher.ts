/** How the SDK gets a token: on connect, on every reconnect, and before the current one expires. */
export type TokenProvider = () => string | Promise<string>;

/**
 * Refreshes the connection's token before it expires: `marginMs` before `token_expires_at` (at
 * most half the remaining lifetime), it asks `getToken()` and sends `refresh`; the server's
 * `refreshed` brings the next expiry, and the cycle repeats. A failure is reported, not retried:
 * the server then closes with 4101 at expiry, and the close policy asks for a token once more.
 */
export class TokenRefresher {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly getToken: TokenProvider | undefined,
    private readonly sendRefresh: (token: string) => Promise<unknown>,
    private readonly serverNow: () => number,
    private readonly onFailure: (error: Error) => void,
    private readonly marginMs: number,
  ) {}

  /** Plans the next refresh for a token expiring at `expiresAt` (server ms since the epoch; 0/absent: never). */
  schedule(expiresAt: number | undefined): void {
    this.cancel();
    if (!this.getToken || !expiresAt) return;
    const remaining = expiresAt - this.serverNow();
    const delay = Math.max(0, remaining - Math.min(this.marginMs, remaining / 2));
    this.timer = setTimeout(() => void this.refresh(), delay);
    (this.timer as { unref?: () => void }).unref?.();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async refresh(): Promise<void> {
    this.timer = undefined;
    try {
      await this.sendRefresh(await this.getToken!());
    } catch (error) {
      this.onFailure(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
