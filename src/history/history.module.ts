import { Module } from '@nestjs/common';
import { DIRECT_LOG } from './direct-log.port';
import { InMemoryDirectLog } from './in-memory.direct-log';
import { InMemoryRoomHistory } from './in-memory.room-history';
import { ROOM_HISTORY } from './room-history.port';

@Module({
  providers: [
    { provide: ROOM_HISTORY, useClass: InMemoryRoomHistory },
    { provide: DIRECT_LOG, useClass: InMemoryDirectLog },
  ],
  exports: [ROOM_HISTORY, DIRECT_LOG],
})
export class HistoryModule {}
