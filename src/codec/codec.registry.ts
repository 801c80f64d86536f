import { Injectable } from '@nestjs/common';
import { type Codec, CodecId, Subprotocol } from './codec';
import { JsonCodec } from './json.codec';
import { ProtobufCodec } from './protobuf.codec';

/** The codecs by id, and the negotiation rules of docs/protocol.md ("Codec"). */
@Injectable()
export class CodecRegistry {
  readonly byId: readonly Codec[];

  constructor(json: JsonCodec, protobuf: ProtobufCodec) {
    this.byId = [json, protobuf];
  }

  get(id: CodecId): Codec {
    return this.byId[id];
  }

  /** The subprotocol to accept from the client's offer, if any of ours is offered. */
  static selectSubprotocol(offered: Iterable<string>): string | false {
    for (const name of offered) {
      if (name === Subprotocol.Json || name === Subprotocol.Protobuf) return name;
    }
    return false;
  }

  /** Codec for an accepted subprotocol; without one, JSON until the first binary frame. */
  static codecFor(subprotocol: string | undefined): { codec: CodecId; locked: boolean } {
    if (subprotocol === Subprotocol.Protobuf) return { codec: CodecId.Protobuf, locked: true };
    if (subprotocol === Subprotocol.Json) return { codec: CodecId.Json, locked: true };
    return { codec: CodecId.Json, locked: false };
  }
}
