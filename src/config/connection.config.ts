import { configNamespace, intVar } from './env-var';

export const connectionConfig = configNamespace('connection', {
  heartbeatIntervalMs: intVar('HEARTBEAT_INTERVAL_MS', {
    default: 30000,
    min: 100,
    max: 3_600_000,
    doc: 'Protocol ping interval',
  }),
  heartbeatTimeoutMs: intVar('HEARTBEAT_TIMEOUT_MS', {
    default: 60000,
    min: 100,
    max: 3_600_000,
    doc: 'A connection with no pong for this long is closed (4000)',
  }),
  maxIdleMs: intVar('MAX_IDLE_MS', { default: 300000, min: 100, max: 86_400_000, doc: 'No inbound data frame for this long: closed (4001)' }),
  maxLifetimeMs: intVar('MAX_LIFETIME_MS', { default: 1800000, min: 100, max: 604_800_000, doc: 'Connections older than this are closed (4002); the SDK resumes' }),
  maxMessageBytes: intVar('MAX_MESSAGE_BYTES', { default: 65536, min: 64, max: 16_777_216, doc: 'Largest inbound frame; larger closes with 1009' }),
});
