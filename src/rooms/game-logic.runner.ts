import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import { ErrorCode, GameError } from '../protocol';
import type { TickClock } from '../game-api';
import type { Room } from './room';

/**
 * Runs game logic with its faults isolated per room: a `GameError` passes through to the caller
 * (the player gets an `error` frame); anything else is a bug in the logic, logged with the room
 * id and turned into INTERNAL, and the room keeps running.
 */
@Injectable()
export class GameLogicRunner {
  private readonly logger = new Logger(GameLogicRunner.name);
  /** Nominal tick length (ms): 1000 / TICK_RATE. */
  readonly tickMs: number;

  constructor(@Inject(roomsConfig.KEY) config: ConfigType<typeof roomsConfig>) {
    this.tickMs = 1000 / config.tickRate;
  }

  run<T>(room: Room, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof GameError) throw error;
      this.logger.error({ msg: `game logic "${room.kind}" failed: ${(error as Error)?.stack ?? error}`, roomId: room.id });
      throw new GameError(ErrorCode.Internal, 'the game logic failed on this input');
    }
  }

  /** Time as game logic sees it, outside the tick (joins, leaves). */
  clock(now = Date.now()): TickClock {
    return { now, tickMs: this.tickMs };
  }
}
