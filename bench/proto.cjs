// Shared by the load generator and the bare-ws baseline: the project's generated static protobuf
// code, configured like src/protocol/proto.ts (int64 as plain numbers, no Long objects).
const protobuf = require('protobufjs/minimal');
protobuf.util.Long = undefined;
protobuf.configure();
const { gameproto } = require('../src/protocol/generated/game.js');
module.exports = { gameproto };
