import { Module } from '@nestjs/common';
import { ChatModule } from '../chat';
import { ConnectionModule } from '../connection';
import { RoomsModule } from '../rooms';
import { SessionModule } from '../session';
import { AckInterceptor } from './ack.interceptor';
import { GameExceptionFilter } from './game-exception.filter';
import { GatewayMetricsCollector } from './gateway-metrics.collector';
import { GameGateway } from './game.gateway';

@Module({
  imports: [ConnectionModule, SessionModule, RoomsModule, ChatModule],
  providers: [GameGateway, GameExceptionFilter, AckInterceptor, GatewayMetricsCollector],
})
export class GatewayModule {}
