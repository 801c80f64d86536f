import { configNamespace, intVar, listVar, stringVar } from './env-var';

export const authConfig = configNamespace('auth', {
  secret: stringVar('AUTH_SECRET', {
    default: '',
    secret: true,
    pattern: /^.{16,}$/,
    expected: 'at least 16 characters (an HS256 key; 32 random bytes recommended)',
    doc: 'HS256 key of the JWTs clients present at the upgrade (`?token=` or subprotocol `token.<jwt>`). Authentication is on when this, AUTH_PUBLIC_KEY or AUTH_JWKS is set; with none of them the gateway runs in open mode',
  }),
  publicKey: stringVar('AUTH_PUBLIC_KEY', {
    default: '',
    doc: 'RSA (RS256) or P-256 EC (ES256) public key that verifies the JWTs: PEM text (`\\n` escapes allowed) or the path of a PEM file. Set this or AUTH_JWKS, not both',
  }),
  jwks: stringVar('AUTH_JWKS', {
    default: '',
    pattern: /^\S+$/,
    expected: 'an http(s):// URL or the path of a JWKS file',
    doc: "JSON Web Key Set that verifies RS256/ES256 JWTs by their `kid`: an https:// URL (fetched on first use, cached, refetched for an unknown `kid`) or the path of a JWKS file",
  }),
  jwksTimeoutMs: intVar('AUTH_JWKS_TIMEOUT_MS', {
    default: 5000,
    min: 100,
    max: 60000,
    doc: 'Longest wait for the AUTH_JWKS URL; an upgrade that could not be checked in time gets HTTP 503 (retry), not 4100',
  }),
  issuer: stringVar('AUTH_ISSUER', {
    default: '',
    doc: 'When set, a token must carry exactly this `iss`',
  }),
  audience: listVar<string>('AUTH_AUDIENCE', {
    default: [],
    expected: 'a comma-separated list of audience names',
    item: (raw) => raw,
    doc: 'When set, a token\'s `aud` must name one of these (comma-separated)',
  }),
  clockToleranceS: intVar('AUTH_CLOCK_TOLERANCE_S', {
    default: 5,
    min: 0,
    max: 300,
    doc: 'Clock skew tolerated between the token issuer and the gateway, for `exp`, `nbf` and `iat` (a token issued further in the future is refused)',
  }),
});
