import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiError, GatewayClient, LifecycleEvent, type PlayerLeftEvent, type RoomDisposedEvent } from '../../server-api';
import { ScoreBoard } from './score-board';

/** A point per started minute in a room; the player who stays until the room ends gets a bonus. */
export const POINTS_PER_MINUTE = 1;
export const LAST_PLAYER_BONUS = 5;

/**
 * An example backend module on the server API: it hears the gateway's lifecycle events (on any
 * instance, once each) and awards points, then tells the player through `GatewayClient`.
 */
@Controller()
export class ScoreAwardsController {
  private readonly logger = new Logger(ScoreAwardsController.name);

  constructor(
    private readonly board: ScoreBoard,
    private readonly gateway: GatewayClient,
  ) {}

  @EventPattern(LifecycleEvent.PlayerLeft)
  async playerLeft(@Payload() event: PlayerLeftEvent): Promise<void> {
    if (event.reason === 'kicked') return; // no points for a removed player
    const points = Math.max(1, Math.ceil(event.played_ms / 60_000)) * POINTS_PER_MINUTE;
    await this.tell(event.player_id, points, this.board.award(event.player_id, points), event.room_id);
  }

  @EventPattern(LifecycleEvent.RoomDisposed)
  async roomDisposed(@Payload() event: RoomDisposedEvent): Promise<void> {
    if (!event.last_player_id) return;
    await this.tell(event.last_player_id, LAST_PLAYER_BONUS, this.board.award(event.last_player_id, LAST_PLAYER_BONUS), event.room_id);
  }

  /** A direct `score_awarded` event, if the player is still connected somewhere. */
  private async tell(playerId: string, points: number, total: number, roomId: string): Promise<void> {
    try {
      await this.gateway.publishToPlayer(playerId, { name: 'score_awarded', data: { points, total, room_id: roomId } });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.logger.debug(`score of ${playerId} not told: ${error.message}`); // gone already: the board has it
    }
  }
}
