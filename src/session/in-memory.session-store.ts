import { Injectable } from '@nestjs/common';
import type { DetachedSession, LiveSession, SessionStore } from './session-store.port';

/** The embedded default: a map in this process (sessions resume on this instance only). */
@Injectable()
export class InMemorySessionStore implements SessionStore {
  // Insertion order is detach order, so the sweep stops at the first session still in grace.
  private readonly parked = new Map<string, DetachedSession>();
  private readonly connected = new Map<string, LiveSession>();

  async park(session: DetachedSession): Promise<void> {
    this.connected.delete(session.sessionId);
    this.parked.delete(session.sessionId);
    this.parked.set(session.sessionId, session);
  }

  async take(sessionId: string): Promise<DetachedSession | undefined> {
    const session = this.parked.get(sessionId);
    this.parked.delete(sessionId);
    return session;
  }

  async takeExpired(detachedAtOrBefore: number): Promise<DetachedSession[]> {
    const expired: DetachedSession[] = [];
    for (const session of this.parked.values()) {
      if (session.detachedAt > detachedAtOrBefore) break;
      expired.push(session);
    }
    for (const session of expired) this.parked.delete(session.sessionId);
    return expired;
  }

  async track(session: LiveSession): Promise<void> {
    this.connected.set(session.sessionId, session);
  }

  async live(sessionId: string): Promise<LiveSession | undefined> {
    return this.connected.get(sessionId);
  }

  async takeLive(sessionId: string, instanceId: string): Promise<LiveSession | undefined> {
    const session = this.connected.get(sessionId);
    if (session?.instanceId !== instanceId) return undefined;
    this.connected.delete(sessionId);
    return session;
  }

  async forget(sessionId: string): Promise<void> {
    this.connected.delete(sessionId);
  }

  get size(): number {
    return this.parked.size;
  }
}
