import { defineEvents, defineState, t } from '../../state';

const coordinate = () => t.float({ precision: 0.125 });
const team = () => t.enum(['red', 'blue']);

/** Capture the flag: two teams, two flags (non-player entities), a score per team. */
export const ctfState = defineState({
  room: {
    phase: t.enum(['play', 'over']),
    red: t.uint8(),
    blue: t.uint8(),
    winner: t.enum(['none', 'red', 'blue']),
    /** From the creation option `score_to_win`. */
    scoreToWin: t.uint8().serverSide(),
  },
  entities: {
    player: { x: coordinate(), y: coordinate(), team: team(), carrying: t.bool() },
    flag: { x: coordinate(), y: coordinate(), team: team(), carrier: t.uint16(), atBase: t.bool().withDefault(true) },
  },
});

/** What happened, for the clients' log and sounds; the state already shows the result. */
export const ctfEvents = defineEvents({
  flag_taken: { team: team(), by: t.uint16() },
  flag_dropped: { team: team(), x: coordinate(), y: coordinate() },
  flag_returned: { team: team(), by: t.uint16() },
  scored: { team: team(), by: t.uint16(), red: t.uint8(), blue: t.uint8() },
  match_over: { winner: team() },
});
