import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/** A loopback TCP relay to one port that a test can cut and mend: a network partition between one client and a server. */
export interface TcpRelay {
  port: number;
  /** Drops every relayed connection and refuses new ones (each is reset at once) until `mend`. */
  sever(): void;
  /** Relays new connections again. */
  mend(): void;
  close(): Promise<void>;
}

/** Pipes `inbound` to a new connection to `upstreamPort` and back; either side closing closes the other, so a killed socket looks killed to both ends. */
export function relayTo(inbound: Socket, upstreamPort: number, track: (socket: Socket) => void): void {
  const outbound = connect(upstreamPort, '127.0.0.1');
  track(outbound);
  inbound.pipe(outbound);
  outbound.pipe(inbound);
  inbound.once('close', () => outbound.destroy());
  outbound.once('close', () => inbound.destroy());
}

/**
 * `connectDelayMs`: each new connection waits that long before it is relayed (what it sends
 * meanwhile is held, not lost): a slow network path, so every reconnect takes at least that long.
 */
export async function startTcpRelay(upstreamPort: number, { connectDelayMs = 0 } = {}): Promise<TcpRelay> {
  let severed = false;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((inbound) => {
    track(inbound);
    if (severed) inbound.resetAndDestroy();
    else if (connectDelayMs === 0) relayTo(inbound, upstreamPort, track);
    else setTimeout(() => !inbound.destroyed && relayTo(inbound, upstreamPort, track), connectDelayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    sever: () => {
      severed = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    mend: () => {
      severed = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
