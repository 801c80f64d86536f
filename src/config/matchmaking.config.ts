import { configNamespace, intVar } from './env-var';

/** Matchmaking and the room directory: message limits and seat reservations. */
export const matchmakingConfig = configNamespace('matchmaking', {
  maxFilters: intVar('MATCHMAKING_MAX_FILTERS', {
    default: 8,
    min: 1,
    max: 64,
    doc: 'Filters on room metadata in one `join_or_create` or `list_rooms`; more: INVALID_PAYLOAD',
  }),
  maxMetadataBytes: intVar('MATCHMAKING_MAX_METADATA_BYTES', {
    default: 1024,
    min: 64,
    max: 65536,
    doc: "A room's metadata as JSON text, in bytes (`create_room.metadata`, `ctx.setMetadata`); more: INVALID_PAYLOAD (from room logic: an error logged with the room id)",
  }),
  reservationTimeoutMs: intVar('MATCHMAKING_RESERVATION_TIMEOUT_MS', {
    default: 10000,
    min: 100,
    max: 600_000,
    doc: 'A seat reserved by `join_or_create`/`create_room` and not taken within this time is free again (the joiner vanished on the way)',
  }),
  listPageSize: intVar('MATCHMAKING_LIST_PAGE_SIZE', {
    default: 50,
    min: 1,
    max: 1000,
    doc: 'Rooms in one `room_list` answer (`list_rooms.page` picks the page)',
  }),
});
