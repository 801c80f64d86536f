import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { RoomAdmission, RoomRegistry } from '../rooms';
import { ROOM_DIRECTORY, type RoomDirectory } from './room-directory.port';

/**
 * Keeps the room directory true to the rooms this instance runs: seats taken and freed, rooms
 * closed, and what their logic changed of their listing (`ctx.lock`, `ctx.setMetadata`). Only a
 * room's owner reports it, so each room has one writer; writes go out in order on one connection.
 */
@Injectable()
export class DirectoryReporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DirectoryReporter.name);
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(ROOM_DIRECTORY) private readonly directory: RoomDirectory,
    private readonly admission: RoomAdmission,
    private readonly registry: RoomRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.subscriptions.push(
      this.admission.changes$.subscribe((change) => {
        const { room } = change;
        const kind = room.kind.name;
        if (change.kind === 'seated') this.report(room.id, this.directory.seated(kind, room.id, change.member.clientId, room.kind.maxPlayers));
        else if (change.kind === 'unseated') this.report(room.id, this.directory.unseated(kind, room.id, change.member.clientId));
        else if (change.kind === 'reseated') {
          // A returning player's new connection took its parked seat: the same seat under a new client id.
          const { previousClientId, member } = change;
          this.report(room.id, this.directory.unseated(kind, room.id, previousClientId).then(() => this.directory.seated(kind, room.id, member.clientId, room.kind.maxPlayers)));
        } else if (change.kind === 'closed') this.report(room.id, this.directory.closed(kind, room.id));
      }),
      this.registry.listings$.subscribe(({ room, change }) => {
        const written = this.directory.relist(room.kind.name, room.id, change, room.kind.maxPlayers);
        this.report(
          room.id,
          written.then((ok) => {
            if (!ok) this.logger.error({ msg: 'ctx.setMetadata: the metadata would exceed MATCHMAKING_MAX_METADATA_BYTES; listing unchanged', roomId: room.id });
          }),
        );
      }),
    );
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private report(roomId: string, write: Promise<unknown>): void {
    write.catch((error: Error) => this.logger.warn({ msg: `room directory not updated: ${error.message}`, roomId }));
  }
}
