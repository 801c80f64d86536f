import { GatewayError } from './errors.js';
import type { AckPayload, ErrorPayload } from './types.js';

interface Pending {
  resolve(ack: AckPayload): void;
  reject(error: GatewayError): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Requests waiting for their `ack` or `error` (matched by message id, never by position: the
 * server may answer them in any order), each with a timeout.
 */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

  /** Waits for the answer to message `id`; `onTimeout` runs (before the rejection) if none comes in time. */
  wait(id: string, timeoutMs: number, onTimeout: () => void): Promise<AckPayload> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        onTimeout();
        reject(new GatewayError('TIMEOUT', `no answer to message ${id} within ${timeoutMs} ms`, undefined, id));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  acked(ack: AckPayload): boolean {
    const pending = this.take(ack.id);
    pending?.resolve(ack);
    return pending !== undefined;
  }

  /** Rejects the request the error names; false if none waits for it. */
  refused(error: ErrorPayload): boolean {
    const pending = error.ref_id ? this.take(error.ref_id) : undefined;
    pending?.reject(GatewayError.fromServer(error));
    return pending !== undefined;
  }

  rejectAll(error: GatewayError): void {
    for (const id of [...this.pending.keys()]) this.take(id)!.reject(error);
  }

  private take(id: string): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    return pending;
  }
}
