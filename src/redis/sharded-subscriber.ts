import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { type Cluster, Redis, type RedisOptions } from 'ioredis';
import { CLUSTER_SLOTS, keySlot } from './key-slot';

/** How soon refused SSUBSCRIBEs (a shard still settling, a slot that moved) are sent again. */
const RETRY_MS = 200;
/**
 * How long a slot migration may take while `ready` before what it moved counts as missing: the
 * slots table may name the old master for a moment (each MOVED refusal reads it again), and a
 * master that just got its first slots needs a connection of its own first.
 */
const MIGRATION_GRACE_MS = 2000;

export type ShardedSubscriberStatus = 'connecting' | 'ready' | 'end';

/** One subscriber connection to one master, and what it has subscribed. */
interface ShardConnection {
  readonly redis: Redis;
  /** Confirmed by the master. */
  readonly subscribed: Set<string>;
  /** SSUBSCRIBE sent, not answered yet. */
  readonly pending: Set<string>;
  /** Counts the connection's closes: an answer from before the last one is stale. */
  epoch: number;
  /** The master said a slot moved: send its channels again (a channel it no longer has is refused with MOVED). */
  resend: boolean;
  /** Opened while `ready` (a master that just got slots): until then (epoch ms) it may still be connecting. */
  graceUntil: number;
}

/**
 * Sharded pub/sub (SSUBSCRIBE) on a Redis Cluster through connections of our own: one subscriber
 * connection per master, each channel subscribed on the master that owns its slot in the
 * Cluster's slots table (read from the command client `cluster`, refreshed with it).
 *
 * Why not ioredis's own `shardedSubscribers` group: after every node of a Cluster restarted,
 * ioredis 6's group can come back without a subscriber for some slots; SSUBSCRIBE is then
 * refused with "No sharded subscriber for slot …" on a client that says `ready`, and neither
 * retries nor a slots refresh brought it back in time (d2ab8b0). Here a channel is always
 * re-sent to the connection of its slot's master: after that connection comes back, after a
 * refusal (CLUSTERDOWN while the Cluster settles, every RETRY_MS), and after a slot moved (a
 * MOVED reply or the master's own `sunsubscribe` notice: the slots table is refreshed first).
 *
 * `status` is `ready` once every master's connection is up and every wanted channel is confirmed
 * on its master's connection, so the bus reports `connected` only when nothing is missing.
 * While `ready`, a channel that is on its way does not end it:
 * - a channel added: while its first SSUBSCRIBE is unanswered (refused: it ends `ready`);
 * - a channel whose slot moved (resharding): while it is sent to the new master, refused with
 *   MOVED as the slots table catches up, or waiting for the first connection to a master that
 *   just got its first slots (scaling out); for MIGRATION_GRACE_MS at most.
 * Leaving `ready` tells the bus Redis is away: the instance holds room takeovers for a lease
 * period after it is back and rewrites every record. A slot migration takes nothing away and
 * must not do that. Emits `ready` and `close` when the status changes, `end` once closed, and
 * `smessageBuffer` (channel, message) for messages of wanted channels, each from the one
 * connection it is subscribed on.
 */
export class ShardedSubscriber extends EventEmitter {
  status: ShardedSubscriberStatus = 'connecting';
  private readonly logger = new Logger('Redis');
  /** Channel -> slot, for every channel a caller wants. */
  private readonly wanted = new Map<string, number>();
  /** Channels added, or moved to another master, while `ready`, and not confirmed since. */
  private readonly fresh = new Set<string>();
  /** Fresh channels refused with MOVED: until when (epoch ms) they still count as on their way (see MIGRATION_GRACE_MS). */
  private readonly moving = new Map<string, number>();
  /** Connections by master node key ("host:port"), as the slots table names them. */
  private readonly shards = new Map<string, ShardConnection>();
  /**
   * Where each wanted channel belongs, as the slots table said when this class last looked
   * (`add`, `reconcile`). The status and the answers are judged against this, not against the
   * live table: the command client rewrites an entry as soon as a command of its own meets
   * MOVED, before its refresh ('refresh', which reconciles), and a channel would count as
   * missing on a master it was never sent to.
   */
  private readonly placed = new Map<string, ShardConnection>();
  private inFlight = 0;
  private retry?: NodeJS.Timeout;
  /** Judges the status again once a migration's grace may have run out (see `recheckAfterGrace`). */
  private graceCheck?: NodeJS.Timeout;

  /** `options`: how to connect to a node (credentials, TLS, retry strategy); host and port come from the slots table. */
  constructor(
    private readonly cluster: Cluster,
    private readonly options: RedisOptions,
  ) {
    super();
    cluster.on('refresh', () => this.reconcile());
    cluster.on('ready', () => this.reconcile());
    this.reconcile();
  }

  /**
   * Subscribes these channels (any slots), from now on and after every reconnection. Called once
   * per room that gets a member here: the status is judged again (over every channel) only when
   * an addition can change it, i.e. while `ready` a channel whose master is not known yet.
   */
  add(channels: string[]): void {
    let unplaced = false;
    for (const channel of channels) {
      if (this.wanted.has(channel)) continue;
      this.wanted.set(channel, keySlot(channel));
      if (this.status === 'ready') this.fresh.add(channel);
      const shard = this.ownerOf(channel);
      if (shard) {
        this.placed.set(channel, shard);
        this.send(shard, [channel]);
      } else unplaced = true;
    }
    // Not ready: new channels cannot make it ready. Ready: a fresh channel on its way keeps it so.
    if (unplaced && this.status === 'ready') this.updateStatus();
  }

  remove(channels: string[]): void {
    for (const channel of channels) {
      if (!this.wanted.delete(channel)) continue;
      this.fresh.delete(channel);
      this.moving.delete(channel);
      this.placed.delete(channel);
      for (const shard of this.shards.values()) this.drop(shard, channel);
    }
    // Fewer channels cannot end `ready`; they may complete what was missing.
    if (this.status !== 'ready') this.updateStatus();
  }

  async quit(): Promise<void> {
    const shards = this.close();
    await Promise.all(shards.map((shard) => shard.redis.quit().catch(() => shard.redis.disconnect())));
  }

  disconnect(): void {
    for (const shard of this.close()) shard.redis.disconnect();
  }

  private close(): ShardConnection[] {
    const shards = [...this.shards.values()];
    this.shards.clear();
    clearTimeout(this.retry);
    clearTimeout(this.graceCheck);
    if (this.status !== 'end') {
      this.status = 'end';
      this.emit('end');
    }
    return shards;
  }

  /** Brings the connections in line with the slots table and sends every channel not yet on its master. */
  private reconcile(): void {
    if (this.status === 'end') return;
    const masters = this.masters();
    for (const [key, shard] of this.shards) {
      if (masters.has(key)) continue;
      this.shards.delete(key);
      shard.redis.disconnect();
    }
    const now = Date.now();
    for (const key of masters) {
      if (this.shards.has(key)) continue;
      // While `ready`, a new master is one a migration just gave its first slots.
      const graceUntil = this.status === 'ready' ? now + MIGRATION_GRACE_MS : 0;
      this.shards.set(key, this.connect(key, graceUntil));
      if (graceUntil > 0) this.recheckAfterGrace();
    }
    const unsent = new Map<ShardConnection, string[]>();
    for (const channel of this.wanted.keys()) {
      const owner = this.ownerOf(channel);
      if (owner) this.placed.set(channel, owner);
      else this.placed.delete(channel);
      // A channel still held by a master that no longer owns its slot is let go there.
      for (const shard of this.shards.values()) if (shard !== owner) this.drop(shard, channel);
      if (!owner || owner.pending.has(channel)) continue;
      if (owner.redis.status !== 'ready') {
        // Sent once that new master's connection is up (its 'ready' reconciles).
        if (this.status === 'ready' && owner.graceUntil > now) this.fresh.add(channel);
        continue;
      }
      if (owner.subscribed.has(channel) && !owner.resend) continue;
      // While `ready`, only a slot that moved sends a channel again (a lost connection ends `ready`).
      if (this.status === 'ready') this.fresh.add(channel);
      push(unsent, owner, channel);
    }
    for (const shard of this.shards.values()) if (shard.redis.status === 'ready') shard.resend = false;
    for (const [shard, channels] of unsent) this.sendBySlot(shard, channels);
    this.updateStatus();
  }

  /** Master node keys of the slots table (empty until the command client has read it). */
  private masters(): Set<string> {
    const masters = new Set<string>();
    for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
      const master = this.cluster.slots[slot]?.[0];
      if (master) masters.add(master);
    }
    return masters;
  }

  /** The connection of the master that owns the channel's slot in the live slots table. */
  private ownerOf(channel: string): ShardConnection | undefined {
    const master = this.cluster.slots[this.wanted.get(channel) ?? keySlot(channel)]?.[0];
    return master === undefined ? undefined : this.shards.get(master);
  }

  private connect(key: string, graceUntil: number): ShardConnection {
    const separator = key.lastIndexOf(':');
    const redis = new Redis({
      ...this.options,
      host: key.slice(0, separator),
      port: Number(key.slice(separator + 1)),
      // What this connection had subscribed is sent again by `reconcile`, which knows the slots.
      autoResubscribe: false,
      enableOfflineQueue: false,
    });
    const shard: ShardConnection = { redis, subscribed: new Set(), pending: new Set(), epoch: 0, resend: false, graceUntil };
    redis.on('error', (error: Error) => this.logger.debug(`sub ${key}: ${error.message}`));
    // A new master's grace covers its first connection only: once up, or once lost, it is over.
    redis.on('ready', () => {
      shard.graceUntil = 0;
      this.reconcile();
    });
    redis.on('close', () => {
      shard.graceUntil = 0;
      shard.epoch += 1;
      shard.subscribed.clear();
      shard.pending.clear();
      this.updateStatus();
    });
    // A MOVED reply to SSUBSCRIBE, or the master's `sunsubscribe` notice when a slot migrated
    // away (it names no channel): read the slots table again and send this master's channels again
    // (SSUBSCRIBE is idempotent; what it kept flows on meanwhile, what it lost is refused).
    redis.on('moved', () => {
      shard.resend = true;
      this.refreshSlots();
    });
    redis.on('smessageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString('utf8');
      if (shard.subscribed.has(name) || shard.pending.has(name)) this.emit('smessageBuffer', channel, message);
    });
    return shard;
  }

  /** One SSUBSCRIBE per slot: the channels of one command must share a slot. */
  private sendBySlot(shard: ShardConnection, channels: string[]): void {
    const bySlot = new Map<number, string[]>();
    for (const channel of channels) push(bySlot, this.wanted.get(channel) as number, channel);
    for (const group of bySlot.values()) this.send(shard, group);
  }

  private send(shard: ShardConnection, channels: string[]): void {
    if (shard.redis.status !== 'ready') return; // sent by `reconcile` once it is
    for (const channel of channels) shard.pending.add(channel);
    this.inFlight += 1;
    const epoch = shard.epoch;
    shard.redis.ssubscribe(...channels).then(
      () => this.settle(shard, epoch, channels, true),
      (error: Error) => {
        this.logger.debug(`ssubscribe refused by a shard: ${error.message}`);
        this.settle(shard, epoch, channels, false, error.message.startsWith('MOVED'));
      },
    );
  }

  private settle(shard: ShardConnection, epoch: number, channels: string[], subscribed: boolean, moved = false): void {
    this.inFlight -= 1;
    for (const channel of channels) {
      if (epoch !== shard.epoch) break; // the connection closed meanwhile: `reconcile` sends them again
      shard.pending.delete(channel);
      if (!subscribed) {
        shard.subscribed.delete(channel);
        // Its slot is moving: the slots table is read again ('moved'), and the retry sends it on.
        if (moved && this.fresh.has(channel) && this.stillMoving(channel)) continue;
        this.fresh.delete(channel);
        this.moving.delete(channel);
        continue;
      }
      this.fresh.delete(channel);
      this.moving.delete(channel);
      shard.subscribed.add(channel);
      // Removed, or moved to another master, while the SSUBSCRIBE was on its way.
      if (!this.wanted.has(channel) || this.placed.get(channel) !== shard) this.drop(shard, channel);
    }
    if (!subscribed) this.scheduleRetry();
    // A confirmation cannot end `ready`; otherwise judge once the last answer is in.
    if (!subscribed || (this.status !== 'ready' && this.inFlight === 0)) this.updateStatus();
  }

  /** A fresh channel refused with MOVED: whether its migration is still within its grace (the first refusal starts it). */
  private stillMoving(channel: string): boolean {
    const now = Date.now();
    const until = this.moving.get(channel);
    if (until === undefined) {
      this.moving.set(channel, now + MIGRATION_GRACE_MS);
      this.recheckAfterGrace();
      return true;
    }
    if (until > now) return true;
    this.moving.delete(channel);
    return false;
  }

  /**
   * Judges the status again when a grace may have run out, in case nothing else happens by then
   * (no answer, no connection event); again after that while some migration is still under way.
   */
  private recheckAfterGrace(): void {
    if (this.graceCheck || this.status === 'end') return;
    this.graceCheck = setTimeout(() => {
      this.graceCheck = undefined;
      this.updateStatus();
      if (this.status === 'ready' && (this.moving.size > 0 || [...this.shards.values()].some((shard) => shard.redis.status !== 'ready'))) {
        this.recheckAfterGrace();
      }
    }, MIGRATION_GRACE_MS).unref();
  }

  /** Lets a channel go on this connection, if it holds it. */
  private drop(shard: ShardConnection, channel: string): void {
    if (!shard.subscribed.delete(channel)) return;
    if (shard.redis.status === 'ready') shard.redis.sunsubscribe(channel).catch(() => undefined);
  }

  private refreshSlots(): void {
    if (this.cluster.status === 'ready') this.cluster.refreshSlotsCache(() => undefined); // 'refresh' reconciles
    this.scheduleRetry(); // in case the refresh fails or changes nothing
  }

  private scheduleRetry(): void {
    if (this.retry || this.status === 'end') return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.reconcile();
    }, RETRY_MS).unref();
  }

  private updateStatus(): void {
    if (this.status === 'end') return;
    const status = this.isComplete() ? 'ready' : 'connecting';
    if (status === this.status) return;
    this.status = status;
    // Out of `ready`, nothing is on its way: `ready` again needs every channel confirmed.
    if (status === 'connecting') {
      this.fresh.clear();
      this.moving.clear();
    }
    this.emit(status === 'ready' ? 'ready' : 'close');
  }

  /**
   * Every master connected (or new, within its grace), every wanted channel confirmed on its
   * master, or fresh and on its way: sent, waiting for a new master's connection, or its slot
   * still moving (within MIGRATION_GRACE_MS).
   */
  private isComplete(): boolean {
    if (this.shards.size === 0) return false;
    const now = Date.now();
    for (const shard of this.shards.values()) if (shard.redis.status !== 'ready' && shard.graceUntil <= now) return false;
    for (const channel of this.wanted.keys()) {
      const owner = this.placed.get(channel);
      if (!owner) return false;
      if (owner.subscribed.has(channel)) continue;
      if (!this.fresh.has(channel)) return false;
      const onItsWay =
        owner.pending.has(channel) || (owner.redis.status !== 'ready' && owner.graceUntil > now) || (this.moving.get(channel) ?? 0) > now;
      if (!onItsWay) return false;
    }
    return true;
  }
}

function push<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}
