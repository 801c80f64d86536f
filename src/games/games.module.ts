import { Module } from '@nestjs/common';
import { ArenaModule } from './arena/arena.module';

/** One line per room kind. A team's game module goes here (see README, "Adding a room kind"). */
@Module({
  imports: [ArenaModule],
})
export class GamesModule {}
