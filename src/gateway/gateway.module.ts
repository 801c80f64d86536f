import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { ChatModule } from '../chat';
import { ConnectionModule } from '../connection';
import { MatchmakingModule } from '../matchmaking';
import { ResumeModule } from '../resume';
import { RoomsModule } from '../rooms';
import { SessionModule } from '../session';
import { GameExceptionFilter } from './game-exception.filter';
import { GatewayMetricsCollector } from './gateway-metrics.collector';
import { GameGateway } from './game.gateway';
import { MessageOutcomes } from './message-outcomes';
import { TokenRefresh } from './token-refresh.service';
import { UpgradeGate } from './upgrade-gate.service';

@Module({
  imports: [AuthModule, ConnectionModule, SessionModule, RoomsModule, ChatModule, ResumeModule, MatchmakingModule],
  providers: [GameGateway, GameExceptionFilter, MessageOutcomes, UpgradeGate, TokenRefresh, GatewayMetricsCollector],
})
export class GatewayModule {}
