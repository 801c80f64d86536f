import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import { ChatService } from '../chat';
import { ConnectionPool, type GameSocket } from '../connection';
import { MatchmakingService } from '../matchmaking';
import {
  type ChatSendPayload,
  type ClientMessage,
  CloseCode,
  type CreateRoomPayload,
  InternalEvent,
  type JoinOrCreatePayload,
  type JoinRoomPayload,
  LeaveReason,
  type LeaveRoomPayload,
  type ListRoomsPayload,
  MessageType,
  type PingPayload,
  type RefreshPayload,
  type RejectedFrame,
  type ResumePayload,
  serverMessage,
} from '../protocol';
import { ResumeService, SessionLifecycleService } from '../resume';
import { ROOM_ROUTER, type RoomRouter } from '../rooms';
import { DirectMessage } from './direct-message';
import { GameExceptionFilter } from './game-exception.filter';
import { TokenRefresh } from './token-refresh.service';

/** Path of the WebSocket endpoint (docs/protocol.md, "Endpoint"). */
export const WS_PATH = '/ws';

/**
 * The `/ws` endpoint: decode → delegate → reply. Rules live in the services. A handler's return
 * value is the reply (sent in the connection's codec). De-duplication and acks happen around
 * every handler in `MessageDispatcher`; errors become `error` frames in `GameExceptionFilter`.
 */
@WebSocketGateway({ path: WS_PATH })
@UseFilters(GameExceptionFilter)
export class GameGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(GameGateway.name);

  constructor(
    private readonly pool: ConnectionPool,
    private readonly lifecycle: SessionLifecycleService,
    private readonly resumes: ResumeService,
    @Inject(ROOM_ROUTER) private readonly rooms: RoomRouter,
    private readonly chat: ChatService,
    private readonly tokens: TokenRefresh,
    private readonly matchmaking: MatchmakingService,
  ) {}

  handleConnection(socket: GameSocket, request: IncomingMessage): void {
    try {
      const connection = this.pool.register(socket, request);
      this.pool.send(connection, this.lifecycle.open(connection));
    } catch (error) {
      // Only a bug gets here (ours, or a module's `onRegister` listener). Uncaught, it would end
      // the process and every connection on it, and leave this socket open with no welcome.
      this.logger.error(`could not set up a connection: ${(error as Error).message}`, (error as Error).stack);
      // Nothing acts for it from now on: `ws` still delivers frames while the socket closes, and
      // the dispatcher drops those of a socket without a connection.
      if (socket.connection) this.pool.unregister(socket.connection);
      (socket as Partial<GameSocket>).connection = undefined;
      socket.close(CloseCode.InternalError, 'the gateway could not set up this connection');
    }
  }

  /** Seats and session were already parked or ended by `SessionLifecycleService` (it sees the close code). */
  handleDisconnect(socket: GameSocket): void {
    if (socket.connection) this.pool.unregister(socket.connection);
  }

  @SubscribeMessage(MessageType.JoinRoom)
  join(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: JoinRoomPayload) {
    return this.rooms.join(socket.connection, request);
  }

  @SubscribeMessage(MessageType.JoinOrCreate)
  joinOrCreate(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: JoinOrCreatePayload) {
    return this.matchmaking.joinOrCreate(socket.connection, request);
  }

  @SubscribeMessage(MessageType.CreateRoom)
  createRoom(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: CreateRoomPayload) {
    return this.matchmaking.createRoom(socket.connection, request);
  }

  @SubscribeMessage(MessageType.ListRooms)
  listRooms(@MessageBody('payload') request: ListRoomsPayload) {
    return this.matchmaking.listRooms(request);
  }

  @SubscribeMessage(MessageType.LeaveRoom)
  leave(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: LeaveRoomPayload): void {
    this.rooms.leave(socket.connection, request.room_id, LeaveReason.Left);
  }

  /** The message clients send at their input rate: called directly, without Nest's per-call pipeline. */
  @SubscribeMessage(MessageType.GameAction)
  @DirectMessage()
  action(@ConnectedSocket() socket: GameSocket, @MessageBody() message: ClientMessage<'game_action'>): void | Promise<void> {
    return this.rooms.queueAction(socket.connection, message.payload, message.id);
  }

  @SubscribeMessage(MessageType.Chat)
  sendChat(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: ChatSendPayload) {
    return this.chat.send(socket.connection, request);
  }

  @SubscribeMessage(MessageType.Resume)
  resume(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: ResumePayload) {
    return this.resumes.resume(socket.connection, request);
  }

  @SubscribeMessage(MessageType.Refresh)
  refresh(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: RefreshPayload) {
    return this.tokens.refresh(socket.connection, request.token);
  }

  @SubscribeMessage(MessageType.Ping)
  ping(@MessageBody('payload') request: PingPayload) {
    return serverMessage(MessageType.Pong, { t: request.t ?? Date.now() });
  }

  /** App-level pong (browsers cannot answer protocol pings): counts as liveness, nothing else. */
  @SubscribeMessage(MessageType.Pong)
  pong(): void {}

  /** Frames the adapter could not accept (bad JSON/protobuf, unknown type, invalid payload). */
  @SubscribeMessage(InternalEvent.Rejected)
  rejected(@MessageBody() frame: RejectedFrame) {
    return serverMessage(MessageType.Error, frame.payload);
  }
}
