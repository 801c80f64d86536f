import { WireVersion } from '../codec';
import { ErrorCode, GameError, type LeaveReason, MessageType, type ServerMessage, serverMessage } from '../protocol';
import type { ClientDelivery, RoomAdmission, RoomFanout, RoomRegistry, RoomRejoin } from '../rooms';
import { type RoomCommand, RoomCommandName } from './bridge.topics';
import type { JoinData, Reply, RoomOwners } from './room-owners';
import type { RoomRestorer } from './room-restorer';

/** The owner's side of the bridge: commands from members' instances about rooms run here. */
export class RoomOwnerCommands {
  constructor(
    private readonly rooms: RoomRegistry,
    private readonly admission: RoomAdmission,
    private readonly fanout: RoomFanout,
    private readonly delivery: ClientDelivery,
    private readonly owners: RoomOwners,
    private readonly restorer: RoomRestorer,
    private readonly instanceId: string,
    private readonly maxQueuedActions: number,
    /** PUBLIC_URL: where a join with `redirect` is sent instead of seating it here ('' = never). */
    private readonly publicUrl = '',
  ) {}

  /** `origin`: the instance that sent the command (where the member's socket is). */
  handle(c: RoomCommand, origin: string): void {
    const room = this.rooms.get(c.roomId);
    const member = room?.members.get(c.clientId);
    switch (c.command) {
      case RoomCommandName.Join:
        return void this.admitRemote(c, origin);
      case RoomCommandName.Leave:
        if (room && member) this.admission.unseat(room, member, (c.data as { reason: LeaveReason }).reason);
        return;
      case RoomCommandName.Park:
        if (room && member) this.admission.park(room.id, member.clientId);
        return;
      case RoomCommandName.Action:
        if (!c.action || (!c.requestId && (!room || !member))) return; // nobody waits: the next pass finds the new owner
        return this.answer(c, origin, MessageType.GameAction, () => {
          if (!room || !member) throw movedOn(c.roomId);
          room.enqueue(member, c.action!, c.refId, this.maxQueuedActions);
        });
      case RoomCommandName.Reliable:
        return this.answer(c, origin, MessageType.Chat, () => {
          if (!room || !member) throw movedOn(c.roomId);
          this.fanout.publishReliable(room.id, c.data as ServerMessage);
        });
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
    const { playerId, nickname, resume, kind, options, redirect, frameFloor } = c.data as JoinData;
    const wireVersion = (c.data as JoinData).wireVersion ?? WireVersion.V1;
    let reply: Reply;
    try {
      if ((await this.owners.ownerOf(c.roomId)) !== this.instanceId) throw new GameError(ErrorCode.Internal, `room "${c.roomId}" moved to another server; join again`);
      await this.restorer.load(c.roomId);
      reply = this.redirects(c, redirect, resume)
        ? { redirect: this.publicUrl }
        : resume !== undefined
          ? toReply(this.admission.resume(c.roomId, c.clientId, resume ?? undefined, wireVersion, origin))
          : { message: this.admission.seat(c.roomId, { clientId: c.clientId, playerId, nickname, wireVersion, kind, options, instanceId: origin, frameFloor }) };
    } catch (error) {
      const e = error instanceof GameError ? error : new GameError(ErrorCode.Internal, 'the room could not be joined');
      reply = { error: { code: e.code, message: e.message } };
    }
    this.owners.send(origin, { command: RoomCommandName.Reply, roomId: c.roomId, clientId: c.clientId, requestId: c.requestId, data: reply });
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
