import { Injectable } from '@nestjs/common';
import { type Codec, CodecId, Subprotocol, WireVersion } from './codec';
import { JsonCodec } from './json.codec';
import { ProtobufCodec } from './protobuf.codec';

const NEGOTIATED = new Map<string, { codec: CodecId; locked: true; version: WireVersion }>([
  [Subprotocol.Json, { codec: CodecId.Json, locked: true, version: WireVersion.V1 }],
  [Subprotocol.Protobuf, { codec: CodecId.Protobuf, locked: true, version: WireVersion.V1 }],
  [Subprotocol.JsonV2, { codec: CodecId.Json, locked: true, version: WireVersion.V2 }],
  [Subprotocol.ProtobufV2, { codec: CodecId.Protobuf, locked: true, version: WireVersion.V2 }],
]);

/** The codecs by id, and the negotiation rules of docs/protocol.md ("Choosing a codec"). */
@Injectable()
export class CodecRegistry {
  readonly byId: readonly Codec[];

  constructor(json: JsonCodec, protobuf: ProtobufCodec) {
    this.byId = [json, protobuf];
  }

  get(id: CodecId): Codec {
    return this.byId[id];
  }

  /** The subprotocol to accept from the client's offer: the first of ours it lists. */
  static selectSubprotocol(offered: Iterable<string>): string | false {
    for (const name of offered) if (NEGOTIATED.has(name)) return name;
    return false;
  }

  /** Codec and protocol version for an accepted subprotocol; without one, v1 JSON until the first binary frame. */
  static codecFor(subprotocol: string | undefined): { codec: CodecId; locked: boolean; version: WireVersion } {
    return (subprotocol && NEGOTIATED.get(subprotocol)) || { codec: CodecId.Json, locked: false, version: WireVersion.V1 };
  }
}
