import { Module } from '@nestjs/common';
import { HistoryModule } from '../history';
import { InMemoryDedupWindow } from './in-memory.dedup-window';
import { InMemorySessionStore } from './in-memory.session-store';
import { DEDUP_WINDOW, SESSION_STORE } from './session.constants';
import { SessionService } from './session.service';

/** Sessions with in-memory stores; a shared backend replaces SESSION_STORE and DEDUP_WINDOW. */
@Module({
  imports: [HistoryModule],
  providers: [
    { provide: SESSION_STORE, useClass: InMemorySessionStore },
    { provide: DEDUP_WINDOW, useClass: InMemoryDedupWindow },
    SessionService,
  ],
  exports: [SessionService],
})
export class SessionModule {}
