
import { METADATA_KEY_PATTERN, type MetadataValue } from '../protocol';
import type { EventSchema, RoomState } from '../state';
import type { RoomContext } from './game-logic';
import type { PlayerRef, TickClock } from './player-ref';

/** An event the logic raised, checked against the kind's declaration. */
export interface RaisedEvent {
  name: string;
  data: Record<string, unknown>;
  /** Reliable events get an offset and are replayed on resume. */
  reliable: boolean;
  /** Only to this member (`ctx.send`); otherwise to every member but `except`. */
  to?: PlayerRef;
  except?: PlayerRef;
  /** Interest management: only to members who see this point. */
  at?: { x: number; y: number };
}

/** A change of a room's listing in the directory (`ctx.lock`, `ctx.unlock`, `ctx.setMetadata`). */
export interface ListingChange {
  locked?: boolean;
  /** Merged into the listed metadata; `null` removes a name. */
  metadata?: Readonly<Record<string, MetadataValue | null>>;
}

/** What a room's context asks of the core: deliver an event, remove a member, move a member's view, change its listing. */
export interface RoomEffects {
  raise(event: RaisedEvent): void;
  kick(player: PlayerRef, reason: string): void;
  setView(player: PlayerRef, at: { x: number; y: number } | null): void;
  relist(change: ListingChange): void;
}


/**
 * The `RoomContext` of one room: the same object for every hook of that room, its clock moved
 * by the tick loop. Checks events against the kind's declaration before anything is sent.
 */
export class LiveRoomContext implements RoomContext {
  clock: TickClock;

  constructor(
    readonly roomId: string,
    readonly kind: string,
    readonly state: RoomState,
    readonly options: Readonly<Record<string, string>>,
    readonly players: ReadonlyMap<string, PlayerRef>,
    private readonly events: EventSchema | undefined,
    private readonly effects: RoomEffects,
    tickMs: number,
  ) {
    this.clock = { now: Date.now(), tickMs };
  }

  broadcast(name: string, data: object, options: { reliable?: boolean; except?: PlayerRef; at?: { x: number; y: number } } = {}): void {
    this.effects.raise({ name, data: this.check(name, data), reliable: options.reliable ?? true, except: options.except, at: options.at });
  }

  setView(player: PlayerRef, at: { x: number; y: number } | null): void {
    if (at && !(Number.isFinite(at.x) && Number.isFinite(at.y))) throw new TypeError('setView needs a finite { x, y } (or null)');
    this.effects.setView(player, at);
  }

  send(player: PlayerRef, name: string, data: object): void {
    this.effects.raise({ name, data: this.check(name, data), reliable: true, to: player });
  }

  kick(player: PlayerRef, reason = ''): void {
    this.effects.kick(player, reason);
  }

  lock(): void {
    this.effects.relist({ locked: true });
  }

  unlock(): void {
    this.effects.relist({ locked: false });
  }

  setMetadata(patch: Readonly<Record<string, MetadataValue | null>>): void {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new TypeError('setMetadata needs an object of name → value');
    for (const [name, value] of Object.entries(patch)) {
      if (name.length > 32 || !METADATA_KEY_PATTERN.test(name)) throw new TypeError(`setMetadata: name "${name.slice(0, 40)}" must match ${METADATA_KEY_PATTERN} (1-32 characters)`);
      const fine = value === null || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 256);
      if (!fine) throw new TypeError(`setMetadata: "${name}" must be a string (≤ 256 characters), a finite number, a boolean or null`);
    }
    this.effects.relist({ metadata: { ...patch } });
  }

  private check(name: string, data: object): Record<string, unknown> {
    if (!this.events) throw new TypeError(`room kind "${this.kind}" declares no events (RoomKindOptions.events); cannot raise "${name}"`);
    return this.events.normalize(name, data as Record<string, unknown>);
  }
}

