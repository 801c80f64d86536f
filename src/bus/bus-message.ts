import type { ServerMessage } from '../protocol';

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
}

export type BusMessage = RoomBroadcast | ClientDelivery;

export const roomChannel = (roomId: string): string => `room:${roomId}`;
export const clientChannel = (clientId: string): string => `client:${clientId}`;
