/**
 * Typed events with unsubscribe functions. A handler that throws does not stop the SDK or the
 * other handlers: its error is rethrown on a later turn, where the platform reports it.
 */
export class Emitter<Events extends object> {
  private readonly handlers = new Map<keyof Events, Set<(event: never) => void>>();

  /** Calls `handler` for every `type` event; returns the function that unsubscribes it. */
  on<K extends keyof Events>(type: K, handler: (event: Events[K]) => void): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as (event: never) => void);
    return () => set.delete(handler as (event: never) => void);
  }

  emit<K extends keyof Events>(type: K, event: Events[K]): void {
    const set = this.handlers.get(type);
    if (!set) return;
    for (const handler of [...set]) {
      callSafely(handler as (event: Events[K]) => void, event);
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}

/** Calls an application handler; an error it throws is rethrown on a later turn, where the platform reports it. */
export function callSafely<A extends unknown[]>(handler: (...args: A) => void, ...args: A): void {
  try {
    handler(...args);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}
