import { configNamespace, intVar, stringVar } from './env-var';

/** Multi-instance behaviour; only read when REDIS_URL is set. */
export const clusterConfig = configNamespace('cluster', {
  roomLeaseMs: intVar('ROOM_LEASE_MS', {
    default: 3000,
    min: 300,
    max: 600_000,
    doc: "Lease on a room's authoritative tick; renewed every third of it, taken over by another instance after it expires",
  }),
  snapshotIntervalMs: intVar('ROOM_SNAPSHOT_INTERVAL_MS', {
    default: 1000,
    min: 50,
    max: 600_000,
    doc: "How often the owner persists a changed room's game state to Redis (what a failover resumes from)",
  }),
  clientTtlMs: intVar('CLIENT_REGISTRY_TTL_MS', {
    default: 15000,
    min: 1000,
    max: 3_600_000,
    doc: 'Lifetime of a client→instance entry (and of an instance liveness key); refreshed every third of it',
  }),
  forwardTimeoutMs: intVar('ROOM_FORWARD_TIMEOUT_MS', {
    default: 5000,
    min: 100,
    max: 60000,
    doc: "How long a join forwarded to the room's owner waits for its answer before failing with INTERNAL",
  }),
  publicUrl: stringVar('PUBLIC_URL', {
    default: '',
    pattern: /^(wss?:\/\/[^\s]{1,500})?$/,
    expected: 'a ws:// or wss:// URL of this instance (e.g. wss://gw-2.example.com/ws)',
    doc: "This instance's own WebSocket URL, reachable by clients: a join with `redirect` for a room run here is answered ROOM_ELSEWHERE with it (room placement); empty: no redirects to this instance",
  }),
});
