import { Module } from '@nestjs/common';
import { ConnectionModule } from '../connection';
import { SessionModule } from '../session';
import { ResumeService } from './resume.service';
import { SessionLifecycleService } from './session-lifecycle.service';

/** Sessions across sockets: a drop parks the seats, a resume moves them back, the sweep frees them. */
@Module({
  imports: [ConnectionModule, SessionModule],
  providers: [ResumeService, SessionLifecycleService],
  exports: [ResumeService, SessionLifecycleService],
})
export class ResumeModule {}
