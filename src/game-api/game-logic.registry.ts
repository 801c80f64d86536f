import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { roomsConfig } from '../config';
import { ErrorCode, GameError } from '../protocol';
import { CellGrid } from '../state';
import { checkActionTable } from './action-table';
import { GAME_ROOM_KIND } from './game-api.constants';
import type { GameLogic, RoomKindOptions } from './game-logic';
import { describeKind, type KindDescriptor } from './kind-descriptor';

/** A room kind as the core runs it: its logic, its declared options, and what clients decode with. */
export interface RoomKind {
  readonly name: string;
  readonly logic: GameLogic<any, any>;
  readonly options: RoomKindOptions;
  /** Members per room of this kind: its `maxPlayers`, else ROOM_MAX_PLAYERS. */
  readonly maxPlayers: number;
  readonly descriptor: KindDescriptor;
  /** Interest-managed kinds: the cell grid (laid out once per kind). */
  readonly grid?: CellGrid;
  /** `descriptor` as JSON text, made once: what `room_joined.schema` carries. */
  readonly schema: string;
}

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Finds every `@GameRoomKind()` provider at boot, checks its declarations (actions, options), and
 * decides which kind a new room runs: an operator's ROOM_KINDS rule, else the kind the client
 * asked for in `join_room.kind` (if clients may create it), else DEFAULT_ROOM_KIND.
 */
@Injectable()
export class GameLogicRegistry implements OnModuleInit {
  private readonly logger = new Logger(GameLogicRegistry.name);
  private readonly byKind = new Map<string, RoomKind>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(roomsConfig.KEY) private readonly config: ConfigType<typeof roomsConfig>,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const meta = this.reflector.get<{ kind: string; options: RoomKindOptions } | undefined>(GAME_ROOM_KIND, wrapper.metatype as never);
      if (!meta) continue;
      this.add(meta.kind, meta.options, wrapper.instance as GameLogic<any, any>);
    }
    const wanted = [this.config.defaultKind, ...this.config.kindRules.map((rule) => rule.kind)];
    for (const kind of wanted) {
      if (!this.byKind.has(kind)) {
        throw new Error(
          `Room kind "${kind}" (from DEFAULT_ROOM_KIND or ROOM_KINDS) has no @GameRoomKind('${kind}') provider; ` +
            `known kinds: ${this.names().join(', ') || 'none'}. Import its module in GamesModule.`,
        );
      }
    }
    this.logger.log(`room kinds: ${this.names().join(', ')} (default ${this.config.defaultKind})`);
  }

  /** Registers a kind (discovery calls it at boot; tests may call it directly). */
  add(name: string, options: RoomKindOptions, logic: GameLogic<any, any>): void {
    if (this.byKind.has(name)) throw new Error(`Two providers declare @GameRoomKind('${name}'); room kinds must be unique`);
    if (!options?.state) throw new Error(`@GameRoomKind('${name}') needs { state: defineState(…) }`);
    if (!logic.actions) throw new Error(`room kind "${name}": ${logic.constructor.name} has no \`actions\` table (defineActions)`);
    checkActionTable(name, logic.actions);
    const grid = options.interest ? new CellGrid(options.state, options.interest) : undefined;
    const descriptor = describeKind(name, options, logic, grid);
    const maxPlayers = options.maxPlayers ?? this.config.maxPlayers;
    this.byKind.set(name, { name, logic, options, maxPlayers, descriptor, schema: JSON.stringify(descriptor), grid });
  }

  names(): string[] {
    return [...this.byKind.keys()];
  }

  get(kind: string): RoomKind {
    const found = this.byKind.get(kind);
    if (!found) throw new Error(`unknown room kind "${kind}"`);
    return found;
  }

  /**
   * The kind a new room `roomId` runs. A ROOM_KINDS rule that matches wins (a request for another
   * kind is refused); else the requested kind, if it exists and clients may create it; else
   * DEFAULT_ROOM_KIND. Errors are INVALID_PAYLOAD naming what to send instead.
   */
  kindFor(roomId: string, requested?: string): RoomKind {
    const ruled = this.config.kindRules.find(({ pattern }) => (pattern.endsWith('*') ? roomId.startsWith(pattern.slice(0, -1)) : roomId === pattern));
    if (ruled) {
      if (requested && requested !== ruled.kind) {
        throw new GameError(ErrorCode.InvalidPayload, `room "${roomId}" runs kind "${ruled.kind}" (set by the operator); join it without kind, or pick another room id`);
      }
      return this.get(ruled.kind);
    }
    if (!requested) return this.get(this.config.defaultKind);
    const kind = this.byKind.get(requested);
    if (!kind) throw new GameError(ErrorCode.InvalidPayload, `unknown room kind "${requested}"; this server runs ${this.names().join(', ')}`);
    if (kind.options.clientCreatable === false) throw new GameError(ErrorCode.InvalidPayload, `clients may not create rooms of kind "${requested}"`);
    return kind;
  }

  /** Creation options checked against the kind's declaration (own properties only). */
  checkOptions(kind: RoomKind, options: Record<string, string> | undefined): Record<string, string> {
    const declared = kind.options.options ?? {};
    const checked: Record<string, string> = {};
    for (const [key, value] of Object.entries(options ?? {})) {
      if (!own(declared, key)) {
        const known = Object.keys(declared);
        throw new GameError(ErrorCode.InvalidPayload, `kind "${kind.name}" has no option "${key}"${known.length ? `; it takes ${known.join(', ')}` : '; it takes none'}`);
      }
      const error = declared[key](value, `payload.options.${key}`);
      if (error) throw new GameError(ErrorCode.InvalidPayload, error);
      checked[key] = value;
    }
    return checked;
  }
}
