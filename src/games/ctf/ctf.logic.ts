import { ErrorCode, GameError, str, type Vec3 } from '../../protocol';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../game-api';
import type { Entity } from '../../state';
import { ctfEvents, ctfState } from './ctf.state';

type Ctx = RoomContext<typeof ctfState, typeof ctfEvents>;
type Decl = (typeof ctfState)['decl'];
type Player = Entity<Decl, 'player'>;
type Flag = Entity<Decl, 'flag'>;
type Team = 'red' | 'blue';

/** The field: x in ±FIELD_X, y in ±FIELD_Y; each team's base on its side of the x axis. */
export const FIELD_X = 50;
export const FIELD_Y = 30;
export const BASE: Record<Team, { x: number; y: number }> = { red: { x: -40, y: 0 }, blue: { x: 40, y: 0 } };
/** A player touches a flag (or a base) within this distance. */
export const TOUCH = 2;
/** `tag` reaches this far. */
export const TAG_RANGE = 3;

const clamp = (v: number, limit: number) => (v < -limit ? -limit : v > limit ? limit : v);
const near = (a: { x: number; y: number }, b: { x: number; y: number }, d: number) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2 <= d * d;
const other = (team: Team): Team => (team === 'red' ? 'blue' : 'red');

/**
 * Capture the flag: an example kind with entities that are not players (two flags) and events
 * of its own.
 * - A joining player goes to the team with fewer players and spawns at its base.
 * - `move {position}`: walking onto the enemy flag takes it (`flag_taken`); onto your own flag
 *   away from its base returns it (`flag_returned`); into your base with the enemy flag while
 *   your own flag is home scores (`scored`) and sends the flag back. A carried flag moves with
 *   its carrier.
 * - `tag {target_id}`: an enemy within reach goes back to its base, dropping a flag it carries
 *   where it stood (`flag_dropped`).
 * - The first team to `score_to_win` (creation option, 1-20, default 3) wins (`match_over`);
 *   after that, moves are refused.
 */
@GameRoomKind('ctf', {
  state: ctfState,
  events: ctfEvents,
  maxPlayers: 16,
  options: { score_to_win: str({ max: 2, pattern: /^([1-9]|1[0-9]|20)$/, patternHint: 'be a whole number from 1 to 20' }) },
  v1: { type: 'player', position: ['x', 'y'] },
})
export class CtfLogic implements GameLogic<typeof ctfState, typeof ctfEvents> {
  readonly actions = defineActions<Ctx>()({
    move: { position: 'required', run: (ctx, player, { position }) => this.move(ctx, this.player(ctx, player), position) },
    tag: { target: 'required', run: (ctx, player, { target }) => this.tag(ctx, this.player(ctx, player), target) },
  });

  onCreate(ctx: Ctx): void {
    ctx.state.room.scoreToWin = Number(ctx.options.score_to_win ?? 3);
    for (const team of ['red', 'blue'] as const) ctx.state.spawn('flag', { team, ...BASE[team] });
  }

  onJoin(ctx: Ctx, player: PlayerRef): void {
    const counts = { red: 0, blue: 0 };
    for (const p of ctx.state.ofType('player')) counts[p.team] += 1;
    const team: Team = counts.red <= counts.blue ? 'red' : 'blue';
    ctx.state.spawn('player', { team, ...BASE[team] }, player);
  }

  onLeave(ctx: Ctx, player: PlayerRef): void {
    const p = ctx.state.get(player.entityId) as Player | undefined;
    if (!p) return;
    this.dropFlag(ctx, p);
    ctx.state.despawn(p);
  }

  private player(ctx: Ctx, ref: PlayerRef): Player {
    const p = ctx.state.get(ref.entityId);
    if (!p || p.type !== 'player') throw new GameError(ErrorCode.NotInRoom, 'not a player of this room');
    if (ctx.state.room.phase === 'over') throw new GameError(ErrorCode.InvalidPayload, 'the match is over');
    return p as Player;
  }

  private flag(ctx: Ctx, team: Team): Flag {
    for (const flag of ctx.state.ofType('flag')) if (flag.team === team) return flag;
    throw new Error(`ctf: the ${team} flag is missing`);
  }

  private move(ctx: Ctx, p: Player, to: Vec3): void {
    p.x = clamp(to.x, FIELD_X);
    p.y = clamp(to.y, FIELD_Y);
    const mine = this.flag(ctx, p.team);
    const theirs = this.flag(ctx, other(p.team));
    if (p.carrying) Object.assign(theirs, { x: p.x, y: p.y });
    else if (theirs.carrier === 0 && near(p, theirs, TOUCH)) {
      Object.assign(theirs, { carrier: p.id, atBase: false, x: p.x, y: p.y });
      p.carrying = true;
      ctx.broadcast('flag_taken', { team: theirs.team, by: p.id });
    }
    if (!mine.atBase && mine.carrier === 0 && near(p, mine, TOUCH)) {
      Object.assign(mine, { ...BASE[mine.team], atBase: true });
      ctx.broadcast('flag_returned', { team: mine.team, by: p.id });
    }
    if (p.carrying && mine.atBase && near(p, BASE[p.team], TOUCH)) this.score(ctx, p, theirs);
  }

  private score(ctx: Ctx, p: Player, flag: Flag): void {
    p.carrying = false;
    Object.assign(flag, { ...BASE[flag.team], carrier: 0, atBase: true });
    const room = ctx.state.room;
    room[p.team] += 1;
    ctx.broadcast('scored', { team: p.team, by: p.id, red: room.red, blue: room.blue });
    if (room[p.team] >= room.scoreToWin) {
      room.phase = 'over';
      room.winner = p.team;
      ctx.broadcast('match_over', { winner: p.team });
    }
  }

  private tag(ctx: Ctx, p: Player, targetId: number): void {
    const target = ctx.state.get(targetId);
    if (!target || target.type !== 'player' || target.team === p.team) {
      throw new GameError(ErrorCode.InvalidPayload, 'tag needs payload.target_id of a player of the other team');
    }
    if (!near(p, target, TAG_RANGE)) return; // a miss
    this.dropFlag(ctx, target as Player);
    Object.assign(target, BASE[target.team]);
  }

  private dropFlag(ctx: Ctx, p: Player): void {
    if (!p.carrying) return;
    p.carrying = false;
    const flag = this.flag(ctx, other(p.team));
    Object.assign(flag, { carrier: 0, x: p.x, y: p.y });
    ctx.broadcast('flag_dropped', { team: flag.team, x: flag.x, y: flag.y });
  }
}
