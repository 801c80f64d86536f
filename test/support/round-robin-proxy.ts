import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { relayTo } from './tcp-relay';

/**
 * A loopback TCP proxy that sends each new connection to the next of `upstreams` in turn: an
 * SDK client pointed at it reconnects (and resumes) on another gateway instance every time.
 */
export async function startRoundRobinProxy(upstreams: number[]): Promise<{
  port: number;
  wsUrl: string;
  /** The upstream port a client connection went to, by the client's local port. */
  upstreamOf(clientPort: number): number | undefined;
  close(): Promise<void>;
}> {
  let next = 0;
  const upstreamByClientPort = new Map<number, number>();
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server: Server = createServer((inbound) => {
    const port = upstreams[next++ % upstreams.length];
    upstreamByClientPort.set(inbound.remotePort!, port);
    track(inbound);
    relayTo(inbound, port, track);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    upstreamOf: (clientPort) => upstreamByClientPort.get(clientPort),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
