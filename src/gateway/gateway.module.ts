import { Module } from '@nestjs/common';
import { ChatModule } from '../chat';
import { ConnectionModule } from '../connection';
import { RoomsModule } from '../rooms';
import { SessionModule } from '../session';
import { AckInterceptor } from './ack.interceptor';
import { DedupInterceptor } from './dedup.interceptor';
import { GameExceptionFilter } from './game-exception.filter';
import { GameGateway } from './game.gateway';
import { SessionLifecycle } from './session-lifecycle.service';

@Module({
  imports: [ConnectionModule, SessionModule, RoomsModule, ChatModule],
  providers: [GameGateway, GameExceptionFilter, AckInterceptor, DedupInterceptor, SessionLifecycle],
})
export class GatewayModule {}
