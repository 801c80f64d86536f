import { Module } from '@nestjs/common';
import { ArenaModule } from './arena/arena.module';
import { CtfModule } from './ctf/ctf.module';
import { TagModule } from './tag/tag.module';
import { WorldModule } from './world/world.module';

/** One line per room kind. A team's game module goes here (see README, "Adding a room kind"). */
@Module({
  imports: [ArenaModule, TagModule, CtfModule, WorldModule],
})
export class GamesModule {}
