import type { INestApplication } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { MessageMappingProperties } from '@nestjs/websockets/gateway-metadata-explorer';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import type { Observable } from 'rxjs';
import type { WebSocketServer } from 'ws';
import { CodecRegistry } from '../codec';
import { matchmakingConfig, roomsConfig } from '../config';
import { ConnectionPool, type GameSocket, RateLimiter } from '../connection';
import { MetricsService } from '../metrics';
import { SessionService } from '../session';
import { type DirectRoute, directRoutes } from './direct-message';
import { FrameParser } from './frame-parser';
import { GameExceptionFilter } from './game-exception.filter';
import { GameGateway } from './game.gateway';
import { MessageDispatcher, type Route } from './message-dispatcher';
import { MessageOutcomes } from './message-outcomes';
import { UpgradeGate } from './upgrade-gate.service';
import { closeAtUpgrade, rejectUpgrade } from './upgrade-responses';

export interface GameWsAdapterOptions {
  /** Largest inbound frame; `ws` closes the socket with 1009 before buffering more. */
  maxPayload: number;
  /** permessage-deflate for clients that offer it; off by default (zlib memory per connection). */
  compression: { enabled: boolean; thresholdBytes: number };
}

/**
 * Nest's `ws` adapter, adapted to the contract instead of Nest's `{event, data}` frames:
 * - frames are decoded, validated and routed by `MessageDispatcher` (see there);
 * - handler results go back through the connection's codec, not `JSON.stringify`;
 * - subprotocols `game.v1.json` / `game.v1.proto` are negotiated at the upgrade;
 * - upgrades on paths other than the gateway's get an HTTP 404 instead of a reset, and the
 *   `UpgradeGate` (shutdown, capacity, connections per address, origin, token) may refuse the
 *   others: with an HTTP status, or for a bad token with close 4100/4101 right after accepting.
 */
export class GameWsAdapter extends WsAdapter {
  private dispatcher: MessageDispatcher | undefined;
  private direct: Map<string, DirectRoute> | undefined;
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
      perMessageDeflate: this.options.compression.enabled && {
        threshold: this.options.compression.thresholdBytes,
        // No context takeover, a 2 KB window and a small zlib memLevel: each compressing
        // connection still keeps zlib state alive (measured ~90 KB RSS per connection, ~220 KB
        // with zlib defaults; BENCHMARKS.md), which is why compression is off by default.
        serverNoContextTakeover: true,
        clientNoContextTakeover: true,
        zlibDeflateOptions: { level: 1, memLevel: 4 },
        serverMaxWindowBits: 11,
      },
      handleProtocols: (offered: Set<string>) => CodecRegistry.selectSubprotocol(offered),
    });
  }

  override bindMessageHandlers(
    socket: GameSocket,
    handlers: MessageMappingProperties[],
    // Nest's `transform` wraps every result in observables; results are settled directly instead.
    _transform: (data: unknown) => Observable<unknown>,
  ): void {
    const dispatch = (this.dispatcher ??= this.createDispatcher());
    // `@DirectMessage()` handlers of the game gateway skip Nest's per-call pipeline (see there).
    const direct = (this.direct ??= directRoutes(this.app.get(GameGateway)));
    const routes = new Map<string, Route>(handlers.map((handler) => [handler.message as string, direct.get(handler.message as string) ?? handler.callback]));
    socket.on('message', (frame: Buffer, isBinary: boolean) => dispatch.onFrame(socket, routes, frame, isBinary));
  }

  private createDispatcher(): MessageDispatcher {
    const filter = this.app.get(GameExceptionFilter);
    return new MessageDispatcher(
      new FrameParser(this.app.get(CodecRegistry), { ...this.app.get(roomsConfig.KEY), ...this.app.get(matchmakingConfig.KEY) }),
      this.app.get(ConnectionPool),
      this.app.get(MessageOutcomes),
      this.app.get(SessionService),
      this.app.get(RateLimiter),
      this.app.get(MetricsService),
      (error, socket, message) => filter.report(error, socket, message),
    );
  }

  override bindErrorHandler(server: WebSocketServer): WebSocketServer {
    // Socket errors are client faults (bad frames, oversize payloads, resets): debug, not error.
    // One shared listener for all sockets: a closure per socket would cost memory per connection.
    const onSocketError = (error: Error) => this.logger.debug(`socket error: ${error.message}`);
    server.on('connection', (socket) => socket.on('error', onSocketError));
    server.on('error', (error) => this.logger.error('WebSocket server error', error));
    return server;
  }

  protected override ensureHttpServerExists(port: number, httpServer = http.createServer()): http.Server | undefined {
    if (this.httpServersRegistry.has(port)) return undefined;
    this.httpServersRegistry.set(port, httpServer);
    httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      // A module-level listener, not a closure: it stays on the socket for its whole life and a
      // closure here would keep this upgrade's request (headers and all) alive with it.
      socket.on('error', destroyOnError);
      const pathname = new URL(request.url ?? '/', 'ws://localhost').pathname;
      const server = (this.wsServersRegistry.get(port) ?? []).find((candidate) => candidate.path === pathname);
      if (!server) return rejectUpgrade(socket, 404, 'Not Found');
      const gate = (this.gate ??= this.app.get(UpgradeGate)) as UpgradeGate;
      // `open` runs synchronously inside `admit`: ws completes a valid handshake and emits
      // 'connection' (which registers the socket in the pool) before handleUpgrade returns.
      const open = () => server.handleUpgrade(request, socket, head, (ws: unknown) => server.emit('connection', ws, request));
      gate.admit(request, open).then(
        (refusal) => {
          if (!refusal) return;
          if (refusal.closeCode !== undefined) closeAtUpgrade(request, socket, refusal.closeCode, refusal.reason);
          else rejectUpgrade(socket, refusal.status, refusal.reason);
        },
        (error: Error) => {
          this.logger.error('upgrade check failed', error);
          rejectUpgrade(socket, 500, 'Internal Server Error');
        },
      );
    });
    return httpServer;
  }
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}
