import { isRangeFilter, type RoomFilters, type RoomMetadata } from '../protocol';

/**
 * Whether metadata satisfies every filter: a value is an equality (same type and value), `{min,
 * max}` an inclusive numeric range. The Redis directory's scripts implement the same rule in Lua.
 */
export function matchesFilters(metadata: RoomMetadata, filters: RoomFilters): boolean {
  for (const name in filters) {
    const filter = filters[name];
    const value = metadata[name];
    if (isRangeFilter(filter)) {
      if (typeof value !== 'number') return false;
      if (filter.min !== undefined && filter.min !== null && value < filter.min) return false;
      if (filter.max !== undefined && filter.max !== null && value > filter.max) return false;
    } else if (value !== filter) return false;
  }
  return true;
}

/** The metadata a room created for `filters` gets: their equalities (so the next identical request finds it). */
export function metadataOf(filters: RoomFilters): RoomMetadata {
  const metadata: RoomMetadata = {};
  for (const name in filters) {
    const filter = filters[name];
    if (!isRangeFilter(filter)) metadata[name] = filter;
  }
  return metadata;
}
