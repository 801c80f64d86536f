import * as protobuf from 'protobufjs/minimal';
import { gameproto } from './generated/game';

// int64 fields (timestamps, offsets, sequence numbers) stay far below 2^53, so they decode as
// plain numbers: no Long objects on the hot path and the same shape as the JSON codec.
protobuf.util.Long = undefined as never;
protobuf.configure();

export { gameproto, protobuf };
