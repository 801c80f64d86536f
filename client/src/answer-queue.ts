/**
 * Requests answered by a frame that names no message id (`room_joined` of a `join_or_create`,
 * `room_list`), in send order. The server handles one connection's messages one after the other
 * and sends such a frame before the request's `ack`, so it answers the oldest request still
 * waiting for one. A request leaves the queue as soon as its `ack` or `error` is read (`close`),
 * before any later frame: one refused, or acknowledged without its frame (a duplicate re-sent
 * after a resume), never takes the next request's answer.
 */
export class AnswerQueue<A> {
  private readonly waiting = new Map<string, (answer: A) => void>();

  /** Request `id` waits for the next answer after those of the requests that entered before it. */
  enter(id: string, settle: (answer: A) => void): void {
    this.waiting.set(id, settle);
  }

  /** Request `id` was answered (`ack` or `error`): it takes no later answer. */
  close(id: string): void {
    this.waiting.delete(id);
  }

  /** Gives an answer to the oldest waiting request; false when none waits. */
  answer(answer: A): boolean {
    const oldest = this.waiting.entries().next();
    if (oldest.done) return false;
    const [id, settle] = oldest.value;
    this.waiting.delete(id);
    settle(answer);
    return true;
  }

  get pending(): boolean {
    return this.waiting.size > 0;
  }
}
