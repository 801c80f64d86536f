import 'reflect-metadata';
import { GAME_ROOM_KIND, type GameLogic, type KindDescriptor, describeKind, type RoomKindOptions } from '../game-api';
import { ArenaLogic } from './arena/arena.logic';
import { CtfLogic } from './ctf/ctf.logic';
import { TagLogic } from './tag/tag.logic';

/**
 * The published descriptor of every kind this repository ships, as `room_joined.schema` carries
 * it: what docs/schemas/<kind>.json holds (`npm run schemas` writes them, a spec checks them) and
 * what the SDK's type generator reads. A kind's descriptor does not depend on its configuration.
 */
export function shippedKindDescriptors(): KindDescriptor[] {
  const logics: GameLogic<any, any>[] = [new ArenaLogic({} as never), new TagLogic({} as never), new CtfLogic()];
  return logics.map((logic) => {
    const { kind, options } = Reflect.getMetadata(GAME_ROOM_KIND, logic.constructor) as { kind: string; options: RoomKindOptions };
    return describeKind(kind, options, logic);
  });
}
