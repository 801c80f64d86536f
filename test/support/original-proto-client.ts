import * as protobuf from 'protobufjs';
import WebSocket from 'ws';

/**
 * The original `gameproto` schema and nothing else, as a client generated from it knows it
 * (reflection from a JSON descriptor written from the original design; the project's own
 * proto/game.proto is deliberately not used here).
 */
const ORIGINAL = protobuf.Root.fromJSON({
  nested: {
    gameproto: {
      nested: {
        MessageType: { values: { UNKNOWN: 0, JOIN_ROOM: 1, LEAVE_ROOM: 2, GAME_ACTION: 3, SYNC: 4, CHAT: 5 } },
        Message: {
          fields: {
            type: { type: 'MessageType', id: 1 },
            from_client_id: { type: 'string', id: 2 },
            to_client_id: { type: 'string', id: 3 },
            room_id: { type: 'string', id: 4 },
            payload: { type: 'bytes', id: 5 },
            timestamp: { type: 'int64', id: 6 },
          },
        },
        JoinRoomRequest: {
          fields: { room_id: { type: 'string', id: 1 }, user_id: { type: 'string', id: 2 }, nickname: { type: 'string', id: 3 } },
        },
        GameAction: {
          fields: {
            action: { type: 'string', id: 1 },
            position: { type: 'Position', id: 2 },
            target_id: { type: 'int32', id: 3 },
            params: { keyType: 'string', type: 'string', id: 4 } as protobuf.IMapField,
          },
        },
        Position: { fields: { x: { type: 'double', id: 1 }, y: { type: 'double', id: 2 }, z: { type: 'double', id: 3 } } },
        StateSync: {
          fields: {
            frame_num: { type: 'int64', id: 1 },
            players: { rule: 'repeated', type: 'PlayerState', id: 2 },
            timestamp: { type: 'int64', id: 3 },
          },
        },
        PlayerState: {
          fields: {
            player_id: { type: 'string', id: 1 },
            position: { type: 'Position', id: 2 },
            velocity: { type: 'Velocity', id: 3 },
            health: { type: 'int32', id: 4 },
            score: { type: 'int32', id: 5 },
          },
        },
        Velocity: { fields: { x: { type: 'double', id: 1 }, y: { type: 'double', id: 2 }, z: { type: 'double', id: 3 } } },
      },
    },
  },
});

export const OriginalSchema = {
  root: ORIGINAL,
  Message: ORIGINAL.lookupType('gameproto.Message'),
  JoinRoomRequest: ORIGINAL.lookupType('gameproto.JoinRoomRequest'),
  GameAction: ORIGINAL.lookupType('gameproto.GameAction'),
  StateSync: ORIGINAL.lookupType('gameproto.StateSync'),
  MessageType: ORIGINAL.lookupEnum('gameproto.MessageType').values,
};

export interface DecodedOriginal {
  type: number;
  room_id: string;
  timestamp: number;
  /** Set for SYNC frames: the StateSync as the original schema reads it. */
  sync?: { frame_num: number; players: { player_id: string; position?: { x: number; y: number; z: number }; health: number }[] };
}

/** A binary-only client using nothing but the original schema. */
export class OriginalProtoClient {
  readonly received: DecodedOriginal[] = [];
  private listeners: ((message: DecodedOriginal) => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return; // the original proto client only reads binary frames
      const m = OriginalSchema.Message.toObject(OriginalSchema.Message.decode(data), { longs: Number, defaults: true });
      const decoded: DecodedOriginal = { type: m.type, room_id: m.room_id, timestamp: m.timestamp };
      if (m.type === OriginalSchema.MessageType.SYNC) {
        decoded.sync = OriginalSchema.StateSync.toObject(OriginalSchema.StateSync.decode(m.payload), {
          longs: Number,
          defaults: true,
        }) as DecodedOriginal['sync'];
      }
      this.received.push(decoded);
      for (const listener of this.listeners) listener(decoded);
    });
  }

  static async connect(url: string): Promise<OriginalProtoClient> {
    const ws = new WebSocket(url);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new OriginalProtoClient(ws);
  }

  send(type: number, inner: protobuf.Type, payload: object, roomId = ''): void {
    const bytes = inner.encode(inner.fromObject(payload)).finish();
    const message = OriginalSchema.Message.fromObject({ type, room_id: roomId, payload: bytes, timestamp: Date.now() });
    this.ws.send(OriginalSchema.Message.encode(message).finish());
  }

  /** Resolves with the first message (already received or coming) that matches. */
  waitFor(match: (message: DecodedOriginal) => boolean, timeoutMs = 5000): Promise<DecodedOriginal> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('original proto client: expected frame did not arrive')), timeoutMs);
      this.listeners.push((message) => {
        if (match(message)) {
          clearTimeout(timer);
          resolve(message);
        }
      });
    });
  }

  close(): void {
    this.ws.close();
  }
}
