import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { matchmakingConfig } from '../config';
import { REDIS_CONNECTIONS, type RedisConnections } from '../redis';
import { RoomsModule } from '../rooms';
import { DirectoryReporter } from './directory-reporter';
import { InMemoryRoomDirectory } from './in-memory.room-directory';
import { MatchmakingService } from './matchmaking.service';
import { RedisRoomDirectory } from './redis.room-directory';
import { ROOM_DIRECTORY } from './room-directory.port';

/**
 * Matchmaking and the room directory. `ROOM_DIRECTORY` is in memory (one instance) or in Redis
 * when REDIS_URL is set; other modules (a server API, an admin view) list rooms through it.
 */
@Module({
  imports: [RoomsModule],
  providers: [
    {
      provide: ROOM_DIRECTORY,
      inject: [REDIS_CONNECTIONS, matchmakingConfig.KEY],
      useFactory: (redis: RedisConnections | null, config: ConfigType<typeof matchmakingConfig>) =>
        redis ? new RedisRoomDirectory(redis, config) : new InMemoryRoomDirectory(config),
    },
    DirectoryReporter,
    MatchmakingService,
  ],
  exports: [ROOM_DIRECTORY, MatchmakingService],
})
export class MatchmakingModule {}
