import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { GameLogicRegistry } from './game-logic.registry';

/** Finds the game teams' `@GameRoomKind()` providers at boot (the room core runs them). */
@Module({
  imports: [DiscoveryModule],
  providers: [GameLogicRegistry],
  exports: [GameLogicRegistry],
})
export class GameApiModule {}
