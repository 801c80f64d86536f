import { WireVersion } from '../codec';
import { ErrorCode, GameError, type LeaveReason, MessageType, type ServerMessage, serverMessage } from '../protocol';
import type { RoomHistory, StreamPosition } from '../history';
import type { ClientDelivery, RoomAdmission, RoomFanout, RoomRegistry, RoomRejoin, SeatRequest } from '../rooms';
import { type RoomCommand, RoomCommandName } from './bridge.topics';
import type { JoinData, Reply, RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

/**
 * The owner's side of the bridge: commands from members' instances about rooms run here. While a
 * room's lease is in doubt (`RoomRegistry.inDoubt`, which asks the `RoomFence`) nothing is done for it: joins, chat and actions are
 * refused (the member's instance sends them again), leaves and parks wait for the next lease pass
 * and then go on here or to the room's new owner.
 */
export class RoomOwnerCommands {
  /** Leaves and parks of rooms whose lease was in doubt, in arrival order. */
  private deferred: { command: RoomCommand; origin: string }[] = [];

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly admission: RoomAdmission,
    private readonly fanout: RoomFanout,
    private readonly delivery: ClientDelivery,
    private readonly owners: RoomOwners,
    private readonly restorer: RoomRestorer,
    private readonly instanceId: string,
    private readonly maxQueuedActions: number,
    private readonly history: RoomHistory,
    /** PUBLIC_URL: where a join with `redirect` is sent instead of seating it here ('' = never). */
    private readonly publicUrl = '',
  ) {}

  /** `origin`: the instance that sent the command (where the member's socket is). */
  handle(c: RoomCommand, origin: string): void {
    const room = this.rooms.get(c.roomId);
    const member = room?.members.get(c.clientId);
    const inDoubt = this.rooms.inDoubt(c.roomId);
    switch (c.command) {
      case RoomCommandName.Join:
        return void this.admitRemote(c, origin);
      case RoomCommandName.Leave: {
        if (inDoubt) return void this.deferred.push({ command: c, origin });
        const reason = (c.data as { reason: LeaveReason }).reason;
        if (!c.requestId) return void (room && member && this.admission.unseat(room, member, reason));
        // Answered (`RemoteLeaves`): a room not run here is refused, and the leave goes to the next owner.
        return this.answer(c, origin, MessageType.LeaveRoom, () => {
          if (!room) throw movedOn(c.roomId);
          if (member) this.admission.unseat(room, member, reason);
        });
      }
      case RoomCommandName.Park:
        if (inDoubt) return void this.deferred.push({ command: c, origin });
        if (room && member) this.admission.park(room.id, member.clientId);
        return;
      case RoomCommandName.Action:
        if (!c.action || (!c.requestId && (!room || !member || inDoubt))) return; // nobody waits: the next pass finds the new owner
        return this.answer(c, origin, MessageType.GameAction, () => {
          if (!room || !member || inDoubt) throw movedOn(c.roomId);
          room.enqueue(member, c.action!, c.refId, this.maxQueuedActions);
        });
      case RoomCommandName.Reliable:
        return this.answer(c, origin, MessageType.Chat, () => {
          if (!room || !member || inDoubt) throw movedOn(c.roomId);
          this.fanout.publishReliable(room.id, c.data as ServerMessage);
        });
    }
  }

  /** After a lease pass: deferred leaves and parks go on here (again deferred if still in doubt), or to the room's new owner. */
  retryDeferred(): void {
    if (this.deferred.length === 0) return;
    const waiting = this.deferred;
    this.deferred = [];
    for (const { command, origin } of waiting) {
      if (this.rooms.get(command.roomId)) this.handle(command, origin);
      else this.owners.tell(command.roomId, command.command, command.clientId, { data: command.data });
    }
  }

  /**
   * Runs a member's command; with a `requestId` the member's instance waits for the outcome (and
   * acks its client only then), without one a refusal goes to the client as an `error`.
   */
  private answer(c: RoomCommand, origin: string, refType: MessageType, run: () => void): void {
    let error: GameError | undefined;
    try {
      run();
    } catch (thrown) {
      error = thrown instanceof GameError ? thrown : new GameError(ErrorCode.Internal, 'internal error');
    }
    if (c.requestId) {
      const reply: Reply = error ? { error: { code: error.code, message: error.message } } : {};
      this.owners.send(origin, { command: RoomCommandName.Reply, roomId: c.roomId, clientId: c.clientId, requestId: c.requestId, data: reply });
    } else if (error) {
      this.delivery.send(c.clientId, serverMessage(MessageType.Error, { code: error.code, message: error.message, ref_type: refType, ref_id: c.refId }));
    }
  }

  /** A join (or a resumed seat, `resume` set) for a client of `origin`: answered with a reply. */
  private async admitRemote(c: RoomCommand, origin: string): Promise<void> {
    const { playerId, nickname, resume, kind, options, redirect, frameFloor, since } = c.data as JoinData;
    const wireVersion = (c.data as JoinData).wireVersion ?? WireVersion.V1;
    let reply: Reply;
    try {
      if ((await this.owners.ownerOf(c.roomId)) !== this.instanceId) throw new GameError(ErrorCode.Internal, `room "${c.roomId}" moved to another server; join again`);
      if (this.rooms.inDoubt(c.roomId)) throw movedOn(c.roomId);
      await this.restorer.load(c.roomId);
      reply = this.redirects(c, redirect, resume)
        ? { redirect: this.publicUrl }
        : resume !== undefined
          ? toReply(this.admission.resume(c.roomId, c.clientId, resume ?? undefined, wireVersion, origin))
          : this.seat(c.roomId, since, { clientId: c.clientId, playerId, nickname, wireVersion, kind, options, instanceId: origin, frameFloor });
    } catch (error) {
      const e = error instanceof GameError ? error : new GameError(ErrorCode.Internal, 'the room could not be joined');
      reply = { error: { code: e.code, message: e.message } };
    }
    this.owners.send(origin, { command: RoomCommandName.Reply, roomId: c.roomId, clientId: c.clientId, requestId: c.requestId, data: reply });
  }

  /**
   * A seat (new, or one its instance still holds); with `since` (the seat moves here with its
   * room) also the events after it, read in the same turn as the snapshot, so that nothing
   * published meanwhile is missed or told twice.
   */
  private seat(roomId: string, since: StreamPosition | undefined, request: SeatRequest): Reply {
    const read = since ? this.history.readSince(roomId, since) : undefined;
    const message = this.admission.seat(roomId, request);
    return { message, events: read?.recovered ? read.events : undefined };
  }

  /** Room placement: a new member who asked to be redirected joins here on its own socket instead (a seat it holds is answered as usual). */
  private redirects(c: RoomCommand, redirect: boolean | undefined, resume: JoinData['resume']): boolean {
    return !!redirect && !!this.publicUrl && resume === undefined && !this.rooms.get(c.roomId)?.members.has(c.clientId);
  }
}

/** Refused rather than accepted into a room that is not run here (any more): the client sends it again. */
function movedOn(roomId: string): GameError {
  return new GameError(ErrorCode.Internal, `room "${roomId}" is moving to another server; send it again`);
}

function toReply(rejoin: RoomRejoin): Reply {
  return rejoin.snapshot ? { message: rejoin.snapshot, events: rejoin.events } : { gone: true };
}
