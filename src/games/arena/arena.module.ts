import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { arenaConfig } from './arena.config';
import { ArenaLogic } from './arena.logic';

@Module({
  imports: [ConfigModule.forFeature(arenaConfig)],
  providers: [ArenaLogic],
})
export class ArenaModule {}
