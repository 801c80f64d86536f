import { configNamespace, intVar, listVar } from './env-var';
import { defaultMaxConnections, openFilesLimit } from './open-files-limit';

/** Per-client protection: rate limit, connections per address, browser origins. */
export const limitsConfig = configNamespace('limits', {
  rateLimitPerSec: intVar('RATE_LIMIT_PER_SEC', {
    default: 60,
    min: 1,
    max: 1_000_000,
    doc: 'Inbound frames per second per connection (token-bucket refill); over it: error RATE_LIMITED, frame dropped',
  }),
  rateLimitBurst: intVar('RATE_LIMIT_BURST', {
    default: 120,
    min: 1,
    max: 1_000_000,
    doc: 'Token-bucket size: frames a connection may send at once after being quiet',
  }),
  rateLimitAbuseCount: intVar('RATE_LIMIT_ABUSE_COUNT', {
    default: 100,
    min: 1,
    max: 100_000_000,
    doc: 'Rate-limited frames within RATE_LIMIT_ABUSE_WINDOW_MS that close the connection (1008)',
  }),
  rateLimitAbuseWindowMs: intVar('RATE_LIMIT_ABUSE_WINDOW_MS', {
    default: 10000,
    min: 100,
    max: 3_600_000,
    doc: 'Window in which RATE_LIMIT_ABUSE_COUNT rate-limited frames count as sustained abuse',
  }),
  maxConnections: {
    ...intVar('MAX_CONNECTIONS', {
      default: defaultMaxConnections(openFilesLimit()),
      min: 0,
      max: 10_000_000,
      doc: 'Open WebSocket connections plus upgrades in progress on this instance; one more upgrade is refused with HTTP 503 while /health and /ready keep answering (0 = no limit). The default leaves the rest of the open-files limit to Redis, probes and logs',
    }),
    defaultText: 'open-files limit − max(100, 5 %)',
  },
  maxConnectionsPerIp: intVar('MAX_CONNECTIONS_PER_IP', {
    default: 0,
    min: 0,
    max: 10_000_000,
    doc: 'Open connections plus upgrades in progress per remote address; one more is refused at the upgrade with HTTP 429 (0 = no limit)',
  }),
  allowedOrigins: listVar<string>('ALLOWED_ORIGINS', {
    default: [],
    expected: 'a comma-separated list of origins like "https://game.example.com,http://localhost:3000"',
    doc: 'Browser origins allowed to connect; others get HTTP 403 at the upgrade. Empty: any origin. Requests without Origin are allowed',
    item(raw) {
      try {
        const origin = new URL(raw).origin;
        return origin !== 'null' && origin === raw.toLowerCase().replace(/\/$/, '') ? origin : undefined;
      } catch {
        return undefined;
      }
    },
  }),
});
