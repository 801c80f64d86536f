import type { WebSocket } from 'ws';
import { Connection, type ConnectionPool, type GameSocket, type RateLimiter, RateVerdict } from '../connection';
import type { MetricsService } from '../metrics';
import type { ClientMessage, ServerMessage } from '../protocol';
import type { SessionService } from '../session';
import type { FrameParser } from './frame-parser';
import { MessageDispatcher } from './message-dispatcher';
import { MessageOutcomes } from './message-outcomes';

/** A frame is the JSON of a message; the fake parser just parses it. */
const parser = { parse: (_c: Connection, frame: Buffer) => JSON.parse(frame.toString()) as ClientMessage } as unknown as FrameParser;

describe(MessageDispatcher.name, () => {
  let sent: ServerMessage[];
  let handled: string[];
  let socket: GameSocket;
  let dispatcher: MessageDispatcher;
  let slow: { resolve: () => void } | undefined;
  let released: string[];
  let pool: ConnectionPool;
  let sessions: SessionService;
  let limiter: RateLimiter;
  let metrics: MetricsService;
  const callbacks = new Map<string, (data: unknown) => unknown>([
    [
      'join_room',
      (data) => {
        handled.push(`join ${(data as ClientMessage<'join_room'>).payload.room_id}`);
        // A join forwarded to another instance: settles when the test says.
        return new Promise<void>((resolve) => (slow = { resolve }));
      },
    ],
    ['ping', async (data) => void handled.push(`ping ${(data as ClientMessage<'ping'>).payload.t}`)],
  ]);
  const frame = (message: object) => Buffer.from(JSON.stringify(message));

  beforeEach(() => {
    sent = [];
    handled = [];
    slow = undefined;
    socket = { readyState: 1 } as unknown as GameSocket;
    released = [];
    socket.connection = new Connection(socket as unknown as WebSocket, 0, true, '', 0);
    pool = { send: (_c: Connection, message: ServerMessage) => sent.push(message) } as unknown as ConnectionPool;
    sessions = { claim: async () => true, release: async (_s: string, id: string) => void released.push(id) } as unknown as SessionService;
    limiter = { check: () => RateVerdict.Allowed, burst: 3 } as unknown as RateLimiter;
    metrics = { received: () => undefined } as unknown as MetricsService;
    // No turn budget here: a loaded machine must not move a message to the next turn mid-test.
    dispatcher = new MessageDispatcher(parser, pool, new MessageOutcomes(), sessions, limiter, metrics, Infinity);
  });

  const flush = () => new Promise((resolve) => setImmediate(resolve));

  describe('onFrame', () => {
    it('should hold later messages until a slow handler settled, then handle them in arrival order', async () => {
      dispatcher.onFrame(socket, callbacks, frame({ type: 'join_room', payload: { room_id: 'r' } }), false);
      dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 1 } }), false);
      dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 2 }, id: 'p2' }), false);
      await flush();
      expect(handled).toEqual(['join r']);
      slow!.resolve();
      await flush();
      expect(handled).toEqual(['join r', 'ping 1', 'ping 2']);
      expect(socket.connection.inboundQueue).toBeUndefined();
      expect(sent.map((m) => m.type)).toEqual(['ack']);
    });

    it('should refuse messages past RATE_LIMIT_BURST waiting on one connection with RATE_LIMITED', async () => {
      dispatcher.onFrame(socket, callbacks, frame({ type: 'join_room', payload: { room_id: 'r' } }), false);
      for (let t = 0; t < 5; t++) dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t } }), false);
      expect(sent.map((m) => (m as ServerMessage<'error'>).payload.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      slow!.resolve();
      await flush();
      expect(handled).toEqual(['join r', 'ping 0', 'ping 1', 'ping 2']);
    });

    it('should run a message at once, without a queue, when nothing is pending', async () => {
      dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 1 } }), false);
      expect(handled).toEqual(['ping 1']);
      expect(socket.connection.inboundQueue).toBeUndefined();
      await flush();
      dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 2 } }), false);
      expect(handled).toEqual(['ping 1', 'ping 2']);
      expect(socket.connection.inboundQueue).toBeUndefined();
    });
    describe('turn budget', () => {
    // A budget of 0 ms: after the first queued message of a turn, the rest wait for the next turn.
    const budgeted = () => new MessageDispatcher(parser, pool, new MessageOutcomes(), sessions, { ...limiter, burst: 10 } as RateLimiter, metrics, 0);
    const pings = (d: MessageDispatcher, ts: number[], id?: (t: number) => string) => {
      for (const t of ts) d.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t }, ...(id && { id: id(t) }) }), false);
    };

    // Deliberate break this caught: drain() without the budget check handled all five in one turn.
    it('should handle queued messages a turn at a time once the budget is spent, in arrival order', async () => {
      const d = budgeted();
      pings(d, [1, 2, 3, 4, 5]);
      await flush(); // one turn: the first queued message, then the budget is spent
      expect(handled.length).toBeLessThan(5);
      let turns = 1;
      for (; turns < 10 && handled.length < 5; turns++) await flush();
      expect(turns).toBeGreaterThan(2);
      expect(handled).toEqual(['ping 1', 'ping 2', 'ping 3', 'ping 4', 'ping 5']);
      expect(socket.connection.inboundQueue).toBeUndefined();
    });

    it('should drop the deferred messages of a connection that closed meanwhile, unhandled, and give their ids back', async () => {
      const d = budgeted();
      pings(d, [1, 2, 3], (t) => `p${t}`);
      await Promise.resolve(); // the claims resolve
      await Promise.resolve();
      const handledBeforeClose = handled.length;
      expect(handledBeforeClose).toBeLessThan(3);
      (socket as unknown as { readyState: number }).readyState = 3;
      for (let turn = 0; turn < 5; turn++) await flush();
      expect(handled).toHaveLength(handledBeforeClose);
      expect(released).toEqual(['p1', 'p2', 'p3'].slice(handledBeforeClose));
      expect(socket.connection.inboundQueue).toBeUndefined();
    });
  });
});
});
