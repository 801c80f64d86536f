// @ts-check
'use strict';
// `game.v2.proto`: the v1 protobuf envelope, with the room's state as `state` frames (StateFrame:
// keyframes and deltas, docs/protocol.md "State frames (v2)") instead of `sync` snapshots. The
// client applies them in its own mirror (bench/loadgen/state-v2.js); the codec only decodes.
// Players without a mirror (--mirror-share) read state frames with `peekState` instead.
const { loadTypes, protoCodec } = require('./proto');
const { stateFramePeek } = require('./v2-proto-peek');

module.exports = {
  name: 'v2-proto',
  /** @returns {import('./index').LoadCodec} */
  create() {
    const types = loadTypes();
    return { ...protoCodec('v2-proto', 'game.v2.proto', require('./index').v2State, types), peekState: stateFramePeek(types) };
  },
};
