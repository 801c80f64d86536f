import * as protobuf from 'protobufjs/minimal';

// int64 fields (timestamps, offsets, sequence numbers) stay far below 2^53, so they decode as
// plain numbers: no Long objects on the hot path and the same shape as the JSON codec. This
// must run before the generated code loads, which bakes int64 defaults into its prototypes.
protobuf.util.Long = undefined as never;
protobuf.configure();

export { protobuf };
