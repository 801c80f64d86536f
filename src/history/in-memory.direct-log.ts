import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { sessionConfig } from '../config';
import type { ServerMessage } from '../protocol';
import type { DirectLog, DirectReadResult } from './direct-log.port';

interface Buffered {
  seq: number;
  /** Oldest first; at most `capacity` entries. */
  readonly messages: ServerMessage[];
}

/** The embedded default: one bounded array per session, in this process. */
@Injectable()
export class InMemoryDirectLog implements DirectLog {
  private readonly logs = new Map<string, Buffered>();

  constructor(@Inject(sessionConfig.KEY) private readonly config: ConfigType<typeof sessionConfig>) {}

  async open(clientId: string): Promise<void> {
    if (!this.logs.has(clientId)) this.logs.set(clientId, { seq: 0, messages: [] });
  }

  async append(clientId: string, message: ServerMessage): Promise<number | undefined> {
    const log = this.logs.get(clientId);
    if (!log) return undefined;
    message.seq = ++log.seq;
    log.messages.push(message);
    if (log.messages.length > this.config.directBufferSize) log.messages.shift();
    return log.seq;
  }

  async readSince(clientId: string, since: number): Promise<DirectReadResult> {
    const log = this.logs.get(clientId);
    if (!log) return { recovered: since === 0, messages: [] };
    const messages = log.messages.filter((message) => message.seq! > since);
    const oldestHeld = log.messages[0]?.seq ?? log.seq + 1;
    return { recovered: since + 1 >= oldestHeld || since >= log.seq, messages };
  }

  async forget(clientId: string): Promise<void> {
    this.logs.delete(clientId);
  }
}
