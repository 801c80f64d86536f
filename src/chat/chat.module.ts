import { Module } from '@nestjs/common';
import { ChatService } from './chat.service';
import { RoomChatLimiter } from './room-chat-limiter';

/** Room chat (with a per-room rate) and direct chat, on the `ROOM_ROUTER` and `CLIENT_DELIVERY` ports (provided globally by `RoomRoutingModule`). */
@Module({
  providers: [ChatService, RoomChatLimiter],
  exports: [ChatService],
})
export class ChatModule {}
