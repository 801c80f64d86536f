import type { GameActionPayload, ServerMessage } from '../protocol';

/** A server message for every local member of a room, on every instance. */
export interface RoomBroadcast {
  kind: 'room';
  roomId: string;
  message: ServerMessage;
  /** Client id to skip (e.g. the joiner, who gets `room_joined` instead). */
  except?: string;
}

/** A server message for one client, wherever it is connected. */
export interface ClientDelivery {
  kind: 'client';
  clientId: string;
  message: ServerMessage;
  /** A direct message: the recipient's instance stamps the session's next `seq`. */
  sequenced?: boolean;
}

/** What a member's instance asks of the instance that owns (runs) a room. */
export const RoomCommandName = {
  Join: 'join',
  Leave: 'leave',
  Action: 'action',
  /** A reliable room event (chat) for the owner to give an offset and publish. */
  Reliable: 'reliable',
  /** The owner's answer to a request (`requestId`). */
  Reply: 'reply',
} as const;
export type RoomCommandName = (typeof RoomCommandName)[keyof typeof RoomCommandName];

/** A command between instances about one member of one room (never sent by the in-memory bus). */
export interface RoomCommand {
  kind: 'command';
  command: RoomCommandName;
  roomId: string;
  clientId: string;
  requestId?: string;
  /** `action` only, carried as gameproto.GameAction. */
  action?: GameActionPayload;
  refId?: string;
  /** Anything else the command needs (JSON on the wire: joins, leaves, replies are not hot). */
  data?: unknown;
  /** Instance that published it; stamped by the bus on receipt. */
  origin?: string;
}

/** A Nest microservice event (`ClientProxy.emit` → `@EventPattern`). */
export interface BusEvent {
  kind: 'event';
  pattern: string;
  data: unknown;
}

export type BusMessage = RoomBroadcast | ClientDelivery | RoomCommand | BusEvent;

export const roomChannel = (roomId: string): string => `room:${roomId}`;
export const clientChannel = (clientId: string): string => `client:${clientId}`;
/** Every instance listens on its own channel: direct deliveries and room commands for it. */
export const instanceChannel = (instanceId: string): string => `instance:${instanceId}`;
/** Microservice events of one pattern. */
export const eventChannel = (pattern: string): string => `event:${pattern}`;
