import { configNamespace, intVar, stringVar } from './env-var';

const KEY_PATTERN = /^\S{16,}$/;
const KEY_EXPECTED = 'at least 16 characters without spaces (32 random bytes, hex or base64, recommended)';

/** The server API for backend services (`/api`) and the admin console (`/admin`). Both are off until a key or a JWT role is set. */
export const serverApiConfig = configNamespace('serverApi', {
  serverApiKey: stringVar('SERVER_API_KEY', {
    default: '',
    secret: true,
    pattern: KEY_PATTERN,
    expected: KEY_EXPECTED,
    doc: 'Key of the server API (`/api`, sent as `Authorization: Bearer <key>`). With neither this, ADMIN_API_KEY nor a JWT role set, `/api` answers 404',
  }),
  adminApiKey: stringVar('ADMIN_API_KEY', {
    default: '',
    secret: true,
    pattern: KEY_PATTERN,
    expected: KEY_EXPECTED,
    doc: 'Key of the admin console (`/admin`); it also opens every `/api` call (the console uses the server API). Without it (or ADMIN_JWT_ROLE), `/admin` answers 404',
  }),
  serverApiJwtRole: stringVar('SERVER_API_JWT_ROLE', {
    default: '',
    pattern: /^\S+$/,
    expected: 'a role name without spaces',
    doc: 'When set (and authentication is on: AUTH_SECRET, AUTH_PUBLIC_KEY or AUTH_JWKS), a JWT whose `role` claim (or `roles` list) holds this role opens `/api` too',
  }),
  adminJwtRole: stringVar('ADMIN_JWT_ROLE', {
    default: '',
    pattern: /^\S+$/,
    expected: 'a role name without spaces',
    doc: 'When set (and authentication is on), a JWT whose `role` claim (or `roles` list) holds this role opens `/admin` and `/api`',
  }),
  maxEventBytes: intVar('SERVER_API_MAX_EVENT_BYTES', {
    default: 16384,
    min: 64,
    max: 1_048_576,
    doc: 'Largest `data` of an event published through the server API, as JSON text; larger ones get HTTP 413 and are not published',
  }),
  gatherTimeoutMs: intVar('SERVER_API_GATHER_TIMEOUT_MS', {
    default: 2000,
    min: 50,
    max: 60000,
    doc: 'How long a server API call waits for the other instances\' answers (room lists, presence, kicks); instances that did not answer are named in the reply',
  }),
  nodeHeartbeatMs: intVar('NODE_HEARTBEAT_MS', {
    default: 2000,
    min: 100,
    max: 60000,
    doc: 'How often an instance announces itself (and its load) to the others; an instance silent for three of these is no longer waited for',
  }),
  historyMaxEvents: intVar('SERVER_API_HISTORY_MAX_EVENTS', {
    default: 500,
    min: 1,
    max: 100_000,
    doc: 'Most events one room history call returns (the newest ones)',
  }),
  stateMaxEntities: intVar('SERVER_API_STATE_MAX_ENTITIES', {
    default: 200,
    min: 0,
    max: 100_000,
    doc: 'Most entities a room detail lists in its state summary (the count is always complete)',
  }),
});
