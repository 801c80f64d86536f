import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { tagConfig } from './tag.config';
import { TagLogic } from './tag.logic';

/** Room kind "tag"; rooms run it when ROOM_KINDS maps them to it (e.g. `tag-*=tag`). */
@Module({
  imports: [ConfigModule.forFeature(tagConfig)],
  providers: [TagLogic],
})
export class TagModule {}
