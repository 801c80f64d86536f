import { useGateway } from '../support/gateway';
import { TestClient } from '../support/test-client';

const TEXT = 'gg '.repeat(600); // 1,800 characters that deflate to a few dozen bytes

/**
 * Receives one room chat of `text` on `listener`, returning the bytes its TCP socket read for it.
 * A measurement during which another frame arrived (a room tick's sync) is taken again, so the
 * count is the chat's alone.
 */
async function wireBytesOfChat(sender: TestClient, listener: TestClient, room: string, text = TEXT): Promise<number> {
  const tcp = (listener.socket as unknown as { _socket: { bytesRead: number } })._socket;
  for (let attempt = 1; ; attempt++) {
    await listener.barrier();
    const framesBefore = listener.frames.length;
    const before = tcp.bytesRead;
    const sent = `${text}${attempt}`;
    sender.send('chat', { room_id: room, text: sent });
    const chat = await listener.next('chat', (f) => f.payload.text === sent);
    expect(chat.payload.text).toBe(sent);
    const bytes = tcp.bytesRead - before;
    if (listener.frames.length === framesBefore + 1 || attempt === 20) return bytes;
  }
}

async function pair(wsUrl: string, room: string) {
  const options = { ws: { perMessageDeflate: true } };
  const a = (await TestClient.connectWelcomed(wsUrl, options)).client;
  const b = (await TestClient.connectWelcomed(wsUrl, options)).client;
  for (const client of [a, b]) {
    client.send('join_room', { room_id: room });
    await client.next('room_joined');
  }
  // The joins' snapshot goes out at the next tick: let it pass, so that only the chat is counted.
  await b.next('sync', (f) => f.payload.players.length === 2);
  return { a, b };
}

describe('permessage-deflate', () => {
  describe('off (the default)', () => {
    const gateway = useGateway({ CHAT_MAX_LENGTH: '2000' });

    it('should not negotiate compression even when the client offers it, and send frames as they are', async () => {
      const { a, b } = await pair(gateway.wsUrl, 'plain');
      expect(b.socket.extensions).toBe('');
      expect(await wireBytesOfChat(a, b, 'plain')).toBeGreaterThan(TEXT.length);
      await Promise.all([a.close(), b.close()]);
    });
  });

  describe('on (WS_COMPRESSION=true)', () => {
    const gateway = useGateway({ WS_COMPRESSION: 'true', WS_COMPRESSION_THRESHOLD_BYTES: '512', CHAT_MAX_LENGTH: '2000' });

    it('should negotiate permessage-deflate and compress large frames', async () => {
      const { a, b } = await pair(gateway.wsUrl, 'zipped');
      expect(b.socket.extensions).toContain('permessage-deflate');
      expect(await wireBytesOfChat(a, b, 'zipped')).toBeLessThan(TEXT.length / 4);
      await Promise.all([a.close(), b.close()]);
    });

    // Deliberate break tried: compressing every frame (threshold ignored) fails the first expectation.
    it('should send a frame under WS_COMPRESSION_THRESHOLD_BYTES uncompressed and one over it compressed', async () => {
      const { a, b } = await pair(gateway.wsUrl, 'threshold');
      const small = 'g'.repeat(300); // a ~400-byte frame: under the 512-byte threshold, yet very compressible
      expect(await wireBytesOfChat(a, b, 'threshold', small)).toBeGreaterThan(small.length);
      expect(await wireBytesOfChat(a, b, 'threshold', 'g'.repeat(700))).toBeLessThan(300);
      await Promise.all([a.close(), b.close()]);
    });

    it('should still serve clients that do not offer compression', async () => {
      const plain = (await TestClient.connectWelcomed(gateway.wsUrl, { ws: { perMessageDeflate: false } })).client;
      expect(plain.socket.extensions).toBe('');
      await plain.barrier();
      await plain.close();
    });
  });
});
