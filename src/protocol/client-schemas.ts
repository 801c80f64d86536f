import type { ClientMessageType } from './message-types';
import { MessageType } from './message-types';
import { bool, type Check, finite, int, map, NO_CONTROL_EXCEPT_NEWLINE_PATTERN, obj, optional, str } from './validation';

/** Identifiers end up in Redis keys and channel names: keep them to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]+$/;
/** Coordinates beyond this are rejected before any game logic clamps them. */
export const MAX_COORDINATE = 1e9;

const roomId = str({ max: 64, pattern: ID_PATTERN });
/** Room kind names, as `@GameRoomKind()` and ROOM_KINDS spell them. */
export const KIND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
const clientId = str({ max: 64, pattern: ID_PATTERN });
const seqNumber = int({ min: 0, max: Number.MAX_SAFE_INTEGER });
const vec3 = obj({
  x: optional(finite({ maxAbs: MAX_COORDINATE })),
  y: optional(finite({ maxAbs: MAX_COORDINATE })),
  z: optional(finite({ maxAbs: MAX_COORDINATE })),
});

/** A JWT in compact serialization: three base64url parts (the signature may be empty only for `alg: none`, which is refused). */
export const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
/** Longest token accepted in a `refresh` (a JWT with a few claims is well under 2 KB). */
export const MAX_TOKEN_LENGTH = 8192;

/** The configurable limits the payload schemas enforce. */
export interface PayloadLimits {
  /** CHAT_MAX_LENGTH: characters in one chat text. */
  chatMaxLength: number;
}

/**
 * One schema per client message type: the shapes of docs/protocol.md's "Messages" section,
 * with the configured limits (a chat text longer than CHAT_MAX_LENGTH is refused here, with the
 * configured number in the message).
 */
export function clientPayloadSchemas(limits: PayloadLimits): Record<ClientMessageType, Check> {
  return {
    [MessageType.JoinRoom]: obj({
      room_id: roomId,
      user_id: optional(str({ max: 128, pattern: ID_PATTERN })),
      nickname: optional(str({ max: 32 })),
      kind: optional(str({ max: 32, pattern: KIND_PATTERN })),
      options: optional(map({ maxEntries: 16, key: str({ max: 32, pattern: /^[A-Za-z0-9_.-]+$/ }), value: str({ min: 0, max: 256 }) })),
      redirect: optional(bool()),
    }),
    [MessageType.LeaveRoom]: obj({ room_id: roomId }),
    [MessageType.GameAction]: obj({
      room_id: optional(roomId),
      action: str({ max: 32, pattern: /^[A-Za-z0-9_.-]+$/ }),
      position: optional(vec3),
      target_id: optional(int({ min: 0, max: 2 ** 31 - 1 })),
      params: optional(map({ maxEntries: 16, key: str({ max: 32 }), value: str({ min: 0, max: 256 }) })),
      input_seq: optional(seqNumber),
    }),
    [MessageType.Chat]: obj({
      room_id: optional(roomId),
      to_client_id: optional(clientId),
      // Newlines are the one control character a chat may carry (multi-line messages).
      text: str({
        max: limits.chatMaxLength,
        pattern: NO_CONTROL_EXCEPT_NEWLINE_PATTERN,
        patternHint: 'not contain control characters other than newline (\\n)',
      }),
    }),
    [MessageType.Resume]: obj({
      session_id: str({ max: 64, pattern: ID_PATTERN }),
      resume_token: str({ max: 256, pattern: ID_PATTERN }),
      rooms: optional(map({ maxEntries: 64, key: roomId, value: seqNumber })),
      last_seq: optional(seqNumber),
    }),
    [MessageType.Ping]: obj({ t: optional(finite({ maxAbs: Number.MAX_VALUE })) }),
    [MessageType.Pong]: obj({ t: optional(finite({ maxAbs: Number.MAX_VALUE })) }),
    [MessageType.Refresh]: obj({ token: str({ max: MAX_TOKEN_LENGTH, pattern: JWT_PATTERN, patternHint: 'be a JWT (three base64url parts)' }) }),
  };
}

/** The client's message id (`id`): for acks and de-duplication. */
export const MESSAGE_ID_CHECK: Check = optional(str({ max: 64, pattern: ID_PATTERN }));
