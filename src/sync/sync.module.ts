import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms';
import { RoomTick } from './room-tick';
import { SyncService } from './sync.service';

@Module({
  imports: [RoomsModule],
  providers: [SyncService, RoomTick],
  exports: [SyncService],
})
export class SyncModule {}
