import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms';
import { SyncService } from './sync.service';

@Module({
  imports: [RoomsModule],
  providers: [SyncService],
  exports: [SyncService],
})
export class SyncModule {}
