import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomId } from '../common';
import { matchmakingConfig, roomsConfig } from '../config';
import type { Connection } from '../connection';
import { GameLogicRegistry, type RoomKind } from '../game-api';
import { MetricsService, type MatchmakingOutcome } from '../metrics';
import {
  type CreateRoomPayload,
  ErrorCode,
  GameError,
  type JoinOrCreatePayload,
  type ListRoomsPayload,
  MessageType,
  metadataSizeError,
  type ServerMessage,
  serverMessage,
} from '../protocol';
import { ROOM_ROUTER, type RoomRouter } from '../rooms';
import { metadataOf } from './listing-match';
import { ROOM_DIRECTORY, type RoomDirectory } from './room-directory.port';

/**
 * A reserved seat can still be refused by the room (a `join_room` by id took the last seat
 * meanwhile): matchmaking then tries again, this many times in all.
 */
const MAX_ATTEMPTS = 3;

/**
 * `join_or_create`, `create_room` and `list_rooms`: a seat is reserved in the room directory
 * (atomically, across instances) before the client is admitted, then the client joins exactly as
 * a `join_room` by id would (the same `room_joined`, the same frames after it). A join that fails
 * releases its reservation, so a refused request changes nothing.
 */
@Injectable()
export class MatchmakingService {
  private readonly logger = new Logger(MatchmakingService.name);

  constructor(
    @Inject(ROOM_DIRECTORY) private readonly directory: RoomDirectory,
    @Inject(ROOM_ROUTER) private readonly router: RoomRouter,
    @Inject(matchmakingConfig.KEY) private readonly config: ConfigType<typeof matchmakingConfig>,
    @Inject(roomsConfig.KEY) private readonly rooms: ConfigType<typeof roomsConfig>,
    private readonly kinds: GameLogicRegistry,
    private readonly metrics: MetricsService,
  ) {}

  /** Joins the fullest open room of the kind matching the filters, else creates one (with the filters' equalities as its metadata). */
  joinOrCreate(connection: Connection, request: JoinOrCreatePayload): Promise<void> {
    return this.counted(MessageType.JoinOrCreate, async () => {
      const kind = this.creatableKind(request.kind);
      const options = this.kinds.checkOptions(kind, request.options);
      this.checkRoomLimit(connection);
      const filters = request.filters ?? {};
      const metadata = metadataOf(filters);
      const tooBig = metadataSizeError(metadata, this.config.maxMetadataBytes, 'payload.filters (their values become a new room\'s metadata)');
      if (tooBig) throw new GameError(ErrorCode.InvalidPayload, tooBig);
      for (let attempt = 1; ; attempt++) {
        const create = { roomId: newRoomId(kind.name), kind: kind.name, maxClients: kind.maxPlayers, metadata };
        const { roomId, created } = await this.unlessUnreachable(() => this.directory.reserve({ kind: kind.name, filters, clientId: connection.clientId, create }));
        try {
          await this.seat(connection, roomId, kind, options, request);
          return created ? 'created' : 'joined';
        } catch (error) {
          if (!(error instanceof GameError && error.code === ErrorCode.RoomFull) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    });
  }

  /** Creates a new room (private: unlisted and never matched) and joins it. */
  createRoom(connection: Connection, request: CreateRoomPayload): Promise<void> {
    return this.counted(MessageType.CreateRoom, async () => {
      const kind = this.creatableKind(request.kind);
      const options = this.kinds.checkOptions(kind, request.options);
      this.checkRoomLimit(connection);
      const room = { roomId: newRoomId(kind.name), kind: kind.name, maxClients: kind.maxPlayers, metadata: request.metadata ?? {}, private: request.private ?? false };
      await this.unlessUnreachable(() => this.directory.create(room, connection.clientId));
      await this.seat(connection, room.roomId, kind, options, request);
      return 'created';
    });
  }

  /** One page of the listed rooms of a kind (or of every kind) matching the filters. */
  async listRooms(request: ListRoomsPayload): Promise<ServerMessage<'room_list'>> {
    if (request.kind) this.knownKind(request.kind);
    const page = request.page ?? 0;
    const found = await this.unlessUnreachable(() =>
      this.directory.list({ kind: request.kind || undefined, filters: request.filters ?? {}, page, pageSize: this.config.listPageSize }),
    );
    const rooms = found.rooms.map((room) => ({
      room_id: room.roomId,
      kind: room.kind,
      clients: room.clients,
      max_clients: room.maxClients,
      metadata: room.metadata,
      locked: room.locked,
    }));
    return serverMessage(MessageType.RoomList, { rooms, total: found.total, page });
  }

  /** Joins the reserved room as `join_room` would; the reservation is released if that fails. */
  private async seat(
    connection: Connection,
    roomId: string,
    kind: RoomKind,
    options: Record<string, string>,
    request: { user_id?: string; nickname?: string },
  ): Promise<void> {
    try {
      await this.router.join(connection, { room_id: roomId, kind: kind.name, options, user_id: request.user_id, nickname: request.nickname });
    } catch (error) {
      await this.directory.release(kind.name, roomId, connection.clientId).catch((failure: Error) => this.logger.warn(`could not release a seat in ${roomId}: ${failure.message}`));
      throw error;
    }
  }

  private async counted(request: string, run: () => Promise<Exclude<MatchmakingOutcome, 'refused'>>): Promise<void> {
    try {
      this.metrics.matchmaking(request, await run());
    } catch (error) {
      this.metrics.matchmaking(request, 'refused', error instanceof GameError ? error.code : ErrorCode.Internal);
      throw error;
    }
  }

  private knownKind(name: string): RoomKind {
    if (!this.kinds.names().includes(name)) {
      throw new GameError(ErrorCode.InvalidPayload, `unknown room kind "${name}"; this server runs ${this.kinds.names().join(', ')}`);
    }
    return this.kinds.get(name);
  }

  private creatableKind(name: string): RoomKind {
    const kind = this.knownKind(name);
    if (kind.options.clientCreatable === false) throw new GameError(ErrorCode.InvalidPayload, `clients may not create rooms of kind "${name}"`);
    return kind;
  }

  /** Before anything is reserved: MAX_ROOMS_PER_CONNECTION (the join checks it again, with the authorizer). */
  private checkRoomLimit(connection: Connection): void {
    if (connection.rooms.size >= this.rooms.maxRoomsPerConnection) {
      throw new GameError(ErrorCode.InvalidPayload, `already in ${connection.rooms.size} rooms (the limit); leave one first`);
    }
  }

  /** The directory's store is an infrastructure fault: the client may retry, the log says why. */
  private async unlessUnreachable<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.warn(`room directory unreachable: ${(error as Error).message}`);
      throw new GameError(ErrorCode.Internal, 'the room directory is unreachable; try again in a moment');
    }
  }
}

/** A fresh room id: the kind, then 8 random characters (ID_PATTERN-safe). */
function newRoomId(kind: string): string {
  return `${kind}-${randomId(6)}`;
}
