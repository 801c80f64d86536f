// @ts-check
'use strict';
// game.v2.proto for players without a state mirror (--mirror-share < 1): what they measure of a
// `state` frame (frame number, key, base, time) read by walking the top-level fields of the
// envelope and of its StateFrame with protobufjs's Reader, skipping the rest: the ops and strings,
// the bulk of a frame, are never decoded. Field numbers come from proto/game.proto by reflection.
const { Reader } = require('protobufjs');

/**
 * @param {{ Message: import('protobufjs').Type, MessageType: Record<string, number>, type: (name: string) => import('protobufjs').Type }} types
 * @returns {(data: Buffer) => import('./index').StateFrame | undefined}
 *   undefined: not one plain `state` message (a batch frame, any other message): decode it in full
 */
function stateFramePeek(types) {
  const { v2State } = require('./index'); // here, not at the top: index.js requires the codecs
  const Frame = types.type('StateFrame');
  const M_TYPE = types.Message.fields.type.id;
  const M_PAYLOAD = types.Message.fields.payload.id;
  const [ROOM, FRAME, KEY, TIME, BASE] = ['room', 'frame', 'key', 'time', 'base'].map((n) => Frame.fields[n].id);
  const STATE = types.MessageType.STATE;
  return (data) => {
    const r = Reader.create(data);
    let type = 0, start = r.len, end = r.len;
    while (r.pos < r.len) {
      const tag = r.uint32();
      const field = tag >>> 3;
      if (field === M_TYPE) type = r.int32();
      else if (field === M_PAYLOAD) {
        const n = r.uint32();
        start = r.pos;
        end = start + n;
        r.skip(n);
      } else r.skipType(tag & 7);
    }
    if (type !== STATE) return undefined;
    r.pos = start;
    r.len = end;
    // The same values as a full decode with defaults (proto/game.proto; `base` only when present).
    /** @type {import('./index').V2Frame} */
    const f = { room: 0, frame: 0, key: false, time: 0 };
    while (r.pos < r.len) {
      const tag = r.uint32();
      const field = tag >>> 3;
      if (field === FRAME) f.frame = r.uint32();
      else if (field === KEY) f.key = r.bool();
      else if (field === TIME) f.time = Number(r.int64());
      else if (field === BASE) f.base = r.uint32();
      else if (field === ROOM) f.room = r.uint32();
      else r.skipType(tag & 7);
    }
    return v2State({ type: 'state', payload: f });
  };
}

module.exports = { stateFramePeek };
