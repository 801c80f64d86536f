import { Module } from '@nestjs/common';
import { ConnectionModule } from '../connection';
import { HeartbeatService } from './heartbeat.service';

@Module({
  imports: [ConnectionModule],
  providers: [HeartbeatService],
  exports: [HeartbeatService],
})
export class HeartbeatModule {}
