/** Injection token of the optional `RoomAuthorizer`. */
export const ROOM_AUTHORIZER = 'GAME:ROOM_AUTHORIZER';
