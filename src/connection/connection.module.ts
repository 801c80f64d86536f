import { Module } from '@nestjs/common';
import { CodecModule } from '../codec';
import { ConnectionPool } from './connection-pool.service';

@Module({
  imports: [CodecModule],
  providers: [ConnectionPool],
  exports: [ConnectionPool],
})
export class ConnectionModule {}
