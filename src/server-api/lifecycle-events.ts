import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { Subscription } from 'rxjs';
import { BUS_CLIENT, INSTANCE_ID } from '../bus';
import { LeaveReason } from '../protocol';
import { RoomAdmission, type SeatChange } from '../rooms';

/**
 * Patterns of the lifecycle events the gateway emits on the bus, for `@EventPattern()` handlers of
 * backend modules in the gateway's process or in other processes (on every subscribed instance).
 *
 * @example
 * ```ts
 * @Controller()
 * export class Matches {
 *   @EventPattern(LifecycleEvent.RoomDisposed)
 *   ended(@Payload() event: RoomDisposedEvent) { ... }
 * }
 * ```
 */
export const LifecycleEvent = {
  RoomCreated: 'gateway.room.created',
  RoomDisposed: 'gateway.room.disposed',
  PlayerJoined: 'gateway.player.joined',
  /** Every leave, kicks included (`reason` "kicked"). */
  PlayerLeft: 'gateway.player.left',
  PlayerKicked: 'gateway.player.kicked',
} as const;

export interface RoomCreatedEvent {
  room_id: string;
  kind: string;
  /** The instance that runs the room (and emitted the event). */
  instance: string;
  at: number;
}

export interface RoomDisposedEvent extends RoomCreatedEvent {
  /** The player who left last (whose leave disposed the room); empty when unknown. */
  last_player_id: string;
}

export interface PlayerJoinedEvent {
  room_id: string;
  kind: string;
  player_id: string;
  client_id: string;
  instance: string;
  at: number;
}

export interface PlayerLeftEvent extends PlayerJoinedEvent {
  /** `left`, `disconnected`, `timeout` or `kicked`. */
  reason: LeaveReason;
  /** How long the player held its seat (ms); 0 when it was seated before this instance ran the room. */
  played_ms: number;
}

/**
 * Turns the room core's seat changes into lifecycle events. Seat changes happen on the instance
 * that runs the room, so each event is emitted once in the whole cluster. A seat moving to another
 * instance's socket (a resume) is not a new join.
 */
@Injectable()
export class LifecycleEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Seat start times by room and client id, to tell a join from a resume and to say how long a player played. */
  private readonly seatedAt = new Map<string, Map<string, number>>();
  private readonly lastLeft = new Map<string, string>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly admission: RoomAdmission,
    @Inject(BUS_CLIENT) private readonly client: ClientProxy,
    @Inject(INSTANCE_ID) private readonly instanceId: string,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.admission.changes$.subscribe((change) => this.changed(change));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private changed(change: SeatChange): void {
    const now = Date.now();
    const { room } = change;
    const base = { room_id: room.id, kind: room.kind.name, instance: this.instanceId, at: now };
    let seats = this.seatedAt.get(room.id);
    if (change.kind === 'closed') {
      this.seatedAt.delete(room.id);
      this.emit(LifecycleEvent.RoomDisposed, { ...base, last_player_id: this.lastLeft.get(room.id) ?? '' } satisfies RoomDisposedEvent);
      this.lastLeft.delete(room.id);
      return;
    }
    const { clientId, playerId } = change.member;
    const player = { ...base, player_id: playerId, client_id: clientId };
    if (change.kind === 'seated') {
      if (!seats) {
        this.seatedAt.set(room.id, (seats = new Map()));
        this.emit(LifecycleEvent.RoomCreated, base satisfies RoomCreatedEvent);
      }
      if (seats.has(clientId)) return; // the seat's socket moved (a resume on another instance)
      seats.set(clientId, now);
      this.emit(LifecycleEvent.PlayerJoined, player satisfies PlayerJoinedEvent);
      return;
    }
    if (change.kind === 'reseated') {
      // The same player took its parked seat back on a new connection: no leave, no join (as the
      // room's members see it); its time in the room runs on.
      const seatedSince = seats?.get(change.previousClientId);
      seats?.delete(change.previousClientId);
      if (seatedSince !== undefined) seats?.set(clientId, seatedSince);
      return;
    }
    const since = seats?.get(clientId);
    seats?.delete(clientId);
    this.lastLeft.set(room.id, playerId);
    const left: PlayerLeftEvent = { ...player, reason: change.reason, played_ms: since === undefined ? 0 : now - since };
    this.emit(LifecycleEvent.PlayerLeft, left);
    if (change.reason === LeaveReason.Kicked) this.emit(LifecycleEvent.PlayerKicked, left);
  }

  private emit(pattern: string, data: object): void {
    // Hot observable: sent without a subscriber; the bus counts what it could not deliver.
    this.client.emit(pattern, data);
  }
}
