import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AuthError, AuthService } from '../auth';
import { limitsConfig } from '../config';
import { ConnectionDrain, ConnectionPool, type UpgradeRequest } from '../connection';

/** Why an upgrade is refused: the HTTP status and reason phrase sent instead of a socket. */
export interface UpgradeRefusal {
  status: number;
  reason: string;
}

/** Prefix of the Sec-WebSocket-Protocol entry that carries a token (`token.<jwt>`). */
export const TOKEN_SUBPROTOCOL_PREFIX = 'token.';

/**
 * The checks an upgrade on /ws passes before a socket is opened, cheapest first:
 * origin (403, only with ALLOWED_ORIGINS; a request without Origin is a non-browser client and
 * passes), token (401, only with AUTH_SECRET; `?token=` or a `token.<jwt>` subprotocol entry),
 * shutting down (503), connections from the address (429, only with MAX_CONNECTIONS_PER_IP).
 * A verified user id is left on the request for the pool to copy onto the connection.
 */
@Injectable()
export class UpgradeGate {
  private readonly origins: ReadonlySet<string>;

  constructor(
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    private readonly auth: AuthService,
    private readonly pool: ConnectionPool,
    private readonly drain: ConnectionDrain,
  ) {
    this.origins = new Set(limits.allowedOrigins);
  }

  /** Resolves with a refusal, or undefined when the upgrade may go ahead. Never rejects. */
  async check(request: UpgradeRequest): Promise<UpgradeRefusal | undefined> {
    if (this.drain.draining) return { status: 503, reason: 'Service Unavailable' };
    const origin = request.headers.origin;
    if (this.origins.size > 0 && origin !== undefined && !this.origins.has(origin.toLowerCase())) {
      return { status: 403, reason: 'Forbidden' };
    }
    if (this.auth.enabled) {
      const token = tokenOf(request);
      if (!token) return { status: 401, reason: 'Unauthorized' };
      try {
        request.verifiedUserId = await this.auth.verify(token);
      } catch (error) {
        if (error instanceof AuthError) return { status: 401, reason: 'Unauthorized' };
        throw error;
      }
      // Checked again: shutdown may have begun while the token was being verified.
      if (this.drain.draining) return { status: 503, reason: 'Service Unavailable' };
    }
    const max = this.limits.maxConnectionsPerIp;
    if (max > 0 && this.pool.connectionsFrom(request.socket.remoteAddress ?? '') >= max) {
      return { status: 429, reason: 'Too Many Requests' };
    }
    return undefined;
  }
}

/** The token from `?token=` or, failing that, from a `token.<jwt>` subprotocol entry. */
export function tokenOf(request: UpgradeRequest): string | undefined {
  const query = new URL(request.url ?? '/', 'ws://localhost').searchParams.get('token');
  if (query) return query;
  const offered = request.headers['sec-websocket-protocol'];
  if (!offered) return undefined;
  for (const entry of offered.split(',')) {
    const name = entry.trim();
    if (name.startsWith(TOKEN_SUBPROTOCOL_PREFIX) && name.length > TOKEN_SUBPROTOCOL_PREFIX.length) {
      return name.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
    }
  }
  return undefined;
}
