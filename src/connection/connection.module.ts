import { Module } from '@nestjs/common';
import { CodecModule } from '../codec';
import { ConnectionDrain } from './connection-drain.service';
import { ConnectionPool } from './connection-pool.service';
import { ConnectionSweeper } from './connection-sweeper.service';
import { RateLimiter } from './rate-limiter.service';

@Module({
  imports: [CodecModule],
  providers: [ConnectionPool, ConnectionSweeper, ConnectionDrain, RateLimiter],
  exports: [ConnectionPool, ConnectionSweeper, ConnectionDrain, RateLimiter],
})
export class ConnectionModule {}
