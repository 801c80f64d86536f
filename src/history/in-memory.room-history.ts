import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomId } from '../common';
import { historyConfig } from '../config';
import type { ServerMessage } from '../protocol';
import type { ReadResult, RoomHistory, StreamPosition } from './room-history.port';

/** A fixed-size ring of one room's newest events. */
class RoomLog {
  /** Offset of the newest event (0 = none yet). */
  offset = 0;
  // Grows to `capacity` as events arrive, so quiet rooms cost little.
  private readonly ring: (ServerMessage | undefined)[] = [];

  constructor(
    readonly capacity: number,
    readonly epoch = randomId(6),
  ) {}

  push(message: ServerMessage): number {
    this.offset += 1;
    message.offset = this.offset;
    this.ring[this.offset % this.capacity] = message;
    return this.offset;
  }

  /** Continues a log kept elsewhere: `events` carry their offsets, the newest being `offset`. */
  seed(offset: number, events: ServerMessage[]): void {
    this.offset = offset;
    for (const event of events) if (event.offset! > offset - this.capacity && event.offset! <= offset) this.ring[event.offset! % this.capacity] = event;
  }

  /** The event at `offset`, if it is still held. */
  at(offset: number): ServerMessage | undefined {
    if (offset <= 0 || offset > this.offset || offset <= this.offset - this.capacity) return undefined;
    return this.ring[offset % this.capacity];
  }
}

/** Ring buffer per room, bounded by HISTORY_MAX_EVENTS and HISTORY_MAX_AGE_MS. */
@Injectable()
export class InMemoryRoomHistory implements RoomHistory {
  private readonly logs = new Map<string, RoomLog>();

  constructor(@Inject(historyConfig.KEY) private readonly config: ConfigType<typeof historyConfig>) {}

  append(roomId: string, message: ServerMessage): StreamPosition {
    const log = this.logFor(roomId);
    return { offset: log.push(message), epoch: log.epoch };
  }

  position(roomId: string): StreamPosition {
    const log = this.logFor(roomId);
    return { offset: log.offset, epoch: log.epoch };
  }

  readSince(roomId: string, since: StreamPosition): ReadResult {
    const log = this.logFor(roomId);
    const position = { offset: log.offset, epoch: log.epoch };
    if (since.epoch !== log.epoch || since.offset > log.offset) return { recovered: false, position };
    const oldestAllowed = Date.now() - this.config.maxAgeMs;
    const events: ServerMessage[] = [];
    for (let offset = since.offset + 1; offset <= log.offset; offset++) {
      const event = log.at(offset);
      if (!event || event.timestamp < oldestAllowed) return { recovered: false, position };
      events.push(event);
    }
    return { recovered: true, events, position };
  }

  /**
   * Replaces a room's log with one continued from elsewhere (a room taken over from another
   * instance): same epoch, offsets going on from `offset`; `events` (with their offsets) fill the ring.
   */
  seed(roomId: string, position: StreamPosition, events: ServerMessage[]): void {
    const log = new RoomLog(this.config.maxEvents, position.epoch);
    log.seed(position.offset, events);
    this.logs.set(roomId, log);
  }

  forget(roomId: string): void {
    this.logs.delete(roomId);
  }

  private logFor(roomId: string): RoomLog {
    let log = this.logs.get(roomId);
    if (!log) this.logs.set(roomId, (log = new RoomLog(this.config.maxEvents)));
    return log;
  }
}
