import { configNamespace, intVar } from '../../config';

/** Rules of the "tag" room kind. */
export const tagConfig = configNamespace('tag', {
  fieldSize: intVar('TAG_FIELD_SIZE', { default: 100, min: 1, max: 1_000_000, doc: 'Tag field: a square from -size to +size on x and y; moves are clamped into it' }),
  tagRange: intVar('TAG_RANGE', { default: 3, min: 0, max: 1_000_000, doc: 'Distance within which the player who is "it" tags another' }),
  cooldownMs: intVar('TAG_COOLDOWN_MS', { default: 2000, min: 0, max: 60_000, doc: 'After a tag, the new "it" cannot tag for this long (no tag-backs)' }),
});
