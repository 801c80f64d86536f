import { boolVar, configNamespace, intVar } from './env-var';

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
  sendBufferSoftBytes: intVar('SEND_BUFFER_SOFT_BYTES', {
    default: 262_144,
    min: 1024,
    max: 1_073_741_824,
    doc: 'Unsent bytes queued for one client past which its `sync` frames are dropped (newest snapshot wins)',
  }),
  sendBufferHardBytes: intVar('SEND_BUFFER_HARD_BYTES', {
    default: 4_194_304,
    min: 1024,
    max: 1_073_741_824,
    doc: 'Unsent bytes queued for one client past which it is closed (4003, slow consumer)',
  }),
  compression: boolVar('WS_COMPRESSION', {
    default: false,
    doc: 'Offer permessage-deflate (no context takeover) to clients that ask; costs zlib memory per compressing connection (BENCHMARKS.md)',
  }),
  compressionThresholdBytes: intVar('WS_COMPRESSION_THRESHOLD_BYTES', {
    default: 1024,
    min: 0,
    max: 16_777_216,
    doc: 'With WS_COMPRESSION: frames smaller than this are sent uncompressed',
  }),
  batchMaxBytes: intVar('BATCH_MAX_BYTES', {
    default: 65536,
    min: 1024,
    max: 16_777_216,
    doc: 'Clients that opted in with `?batch=1`: a pending `batch` frame is sent as soon as its messages reach this many bytes',
  }),
  batchMaxWaitMs: intVar('BATCH_MAX_WAIT_MS', {
    default: 0,
    min: 0,
    max: 1000,
    doc: 'Clients that opted in with `?batch=1`: longest a message waits to share a `batch` frame; 0 = only messages of the same event-loop turn',
  }),
  shutdownTimeoutMs: intVar('SHUTDOWN_TIMEOUT_MS', {
    default: 10000,
    min: 100,
    max: 600_000,
    doc: 'Longest graceful shutdown: clients get 1012, queued frames drain for half of it, the process exits by the end',
  }),
});
