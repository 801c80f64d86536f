export * from './backoff.js';
export type { ClientCodec } from './codec.js';
export { DeliveryTracker } from './delivery-tracker.js';
export { GameClient, type GameClientOptions, isReconnectable, type WebSocketConstructor, type WebSocketLike } from './game-client.js';
export { JsonCodec } from './json-codec.js';
export type * from './types.js';
