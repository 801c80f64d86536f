import { eventually } from './redis';
import type { TestClient } from './test-client';

type Outcome = { type: string; payload: { id?: string; ref_id?: string; code?: string } };

export interface SendUntilAckedOptions {
  /** How long one attempt waits for its ack or error (a stalled owner answers late). */
  answerTimeoutMs?: number;
  /** Pause between a refusal and the next attempt. */
  paceMs?: number;
  maxAttempts?: number;
}

/**
 * Sends a message with `id` until it is acked, as a client does while its room moves between
 * instances: every refusal must be the retryable INTERNAL ("send again"), anything else throws.
 * Returns how many times it was refused.
 */
export async function sendUntilAcked(
  client: TestClient,
  type: string,
  payload: object,
  id: string,
  { answerTimeoutMs = 15000, paceMs = 0, maxAttempts = 500 }: SendUntilAckedOptions = {},
): Promise<number> {
  const answers = (f: Outcome) => (f.type === 'ack' && f.payload.id === id) || (f.type === 'error' && f.payload.ref_id === id);
  for (let refused = 0; refused < maxAttempts; refused++) {
    const from = client.frames.length;
    client.send(type, payload, id);
    let outcome: Outcome | undefined;
    await eventually(() => (outcome = (client.frames.slice(from) as Outcome[]).find(answers)) !== undefined, `an ack or error for ${id}`, answerTimeoutMs, 10);
    if (outcome!.type === 'ack') return refused;
    if (outcome!.payload.code !== 'INTERNAL') throw new Error(`${id} refused with ${JSON.stringify(outcome!.payload)}, not the retryable INTERNAL`);
    if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs));
  }
  throw new Error(`${id} refused ${maxAttempts} times`);
}
