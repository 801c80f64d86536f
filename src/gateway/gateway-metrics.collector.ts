import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type Bus, BUS } from '../bus';
import { CodecId } from '../codec';
import { ConnectionPool } from '../connection';
import { MetricsService } from '../metrics';
import { RoomsService } from '../rooms';

const CODEC_LABELS: Record<CodecId, string> = { [CodecId.Json]: 'json', [CodecId.Protobuf]: 'protobuf' };

/**
 * Points the scrape-time gauges at the data they report. Lives here because the gateway is the
 * one layer that sees connections, rooms and the bus together; metrics itself imports none of them.
 */
@Injectable()
export class GatewayMetricsCollector implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsService,
    private readonly pool: ConnectionPool,
    private readonly rooms: RoomsService,
    @Inject(BUS) private readonly bus: Bus,
  ) {}

  onModuleInit(): void {
    this.metrics.setSources({
      connectionsByCodec: () => this.connectionsByCodec(),
      rooms: () => this.rooms.roomCount,
      busReady: () => this.bus.isReady(),
    });
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
