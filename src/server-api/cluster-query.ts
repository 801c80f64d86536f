import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Bus, BUS } from '../bus';
import { serverApiConfig } from '../config';
import { NodeRegistry } from './node-registry';
import { ApiError, ApiErrorCode } from './server-api.errors';
import { API_REPLY, API_REQUEST, type ApiReply, type ApiRequest, REQUESTS_CHANNEL, replyChannel } from './server-api.topics';

/** Answers one operation on this instance: the result, or null when it has nothing to say (e.g. it does not run the room). */
export type LocalAnswerer = (op: string, args: Record<string, unknown>) => unknown;

/** Every instance's answer to one operation, and the instances that did not answer within SERVER_API_GATHER_TIMEOUT_MS. */
export interface Gathered<T> {
  answers: { instance: string; result: T | null }[];
  /** Answers that were errors (the first one is rethrown by `one`). */
  errors: ApiError[];
  missing: string[];
}

interface Pending {
  waiting: Set<string>;
  gathered: Gathered<unknown>;
  done: () => void;
}

/**
 * Scatter-gather over the bus: an operation goes to every serving instance the `NodeRegistry`
 * knows (this one answers in process, without the bus), and the call resolves once each has
 * answered or the gather timeout passed, naming the silent ones. One timer per call, none per
 * instance. In a backend process (not serving) only other instances answer.
 */
@Injectable()
export class ClusterQuery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClusterQuery.name);
  private answerer: LocalAnswerer | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    private readonly nodes: NodeRegistry,
    @Inject(serverApiConfig.KEY) private readonly config: ConfigType<typeof serverApiConfig>,
  ) {}

  /** This instance answers operations with `answerer` (a gateway); call before bootstrap. */
  serve(answerer: LocalAnswerer): void {
    this.answerer = answerer;
  }

  onApplicationBootstrap(): void {
    this.unsubscribers.push(this.bus.subscribe(replyChannel(this.nodes.instanceId), API_REPLY, (reply, origin) => this.replied(reply, origin)));
    if (this.answerer) this.unsubscribers.push(this.bus.subscribe(REQUESTS_CHANNEL, API_REQUEST, (request, origin) => void this.answer(request, origin)));
  }

  onApplicationShutdown(): void {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const pending of this.pending.values()) pending.done();
  }

  /** Asks every instance; resolves with all answers (never rejects for a silent instance: see `missing`). */
  async gather<T>(op: string, args: Record<string, unknown>): Promise<Gathered<T>> {
    const gathered: Gathered<T> = { answers: [], errors: [], missing: [] };
    if (this.answerer) await this.settle(gathered, this.nodes.instanceId, () => this.answerer!(op, args));
    const others = this.nodes.others();
    if (others.length === 0) return gathered;
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), this.config.gatherTimeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.pending.delete(id);
        gathered.missing.push(...pending.waiting);
        resolve();
      };
      const pending: Pending = { waiting: new Set(others), gathered: gathered as Gathered<unknown>, done: finish };
      this.pending.set(id, pending);
      this.bus.publish(REQUESTS_CHANNEL, API_REQUEST, { id, op, args });
    });
    return gathered;
  }

  /**
   * The one non-null answer of an operation only one instance can answer (the room's owner, the
   * player's instance); `notFound` when nobody had it and everyone answered, 503 when someone
   * might have but did not answer.
   */
  async one<T>(op: string, args: Record<string, unknown>, notFound: () => ApiError): Promise<T & { instance: string }> {
    const { answers, errors, missing } = await this.gather<T>(op, args);
    if (errors.length > 0) throw errors[0];
    const found = answers.find((a) => a.result !== null);
    if (found) return { ...(found.result as T), instance: found.instance };
    if (missing.length > 0) throw new ApiError(ApiErrorCode.InstancesUnavailable, `not found on the instances that answered; no answer from ${missing.join(', ')}`);
    throw notFound();
  }

  private async answer(request: ApiRequest, origin: string): Promise<void> {
    if (origin === this.nodes.instanceId) return; // answered in process
    const reply: ApiReply = { id: request.id };
    const gathered: Gathered<unknown> = { answers: [], errors: [], missing: [] };
    await this.settle(gathered, this.nodes.instanceId, () => this.answerer!(request.op, request.args));
    if (gathered.errors[0]) reply.error = gathered.errors[0].toJSON();
    else reply.result = gathered.answers[0]?.result ?? null;
    this.bus.publish(replyChannel(origin), API_REPLY, reply);
  }

  private async settle(gathered: Gathered<unknown>, instance: string, run: () => unknown): Promise<void> {
    try {
      gathered.answers.push({ instance, result: ((await run()) ?? null) as unknown });
    } catch (error) {
      if (!(error instanceof ApiError)) this.logger.error(`server API operation failed on ${instance}: ${(error as Error)?.stack ?? error}`);
      gathered.errors.push(error instanceof ApiError ? error : new ApiError(ApiErrorCode.Internal, 'the operation failed on an instance; see its log'));
    }
  }

  private replied(reply: ApiReply, origin: string): void {
    const pending = this.pending.get(reply.id);
    if (!pending?.waiting.delete(origin)) return;
    if (reply.error) pending.gathered.errors.push(new ApiError(reply.error.code, reply.error.message));
    else pending.gathered.answers.push({ instance: origin, result: reply.result ?? null });
    if (pending.waiting.size === 0) pending.done();
  }
}
