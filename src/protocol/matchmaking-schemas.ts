import { bool, type Check, check, finite, int, isPlainObject, map, obj, oneOf, optional, str } from './validation';

/** Names in room metadata and filters. */
export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
const METADATA_KEY = str({ max: 32, pattern: METADATA_KEY_PATTERN });
/** Entries in one room's metadata (its size in bytes is MATCHMAKING_MAX_METADATA_BYTES). */
export const MAX_METADATA_ENTRIES = 32;
/** Rooms are counted in pages; no client needs more pages than this. */
export const MAX_LIST_PAGE = 100_000;

/** The configurable limits of the matchmaking messages. */
export interface MatchmakingLimits {
  /** MATCHMAKING_MAX_FILTERS: filters in one `join_or_create` or `list_rooms`. */
  maxFilters: number;
  /** MATCHMAKING_MAX_METADATA_BYTES: a room's metadata as JSON text, in UTF-8 bytes. */
  maxMetadataBytes: number;
}

const metadataValue = oneOf([str({ min: 0, max: 256 }), finite({ maxAbs: Number.MAX_VALUE }), bool()], 'a string, a finite number or a boolean');

/** `{min, max}`, either bound optional but not both, min ≤ max. */
const rangeFilter: Check = (() => {
  const shape = obj({ min: optional(finite({ maxAbs: Number.MAX_VALUE })), max: optional(finite({ maxAbs: Number.MAX_VALUE })) });
  return check(
    (value, path) => {
      const error = shape(value, path);
      if (error) return error;
      const { min, max } = value as { min?: unknown; max?: unknown };
      const has = (bound: unknown) => bound !== undefined && bound !== null;
      if (!has(min) && !has(max)) return `${path} must have min, max or both (a numeric range)`;
      if (has(min) && has(max) && (min as number) > (max as number)) return `${path}.min must not be greater than ${path}.max`;
      return undefined;
    },
    { ...shape.schema, description: 'a numeric range: min, max or both (inclusive)' },
  );
})();

/** Filters on room metadata: name → value (equality) or `{min, max}` (a numeric range). */
export function roomFilters(limits: MatchmakingLimits): Check {
  return map({
    maxEntries: limits.maxFilters,
    key: METADATA_KEY,
    value: oneOf([str({ min: 0, max: 256 }), finite({ maxAbs: Number.MAX_VALUE }), bool(), rangeFilter], 'a string, a number, a boolean or {min, max}'),
  });
}

/** Room metadata: name → string, number or boolean, at most MATCHMAKING_MAX_METADATA_BYTES as JSON. */
export function roomMetadata(limits: MatchmakingLimits): Check {
  const entries = map({ maxEntries: MAX_METADATA_ENTRIES, key: METADATA_KEY, value: metadataValue });
  return check(
    (value, path) => {
      const error = entries(value, path);
      if (error) return error;
      return metadataSizeError(value as object, limits.maxMetadataBytes, path);
    },
    { ...entries.schema, description: `at most MATCHMAKING_MAX_METADATA_BYTES (${limits.maxMetadataBytes}) bytes as JSON` },
  );
}

/** Why `metadata` is too big, or undefined. Also checked on what room logic sets (`ctx.setMetadata`). */
export function metadataSizeError(metadata: object, maxBytes: number, path = 'metadata'): string | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(metadata));
  return bytes > maxBytes ? `${path} must be at most ${maxBytes} bytes as JSON (got ${bytes}; MATCHMAKING_MAX_METADATA_BYTES)` : undefined;
}

/** Whether `value` is a range filter rather than an equality. */
export function isRangeFilter(value: unknown): value is { min?: number; max?: number } {
  return isPlainObject(value);
}

/** Schemas of the three matchmaking client messages (merged into `clientPayloadSchemas`). */
export function matchmakingPayloadSchemas(limits: MatchmakingLimits, fields: { kind: Check; options: Check; userId: Check; nickname: Check }) {
  return {
    join_or_create: obj({
      kind: fields.kind,
      filters: optional(roomFilters(limits)),
      options: optional(fields.options),
      user_id: optional(fields.userId),
      nickname: optional(fields.nickname),
    }),
    create_room: obj({
      kind: fields.kind,
      options: optional(fields.options),
      metadata: optional(roomMetadata(limits)),
      private: optional(bool()),
      user_id: optional(fields.userId),
      nickname: optional(fields.nickname),
    }),
    list_rooms: obj({
      kind: optional(fields.kind),
      filters: optional(roomFilters(limits)),
      page: optional(int({ min: 0, max: MAX_LIST_PAGE })),
    }),
  };
}
