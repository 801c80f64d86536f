import { Module } from '@nestjs/common';
import { RoomsModule } from '../rooms';
import { ChatService } from './chat.service';

@Module({
  imports: [RoomsModule],
  providers: [ChatService],
  exports: [ChatService],
})
export class ChatModule {}
