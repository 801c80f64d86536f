import type { ClientCodec } from './codec.js';
import type { OutgoingMessage, ServerFrame } from './types.js';

/** `{type, payload, timestamp, id?}` text frames: no dependency, readable in devtools. */
export class JsonCodec implements ClientCodec {
  readonly subprotocol = 'game.v1.json';
  readonly subprotocols = { 1: 'game.v1.json', 2: 'game.v2.json' } as const;

  encode(message: OutgoingMessage): string {
    return JSON.stringify({ type: message.type, payload: message.payload, timestamp: Date.now(), ...(message.id ? { id: message.id } : {}) });
  }

  decode(data: string | Uint8Array): ServerFrame {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    return JSON.parse(text) as ServerFrame;
  }
}
