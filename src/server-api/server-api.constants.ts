/** Operations instances ask of each other (`ClusterQuery`); the names travel on the bus. */
export const ApiOp = {
  Rooms: 'rooms',
  Room: 'room',
  History: 'history',
  PublishRoom: 'publish-room',
  CloseRoom: 'close-room',
  Presence: 'presence',
  PublishPlayer: 'publish-player',
  Kick: 'kick',
} as const;
export type ApiOp = (typeof ApiOp)[keyof typeof ApiOp];
