import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthService } from '../auth';
import { serverApiConfig } from '../config';
import { ApiError, ApiErrorCode } from './server-api.errors';

/** `api`: the server API (`/api`); `admin`: the console (`/admin`), whose key opens `/api` too. */
export type ApiScope = 'api' | 'admin';

/** Same-length digests, so the comparison takes the same time whatever the presented key. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Who may call the server API and open the admin console: a key (SERVER_API_KEY, ADMIN_API_KEY)
 * compared in constant time, or a JWT verified by the auth module whose role claim holds
 * SERVER_API_JWT_ROLE / ADMIN_JWT_ROLE. Nothing is open by default: a scope with no key and no
 * role configured answers 404 API_OFF, and the startup log says how to turn it on.
 */
@Injectable()
export class ApiCredentials implements OnApplicationBootstrap {
  private readonly logger = new Logger('ServerApi');
  private readonly keys: Record<ApiScope, Buffer[]>;
  private readonly roles: Record<ApiScope, string[]>;

  constructor(
    @Inject(serverApiConfig.KEY) config: ConfigType<typeof serverApiConfig>,
    private readonly auth: AuthService,
  ) {
    const admin = config.adminApiKey ? [digest(config.adminApiKey)] : [];
    this.keys = { api: [...(config.serverApiKey ? [digest(config.serverApiKey)] : []), ...admin], admin };
    const adminRoles = config.adminJwtRole && auth.enabled ? [config.adminJwtRole] : [];
    this.roles = { api: [...(config.serverApiJwtRole && auth.enabled ? [config.serverApiJwtRole] : []), ...adminRoles], admin: adminRoles };
  }

  enabled(scope: ApiScope): boolean {
    return this.keys[scope].length > 0 || this.roles[scope].length > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled('api')) {
      this.logger.log('server API off (/api answers 404): set SERVER_API_KEY (or SERVER_API_JWT_ROLE with authentication on) to turn it on');
    }
    if (!this.enabled('admin')) this.logger.log('admin console off (/admin answers 404): set ADMIN_API_KEY (or ADMIN_JWT_ROLE) to turn it on');
  }

  /** Throws 404 API_OFF, naming the variable to set, while `scope` is off. */
  requireEnabled(scope: ApiScope): void {
    if (this.enabled(scope)) return;
    const how = scope === 'api' ? 'SERVER_API_KEY or ADMIN_API_KEY' : 'ADMIN_API_KEY';
    throw new ApiError(ApiErrorCode.ApiOff, `the ${scope === 'api' ? 'server API' : 'admin console'} is off; set ${how} on the gateway to turn it on`);
  }

  /** Resolves when `authorization` (the header) opens `scope`; rejects with 404 API_OFF or 401 UNAUTHORIZED. */
  async check(scope: ApiScope, authorization: string | undefined): Promise<void> {
    this.requireEnabled(scope);
    const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!presented) throw new ApiError(ApiErrorCode.Unauthorized, 'missing credentials: send "Authorization: Bearer <key>"');
    const candidate = digest(presented);
    // Every configured key is compared, so the time does not say which one nearly matched.
    let matched = false;
    for (const key of this.keys[scope]) matched = timingSafeEqual(candidate, key) || matched;
    if (matched) return;
    if (this.roles[scope].length > 0 && presented.split('.').length === 3) {
      const roles = await this.auth.verify(presented).then(
        (token) => token.roles,
        () => [] as readonly string[],
      );
      if (roles.some((role) => this.roles[scope].includes(role))) return;
      throw new ApiError(ApiErrorCode.Unauthorized, `wrong credentials: the key is not valid, or the token is invalid or lacks the role`);
    }
    throw new ApiError(ApiErrorCode.Unauthorized, 'wrong credentials: the key is not valid');
  }
}
