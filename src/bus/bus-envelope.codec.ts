import { busproto } from './generated/bus';

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** What the Redis bus sends: who published, which topic, and the topic's own bytes. */
export interface BusEnvelope {
  origin: string;
  topic: string;
  payload: Uint8Array;
}

/** `BusEnvelope` ↔ `busproto.v2.Envelope` bytes; nothing else (the payload stays opaque). */
export class BusEnvelopeCodec {
  encode(envelope: BusEnvelope): Buffer {
    return toBuffer(busproto.v2.Envelope.encode(envelope).finish());
  }

  /** Throws on bytes that are not a v2 envelope; the bus counts and drops them. */
  decode(bytes: Uint8Array): BusEnvelope {
    const { origin, topic, payload } = busproto.v2.Envelope.decode(bytes);
    if (!topic) throw new Error('bus envelope without a topic (a busproto.v1 instance on the same bus?)');
    return { origin, topic, payload };
  }
}
