import type { CellGrid } from './cell-grid';
import type { FrameRecords } from './frame-records';
import { type ChangeSink, entityClass, StateEntity } from './state-entity';
import type { Entity, EntityTypeName, RoomFields, StateDecl, StateOwner, StateSchema, Values } from './state-schema';

/** A room's state as persisted for failover: every field (server-side ones too), current values. */
export interface StoredState {
  /** Format version of this record. */
  readonly v: 1;
  /** The id the next entity (or member) gets: ids are never reused in a room's life. */
  readonly nextId: number;
  /** `[id, type index, owner client id or "", stored values]`; id 0 is the room. */
  readonly entities: readonly (readonly [number, number, string, readonly unknown[]])[];
}

const byIdDespawnFirst = (a: StateEntity, b: StateEntity): number =>
  a.id - b.id || (a.$sink === undefined ? -1 : b.$sink === undefined ? 1 : 0);

/**
 * The typed state of one room: the room's own fields (`room`) and its entities, with change
 * tracking. Game logic reads and writes plain-looking objects; the state turns what changed since
 * the last published frame into one delta (`writeDelta`), and what was last published into a
 * keyframe (`writeKeyframe`). It never sends anything itself.
 *
 * A frame is a delta from the previous one, so a keyframe always describes the *published*
 * state (the values of the last frame), not changes made since: a client that gets a keyframe of
 * frame F and then the delta of frame F+1 ends up exactly where every other client is.
 */
export class RoomState<D extends StateDecl = StateDecl> implements ChangeSink {
  /** The room's own fields (entity id 0). */
  readonly room: RoomFields<D>;
  private readonly live = new Map<number, StateEntity>();
  /** Published entities with changes since the last frame. */
  private dirty: StateEntity[] = [];
  /** Entities spawned since the last frame (not in any frame yet). */
  private spawned: StateEntity[] = [];
  /** Published entities despawned since the last frame (still part of the published state). */
  private despawned: StateEntity[] = [];
  private readonly work: StateEntity[] = [];
  /** Interest management: the published entities of each cell. */
  private readonly cells = new Map<number, Set<StateEntity>>();
  private side = false;
  private nextId = 1;

  constructor(
    readonly schema: StateSchema<D>,
    /** Set for an interest-managed kind: entities of its positional types live in cells. */
    readonly grid?: CellGrid,
  ) {
    const room = this.make(0, 0, undefined);
    room.$sent = room.$values.slice(); // the room exists from frame 0, with its defaults
    room.$sink = this;
    this.live.set(0, room);
    this.room = room as unknown as RoomFields<D>;
  }

  /** A fresh id for an entity or a member (the core numbers members from the same counter). */
  allocateId(): number {
    return this.nextId++;
  }

  /** Marks `id` as used (a member restored from another instance keeps its entity id). */
  reserveId(id: number): void {
    if (id >= this.nextId) this.nextId = id + 1;
  }

  /** Entities (not the room), in no particular order. */
  *entities(): IterableIterator<Entity<D>> {
    for (const entity of this.live.values()) if (entity.id !== 0) yield entity as unknown as Entity<D>;
  }

  *ofType<K extends EntityTypeName<D>>(type: K): IterableIterator<Entity<D, K>> {
    for (const entity of this.live.values()) if (entity.$type.name === type && entity.id !== 0) yield entity as unknown as Entity<D, K>;
  }

  get(id: number): Entity<D> | undefined {
    return id === 0 ? undefined : (this.live.get(id) as unknown as Entity<D> | undefined);
  }

  /** Number of entities (not counting the room). */
  get size(): number {
    return this.live.size - 1;
  }

  /**
   * Adds an entity. One spawned for a player (`owner`) takes the player's entity id, so that
   * `game_action.target_id` and the entity agree; any other takes the next free id.
   *
   * @example const flag = ctx.state.spawn('flag', { x: 10, y: 0 });
   */
  spawn<K extends EntityTypeName<D>>(type: K, init?: Partial<Values<NonNullable<D['entities']>[K]>>, owner?: StateOwner): Entity<D, K> {
    const compiled = this.schema.type(type);
    const id = owner ? owner.entityId : this.allocateId();
    if (this.live.has(id)) throw new RangeError(`entity ${id} already exists (a player's entity can be spawned once)`);
    if (owner && id >= this.nextId) this.nextId = id + 1;
    const entity = this.make(id, compiled.index, owner);
    if (init) {
      for (const [name, value] of Object.entries(init)) {
        const field = compiled.byName.get(name);
        if (!field) throw new TypeError(`"${type}" has no field "${name}"`);
        entity.$set(field, value);
      }
    }
    entity.$mask = 0;
    entity.$sink = this;
    this.live.set(id, entity);
    this.spawned.push(entity);
    return entity as unknown as Entity<D, K>;
  }

  /** Removes an entity; writes to it afterwards go nowhere. Despawning twice is harmless. */
  despawn(entity: Entity<D> | StateEntity): void {
    const e = entity as unknown as StateEntity;
    if (e.id === 0 || this.live.get(e.id) !== e) return;
    this.live.delete(e.id);
    e.$sink = undefined;
    if (e.$sent) this.despawned.push(e);
    else this.spawned.splice(this.spawned.indexOf(e), 1); // never published: as if it never was
  }

  /** Whether the next frame would carry anything. */
  get hasChanges(): boolean {
    return this.dirty.length > 0 || this.spawned.length > 0 || this.despawned.length > 0;
  }

  /** Whether a server-side field changed since the last frame (v1 projections may read those). */
  get hasServerSideChanges(): boolean {
    return this.side;
  }

  /** @internal — called by an entity on its first change since the last frame. */
  touched(entity: StateEntity): void {
    this.dirty.push(entity);
  }

  /** @internal */
  sideTouched(): void {
    this.side = true;
  }

  /**
   * Writes what changed since the last frame into `out` (despawns, updates, spawns, by id) and
   * makes it the published state. Call once per frame; afterwards `writeKeyframe` describes it.
   */
  writeDelta(out: FrameRecords): void {
    for (const e of this.collectChanges()) {
      if (!e.$sink) out.despawn(e.id);
      else if (!e.$sent) {
        out.spawn(e.id, e.$type, e.$values);
        e.$sent = e.$values.slice();
      } else {
        out.update(e.id, e.$type, e.$mask, e.$values, e.$sent);
        for (let i = 0, m = e.$mask; m !== 0; i++, m >>>= 1) if (m & 1) e.$sent[i] = e.$values[i];
      }
      e.$mask = 0;
    }
    this.endChanges();
  }

  /** What changed since the last frame, by id (a despawn before a spawn of the same id). */
  private collectChanges(): StateEntity[] {
    const work = this.work;
    for (const e of this.despawned) work.push(e);
    for (const e of this.dirty) if (e.$sink) work.push(e);
    for (const e of this.spawned) work.push(e);
    return work.sort(byIdDespawnFirst);
  }

  private endChanges(): void {
    this.work.length = 0;
    this.dirty.length = 0;
    this.spawned.length = 0;
    this.despawned.length = 0;
    this.side = false;
  }

  /**
   * Interest management: `writeDelta` split by cell. Records of the room and of global entities
   * go to `global`; records of positional entities to the segment of their cell: spawns and
   * updates where they are now, despawns where they were, and a move across a border as "left"
   * in the old cell plus "arrived" and a spawn (full values) in the new one. Makes it the published state.
   */
  writeCellDeltas(global: FrameRecords, segment: (cell: number) => FrameRecords): void {
    const grid = this.grid!;
    const work = this.collectChanges();
    for (const e of work) {
      const t = e.$type.index;
      if (!e.$sink) {
        if (e.$cell >= 0) {
          segment(e.$cell).despawn(e.id);
          this.cells.get(e.$cell)?.delete(e);
        } else global.despawn(e.id);
      } else if (!e.$sent) {
        const cell = grid.cellOf(t, e.$values);
        (cell >= 0 ? segment(cell) : global).spawn(e.id, e.$type, e.$values);
        e.$sent = e.$values.slice();
        this.enter(e, cell);
      } else {
        const cell = grid.movedBy(t, e.$mask) ? grid.cellOf(t, e.$values) : e.$cell;
        if (cell !== e.$cell) {
          segment(e.$cell).left(e.id);
          this.cells.get(e.$cell)?.delete(e);
          const into = segment(cell);
          into.arrived(e.id);
          into.spawn(e.id, e.$type, e.$values);
          e.$sent = e.$values.slice();
          this.enter(e, cell);
        } else {
          (cell >= 0 ? segment(cell) : global).update(e.id, e.$type, e.$mask, e.$values, e.$sent);
          for (let i = 0, m = e.$mask; m !== 0; i++, m >>>= 1) if (m & 1) e.$sent[i] = e.$values[i];
        }
      }
      e.$mask = 0;
    }
    this.endChanges();
  }

  /** Interest management: the published entities of one cell, as spawn records. */
  writeCellKeyframe(cell: number, out: FrameRecords): void {
    const entities = this.cells.get(cell);
    if (!entities || entities.size === 0) return;
    const work = this.work;
    for (const e of entities) work.push(e);
    work.sort((a, b) => a.id - b.id);
    for (const e of work) out.spawn(e.id, e.$type, e.$sent!);
    work.length = 0;
  }

  /** Interest management: the published room and global entities, as spawn records (a keyframe's global part). */
  writeGlobalKeyframe(out: FrameRecords): void {
    const work = this.work;
    for (const e of this.live.values()) if (e.$sent && e.$cell < 0) work.push(e);
    for (const e of this.despawned) if (e.$cell < 0) work.push(e);
    work.sort((a, b) => a.id - b.id);
    for (const e of work) out.spawn(e.id, e.$type, e.$sent!);
    work.length = 0;
  }

  /** Interest management: the cell an entity is in as clients know it (published), -1 if global or unpublished. */
  publishedCellOf(id: number): number {
    return (this.live.get(id) as StateEntity | undefined)?.$cell ?? -1;
  }

  /** Interest management: the cell an entity is in now (its current position), -1 if global or gone. */
  currentCellOf(id: number): number {
    const e = this.live.get(id);
    return e && this.grid ? this.grid.cellOf(e.$type.index, e.$values) : -1;
  }

  /** Interest management: the published entities of a cell (for projections), in no order. */
  inCell(cell: number): Iterable<Entity<D>> {
    return (this.cells.get(cell) ?? []) as unknown as Iterable<Entity<D>>;
  }

  private enter(e: StateEntity, cell: number): void {
    e.$cell = cell;
    if (cell < 0) return;
    let set = this.cells.get(cell);
    if (!set) this.cells.set(cell, (set = new Set()));
    set.add(e);
  }

  /** The published state (as of the last `writeDelta`) as spawn records, room first. */
  writeKeyframe(out: FrameRecords): void {
    const work = this.work;
    for (const e of this.live.values()) if (e.$sent) work.push(e);
    for (const e of this.despawned) work.push(e);
    work.sort((a, b) => a.id - b.id);
    for (const e of work) out.spawn(e.id, e.$type, e.$sent!);
    work.length = 0;
  }

  /** Current values of everything, server-side fields included (persisted for failover). */
  serialize(): StoredState {
    const entities: [number, number, string, unknown[]][] = [];
    for (const e of this.live.values()) entities.push([e.id, e.$type.index, e.owner?.clientId ?? '', e.$values.slice()]);
    return { v: 1, nextId: this.nextId, entities };
  }

  /**
   * A room's state back from `serialize()` on another instance, every entity published (the
   * successor's first frame to its clients is a keyframe). `owners` are the room's members by
   * client id; an entity whose owner is gone stays, ownerless.
   */
  static restore<D extends StateDecl>(schema: StateSchema<D>, stored: StoredState, owners: ReadonlyMap<string, StateOwner>, grid?: CellGrid): RoomState<D> {
    const state = new RoomState(schema, grid);
    state.nextId = Math.max(state.nextId, stored.nextId);
    for (const [id, typeIndex, ownerId, values] of stored.entities) {
      const type = schema.types[typeIndex];
      if (!type || values.length !== type.fields.length) continue; // written by another version of the kind
      const entity = id === 0 ? state.live.get(0)! : state.make(id, typeIndex, owners.get(ownerId));
      entity.$values = values.slice();
      entity.$sent = values.slice();
      entity.$sink = state;
      state.live.set(id, entity);
      if (grid) state.enter(entity, grid.cellOf(typeIndex, entity.$values));
    }
    return state;
  }

  private make(id: number, typeIndex: number, owner: StateOwner | undefined): StateEntity {
    const type = this.schema.types[typeIndex];
    return new (entityClass(type))(id, type, owner);
  }
}

export { StateEntity };
