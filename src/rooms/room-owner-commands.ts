import { type RoomCommand, RoomCommandName, instanceChannel } from '../bus';
import type { StreamPosition } from '../history';
import { ErrorCode, GameError, type LeaveReason, MessageType, type ServerMessage, serverMessage } from '../protocol';
import type { LocalSeat } from './remote-seats';
import type { RoomBridgeDeps } from './room-bridge.service';
import type { RoomRestorer } from './room-restorer';
import { toStoredMember } from './room-restorer';

/** What a member's instance asks with a join: a new seat, or (`resume` set) the seat it already holds. */
export type JoinData = LocalSeat & { resume?: StreamPosition | null };
/** The holder's answer to a join: the snapshot (and, for a resume, the missed events), `gone`, or an error. */
export type Reply = { message?: ServerMessage; events?: ServerMessage[]; gone?: boolean; error?: { code: ErrorCode; message: string } };

/** The holder's side of the bridge: commands from members' instances about rooms run here. */
export class RoomOwnerCommands {
  constructor(
    private readonly d: RoomBridgeDeps,
    private readonly restorer: RoomRestorer,
    private readonly ownerOf: (roomId: string) => Promise<string>,
  ) {}

  handle(c: RoomCommand): void {
    const room = this.d.rooms.get(c.roomId);
    const member = room?.members.get(c.clientId);
    switch (c.command) {
      case RoomCommandName.Join:
        return void this.admitRemote(c);
      case RoomCommandName.Leave:
        if (room && member) this.d.rooms.removeMember(room, member, (c.data as { reason: LeaveReason }).reason);
        return;
      case RoomCommandName.Action:
        if (!room || !member || !c.action) return; // the room moved on; the member's instance learns it next pass
        try {
          this.d.rooms.enqueue(room, member, c.action, c.refId);
        } catch (error) {
          const { code, message } = error instanceof GameError ? error : { code: ErrorCode.Internal, message: 'internal error' };
          this.d.fanout.toClient(c.clientId, serverMessage(MessageType.Error, { code, message, ref_type: MessageType.GameAction, ref_id: c.refId }));
        }
        return;
      case RoomCommandName.Reliable:
        if (room && member) this.d.fanout.publishReliable(room.id, c.data as ServerMessage);
        return;
    }
  }

  private async admitRemote(c: RoomCommand): Promise<void> {
    const { playerId, nickname, resume } = c.data as JoinData;
    let reply: Reply;
    try {
      if ((await this.ownerOf(c.roomId)) !== this.d.instanceId) throw new GameError(ErrorCode.Internal, `room "${c.roomId}" moved to another server; join again`);
      await this.restorer.load(c.roomId);
      reply =
        resume !== undefined
          ? this.resumeHere(c.roomId, c.clientId, resume ?? undefined, c.origin)
          : { message: this.d.rooms.admit(c.roomId, { clientId: c.clientId, playerId, nickname, instanceId: c.origin }) };
    } catch (error) {
      const e = error instanceof GameError ? error : new GameError(ErrorCode.Internal, 'the room could not be joined');
      reply = { error: { code: e.code, message: e.message } };
    }
    if (c.origin) this.d.bus.publish(instanceChannel(c.origin), { kind: 'command', command: RoomCommandName.Reply, roomId: c.roomId, clientId: c.clientId, requestId: c.requestId, data: reply });
  }

  /** A member resumed on instance `origin`: nobody is told; it gets what it missed and a snapshot. */
  private resumeHere(roomId: string, clientId: string, since: StreamPosition | undefined, origin: string | undefined): Reply {
    const room = this.d.rooms.get(roomId);
    const member = room?.members.get(clientId);
    if (!room || !member) return { gone: true };
    member.orphanedAt = undefined;
    if (member.instanceId !== origin) {
      member.instanceId = origin;
      this.d.store.addMember(roomId, toStoredMember(member, this.d.instanceId)).catch(() => undefined);
    }
    // Read and snapshot in one turn: the snapshot's offset is the last replayed event's.
    const read = since ? this.d.history.readSince(roomId, since) : undefined;
    const snapshot = this.d.rooms.snapshotFor(room);
    snapshot.payload.recovered = read?.recovered ?? false;
    return { message: snapshot, events: read?.recovered ? read.events : [] };
  }
}
