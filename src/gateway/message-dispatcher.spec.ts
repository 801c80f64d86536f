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
    socket.connection = new Connection(socket as unknown as WebSocket, 0, true, '', 0);
    const pool = { send: (_c: Connection, message: ServerMessage) => sent.push(message) } as unknown as ConnectionPool;
    const sessions = { claim: async () => true, release: async () => undefined } as unknown as SessionService;
    const limiter = { check: () => RateVerdict.Allowed, burst: 3 } as unknown as RateLimiter;
    const metrics = { received: () => undefined } as unknown as MetricsService;
    dispatcher = new MessageDispatcher(parser, pool, new MessageOutcomes(), sessions, limiter, metrics);
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
  });
});
