import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AuthError, AuthService, AuthUnavailableError } from '../auth';
import { limitsConfig, openFilesLimit, RESERVED_FILES_MIN } from '../config';
import { ConnectionDrain, ConnectionPool, type UpgradeRequest } from '../connection';
import { MetricsService } from '../metrics';
import { CloseCode } from '../protocol';

/**
 * Why an upgrade is refused: an HTTP status and reason phrase sent instead of a socket, or, for
 * an authentication failure, a close code and reason sent right after accepting it (a browser
 * sees a refused upgrade only as close 1006; it does see a close frame).
 */
export type UpgradeRefusal = { status: number; reason: string; closeCode?: undefined } | { closeCode: number; reason: string; status?: undefined };

/** Prefix of the Sec-WebSocket-Protocol entry that carries a token (`token.<jwt>`). */
export const TOKEN_SUBPROTOCOL_PREFIX = 'token.';

const SHUTTING_DOWN: UpgradeRefusal = { status: 503, reason: 'Service Unavailable' };
const FULL: UpgradeRefusal = { status: 503, reason: 'Service Unavailable' };
const TOO_MANY_FROM_ADDRESS: UpgradeRefusal = { status: 429, reason: 'Too Many Requests' };
const FORBIDDEN_ORIGIN: UpgradeRefusal = { status: 403, reason: 'Forbidden' };

/** Label values of `upgrades_refused_total`. */
type RefusalReason = 'shutting_down' | 'full' | 'per_address' | 'origin' | 'unauthorized' | 'token_expired' | 'auth_unavailable';

/**
 * The checks an upgrade on /ws passes before a socket is opened, cheapest first:
 * 1. shutting down (503), MAX_CONNECTIONS reached (503), MAX_CONNECTIONS_PER_IP reached (429),
 *    counting the upgrades still being checked, so that slow token checks cannot pile up;
 * 2. origin (403, only with ALLOWED_ORIGINS; a request without Origin is a non-browser client);
 * 3. token (only with authentication on; `?token=` or a `token.<jwt>` subprotocol entry):
 *    missing or invalid → close 4100, expired → close 4101, keys unreachable → 503.
 * A verified user id and token expiry are left on the request for the pool to copy onto the
 * connection. Refusals are counted by reason and nothing else: no session, no pool entry.
 */
@Injectable()
export class UpgradeGate implements OnModuleInit {
  private readonly logger = new Logger(UpgradeGate.name);
  private readonly origins: ReadonlySet<string>;
  /** Upgrades between the `upgrade` event and their socket's registration (or refusal). */
  private pending = 0;
  private readonly pendingByAddress = new Map<string, number>();
  private readonly refused: Record<RefusalReason, number> = {
    shutting_down: 0,
    full: 0,
    per_address: 0,
    origin: 0,
    unauthorized: 0,
    token_expired: 0,
    auth_unavailable: 0,
  };

  constructor(
    @Inject(limitsConfig.KEY) private readonly limits: ConfigType<typeof limitsConfig>,
    private readonly auth: AuthService,
    private readonly pool: ConnectionPool,
    private readonly drain: ConnectionDrain,
    private readonly metrics: MetricsService,
  ) {
    this.origins = new Set(limits.allowedOrigins);
  }

  onModuleInit(): void {
    for (const reason of Object.keys(this.refused) as RefusalReason[]) {
      this.metrics.countRefusedUpgrades(reason, () => this.refused[reason]);
    }
    const files = openFilesLimit();
    if (this.limits.maxConnections === 0 || this.limits.maxConnections > files - RESERVED_FILES_MIN) {
      this.logger.warn(
        `MAX_CONNECTIONS=${this.limits.maxConnections} leaves fewer than ${RESERVED_FILES_MIN} of the ${files} open files ` +
          'to Redis, probes and logs: when full, /health may fail. Lower it or raise the limit (ulimit -n)',
      );
    }
  }

  /** Upgrades counted as pending right now (for tests and metrics). */
  get pendingUpgrades(): number {
    return this.pending;
  }

  /**
   * Runs one upgrade through the checks. If it may go ahead, `open` is called (synchronously
   * registering the socket) while the upgrade still counts as pending, and the promise resolves
   * with undefined; otherwise it resolves with the refusal to send. Never rejects.
   */
  async admit(request: UpgradeRequest, open: () => void): Promise<UpgradeRefusal | undefined> {
    const early = this.checkCapacity(request);
    if (early) return early;
    const address = request.socket.remoteAddress ?? '';
    this.pending += 1;
    this.pendingByAddress.set(address, (this.pendingByAddress.get(address) ?? 0) + 1);
    try {
      const refusal = await this.checkClient(request);
      if (!refusal) open();
      return refusal;
    } finally {
      this.pending -= 1;
      const left = this.pendingByAddress.get(address)! - 1;
      if (left > 0) this.pendingByAddress.set(address, left);
      else this.pendingByAddress.delete(address);
    }
  }

  /** The synchronous checks, before anything is awaited or counted. */
  private checkCapacity(request: UpgradeRequest): UpgradeRefusal | undefined {
    if (this.drain.draining) return this.refuse('shutting_down', SHUTTING_DOWN);
    const { maxConnections, maxConnectionsPerIp } = this.limits;
    if (maxConnections > 0 && this.pool.size + this.pending >= maxConnections) return this.refuse('full', FULL);
    const address = request.socket.remoteAddress ?? '';
    if (maxConnectionsPerIp > 0 && this.pool.connectionsFrom(address) + (this.pendingByAddress.get(address) ?? 0) >= maxConnectionsPerIp) {
      return this.refuse('per_address', TOO_MANY_FROM_ADDRESS);
    }
    return undefined;
  }

  private async checkClient(request: UpgradeRequest): Promise<UpgradeRefusal | undefined> {
    const origin = request.headers.origin;
    if (this.origins.size > 0 && origin !== undefined && !this.origins.has(origin.toLowerCase())) {
      return this.refuse('origin', FORBIDDEN_ORIGIN);
    }
    if (!this.auth.enabled) return undefined;
    const token = tokenOf(request);
    if (!token) return this.refuse('unauthorized', { closeCode: CloseCode.Unauthorized, reason: 'token missing: send ?token= or a token.<jwt> subprotocol' });
    try {
      const verified = await this.auth.verify(token);
      request.verifiedUserId = verified.userId;
      request.tokenExpiresAt = verified.expiresAt;
    } catch (error) {
      if (error instanceof AuthUnavailableError) {
        this.logger.warn(`upgrade refused with 503: ${error.message}`);
        return this.refuse('auth_unavailable', SHUTTING_DOWN);
      }
      if (!(error instanceof AuthError)) throw error;
      if (error.expired) return this.refuse('token_expired', { closeCode: CloseCode.TokenExpired, reason: 'token expired: get a new token' });
      return this.refuse('unauthorized', { closeCode: CloseCode.Unauthorized, reason: closeReason(error.message) });
    }
    // Checked again: shutdown may have begun while the token was being verified.
    if (this.drain.draining) return this.refuse('shutting_down', SHUTTING_DOWN);
    return undefined;
  }

  private refuse(reason: RefusalReason, refusal: UpgradeRefusal): UpgradeRefusal {
    this.refused[reason] += 1;
    return refusal;
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

/** A close reason must fit in 123 bytes; the verifier's message says what was wrong. */
function closeReason(message: string): string {
  const reason = message.replace(/[^\x20-\x7e]/g, '?');
  return reason.length > 120 ? `${reason.slice(0, 117)}...` : reason;
}
