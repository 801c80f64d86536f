/** Injection token of the optional `RoomAuthorizer`. */
export const ROOM_AUTHORIZER = 'GAME:ROOM_AUTHORIZER';
/** Metadata key of `@GameRoomKind()`: `{ kind, options }`. */
export const GAME_ROOM_KIND = 'GAME:ROOM_KIND';
