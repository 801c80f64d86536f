import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConnectionModule } from '../connection';
import { HistoryModule } from '../history';
import { GameLogicRegistry } from './game-logic.registry';
import { RoomFanout } from './room-fanout.service';
import { RoomsService } from './rooms.service';

@Module({
  imports: [DiscoveryModule, ConnectionModule, HistoryModule],
  providers: [GameLogicRegistry, RoomFanout, RoomsService],
  exports: [RoomsService, RoomFanout, GameLogicRegistry],
})
export class RoomsModule {}
