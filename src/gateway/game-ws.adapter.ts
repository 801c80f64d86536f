import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { MessageMappingProperties } from '@nestjs/websockets/gateway-metadata-explorer';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Observable } from 'rxjs';
import type { WebSocketServer } from 'ws';
import { CodecRegistry } from '../codec';
import { ConnectionPool, type GameSocket } from '../connection';
import { MetricsService } from '../metrics';
import { InternalEvent, type ServerMessage } from '../protocol';
import { FrameParser } from './frame-parser';

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
 * - upgrades on paths other than the gateway's get an HTTP 404 instead of a reset.
 */
export class GameWsAdapter extends WsAdapter {
  private parser: FrameParser | undefined;
  private pool: ConnectionPool | undefined;
  private metrics: MetricsService | undefined;

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
    const metrics = (this.metrics ??= this.app.get(MetricsService)) as MetricsService;
    const callbacks = new Map(handlers.map((handler) => [handler.message as string, handler.callback]));
    const reply = (response: unknown) => {
      if (response) pool.send(socket.connection, response as ServerMessage);
    };
    socket.on('message', (frame: Buffer, isBinary: boolean) => {
      const connection = socket.connection;
      if (!connection) return; // closed before the gateway registered it
      connection.lastInboundAt = Date.now();
      const message = parser.parse(connection, frame, isBinary);
      metrics.received(message.type, frame.length);
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
      server.handleUpgrade(request, socket, head, (ws: unknown) => server.emit('connection', ws, request));
    });
    return httpServer;
  }
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
