import type { ClientMessageType } from './message-types';
import { MessageType } from './message-types';
import { type Check, finite, int, map, obj, optional, str } from './validation';

/** Identifiers end up in Redis keys and channel names: keep them to a safe alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]+$/;
/** Coordinates beyond this are rejected before any game logic clamps them. */
export const MAX_COORDINATE = 1e9;

const roomId = str({ max: 64, pattern: ID_PATTERN });
const clientId = str({ max: 64, pattern: ID_PATTERN });
const seqNumber = int({ min: 0, max: Number.MAX_SAFE_INTEGER });
const vec3 = obj({
  x: optional(finite({ maxAbs: MAX_COORDINATE })),
  y: optional(finite({ maxAbs: MAX_COORDINATE })),
  z: optional(finite({ maxAbs: MAX_COORDINATE })),
});

/** One schema per client message type: the shapes of PROTOCOL.md's "Messages" table. */
export const CLIENT_PAYLOAD_SCHEMAS: Record<ClientMessageType, Check> = {
  [MessageType.JoinRoom]: obj({
    room_id: roomId,
    user_id: optional(str({ max: 128, pattern: ID_PATTERN })),
    nickname: optional(str({ max: 32 })),
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
    // The configurable CHAT_MAX_LENGTH is enforced by the chat service; this is the hard cap.
    text: str({ max: 4096, allowControl: true }),
  }),
  [MessageType.Resume]: obj({
    session_id: str({ max: 64, pattern: ID_PATTERN }),
    resume_token: str({ max: 256, pattern: ID_PATTERN }),
    rooms: optional(map({ maxEntries: 64, key: roomId, value: seqNumber })),
    last_seq: optional(seqNumber),
  }),
  [MessageType.Ping]: obj({ t: optional(finite({ maxAbs: Number.MAX_VALUE })) }),
  [MessageType.Pong]: obj({ t: optional(finite({ maxAbs: Number.MAX_VALUE })) }),
};

/** The client's message id (`id`): for acks and de-duplication. */
export const MESSAGE_ID_CHECK: Check = optional(str({ max: 64, pattern: ID_PATTERN }));
