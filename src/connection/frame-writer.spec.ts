import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { FrameWriter } from './frame-writer';

/** A loopback server socket and the client talking to it, `perMessageDeflate` on both sides or neither. */
async function pair(perMessageDeflate: boolean): Promise<{ server: WebSocket; client: WebSocket; close(): Promise<void> }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  await new Promise((resolve) => wss.once('listening', resolve));
  const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, { perMessageDeflate });
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  const server = await accepted;
  return {
    server,
    client,
    close: async () => {
      client.terminate();
      await new Promise((resolve) => wss.close(resolve));
    },
  };
}

function nextMessages(client: WebSocket, count: number): Promise<{ data: Buffer; isBinary: boolean }[]> {
  const got: { data: Buffer; isBinary: boolean }[] = [];
  return new Promise((resolve) => {
    const onMessage = (data: Buffer, isBinary: boolean) => {
      got.push({ data, isBinary });
      if (got.length === count) {
        client.off('message', onMessage);
        resolve(got);
      }
    };
    client.on('message', onMessage);
  });
}

describe(FrameWriter.name, () => {
  describe('framable', () => {
    it('should accept an open uncompressed socket (the ws internals it relies on are where it expects them)', async () => {
      const { server, close } = await pair(false);
      expect(FrameWriter.framable(server)).toBe(true);
      expect(FrameWriter.idle(server)).toBe(true);
      await close();
    });

    it('should refuse a socket that negotiated permessage-deflate', async () => {
      const { server, close } = await pair(true);
      expect(server.extensions).toContain('permessage-deflate');
      expect(FrameWriter.framable(server)).toBe(false);
      await close();
    });
  });

  describe('idle', () => {
    it('should say busy while ws still reads a Blob it was given, and idle once that message went out, its queue drained', async () => {
      const { server, client, close } = await pair(false);
      const firstTwo = nextMessages(client, 2);
      const all = nextMessages(client, 3);
      server.send(new Blob(['from a blob']));
      expect(FrameWriter.idle(server)).toBe(false); // reading the Blob, nothing queued yet: writing now would overtake it
      server.send('queued behind it');
      expect(FrameWriter.idle(server)).toBe(false); // writing now would overtake both
      await firstTwo;
      expect(FrameWriter.idle(server)).toBe(true);
      expect((server as unknown as { _sender: { _queue: unknown[] } })._sender._queue).toHaveLength(0);
      FrameWriter.writeFramed(server, FrameWriter.frame(Buffer.from('framed'), false));
      expect((await all).map((m) => m.data.toString())).toEqual(['from a blob', 'queued behind it', 'framed']);
      await close();
    });
  });

  describe('frame + writeFramed', () => {
    it.each([
      ['a short text', 'text', 20],
      ['a 16-bit length', 'text', 300],
      ['a 64-bit length', 'binary', 70_000],
      ['an empty binary', 'binary', 0],
    ])('should deliver %s frame intact, in order with frames sent by ws itself', async (_name, kind, size) => {
      const { server, client, close } = await pair(false);
      const binary = kind === 'binary';
      const payload = binary ? Buffer.alloc(size, 0xab) : Buffer.from('é'.repeat(size / 2) + 'x'.repeat(size % 2));
      const received = nextMessages(client, 3);
      const framed = FrameWriter.frame(payload, binary);
      server.send('before');
      FrameWriter.writeFramed(server, framed);
      FrameWriter.writeFramed(server, framed); // the same buffer serves every recipient and every repeat
      const [first, ...rest] = await received;
      expect(first.data.toString()).toBe('before');
      for (const message of rest) {
        expect(message.isBinary).toBe(binary);
        expect(Buffer.compare(message.data, payload)).toBe(0);
      }
      await close();
    });
  });
});

describe('the installed ws', () => {
  it('should be one copy: the sockets @nestjs/platform-ws creates are the ws whose internals FrameWriter reads', () => {
    // package.json `overrides` pins every dependent to the root `ws`; without it platform-ws
    // brought its own (older) copy, so the internals checked here were not those of live sockets.
    const nestWsDir = dirname(require.resolve('@nestjs/platform-ws/package.json'));
    expect(require.resolve('ws', { paths: [nestWsDir] })).toBe(require.resolve('ws'));
  });
});
