import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { roomsConfig } from '../config';
import { GAME_ROOM_KIND, type GameLogic } from './game-logic';

/** Finds every `@GameRoomKind()` provider at boot and picks the one a room id runs. */
@Injectable()
export class GameLogicRegistry implements OnModuleInit {
  private readonly logger = new Logger(GameLogicRegistry.name);
  private readonly byKind = new Map<string, GameLogic>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const kind = this.reflector.get<string | undefined>(GAME_ROOM_KIND, wrapper.metatype as never);
      if (!kind) continue;
      if (this.byKind.has(kind)) throw new Error(`Two providers declare @GameRoomKind('${kind}'); room kinds must be unique`);
      this.byKind.set(kind, wrapper.instance as GameLogic);
    }
    const wanted = [this.config.defaultKind, ...this.config.kindRules.map((rule) => rule.kind)];
    for (const kind of wanted) {
      if (!this.byKind.has(kind)) {
        throw new Error(
          `Room kind "${kind}" (from DEFAULT_ROOM_KIND or ROOM_KINDS) has no @GameRoomKind('${kind}') provider; ` +
            `known kinds: ${[...this.byKind.keys()].join(', ') || 'none'}. Import its module in GamesModule.`,
        );
      }
    }
    this.logger.log(`room kinds: ${[...this.byKind.keys()].join(', ')} (default ${this.config.defaultKind})`);
  }

  /** The kind a room id runs: the first matching ROOM_KINDS rule, else DEFAULT_ROOM_KIND. */
  kindOf(roomId: string): string {
    for (const { pattern, kind } of this.config.kindRules) {
      if (pattern.endsWith('*') ? roomId.startsWith(pattern.slice(0, -1)) : roomId === pattern) return kind;
    }
    return this.config.defaultKind;
  }

  get(kind: string): GameLogic {
    const logic = this.byKind.get(kind);
    if (!logic) throw new Error(`unknown room kind "${kind}"`);
    return logic;
  }
}
