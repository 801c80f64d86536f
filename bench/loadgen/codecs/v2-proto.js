// @ts-check
'use strict';
// `game.v2.proto`: the v1 protobuf envelope, with the room's state as `state` frames (StateFrame:
// keyframes and deltas, docs/protocol.md "State frames (v2)") instead of `sync` snapshots. The
// client applies them in its own mirror (bench/loadgen/state-v2.js); the codec only decodes.
const { protoCodec } = require('./proto');

module.exports = {
  name: 'v2-proto',
  /** @returns {import('./index').LoadCodec} */
  create() {
    return protoCodec('v2-proto', 'game.v2.proto', require('./index').v2State);
  },
};
