// The script-tag build with protobuf (dist/browser/game-gateway.protobuf.min.js): everything of
// the package plus ProtobufCodec, on the global `GameGateway`.
export * from './index.js';
export { ProtobufCodec } from './protobuf-codec.js';
