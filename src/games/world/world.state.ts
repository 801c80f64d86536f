import { defineState, t } from '../../state';

const coordinate = () => t.float({ precision: 0.125 });

/** An open world: players and wandering bots, both positioned, so each client sees only its surroundings. */
export const worldState = defineState({
  room: { bots: t.uint16() },
  entities: {
    player: { x: coordinate(), y: coordinate(), name: t.string({ maxLength: 32 }) },
    bot: { x: coordinate(), y: coordinate(), dx: t.float({ precision: 0.125 }).serverSide(), dy: t.float({ precision: 0.125 }).serverSide() },
  },
});
