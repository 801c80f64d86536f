import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { historyConfig } from '../config';
import type { ServerMessage } from '../protocol';
import type { RedisClient, RedisConnections } from '../redis';
import { InMemoryRoomHistory } from './in-memory.room-history';
import type { ReadResult, RoomHistory, StreamPosition } from './room-history.port';

// Appends one event (epoch key, stream entry, stream expiry) unless the room's lease, in the same
// Cluster slot, names another instance: then nothing is written and that owner is returned. A
// lease that is gone (expired, or Redis lost it) does not refuse: the next lease pass decides.
const APPEND_LUA = `
local owner = redis.call('GET', KEYS[3])
if owner and owner ~= ARGV[6] then return owner end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'o', ARGV[4], 'm', ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return false`;

type HistoryClient = RedisClient & {
  gwAppend(epochKey: string, stream: string, lease: string, epoch: string, ttl: number, maxEvents: number, offset: number, message: string, owner: string): Promise<string | null>;
};

/**
 * Room history shared through Redis, so that replay survives an owner failover. The owner's
 * in-memory ring stays the source of offsets and of every read (synchronous, as the port
 * requires); each appended event is also written, in append order on one connection, to a Redis
 * Stream per room (`XADD … MAXLEN ~ HISTORY_MAX_EVENTS`, fields `o` = offset, `m` = the message as
 * JSON) with the epoch in a key beside it, both under the room's `{r:<room id>}` hash tag and
 * expiring HISTORY_MAX_AGE_MS after the last event (older events are never replayed anyway).
 * `restore` (called by the instance taking a room over) seeds the ring from them.
 *
 * Each append is one script that Redis refuses when the room's lease names another instance (a
 * stale owner never writes into its successor's log); the refusal is reported to `onLeaseLost`'s
 * listener (the bridge stops running the room, as when its lease pass finds it lost).
 *
 * Writes are fire-and-forget: while Redis is away they fail (counted in `failedWrites`), the room
 * keeps running from its ring, and a later failover replays only up to the first missing event.
 */
export class RedisRoomHistory implements RoomHistory {
  private readonly logger = new Logger(RedisRoomHistory.name);
  private readonly local: InMemoryRoomHistory;
  private readonly client: HistoryClient;
  private leaseLost: (roomId: string, owner: string) => void = () => undefined;
  /** Per room, its last append still unanswered: appends are answered in order (one connection, one slot). */
  private readonly lastWrites = new Map<string, Promise<void>>();
  failedWrites = 0;
  /** Appends Redis refused because another instance holds the room's lease. */
  refusedWrites = 0;

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: ConfigType<typeof historyConfig>,
    /** This instance (what the room's lease must name, if anything, for an append to be written). */
    private readonly instanceId = '',
  ) {
    this.local = new InMemoryRoomHistory(config);
    this.client = redis.cmd as HistoryClient;
    this.client.defineCommand('gwAppend', { numberOfKeys: 3, lua: APPEND_LUA });
  }

  onLeaseLost(listener: (roomId: string, owner: string) => void): void {
    this.leaseLost = listener;
  }

  append(roomId: string, message: ServerMessage): StreamPosition {
    const position = this.local.append(roomId, message);
    const { maxAgeMs, maxEvents } = this.config;
    const keys = [this.key(roomId, 'epoch'), this.key(roomId, 'history'), this.key(roomId, 'lease')] as const;
    const write = this.client.gwAppend(...keys, position.epoch, maxAgeMs, maxEvents, position.offset, JSON.stringify(message), this.instanceId).then(
      (owner) => {
        if (owner === null) return;
        this.refusedWrites += 1;
        this.logger.debug(`history of room ${roomId} not written: its lease is instance ${owner}'s`);
        this.leaseLost(roomId, owner);
      },
      (error: Error) => {
        this.failedWrites += 1;
        this.logger.debug(`history of room ${roomId} not written to Redis: ${error.message}`);
      },
    );
    this.lastWrites.set(roomId, write);
    void write.then(() => this.lastWrites.get(roomId) === write && this.lastWrites.delete(roomId));
    return position;
  }

  async written(roomId: string): Promise<void> {
    await this.lastWrites.get(roomId);
  }

  position(roomId: string): StreamPosition {
    return this.local.position(roomId);
  }

  readSince(roomId: string, since: StreamPosition): ReadResult {
    return this.local.readSince(roomId, since);
  }

  forget(roomId: string): void {
    this.local.forget(roomId);
    this.redis.cmd.del(this.key(roomId, 'history'), this.key(roomId, 'epoch')).catch(() => undefined);
  }

  async restore(roomId: string): Promise<void> {
    const [epoch, entries] = await Promise.all([
      this.redis.cmd.get(this.key(roomId, 'epoch')),
      this.redis.cmd.xrevrange(this.key(roomId, 'history'), '+', '-', 'COUNT', this.config.maxEvents),
    ]);
    if (!epoch) return; // nothing kept (a new room, or its history expired): a new epoch
    const events = entries.reverse().map(([, fields]) => {
      const field = (name: string) => fields[fields.indexOf(name) + 1];
      const message = JSON.parse(field('m')) as ServerMessage;
      message.offset = Number(field('o'));
      return message;
    });
    this.local.seed(roomId, { epoch, offset: events.at(-1)?.offset ?? 0 }, events);
  }

  private key(roomId: string, what: string): string {
    return this.redis.key(`{r:${roomId}}`, what);
  }
}
