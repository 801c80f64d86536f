import { defineState, t } from '../../state';

/** The tag field: who is "it" is a player flag, so v1 clients see it as `health` 1 (see TagLogic). */
export const tagState = defineState({
  room: {
    /** Server time before which the current "it" cannot tag (no tag-backs). */
    canTagAt: t.number(),
  },
  entities: {
    player: {
      x: t.float({ precision: 0.125 }),
      y: t.float({ precision: 0.125 }),
      score: t.uint16(),
      it: t.bool(),
    },
  },
});
