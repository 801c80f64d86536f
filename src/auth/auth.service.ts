import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { jwtVerify } from 'jose';
import { authConfig } from '../config';

/** A token was missing, malformed, expired, wrongly signed or without `sub`. */
export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Signing algorithm accepted; anything else (including `none`) is refused. */
const ALGORITHMS = ['HS256'];
/** Clock skew tolerated between the token issuer and this instance. */
const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies the HS256 JWTs clients present at the upgrade (AUTH_SECRET). The token's `sub` is the
 * user id. Without AUTH_SECRET the gateway runs in open mode: no token needed, and `user_id`
 * from `join_room` is believed.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private readonly key: Uint8Array | undefined;

  constructor(@Inject(authConfig.KEY) config: ConfigType<typeof authConfig>) {
    this.key = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  }

  /** Whether a token is required. */
  get enabled(): boolean {
    return this.key !== undefined;
  }

  onModuleInit(): void {
    if (!this.enabled) {
      this.logger.warn('AUTH_SECRET is not set: open mode, clients connect without a token and choose their user_id');
    }
  }

  /** Returns the verified user id (`sub`), or rejects with an AuthError saying why. */
  async verify(token: string): Promise<string> {
    if (!this.key) throw new AuthError('authentication is off (no AUTH_SECRET)');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ALGORITHMS, clockTolerance: CLOCK_TOLERANCE_S }));
    } catch (error) {
      throw new AuthError(`invalid token: ${(error as Error).message}`);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthError('invalid token: no "sub" claim');
    return payload.sub;
  }
}
