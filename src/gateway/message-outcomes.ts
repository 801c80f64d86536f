import { Injectable } from '@nestjs/common';

/**
 * Which client messages failed in their handler. The exception filter marks them; the adapter
 * acks a message with an `id` only if it was not marked. A WeakSet, so nothing is retained.
 *
 * Why not an interceptor: Nest wraps every intercepted call in `AsyncResource.bind` and a chain
 * of observables, which cost ~10% of the gateway's CPU at 10k messages/s in a profile.
 */
@Injectable()
export class MessageOutcomes {
  private readonly failed = new WeakSet<object>();

  markFailed(message: object): void {
    this.failed.add(message);
  }

  hasFailed(message: object): boolean {
    return this.failed.has(message);
  }
}
