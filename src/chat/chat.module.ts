import { Module } from '@nestjs/common';
import { ChatService } from './chat.service';

/** Room and direct chat, on the `ROOM_ROUTER` and `CLIENT_DELIVERY` ports (provided globally by `RoomRoutingModule`). */
@Module({
  providers: [ChatService],
  exports: [ChatService],
})
export class ChatModule {}
