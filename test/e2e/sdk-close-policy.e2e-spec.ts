import { GameClient } from '../../client/src';
import { ConnectionPool } from '../../src/connection';
import { type RunningGateway, startGateway, useGateway } from '../support/gateway';

/**
 * The SDK's reconnect policy against the real server, through the SDK's public API only (events
 * and options): which close codes it resumes after, which end it, `maxAttempts`, `session_lost`.
 * Kept apart from the SDK's own suites so that SDK changes merge without touching it.
 * Deliberate break tried: isReconnectable() accepting 4004 fails the 4004 case.
 */
type Event = { type: string; code?: number; client_id?: string; previous_client_id?: string };

/** A client with a fast backoff that records its lifecycle events in order. */
function recordingClient(url: string, maxAttempts?: number) {
  const client = new GameClient(url, { reconnect: { baseMs: 20, capMs: 100, ...(maxAttempts !== undefined && { maxAttempts }) } });
  const events: Event[] = [];
  client.on('reconnecting', (e) => events.push({ type: 'reconnecting', code: e.code }));
  client.on('resumed', (e) => events.push({ type: 'resumed', client_id: e.client_id }));
  client.on('closed', (e) => events.push({ type: 'closed', code: e.code }));
  client.on('session_lost', (e) => events.push({ type: 'session_lost', client_id: e.client_id, previous_client_id: e.previous_client_id }));
  /** Resolves with the first recorded event of `type`, now or later. */
  const next = (type: string, timeoutMs = 10000) =>
    new Promise<Event>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
      const check = () => {
        const found = events.find((e) => e.type === type);
        if (!found) return setTimeout(check, 10);
        clearTimeout(timer);
        resolve(found);
      };
      check();
    });
  return { client, events, next };
}

describe('SDK close-code policy', () => {
  const gateway = useGateway({ RESUME_GRACE_MS: '30000' });
  const clients: GameClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  const connected = async () => {
    const recorder = recordingClient(gateway.wsUrl);
    clients.push(recorder.client);
    await recorder.client.connect();
    return recorder;
  };
  const closeFromServer = (client: GameClient, code: number) => {
    const pool = gateway.app.get(ConnectionPool);
    pool.close(pool.get(client.clientId!)!, code, `test close ${code}`);
  };

  it.each([4000, 4001, 4002, 4003])('should reconnect and resume the same session after a server close with %d', async (code) => {
    const { client, events, next } = await connected();
    const clientId = client.clientId;
    closeFromServer(client, code);
    expect(await next('resumed')).toEqual({ type: 'resumed', client_id: clientId });
    expect(events[0]).toEqual({ type: 'reconnecting', code });
    expect(events.map((e) => e.type)).toEqual(['reconnecting', 'resumed']);
    expect(client.connectionState).toBe('open');
  });

  it.each([
    [4004, 'the session was taken over by another connection'],
    [1008, 'policy violation (sustained abuse)'],
    [1009, 'a frame over MAX_MESSAGE_BYTES'],
    [4102, 'kicked by a backend service'],
  ])('should stop after a server close with %d (%s) and say so with closed', async (code) => {
    const { client, events, next } = await connected();
    closeFromServer(client, code);
    expect(await next('closed')).toEqual({ type: 'closed', code });
    expect(events.map((e) => e.type)).toEqual(['closed']);
    expect(client.connectionState).toBe('closed');
  });
});

describe('SDK reconnect limits and lost sessions', () => {
  it('should give up with closed after maxAttempts failed reconnects', async () => {
    const gateway = await startGateway();
    const { client, events, next } = recordingClient(gateway.wsUrl, 2);
    try {
      await client.connect();
      await gateway.close(); // 1012, then nothing listens: every attempt fails
      expect(await next('closed')).toEqual(expect.objectContaining({ type: 'closed' }));
      expect(events.filter((e) => e.type === 'reconnecting')).toHaveLength(2);
      expect(events.at(-1)!.type).toBe('closed');
    } finally {
      client.close();
    }
  });

  it('should emit session_lost with the old and the new client id when the server no longer knows the session', async () => {
    let gateway: RunningGateway = await startGateway();
    const { client, next } = recordingClient(gateway.wsUrl);
    try {
      await client.connect();
      const previous = client.clientId!;
      const { port } = gateway;
      await gateway.close(); // an in-memory gateway forgets its sessions
      gateway = await startGateway({ PORT: String(port) });
      const lost = await next('session_lost', 20000);
      expect(lost).toEqual({ type: 'session_lost', previous_client_id: previous, client_id: expect.any(String) });
      expect(lost.client_id).not.toBe(previous);
      expect(client.clientId).toBe(lost.client_id);
    } finally {
      client.close();
      await gateway.close();
    }
  }, 30000);
});
