import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { MessageMappingProperties } from '@nestjs/websockets/gateway-metadata-explorer';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Observable } from 'rxjs';
import type { WebSocketServer } from 'ws';
import { CodecRegistry } from '../codec';
import { type Connection, ConnectionPool, type GameSocket, RateLimiter, RateVerdict } from '../connection';
import { CloseCode, ErrorCode, InternalEvent, MessageType, type ServerMessage, serverMessage } from '../protocol';
import { FrameParser } from './frame-parser';
import { UpgradeGate } from './upgrade-gate.service';

export interface GameWsAdapterOptions {
  /** Largest inbound frame; `ws` closes the socket with 1009 before buffering more. */
  maxPayload: number;
}

/**
 * Nest's `ws` adapter, adapted to the contract instead of Nest's `{event, data}` frames:
 * - frames are decoded by codec (text JSON, binary protobuf) and validated once, then routed by
 *   their `type` to `@SubscribeMessage(type)`; frames that fail go to `InternalEvent.Rejected`,
 *   so nothing is dropped silently (Nest's own parser swallows them);
 * - handler results go back through the connection's codec, not `JSON.stringify`;
 * - subprotocols `game.v1.json` / `game.v1.proto` are negotiated at the upgrade;
 * - upgrades on paths other than the gateway's get an HTTP 404 instead of a reset, and the
 *   `UpgradeGate` (origin, token, shutdown, connections per address) may refuse the others;
 * - every frame takes a rate-limit token before it is decoded: over the limit it is dropped
 *   with `error` RATE_LIMITED, and sustained abuse closes the connection with 1008.
 */
export class GameWsAdapter extends WsAdapter {
  private parser: FrameParser | undefined;
  private pool: ConnectionPool | undefined;
  private limiter: RateLimiter | undefined;
  private gate: UpgradeGate | undefined;

  constructor(
    private readonly app: INestApplication,
    private readonly options: GameWsAdapterOptions,
  ) {
    super(app);
  }

  override create(port: number, options: Record<string, unknown> & { path?: string } = {}): WebSocketServer {
    return super.create(port, {
      ...options,
      maxPayload: this.options.maxPayload,
      perMessageDeflate: false,
      handleProtocols: (offered: Set<string>) => CodecRegistry.selectSubprotocol(offered),
    });
  }

  override bindMessageHandlers(
    socket: GameSocket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    const parser: FrameParser = (this.parser ??= new FrameParser(this.app.get(CodecRegistry)));
    const pool = (this.pool ??= this.app.get(ConnectionPool)) as ConnectionPool;
    const limiter = (this.limiter ??= this.app.get(RateLimiter)) as RateLimiter;
    const callbacks = new Map(handlers.map((handler) => [handler.message as string, handler.callback]));
    const reply = (response: unknown) => {
      if (response) pool.send(socket.connection, response as ServerMessage);
    };
    socket.on('message', (frame: Buffer, isBinary: boolean) => {
      const connection = socket.connection;
      if (!connection) return; // closed before the gateway registered it
      const now = Date.now();
      connection.lastInboundAt = now;
      const verdict = limiter.check(connection, now);
      if (verdict !== RateVerdict.Allowed) return rateLimited(pool, connection, verdict);
      const message = parser.parse(connection, frame, isBinary);
      const callback = callbacks.get(message.type) ?? callbacks.get(InternalEvent.Rejected);
      if (callback) transform(callback(message, message.type)).subscribe(reply);
    });
  }

  override bindErrorHandler(server: WebSocketServer): WebSocketServer {
    // Socket errors are client faults (bad frames, oversize payloads, resets): debug, not error.
    server.on('connection', (socket) => socket.on('error', (error) => this.logger.debug(`socket error: ${error.message}`)));
    server.on('error', (error) => this.logger.error(`WebSocket server error: ${error.message}`));
    return server;
  }

  protected override ensureHttpServerExists(port: number, httpServer = http.createServer()): http.Server | undefined {
    if (this.httpServersRegistry.has(port)) return undefined;
    this.httpServersRegistry.set(port, httpServer);
    httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const pathname = new URL(request.url ?? '/', 'ws://localhost').pathname;
      const server = (this.wsServersRegistry.get(port) ?? []).find((candidate) => candidate.path === pathname);
      if (!server) return rejectUpgrade(socket, 404, 'Not Found');
      const gate = (this.gate ??= this.app.get(UpgradeGate)) as UpgradeGate;
      gate.check(request).then(
        (refusal) => {
          if (refusal) return rejectUpgrade(socket, refusal.status, refusal.reason);
          server.handleUpgrade(request, socket, head, (ws: unknown) => server.emit('connection', ws, request));
        },
        (error: Error) => {
          this.logger.error(`upgrade check failed: ${error.stack}`);
          rejectUpgrade(socket, 500, 'Internal Server Error');
        },
      );
    });
    return httpServer;
  }
}

function rateLimited(pool: ConnectionPool, connection: Connection, verdict: RateVerdict): void {
  if (verdict === RateVerdict.Abusive) {
    pool.close(connection, CloseCode.PolicyViolation, 'rate limit exceeded repeatedly');
    return;
  }
  pool.send(
    connection,
    serverMessage(MessageType.Error, { code: ErrorCode.RateLimited, message: 'too many messages; message dropped, slow down' }),
  );
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
