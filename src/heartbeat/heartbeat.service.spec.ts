import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import { WebSocket } from 'ws';
import { connectionConfig } from '../config';
import { Connection, ConnectionPool } from '../connection';
import { MetricsService } from '../metrics';
import { HeartbeatService } from './heartbeat.service';

function fakeConnection(readyState: number, lastPongAt: number, lastInboundAt: number): Connection {
  const socket = { readyState, ping: jest.fn(), on: jest.fn() } as unknown as WebSocket;
  const connection = new Connection(socket, 0, true, '', 0);
  connection.lastPongAt = lastPongAt;
  connection.lastInboundAt = lastInboundAt;
  return connection;
}

describe(HeartbeatService.name, () => {
  let heartbeat: HeartbeatService;
  let connections: Connection[];
  const pool = { values: () => connections.values(), onRegister: jest.fn(), closeOrTerminate: jest.fn() };

  beforeEach(async () => {
    pool.closeOrTerminate.mockClear();
    const module = await Test.createTestingModule({
      providers: [
        HeartbeatService,
        { provide: ConnectionPool, useValue: pool },
        { provide: connectionConfig.KEY, useValue: { heartbeatIntervalMs: 30_000, heartbeatTimeoutMs: 60_000 } },
        { provide: MetricsService, useValue: new MetricsService(new Registry()) },
      ],
    }).compile();
    heartbeat = module.get(HeartbeatService);
  });

  describe('sweep', () => {
    const now = 1_000_000;

    it('should ping every open connection heard from within the timeout', () => {
      connections = [fakeConnection(WebSocket.OPEN, now - 1000, 0), fakeConnection(WebSocket.OPEN, 0, now - 59_000)];
      heartbeat.sweep(now);
      for (const connection of connections) expect(connection.socket.ping).toHaveBeenCalledTimes(1);
      expect(pool.closeOrTerminate).not.toHaveBeenCalled();
    });

    it('should close a connection with neither pong nor data within the timeout with 4000, and count it', () => {
      const silent = fakeConnection(WebSocket.OPEN, now - 61_000, now - 61_000);
      connections = [silent];
      heartbeat.sweep(now);
      expect(pool.closeOrTerminate).toHaveBeenCalledWith(silent, 4000, expect.any(String));
      expect(silent.socket.ping).not.toHaveBeenCalled();
      expect(heartbeat.timeouts).toBe(1);
    });

    it('should hand a silent connection already closing to closeOrTerminate without counting it again', () => {
      connections = [fakeConnection(WebSocket.CLOSING, 0, 0)];
      heartbeat.sweep(now);
      expect(pool.closeOrTerminate).toHaveBeenCalledTimes(1);
      expect(heartbeat.timeouts).toBe(0);
    });
  });

  describe('onModuleInit', () => {
    it('should bind one shared pong handler to each new connection', () => {
      heartbeat.onModuleInit();
      const bind = pool.onRegister.mock.calls[0][0] as (connection: Connection) => void;
      const a = fakeConnection(WebSocket.OPEN, 0, 0);
      const b = fakeConnection(WebSocket.OPEN, 0, 0);
      bind(a);
      bind(b);
      const handlerA = (a.socket.on as jest.Mock).mock.calls[0];
      const handlerB = (b.socket.on as jest.Mock).mock.calls[0];
      expect(handlerA[0]).toBe('pong');
      expect(handlerA[1]).toBe(handlerB[1]);
      handlerA[1].call(Object.assign(a.socket, { connection: a }));
      expect(a.lastPongAt).toBeGreaterThan(0);
    });
  });
});
