import { Logger, UseFilters, UseInterceptors } from '@nestjs/common';
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
import {
  type ChatSendPayload,
  type GameActionPayload,
  InternalEvent,
  type JoinRoomPayload,
  LeaveReason,
  type LeaveRoomPayload,
  MessageType,
  type PingPayload,
  type RejectedFrame,
  type ResumePayload,
  serverMessage,
} from '../protocol';
import { RoomsService } from '../rooms';
import { SessionService } from '../session';
import { AckInterceptor } from './ack.interceptor';
import { GameExceptionFilter } from './game-exception.filter';

/** Path of the WebSocket endpoint (PROTOCOL.md, "Endpoint"). */
export const WS_PATH = '/ws';

/** The `/ws` endpoint: decode → delegate → reply. Rules live in the services. */
@WebSocketGateway({ path: WS_PATH })
@UseFilters(GameExceptionFilter)
@UseInterceptors(AckInterceptor)
export class GameGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(GameGateway.name);

  constructor(
    private readonly pool: ConnectionPool,
    private readonly sessions: SessionService,
    private readonly rooms: RoomsService,
    private readonly chat: ChatService,
  ) {}

  handleConnection(socket: GameSocket, request: IncomingMessage): void {
    const connection = this.pool.register(socket, request);
    this.pool.send(connection, this.sessions.open(connection));
  }

  handleDisconnect(socket: GameSocket): void {
    const connection = socket.connection;
    if (!connection) return;
    try {
      this.rooms.leaveAll(connection, LeaveReason.Disconnected);
    } catch (error) {
      this.logger.error(`cleanup of client ${connection.clientId} failed: ${(error as Error).stack}`);
    }
    this.sessions.close(connection);
    this.pool.unregister(connection);
  }

  @SubscribeMessage(MessageType.JoinRoom)
  join(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: JoinRoomPayload) {
    return this.rooms.join(socket.connection, request);
  }

  @SubscribeMessage(MessageType.LeaveRoom)
  leave(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: LeaveRoomPayload): void {
    this.rooms.leave(socket.connection, request.room_id, LeaveReason.Left);
  }

  @SubscribeMessage(MessageType.GameAction)
  action(
    @ConnectedSocket() socket: GameSocket,
    @MessageBody('payload') action: GameActionPayload,
    @MessageBody('id') id: string | undefined,
  ): void {
    this.rooms.queueAction(socket.connection, action, id);
  }

  @SubscribeMessage(MessageType.Chat)
  sendChat(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: ChatSendPayload) {
    return this.chat.send(socket.connection, request);
  }

  @SubscribeMessage(MessageType.Resume)
  resume(@ConnectedSocket() socket: GameSocket, @MessageBody('payload') request: ResumePayload) {
    return this.sessions.resume(socket.connection, request);
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
