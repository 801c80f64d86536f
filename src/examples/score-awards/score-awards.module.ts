import { Module } from '@nestjs/common';
import { ServerApiModule } from '../../server-api';
import { ScoreAwardsController } from './score-awards.controller';
import { ScoreBoard } from './score-board';

/**
 * Example backend module: awards points when players leave and rooms end. Add it to the gateway
 * with `createGatewayApp({ modules: [ScoreAwardsModule] })`; in another process, import
 * `GatewayClientModule.forRemote()` instead of `ServerApiModule` and connect `BusEventTransport`.
 */
@Module({
  imports: [ServerApiModule],
  controllers: [ScoreAwardsController],
  providers: [ScoreBoard],
  exports: [ScoreBoard],
})
export class ScoreAwardsModule {}
