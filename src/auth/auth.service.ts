import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { errors, jwtVerify, type JWTVerifyResult } from 'jose';
import { authConfig } from '../config';
import { AuthError, AuthUnavailableError } from './auth.errors';
import { loadTokenKeys, type TokenKeys } from './token-keys';

/** Who a token speaks for, and until when. */
export interface VerifiedToken {
  /** The token's `sub`: the user id (and player id) of the connection. */
  userId: string;
  /** The token's `exp` in ms since the epoch; 0 when it has none (never expires). */
  expiresAt: number;
  /** The token's `role` claim (a string) and `roles` claim (a list of strings), together; empty without them. */
  roles: readonly string[];
}

/** `role: "admin"` and `roles: ["a", "b"]` are both common; anything else is ignored. */
function rolesOf(payload: Record<string, unknown>): string[] {
  const roles = typeof payload.role === 'string' ? [payload.role] : [];
  if (Array.isArray(payload.roles)) for (const role of payload.roles) if (typeof role === 'string') roles.push(role);
  return roles;
}

/**
 * Verifies the JWTs clients present at the upgrade and in `refresh`: HS256 with AUTH_SECRET,
 * RS256/ES256 with AUTH_PUBLIC_KEY or AUTH_JWKS (see `loadTokenKeys`), `iss`/`aud` when
 * AUTH_ISSUER/AUTH_AUDIENCE are set, `exp`, `nbf` and `iat` within AUTH_CLOCK_TOLERANCE_S. The
 * token's `sub` is the user id. With no key configured the gateway runs in open mode: no token
 * needed, and `user_id` from `join_room` is believed.
 *
 * @example const { userId, expiresAt } = await auth.verify(token); // or AuthError / AuthUnavailableError
 */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  /** Whether a token is required. */
  readonly enabled: boolean;
  private keys: Promise<TokenKeys | undefined> | undefined;

  constructor(@Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>) {
    this.enabled = Boolean(config.secret || config.publicKey || config.jwks);
  }

  /** Loads the keys at boot, so that a bad key stops the startup instead of the first upgrade. */
  async onModuleInit(): Promise<void> {
    if (!this.enabled) {
      this.logger.warn('no AUTH_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS: open mode, clients connect without a token and choose their user_id');
      return;
    }
    const keys = await this.loadKeys();
    keys?.warmUp?.().catch((error: Error) => this.logger.warn(`AUTH_JWKS not reachable yet (${error.message}); upgrades get 503 until it is`));
  }

  /** The verified token, or rejects with AuthError (the token's fault) or AuthUnavailableError (retry later). */
  async verify(token: string): Promise<VerifiedToken> {
    const keys = await this.loadKeys();
    if (!keys) throw new AuthError('authentication is off (no AUTH_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS)');
    const { clockToleranceS, issuer, audience } = this.config;
    let result: JWTVerifyResult;
    try {
      result = await jwtVerify(token, keys.getKey, {
        algorithms: keys.algorithms,
        clockTolerance: clockToleranceS,
        issuer: issuer || undefined,
        audience: audience.length > 0 ? audience : undefined,
      });
    } catch (error) {
      if (error instanceof AuthUnavailableError) throw error;
      if (error instanceof errors.JWTExpired) throw new AuthError(`token expired: ${error.message}`, true);
      throw new AuthError(`invalid token: ${(error as Error).message}`);
    }
    const { sub, iat, exp } = result.payload;
    if (typeof sub !== 'string' || sub === '') throw new AuthError('invalid token: no "sub" claim');
    // jose checks `iat` only against a maximum age; a token "issued" in the future is refused here.
    if (typeof iat === 'number' && iat > Date.now() / 1000 + clockToleranceS) throw new AuthError('invalid token: "iat" is in the future');
    return { userId: sub, expiresAt: typeof exp === 'number' ? exp * 1000 : 0, roles: rolesOf(result.payload) };
  }

  private loadKeys(): Promise<TokenKeys | undefined> {
    return (this.keys ??= loadTokenKeys(this.config));
  }
}
