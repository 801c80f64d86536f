import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { roomsConfig } from '../config';
import type { Connection } from '../connection';
import { type ChatSendPayload, ErrorCode, GameError, MessageType, serverMessage } from '../protocol';
import { CLIENT_DELIVERY, type ClientDelivery, ROOM_ROUTER, type RoomRouter } from '../rooms';
import { RoomChatLimiter } from './room-chat-limiter';

/**
 * Room chat (a reliable room event, sender included, within the room's chat rate) and direct
 * messages (sequenced per session; by default only to a client that shares a room with the sender).
 */
@Injectable()
export class ChatService {
  constructor(
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
    @Inject(ROOM_ROUTER) private readonly rooms: RoomRouter,
    @Inject(CLIENT_DELIVERY) private readonly delivery: ClientDelivery,
    private readonly limiter: RoomChatLimiter,
  ) {}

  /** Resolves once the room's owner published the chat (or the direct message was sequenced and delivered). */
  send(connection: Connection, request: ChatSendPayload): void | Promise<void> {
    if (request.text.length > this.config.chatMaxLength) {
      throw new GameError(ErrorCode.InvalidPayload, `payload.text must be at most ${this.config.chatMaxLength} characters`);
    }
    if (request.to_client_id) return this.sendDirect(connection, request.to_client_id, request.text);
    return this.sendToRoom(connection, request.room_id, request.text);
  }

  private sendToRoom(connection: Connection, roomId: string | undefined, text: string): void | Promise<void> {
    const { roomId: id, playerId } = this.rooms.membership(connection, roomId);
    if (!this.limiter.take(id, Date.now())) throw new GameError(ErrorCode.RateLimited, this.limiter.describe(id));
    const message = serverMessage(
      MessageType.Chat,
      { room_id: id, text, from_client_id: connection.clientId, player_id: playerId },
      { room_id: id },
    );
    return this.rooms.publishReliable(id, message);
  }

  /**
   * One refusal whatever the reason (no such client, not connected, not a room-mate): a sender
   * learns nothing about ids it does not share a room with.
   */
  private async sendDirect(connection: Connection, toClientId: string, text: string): Promise<void> {
    const scoped = this.config.directMessageScope === 'room';
    if (scoped && !(await this.rooms.sharesRoom(connection, toClientId))) throw noRecipient(toClientId, scoped);
    const message = serverMessage(MessageType.Chat, {
      to_client_id: toClientId,
      text,
      from_client_id: connection.clientId,
      player_id: connection.playerId ?? connection.clientId,
    });
    // The target may be connected to another instance: wait for the registry's answer.
    if (!(await this.delivery.sendDirect(toClientId, message))) throw noRecipient(toClientId, scoped);
  }
}

function noRecipient(clientId: string, scoped: boolean): GameError {
  const reach = scoped ? 'a client in one of your rooms' : 'a connected client';
  return new GameError(ErrorCode.InvalidPayload, `no recipient "${clientId}": a direct message reaches ${reach}`);
}
