import { Logger } from '@nestjs/common';
import type { WebSocket } from 'ws';
import { Connection, type ConnectionPool, type GameSocket, type RateLimiter, RateVerdict } from '../connection';
import type { MetricsService } from '../metrics';
import type { ClientMessage, ServerMessage } from '../protocol';
import type { SessionService } from '../session';
import type { FrameParser } from './frame-parser';
import type { DirectRoute } from './direct-message';
import { MessageDispatcher, type Route } from './message-dispatcher';
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
  let failures: string[];
  /** A direct route (`@DirectMessage()`): `bad` throws, `later` settles in a microtask, `boom` rejects. */
  const action: DirectRoute = {
    direct: (_socket, message) => {
      const what = (message as ClientMessage<'game_action'>).payload.action;
      handled.push(`action ${what}`);
      if (what === 'bad') throw new Error('bad action');
      if (what === 'later') return Promise.resolve();
      if (what === 'boom') return Promise.reject(new Error('boom'));
      return undefined;
    },
  };
  const callbacks = new Map<string, Route>([
    ['game_action', action],
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
  let outcomes: MessageOutcomes;
  /** What GameExceptionFilter.report does, in short: marks the message failed and says so. */
  const report = (error: unknown, _socket: GameSocket, message: ClientMessage) => {
    outcomes.markFailed(message);
    failures.push(`${message.type}: ${(error as Error).message}`);
  };
  const frame = (message: object) => Buffer.from(JSON.stringify(message));
  const act = (what: string, id?: string) => frame({ type: 'game_action', payload: { room_id: 'r', action: what }, ...(id && { id }) });

  beforeEach(() => {
    sent = [];
    handled = [];
    slow = undefined;
    socket = { readyState: 1 } as unknown as GameSocket;
    released = [];
    socket.connection = new Connection(socket as unknown as WebSocket, 0, true, '', 0);
    socket.connection.sessionId = 'session-1';
    pool = { send: (_c: Connection, message: ServerMessage) => sent.push(message) } as unknown as ConnectionPool;
    sessions = { claim: async () => true, release: async (_s: string, id: string) => void released.push(id) } as unknown as SessionService;
    limiter = { check: () => RateVerdict.Allowed, burst: 3 } as unknown as RateLimiter;
    metrics = { received: () => undefined } as unknown as MetricsService;
    failures = [];
    outcomes = new MessageOutcomes();
    // No turn budget here: a loaded machine must not move a message to the next turn mid-test.
    dispatcher = new MessageDispatcher(parser, pool, outcomes, sessions, limiter, metrics, report, Infinity);
  });

  const flush = () => new Promise((resolve) => setImmediate(resolve));

  describe('onFrame', () => {
    it('should answer INTERNAL to a frame whose handling throws unexpectedly, and go on with the next', async () => {
      // The fake parser throws on a frame that is not JSON, as a buggy validator would.
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      expect(() => dispatcher.onFrame(socket, callbacks, Buffer.from('{not json'), false)).not.toThrow();
      dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 2 } }), false);
      await flush();
      expect(sent).toEqual([expect.objectContaining({ type: 'error', payload: expect.objectContaining({ code: 'INTERNAL' }) })]);
      expect(handled).toEqual(['ping 2']);
      expect(logged).toHaveBeenCalledTimes(1);
      logged.mockRestore();
    });

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
    describe('direct routes', () => {
      it('should call a direct handler synchronously, inside onFrame, with nothing queued', () => {
        dispatcher.onFrame(socket, callbacks, act('move'), false);
        expect(handled).toEqual(['action move']);
        expect(socket.connection.handling).toBeFalsy();
        expect(socket.connection.inboundQueue).toBeUndefined();
      });

      it('should report what a direct handler throws, and go on with the next message', () => {
        dispatcher.onFrame(socket, callbacks, act('bad'), false);
        dispatcher.onFrame(socket, callbacks, act('move'), false);
        expect(failures).toEqual(['game_action: bad action']);
        expect(handled).toEqual(['action bad', 'action move']);
      });

      it('should ack a direct message with an id once handled, and give a failed one its id back instead', async () => {
        dispatcher.onFrame(socket, callbacks, act('move', 'a1'), false);
        await flush();
        dispatcher.onFrame(socket, callbacks, act('bad', 'a2'), false);
        await flush();
        expect(sent).toEqual([expect.objectContaining({ type: 'ack', payload: { id: 'a1' } })]);
        expect(released).toEqual(['a2']);
      });

      it('should hold a direct message behind a slow handler and keep arrival order', async () => {
        dispatcher.onFrame(socket, callbacks, frame({ type: 'join_room', payload: { room_id: 'r' } }), false);
        dispatcher.onFrame(socket, callbacks, act('move'), false);
        expect(handled).toEqual(['join r']);
        slow!.resolve();
        await flush();
        expect(handled).toEqual(['join r', 'action move']);
      });

      it('should wait for a direct handler that returns a promise, and report its rejection without an ack', async () => {
        dispatcher.onFrame(socket, callbacks, act('later', 'l1'), false);
        dispatcher.onFrame(socket, callbacks, act('boom', 'b1'), false);
        dispatcher.onFrame(socket, callbacks, frame({ type: 'ping', payload: { t: 1 } }), false);
        for (let turn = 0; turn < 5 && handled.length < 3; turn++) await flush();
        expect(handled).toEqual(['action later', 'action boom', 'ping 1']);
        expect(failures).toEqual(['game_action: boom']);
        expect(sent).toEqual([expect.objectContaining({ type: 'ack', payload: { id: 'l1' } })]);
        expect(released).toEqual(['b1']);
      });
    });

    describe('turn budget', () => {
    // A budget of 0 ms: after the first queued message of a turn, the rest wait for the next turn.
    const budgeted = () => new MessageDispatcher(parser, pool, outcomes, sessions, { ...limiter, burst: 10 } as RateLimiter, metrics, report, 0);
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
