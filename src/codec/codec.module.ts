import { Module } from '@nestjs/common';
import { CodecRegistry } from './codec.registry';
import { JsonCodec } from './json.codec';
import { ProtobufCodec } from './protobuf.codec';

@Module({
  providers: [JsonCodec, ProtobufCodec, CodecRegistry],
  exports: [CodecRegistry],
})
export class CodecModule {}
