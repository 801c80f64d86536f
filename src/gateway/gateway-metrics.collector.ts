import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Bus, BUS } from '../bus';
import { CodecId } from '../codec';
import { ConnectionPool, ConnectionSweeper, RateLimiter } from '../connection';
import { MetricsService } from '../metrics';
import { CloseCode } from '../protocol';
import { RoomRegistry } from '../rooms';

const CODEC_LABELS: Record<CodecId, string> = { [CodecId.Json]: 'json', [CodecId.Protobuf]: 'protobuf' };

/**
 * Points the scrape-time metrics at the data they report: gauges (connections, rooms, bus
 * state) and the counts the connection layer and the bus keep in their own fields (rate-limited
 * frames, dropped frames, closes by code). Lives here because the gateway is the one layer that
 * sees connections, rooms and the bus together; metrics itself imports none of them. (The
 * heartbeat, which the gateway does not see, registers its own count.)
 */
@Injectable()
export class GatewayMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly pool: ConnectionPool,
    private readonly sweeper: ConnectionSweeper,
    private readonly limiter: RateLimiter,
    private readonly rooms: RoomRegistry,
    @Inject(BUS) private readonly bus: Bus,
  ) {}

  onModuleInit(): void {
    this.metrics.setSources({
      connectionsByCodec: () => this.connectionsByCodec(),
      rooms: () => this.rooms.size,
      busReady: () => this.bus.isReady(),
    });
    const { metrics, pool, sweeper, limiter, bus } = this;
    metrics.countRateLimited(() => limiter.limitedFrames);
    metrics.countCloses(CloseCode.IdleTimeout, () => sweeper.idleCloses);
    metrics.countCloses(CloseCode.LifetimeExceeded, () => sweeper.lifetimeCloses);
    metrics.countCloses(CloseCode.TokenExpired, () => sweeper.tokenExpiredCloses);
    metrics.countCloses(CloseCode.SlowConsumer, () => pool.slowConsumerCloses);
    metrics.countDropped('slow_consumer', () => pool.droppedSyncFrames);
    metrics.countDropped('bus_down', () => bus.stats().dropped);
  }

  /** One pass over the pool per scrape (every few seconds), nothing per message. */
  private connectionsByCodec(): [string, number][] {
    const counts = [0, 0];
    for (const connection of this.pool.values()) counts[connection.codec] += 1;
    return [
      [CODEC_LABELS[CodecId.Json], counts[CodecId.Json]],
      [CODEC_LABELS[CodecId.Protobuf], counts[CodecId.Protobuf]],
    ];
  }
}
