export * from './codec';
export * from './codec.module';
export * from './codec.registry';
export * from './json.codec';
export * from './protobuf.codec';
export * from './server-message.decoder';
