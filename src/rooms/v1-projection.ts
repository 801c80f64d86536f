import type { V1Projection } from '../game-api';
import type { PlayerSnapshot, Vec3 } from '../protocol';
import type { RoomState, StateEntity } from '../state';
import type { Member, Room } from './room';

const ZERO: Vec3 = Object.freeze({ x: 0, y: 0, z: 0 });
const finite = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : typeof n === 'boolean' ? Number(n) : 0);

function vec(entity: StateEntity, fields: V1Projection['position']): Vec3 {
  if (!fields) return ZERO;
  const e = entity as unknown as Record<string, unknown>;
  return { x: finite(e[fields[0]]), y: finite(e[fields[1]]), z: fields[2] ? finite(e[fields[2]]) : 0 };
}

/**
 * What v1 clients see of a member: the fields its kind's `v1` projection names, read from the
 * member's entity (the one with its entity id), numbers forced finite; zeros for a member without
 * an entity or a kind without a projection. The contract promises no NaN or Infinity in a `sync`.
 */
export function projectMember(state: RoomState, projection: V1Projection | undefined, member: Member): PlayerSnapshot {
  const entity = projection ? (state.get(member.entityId) as unknown as StateEntity | undefined) : undefined;
  if (!projection || !entity || entity.type !== projection.type) {
    return { player_id: member.playerId, position: ZERO, velocity: ZERO, health: 0, score: 0, last_input_seq: member.lastInputSeq };
  }
  const e = entity as unknown as Record<string, unknown>;
  return {
    player_id: member.playerId,
    position: vec(entity, projection.position),
    velocity: vec(entity, projection.velocity),
    health: projection.health ? finite(e[projection.health]) | 0 : 0,
    score: projection.score ? finite(e[projection.score]) | 0 : 0,
    last_input_seq: member.lastInputSeq,
  };
}

/** The v1 `sync` players of a room: its members whose entity the projection covers, in join order. */
export function projectPlayers(room: Room): PlayerSnapshot[] {
  const projection = room.kind.options.v1;
  if (!projection) return [];
  const players: PlayerSnapshot[] = [];
  for (const member of room.members.values()) {
    const entity = room.state.get(member.entityId) as unknown as StateEntity | undefined;
    if (entity?.type === projection.type) players.push(projectMember(room.state, projection, member));
  }
  return players;
}

/** Interest-managed rooms: the v1 `sync` players a member sees (itself, and members whose entity is in its view). */
export function projectVisible(room: Room, viewer: Member): PlayerSnapshot[] {
  const projection = room.kind.options.v1;
  const view = room.views.get(viewer.clientId);
  if (!projection || !view) return [];
  const players: PlayerSnapshot[] = [];
  for (const member of room.members.values()) {
    const entity = room.state.get(member.entityId) as unknown as StateEntity | undefined;
    if (entity?.type !== projection.type) continue;
    if (member !== viewer && !view.has(room.state.publishedCellOf(member.entityId))) continue;
    players.push(projectMember(room.state, projection, member));
  }
  return players;
}
