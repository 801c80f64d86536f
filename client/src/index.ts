export * from './backoff.js';
export type { ClockSample } from './clock-sync.js';
export { CloseCode, isAuthFailure, isReconnectable } from './close-codes.js';
export type { ClientCodec } from './codec.js';
export { DeliveryTracker } from './delivery-tracker.js';
export { ClientErrorCode, GatewayError } from './errors.js';
export {
  type ConnectionState,
  type CreateOptions,
  type CreateRoomOptions,
  GameClient,
  type GameClientOptions,
  type JoinOptions,
  type JoinOrCreateOptions,
  type ListRoomsOptions,
  type ProtocolVersion,
} from './game-client.js';
export { JsonCodec } from './json-codec.js';
export { type ChangedEntity, type ChangedField, Room, type SendArgs } from './room.js';
export type { ImmediateOption, RequestOptions, RoomEvents, RoomLeaveReason } from './room-events.js';
export type { RoomState } from './room-state.js';
export { createInterpolator, type Interpolator, type InterpolatorOptions, type NumericField } from './state/interpolator.js';
export { type CellBounds, cellAtPoint, cellBounds, cellIdAt, type ViewState } from './state/cells.js';
export type { ActionDescriptor, ActionNeed, EventDescriptor, FieldDescriptor, InterestDescriptor, KindDescriptor, TypeDescriptor, ValueDescriptor } from './state/kind-descriptor.js';
export type * from './state/room-types.js';
export type { EntityEventKind } from './state/state-callbacks.js';
export type { EntityView, FieldChanges, FrameChanges, ViewChange } from './state/state-mirror.js';
export type { StateStats } from './state/typed-state.js';
export type { TokenProvider } from './token-refresher.js';
export type * from './types.js';
export type { WebSocketConstructor, WebSocketLike } from './websocket.js';
