import { Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { historyConfig } from '../config';
import type { ServerMessage } from '../protocol';
import type { RedisConnections } from '../redis';
import { InMemoryRoomHistory } from './in-memory.room-history';
import type { ReadResult, RoomHistory, StreamPosition } from './room-history.port';

/**
 * Room history shared through Redis, so that replay survives an owner failover. The owner's
 * in-memory ring stays the source of offsets and of every read (synchronous, as the port
 * requires); each appended event is also written, in append order on one connection, to a Redis
 * Stream per room (`XADD … MAXLEN ~ HISTORY_MAX_EVENTS`, fields `o` = offset, `m` = the message as
 * JSON) with the epoch in a key beside it, both under the room's `{r:<room id>}` hash tag and
 * expiring HISTORY_MAX_AGE_MS after the last event (older events are never replayed anyway).
 * `restore` (called by the instance taking a room over) seeds the ring from them.
 *
 * Writes are fire-and-forget: while Redis is away they fail (counted in `failedWrites`), the room
 * keeps running from its ring, and a later failover replays only up to the first missing event.
 */
export class RedisRoomHistory implements RoomHistory {
  private readonly logger = new Logger(RedisRoomHistory.name);
  private readonly local: InMemoryRoomHistory;
  failedWrites = 0;

  constructor(
    private readonly redis: RedisConnections,
    private readonly config: ConfigType<typeof historyConfig>,
  ) {
    this.local = new InMemoryRoomHistory(config);
  }

  append(roomId: string, message: ServerMessage): StreamPosition {
    const position = this.local.append(roomId, message);
    const ttl = this.config.maxAgeMs;
    const cmd = this.redis.cmd;
    const stream = this.key(roomId, 'history');
    const written = Promise.all([
      cmd.set(this.key(roomId, 'epoch'), position.epoch, 'PX', ttl),
      cmd.xadd(stream, 'MAXLEN', '~', this.config.maxEvents, '*', 'o', position.offset, 'm', JSON.stringify(message)),
      cmd.pexpire(stream, ttl),
    ]);
    written.catch((error: Error) => {
      this.failedWrites += 1;
      this.logger.debug(`history of room ${roomId} not written to Redis: ${error.message}`);
    });
    return position;
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
