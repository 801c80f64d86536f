import 'reflect-metadata';
import { MODULE_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { CellGrid } from '../state';
import { GAME_ROOM_KIND, type GameLogic, type KindDescriptor, describeKind, type RoomKindOptions } from '../game-api';
import { GamesModule } from './games.module';

/**
 * The published descriptor of every kind this repository ships, as `room_joined.schema` carries
 * it: what docs/schemas/<kind>.json holds (`npm run schemas` writes them, a spec checks them) and
 * what the SDK's type generator reads. The kinds are the `@GameRoomKind` providers of the modules
 * GamesModule imports, so a new kind needs no line here. A kind's descriptor does not depend on
 * its configuration: its logic is built without one, only for its action table.
 */
export function shippedKindDescriptors(): KindDescriptor[] {
  const modules: Type[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, GamesModule) ?? [];
  const kinds = modules.flatMap((module): Type[] => Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []).filter((provider) => Reflect.hasMetadata(GAME_ROOM_KIND, provider));
  return kinds.map((kindClass) => {
    const { kind, options } = Reflect.getMetadata(GAME_ROOM_KIND, kindClass) as { kind: string; options: RoomKindOptions };
    const logic = new (kindClass as new (config: unknown) => GameLogic<any, any>)({});
    return describeKind(kind, options, logic, options.interest && new CellGrid(options.state, options.interest));
  });
}
