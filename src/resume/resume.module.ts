import { Module } from '@nestjs/common';
import { ClusterModule } from '../cluster';
import { ConnectionModule } from '../connection';
import { RoomsModule } from '../rooms';
import { SessionModule } from '../session';
import { ResumeService } from './resume.service';
import { SessionHandover } from './session-handover';
import { SessionLifecycleService } from './session-lifecycle.service';

/** Sessions across sockets: a drop parks the seats, a resume moves them back (from another instance too), the sweep frees them. */
@Module({
  imports: [ConnectionModule, SessionModule, RoomsModule, ClusterModule],
  providers: [ResumeService, SessionLifecycleService, SessionHandover],
  exports: [ResumeService, SessionLifecycleService],
})
export class ResumeModule {}
