import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { type authConfig, ConfigValidationError } from '../config';
import { AuthUnavailableError } from './auth.errors';

/** What `jwtVerify` needs: the algorithms accepted and the key for a token's header. */
export interface TokenKeys {
  algorithms: string[];
  getKey: JWTVerifyGetKey;
  /** Fetches a remote JWKS ahead of the first token, so that a wrong URL shows in the startup log. */
  warmUp?: () => Promise<void>;
}

type AuthConfig = ConfigType<typeof authConfig>;

/** Hosts a JWKS may be fetched from over plain http without a warning. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The keys of the configured verifiers, loaded once at boot: HS256 with AUTH_SECRET, RS256 or
 * ES256 with AUTH_PUBLIC_KEY (the key's type picks the algorithm), RS256 and ES256 by `kid` with
 * AUTH_JWKS. A token's `alg` selects among them, so an HMAC key is never used for an RSA/EC
 * token or the other way round (no algorithm confusion; `none` is never accepted). Undefined
 * when none is configured (open mode). A key that cannot be read stops the startup, naming the
 * variable.
 */
export async function loadTokenKeys(config: AuthConfig): Promise<TokenKeys | undefined> {
  if (!config.secret && !config.publicKey && !config.jwks) return undefined;
  if (config.publicKey && config.jwks) {
    throw new ConfigValidationError('AUTH_JWKS', config.jwks, 'empty when AUTH_PUBLIC_KEY is set (use one of the two)');
  }
  const hmac = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  const publicKey = config.publicKey ? await loadPublicKey(config.publicKey) : undefined;
  const jwks = config.jwks ? await loadJwks(config.jwks, config.jwksTimeoutMs) : undefined;
  const algorithms = [...(hmac ? ['HS256'] : []), ...(publicKey ? [publicKey.alg] : []), ...(jwks ? ['RS256', 'ES256'] : [])];
  return {
    algorithms,
    getKey: async (header, token) => {
      // jwtVerify checked `alg` against `algorithms` before asking for a key.
      if (header.alg === 'HS256') return hmac!;
      if (publicKey) return publicKey.key;
      try {
        return await jwks!.resolve(header, token);
      } catch (error) {
        // An unknown `kid` is the token's fault; a JWKS that could not be fetched is not.
        if (!jwks!.remote || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new AuthUnavailableError(`the JWKS could not be fetched (${(error as Error).message})`);
      }
    },
    warmUp: jwks?.warmUp,
  };
}

/** PEM text (with real or `\n`-escaped newlines) or the path of a PEM file → key and algorithm. */
async function loadPublicKey(value: string): Promise<{ key: KeyObject; alg: 'RS256' | 'ES256' }> {
  let pem = value;
  if (!value.includes('-----BEGIN')) {
    try {
      pem = await readFile(value, 'utf8');
    } catch (error) {
      throw new ConfigValidationError('AUTH_PUBLIC_KEY', value, `PEM text or a readable PEM file (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem.replace(/\\n/g, '\n'));
  } catch {
    throw new ConfigValidationError('AUTH_PUBLIC_KEY', short(value), 'a PEM public key ("-----BEGIN PUBLIC KEY-----…") or the path of one');
  }
  if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) return { key, alg: 'RS256' };
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { key, alg: 'ES256' };
  throw new ConfigValidationError('AUTH_PUBLIC_KEY', short(value), 'an RSA key of at least 2048 bits (RS256) or a P-256 EC key (ES256)');
}

async function loadJwks(value: string, timeoutDuration: number) {
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigValidationError('AUTH_JWKS', value, 'a valid URL');
    }
    if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
      new Logger('AuthService').warn(`AUTH_JWKS is fetched over plain http from ${url.host}: anyone on the path can replace the keys; use https`);
    }
    const remote = createRemoteJWKSet(url, { timeoutDuration });
    return { remote: true, resolve: remote, warmUp: () => remote.reload() };
  }
  let set: JSONWebKeySet;
  try {
    set = JSON.parse(await readFile(value, 'utf8')) as JSONWebKeySet;
    return { remote: false, resolve: createLocalJWKSet(set), warmUp: undefined };
  } catch (error) {
    throw new ConfigValidationError('AUTH_JWKS', value, `an http(s):// URL or a readable JWKS file (${(error as Error).message})`);
  }
}

/** The start of a long value (a PEM), enough to recognise it in an error. */
function short(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
