import { Module } from '@nestjs/common';
import { InMemoryRoomHistory } from './in-memory.room-history';
import { ROOM_HISTORY } from './room-history.port';

@Module({
  providers: [{ provide: ROOM_HISTORY, useClass: InMemoryRoomHistory }],
  exports: [ROOM_HISTORY],
})
export class HistoryModule {}
