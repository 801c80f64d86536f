import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { serverApiConfig } from '../config';
import type {
  CloseRoomReply,
  HistoryReply,
  InstanceSummary,
  KickReply,
  PlayerConnection,
  PresenceReply,
  PublishReply,
  RoomDetail,
  RoomsReply,
  RoomSummary,
} from './api-models';
import { closeCode, eventData, eventName, MAX_CLOSE_REASON_BYTES, optionalBoolean, optionalString } from './api-checks';
import { ClusterQuery } from './cluster-query';
import { NodeRegistry } from './node-registry';
import { ApiOp } from './server-api.constants';
import { ApiError, ApiErrorCode } from './server-api.errors';

const unknownRoom = (roomId: string) => () => new ApiError(ApiErrorCode.UnknownRoom, `no room "${roomId}" on any instance`);
const unknownPlayer = (playerId: string) => new ApiError(ApiErrorCode.UnknownPlayer, `player "${playerId}" is not connected to any instance`);

/**
 * The server API as a Nest provider: what the HTTP API at `/api` does, for backend modules in the
 * gateway's process and (with `GatewayClientModule.forRemote()`) in other processes over Redis.
 * Whichever instance runs a room or holds a player's socket carries the operation out; calls
 * fail with an `ApiError` (UNKNOWN_ROOM, UNKNOWN_PLAYER, INVALID_BODY, PAYLOAD_TOO_LARGE,
 * INSTANCES_UNAVAILABLE) and then changed nothing.
 *
 * @example
 * ```ts
 * @Injectable()
 * export class Tournament {
 *   constructor(private readonly gateway: GatewayClient) {}
 *   async announce(roomId: string) {
 *     await this.gateway.publishToRoom(roomId, { name: 'round_started', data: { round: 2 } });
 *   }
 * }
 * ```
 */
@Injectable()
export class GatewayClient {
  constructor(
    private readonly query: ClusterQuery,
    private readonly nodes: NodeRegistry,
    @Inject(serverApiConfig.KEY) private readonly config: ConfigType<typeof serverApiConfig>,
  ) {}

  /** Every gateway instance with its load (this one's fresh, the others' as of their last heartbeat). */
  async instances(): Promise<InstanceSummary[]> {
    return this.nodes.summaries();
  }

  /** Every room on every instance (rooms of instances that did not answer in time are missing, and named). */
  async listRooms(): Promise<RoomsReply> {
    const { answers, errors, missing } = await this.query.gather<{ rooms: RoomSummary[]; traffic: Record<string, number> }>(ApiOp.Rooms, {});
    if (errors.length > 0) throw errors[0];
    const rooms = answers.flatMap((a) => a.result?.rooms ?? []);
    for (const room of rooms) room.bytes_per_second = answers.reduce((sum, a) => sum + (a.result?.traffic[room.room_id] ?? 0), 0);
    rooms.sort((a, b) => a.room_id.localeCompare(b.room_id));
    return { rooms, missing_instances: missing };
  }

  /** A room's members (with the instance of each socket), its state as clients see it, its stream position. */
  room(roomId: string): Promise<RoomDetail> {
    return this.query.one<RoomDetail>(ApiOp.Room, { roomId }, unknownRoom(roomId));
  }

  /** The newest reliable events of a room after offset `since` (0: from the start), at most `limit`. */
  async history(roomId: string, since = 0, limit = this.config.historyMaxEvents): Promise<HistoryReply> {
    const { instance: _, ...reply } = await this.query.one<HistoryReply>(ApiOp.History, { roomId, since, limit }, unknownRoom(roomId));
    return reply;
  }

  /** A `room_event` to every member; reliable (the default) gets an offset and is replayed after a resume. */
  async publishToRoom(roomId: string, event: { name: unknown; data: unknown; reliable?: unknown }): Promise<PublishReply> {
    const request = { room_id: roomId, name: eventName(event.name), data: eventData(event.data, this.config.maxEventBytes), reliable: optionalBoolean(event.reliable, 'reliable', true) };
    const { offset, delivered } = await this.query.one<PublishReply>(ApiOp.PublishRoom, request, unknownRoom(roomId));
    return { offset, delivered };
  }

  /** Removes every member (`player_left` "kicked", detail "room closed: …"); the room is disposed with its last member. */
  async closeRoom(roomId: string, options: { reason?: unknown } = {}): Promise<CloseRoomReply> {
    const reason = optionalString(options.reason, 'reason', 200) ?? 'closed by the server';
    const { removed } = await this.query.one<CloseRoomReply>(ApiOp.CloseRoom, { roomId, reason }, unknownRoom(roomId));
    return { removed };
  }

  /** Where a player is connected (by player id or client id): each connection's instance and rooms. */
  async presence(playerId: string): Promise<PresenceReply> {
    const { connections, missing } = await this.onPlayer<PlayerConnection[]>(ApiOp.Presence, { playerId }, playerId);
    return { player_id: playerId, connections: connections.flat(), missing_instances: missing };
  }

  /** A `room_event` to the player's connections as a direct message (`room_id` empty unless given). */
  async publishToPlayer(playerId: string, event: { name: unknown; data: unknown; room_id?: unknown }): Promise<PublishReply> {
    const request = {
      player_id: playerId,
      name: eventName(event.name),
      data: eventData(event.data, this.config.maxEventBytes),
      room_id: optionalString(event.room_id, 'room_id', 200),
    };
    const { connections } = await this.onPlayer<{ delivered: number }>(ApiOp.PublishPlayer, request, playerId);
    return { offset: 0, delivered: connections.reduce((sum, c) => sum + c.delivered, 0) };
  }

  /** Removes the player from its rooms and closes its connections with `code` (default 4102 Kicked) and `reason`. */
  async kick(playerId: string, options: { code?: unknown; reason?: unknown } = {}): Promise<KickReply> {
    const request = { player_id: playerId, code: closeCode(options.code), reason: optionalString(options.reason, 'reason', MAX_CLOSE_REASON_BYTES) ?? 'kicked' };
    const { connections } = await this.onPlayer<{ kicked: number }>(ApiOp.Kick, request, playerId);
    return { kicked: connections.reduce((sum, c) => sum + c.kicked, 0) };
  }

  /** An operation on whichever instances hold the player's connections; UNKNOWN_PLAYER when none does. */
  private async onPlayer<T>(op: ApiOp, args: Record<string, unknown>, playerId: string): Promise<{ connections: T[]; missing: string[] }> {
    const { answers, errors, missing } = await this.query.gather<T>(op, args);
    if (errors.length > 0) throw errors[0];
    const connections = answers.filter((a) => a.result !== null).map((a) => a.result as T);
    if (connections.length > 0) return { connections, missing };
    if (missing.length > 0) throw new ApiError(ApiErrorCode.InstancesUnavailable, `player "${playerId}" not found on the instances that answered; no answer from ${missing.join(', ')}`);
    throw unknownPlayer(playerId);
  }
}
