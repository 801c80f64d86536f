import type { Bus } from '../bus';
import type { RoomLeases } from '../cluster';
import { randomId } from '../common';
import type { StreamPosition } from '../history';
import { ErrorCode, GameError, type ServerMessage } from '../protocol';
import type { RoomRegistry } from '../rooms';
import { instanceChannel, ROOM_COMMAND, type RoomCommand, RoomCommandName } from './bridge.topics';
import type { LocalSeat, RemoteSeats } from './remote-seats';
import type { RoomFence } from './room-fence';

/**
 * What a member's instance asks with a join: a new seat (with the kind and options to create the
 * room with, if it does not exist), or (`resume` set) the seat it already holds.
 */
export type JoinData = LocalSeat & {
  resume?: StreamPosition | null;
  kind?: string;
  options?: Record<string, string>;
  /** Room placement: the client would rather connect to the owner than join through this hop. */
  redirect?: boolean;
  /** The frame the new copy of a room must continue above (frame_num never goes backwards). */
  frameFloor?: number;
  /**
   * A seat moving with its room (the old owner lost the lease): the last reliable event its
   * instance delivered; the reply carries the events after it, read with the snapshot.
   */
  since?: StreamPosition;
};
/**
 * The owner's answer to a join: the snapshot (and, for a resume, the missed events), `gone`, an
 * error, or (a join with `redirect` to an owner with a PUBLIC_URL) `redirect`, that URL: not seated.
 */
export type Reply = {
  message?: ServerMessage;
  events?: ServerMessage[];
  gone?: boolean;
  error?: { code: ErrorCode; message: string };
  redirect?: string;
};

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * The member's side of talking to a room's owner: who owns a room (taking the lease when it is
 * free), one-way commands to the known owner, and joins that wait for the owner's reply (up to
 * ROOM_FORWARD_TIMEOUT_MS).
 */
export class RoomOwners {
  private readonly pending = new Map<string, Pending>();
  /** Set by the handover at shutdown: this instance takes and renews no lease any more. */
  private retired = false;
  /** Until then (epoch ms), no free lease of a room known to run elsewhere is taken (see `redisAway`). */
  private takeoversHeldUntil = 0;
  /** Redis was connected once: a later outage is a return, not the start. */
  private connectedOnce = false;

  constructor(
    private readonly bus: Bus,
    private readonly instanceId: string,
    private readonly leases: RoomLeases,
    private readonly rooms: RoomRegistry,
    private readonly remote: RemoteSeats,
    private readonly forwardTimeoutMs: number,
    private readonly fence: RoomFence,
  ) {}

  /**
   * The instance running `roomId`, taking the lease if it is free (its fence deadline starts).
   * Redis away: this one. Retired (shutting down): refused with the retryable INTERNAL, since
   * asking would take or renew the lease of a room this instance is giving away.
   */
  async ownerOf(roomId: string): Promise<string> {
    if (this.retired) throw new GameError(ErrorCode.Internal, `room "${roomId}" is moving to another server (this one is shutting down); send it again`);
    if (this.rooms.get(roomId)) return this.instanceId;
    const known = this.remote.ownerOf(roomId);
    const sentAt = Date.now();
    const owner = known !== undefined && !this.takesOver() ? await this.heldOwnerOf(roomId, known) : await this.leases.ownerOf(roomId).catch(() => null);
    if (owner === null) return this.instanceId;
    if (owner === this.instanceId) this.fence.confirmed(roomId, sentAt);
    else this.remote.setOwner(roomId, owner);
    return owner;
  }

  /** While takeovers are held: the lease's holder (see `heldOwners`), or the known owner while it is free. Null: Redis away. */
  private async heldOwnerOf(roomId: string, known: string): Promise<string | null> {
    const held = await this.heldOwners([roomId]);
    if (!held) return null;
    return held.has(roomId) ? held.get(roomId)! : known;
  }

  /**
   * While takeovers are held (`redisAway`): who holds the leases of `roomIds`, read without
   * taking; a free one is left out (not taken), one naming this instance is renewed (handed to it:
   * a forwarded join, an operator). Null while Redis is away.
   */
  async heldOwners(roomIds: Iterable<string>): Promise<Map<string, string | null> | null> {
    const holders = await this.leases.holdersOf(roomIds).catch(() => null);
    if (!holders) return null;
    const owners = new Map<string, string | null>();
    for (const [roomId, holder] of holders) {
      if (holder === this.instanceId) owners.set(roomId, await this.leases.ownerOf(roomId).catch(() => null));
      else if (holder !== undefined) owners.set(roomId, holder);
    }
    return owners;
  }

  /**
   * Redis went away: from now until one lease period after it is back (`redisBack`), a room known
   * to run on another instance stays there even if its lease is free. That instance ran the room
   * through the outage and writes its lease again once it is reconnected itself; Redis may have
   * come back empty, and a member's instance that reconnected sooner used to take the free lease
   * first: the room started over from its last snapshot (or from nothing), and what was sent
   * meanwhile was lost. An owner that is not back within the period is taken as dead.
   */
  redisAway(): void {
    if (this.connectedOnce) this.takeoversHeldUntil = Infinity;
  }

  /** Redis is connected (again): a hold from an outage ends one lease period from now. */
  redisBack(): void {
    this.connectedOnce = true;
    if (this.takeoversHeldUntil === Infinity) this.takeoversHeldUntil = Date.now() + this.fence.leaseMs;
  }

  /** Whether a free lease of a room known to run elsewhere may be taken now (see `redisAway`). */
  takesOver(): boolean {
    return Date.now() >= this.takeoversHeldUntil;
  }

  /** Publishes a command to the room's known owner; false when none is known. */
  tell(roomId: string, command: RoomCommandName, clientId: string, extra: Partial<RoomCommand> = {}): boolean {
    const owner = this.remote.ownerOf(roomId);
    if (!owner) return false;
    this.send(owner, { command, roomId, clientId, ...extra });
    return true;
  }

  send(instanceId: string, command: RoomCommand): void {
    this.bus.publish(instanceChannel(instanceId), ROOM_COMMAND, command);
  }

  /** A join (or a resumed seat) asked of `owner`; rejects with INTERNAL when it does not answer in time. */
  ask(owner: string, roomId: string, clientId: string, data: JoinData): Promise<Reply> {
    return this.request(owner, { command: RoomCommandName.Join, roomId, clientId, data }, `the server running room "${roomId}" did not answer; join again`);
  }

  /**
   * A command that `owner` answers once it took effect (or refused it); rejects with INTERNAL and
   * `unanswered` when no answer came within ROOM_FORWARD_TIMEOUT_MS (the owner may be dead).
   */
  request(owner: string, command: Omit<RoomCommand, 'requestId'>, unanswered: string): Promise<Reply> {
    const requestId = randomId(9);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new GameError(ErrorCode.Internal, unanswered));
      }, this.forwardTimeoutMs);
      timer.unref();
      this.pending.set(requestId, { resolve, reject, timer });
      this.send(owner, { ...command, requestId });
    });
  }

  /** An owner's reply arrived. */
  settle(requestId: string | undefined, reply: Reply): void {
    const pending = requestId ? this.pending.get(requestId) : undefined;
    if (!pending || !requestId) return;
    this.pending.delete(requestId);
    clearTimeout(pending.timer);
    pending.resolve(reply);
  }

  /** Shutdown, before the rooms run here are handed over: from now on `ownerOf` refuses. */
  retire(): void {
    this.retired = true;
  }

  /** Shutdown: whoever waits for an owner gets an error now. */
  close(): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new GameError(ErrorCode.Internal, 'server shutting down'));
      this.pending.delete(id);
    }
  }
}
