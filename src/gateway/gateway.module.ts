import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { ChatModule } from '../chat';
import { ConnectionModule } from '../connection';
import { RoomsModule } from '../rooms';
import { SessionModule } from '../session';
import { AckInterceptor } from './ack.interceptor';
import { GameExceptionFilter } from './game-exception.filter';
import { GameGateway } from './game.gateway';
import { UpgradeGate } from './upgrade-gate.service';

@Module({
  imports: [AuthModule, ConnectionModule, SessionModule, RoomsModule, ChatModule],
  providers: [GameGateway, GameExceptionFilter, AckInterceptor, UpgradeGate],
})
export class GatewayModule {}
