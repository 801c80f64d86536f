import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Bus, BUS, INSTANCE_ID } from '../bus';
import { serverApiConfig } from '../config';
import type { InstanceSummary } from './api-models';
import { NODE_BEAT, type NodeBeat, NODES_CHANNEL } from './server-api.topics';

/** Beats an instance may miss before it is no longer waited for. */
const MISSED_BEATS = 3;

/**
 * Which gateway instances exist, so that a server API call knows whose answers to wait for: each
 * serving instance publishes a beat (with its load) every NODE_HEARTBEAT_MS on one timer; an
 * instance not heard from for three intervals, or one that said it is leaving, is dropped. A
 * newcomer's first beat is answered at once by everyone, so it knows the others without waiting
 * an interval. With the in-memory bus the only instance is this one.
 */
@Injectable()
export class NodeRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NodeRegistry.name);
  private readonly nodes = new Map<string, { beat: NodeBeat; seenAt: number }>();
  private source: (() => InstanceSummary) | undefined;
  private current: (() => InstanceSummary) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(INSTANCE_ID) readonly instanceId: string,
    @Inject(serverApiConfig.KEY) private readonly config: ConfigType<typeof serverApiConfig>,
  ) {}

  /**
   * This instance answers server API requests; `read` takes its load for each beat (and starts the
   * next interval), `current` reads it without doing so. Call before bootstrap.
   */
  serve(read: () => InstanceSummary, current: () => InstanceSummary): void {
    this.source = read;
    this.current = current;
  }

  get serving(): boolean {
    return this.source !== undefined;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.bus.subscribe(NODES_CHANNEL, NODE_BEAT, (beat, origin) => this.heard(beat, origin));
    this.beat(false);
    this.timer = setInterval(() => {
      this.beat(false);
      this.forgetSilent(Date.now());
    }, this.config.nodeHeartbeatMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    if (this.source) this.bus.publish(NODES_CHANNEL, NODE_BEAT, { summary: this.source(), serves: true, leaving: true });
    this.unsubscribe?.();
  }

  /** Serving instances other than this one that were heard from recently. */
  others(): string[] {
    this.forgetSilent(Date.now());
    return [...this.nodes].filter(([id, node]) => id !== this.instanceId && node.beat.serves).map(([id]) => id);
  }

  /** Every serving instance's load: this one's now, the others' as of their last beat. */
  summaries(): InstanceSummary[] {
    const others = this.others().map((id) => this.nodes.get(id)!.beat.summary);
    return this.current ? [this.current(), ...others] : others;
  }

  private beat(reply: boolean): void {
    // A backend process (not serving) beats too, with no figures: it is how it learns the instances quickly.
    const summary = this.source?.() ?? ({ instance_id: this.instanceId } as InstanceSummary);
    this.bus.publish(NODES_CHANNEL, NODE_BEAT, { summary, serves: this.serving, ...(reply && { reply }) });
  }

  private heard(beat: NodeBeat, origin: string): void {
    if (origin === this.instanceId) return;
    if (beat.leaving) {
      this.nodes.delete(origin);
      return;
    }
    const known = this.nodes.has(origin);
    this.nodes.set(origin, { beat, seenAt: Date.now() });
    if (!known) {
      this.logger.debug(`instance ${origin} joined`);
      if (!beat.reply && this.serving) this.beat(true);
    }
  }

  private forgetSilent(now: number): void {
    const limit = this.config.nodeHeartbeatMs * MISSED_BEATS;
    for (const [id, node] of this.nodes) if (now - node.seenAt > limit) this.nodes.delete(id);
  }
}
