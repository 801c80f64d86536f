import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { type Bus, BUS, type BusTopic } from '../bus';
import { CLIENT_REGISTRY, type ClientRegistry } from '../cluster';
import { INSTANCE_ID, randomId } from '../common';
import { clusterConfig } from '../config';
import { type DetachedSession, SessionService } from '../session';

/** A request to the instance holding a session to park it now, and its answer. */
interface HandoverMessage {
  requestId: string;
  sessionId?: string;
  clientId?: string;
  /** Set on the answer: the session is parked (or was not held there). */
  done?: boolean;
}

const HANDOVER: BusTopic<HandoverMessage> = {
  name: 'session-handover',
  encode: (m) => Buffer.from(JSON.stringify(m)),
  decode: (bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')) as HandoverMessage,
};
const channelOf = (instanceId: string) => `sessions:${instanceId}`;

/** What the instance holding a session does when another asks for it: park it now (closing its socket if it still looks open). */
export type ReleaseHere = (sessionId: string, clientId: string) => Promise<void>;

/**
 * Gets a session that is not parked but recorded as connected on some instance, for a resume:
 * - on another living instance (the resume outran that instance's own close handling, or its
 *   socket is half-open): asked over the bus, it parks the session and answers;
 * - on an instance that does not answer within ROOM_FORWARD_TIMEOUT_MS: once its liveness key has
 *   expired (at most CLIENT_REGISTRY_TTL_MS after its death), the session is taken as it was
 *   recorded, detached since the moment the instance was found dead (its resume grace started
 *   then); an instance still alive but silent keeps it.
 */
@Injectable()
export class SessionHandover implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pending = new Map<string, () => void>();
  private unsubscribe: (() => void) | undefined;
  private releaseHere: ReleaseHere = async () => undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(CLIENT_REGISTRY) private readonly clients: ClientRegistry,
    @Inject(clusterConfig.KEY) private readonly cluster: ConfigType<typeof clusterConfig>,
    private readonly sessions: SessionService,
  ) {}

  /** Who parks a session held here when another instance asks (the resume service). */
  serve(release: ReleaseHere): void {
    this.releaseHere = release;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = this.bus.subscribe(channelOf(this.instanceId), HANDOVER, (message, origin) => {
      if (message.done) return this.pending.get(message.requestId)?.();
      const { sessionId = '', clientId = '' } = message;
      void this.releaseHere(sessionId, clientId)
        .catch(() => undefined)
        .then(() => this.bus.publish(channelOf(origin), HANDOVER, { requestId: message.requestId, done: true }));
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
    for (const settle of this.pending.values()) settle();
  }

  /**
   * The session, parked by (or taken from) the instance it is recorded on; undefined when there is
   * none to resume, or it belongs to another user than `userId`: that is checked before the holder
   * is asked, so its owner's socket is never closed for a resume that then fails (issue 13 item 1).
   */
  async claim(sessionId: string, userId: string | undefined): Promise<DetachedSession | undefined> {
    const live = await this.sessions.live(sessionId);
    if (!live) return undefined;
    if (live.userId !== undefined && live.userId !== userId) return undefined;
    if (live.instanceId === this.instanceId) {
      // Recorded here without a socket here: its close is being handled.
      await this.sessions.parked(sessionId);
      return this.sessions.take(sessionId);
    }
    if (await this.ask(live.instanceId, sessionId, live.clientId)) return this.sessions.take(sessionId);
    const deadAt = await this.deathOf(live.instanceId);
    if (deadAt === undefined || Date.now() - deadAt > this.sessions.config.resumeGraceMs) return undefined;
    const taken = await this.sessions.takeLive(sessionId, live.instanceId);
    if (!taken) return this.sessions.take(sessionId); // another instance took it first and parked it again
    const { instanceId: _dead, ...session } = taken;
    return { ...session, detachedAt: deadAt };
  }

  /** Whether `holder` answered (having parked the session) within ROOM_FORWARD_TIMEOUT_MS. */
  private ask(holder: string, sessionId: string, clientId: string): Promise<boolean> {
    const requestId = randomId(9);
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(false), this.cluster.forwardTimeoutMs);
      timer.unref();
      const settle = (answered: boolean) => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(answered);
      };
      this.pending.set(requestId, () => settle(true));
      this.bus.publish(channelOf(holder), HANDOVER, { requestId, sessionId, clientId });
    });
  }

  /** When `instanceId` was found dead, waiting at most one liveness lifetime for its key to expire; undefined: it lives. */
  private async deathOf(instanceId: string): Promise<number | undefined> {
    const deadline = Date.now() + this.cluster.clientTtlMs;
    const every = Math.max(50, Math.min(500, this.cluster.clientTtlMs / 10));
    for (;;) {
      const dead = await this.clients.deadSince([instanceId]);
      const since = dead?.get(instanceId);
      if (since !== undefined) return since;
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, every).unref());
    }
  }
}
