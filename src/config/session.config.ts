import { configNamespace, intVar, stringVar } from './env-var';

export const sessionConfig = configNamespace('session', {
  resumeGraceMs: intVar('RESUME_GRACE_MS', {
    default: 30000,
    min: 0,
    max: 3_600_000,
    doc: 'How long a dropped client keeps its session, rooms and seat (0: leave at once, no resume)',
  }),
  resumeSweepMs: intVar('RESUME_SWEEP_INTERVAL_MS', {
    default: 1000,
    min: 10,
    max: 60000,
    doc: 'How often expired sessions are swept; a seat is freed at most this long after its grace ran out',
  }),
  resumeSecret: stringVar('RESUME_TOKEN_SECRET', {
    secret: true,
    default: '',
    pattern: /^.{32,}$/,
    expected: 'at least 32 characters (e.g. `openssl rand -base64 32`)',
    doc: 'HMAC key of resume tokens. Empty: with REDIS_URL, one random key shared by every instance through Redis (created by the first, SET NX); without, a random key per process',
  }),
  directBufferSize: intVar('DIRECT_BUFFER_SIZE', {
    default: 256,
    min: 1,
    max: 100_000,
    doc: 'Direct messages kept per session for replay after a resume',
  }),
  dedupWindowSize: intVar('DEDUP_WINDOW_SIZE', {
    default: 1024,
    min: 1,
    max: 1_000_000,
    doc: 'Client message ids remembered per session for de-duplication',
  }),
  dedupWindowMs: intVar('DEDUP_WINDOW_MS', {
    default: 120000,
    min: 1000,
    max: 86_400_000,
    doc: 'How long a client message id is remembered for de-duplication (keep above RESUME_GRACE_MS)',
  }),
});
