// @ts-check
'use strict';
// `game.v2.json`: the v1 JSON envelope, with the room's state as `state` frames (keyframes and
// deltas as JSON, docs/protocol.md "State frames (v2)") instead of `sync` snapshots.
const json = require('./json');

module.exports = {
  name: 'v2-json',
  /** @returns {import('./index').LoadCodec} */
  create() {
    return { ...json.create(), name: 'v2-json', subprotocols: ['game.v2.json'], state: require('./index').v2State };
  },
};
